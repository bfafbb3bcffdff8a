package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.LockFile;
import org.mlops4j.pipeline.internal.LockFile.LockDoc;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.pipeline.internal.LockFile.RunEntry;
import org.mlops4j.pipeline.internal.LockFile.StageLock;
import org.mlops4j.pipeline.internal.ObjectCache;
import org.mlops4j.pipeline.internal.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache upkeep: garbage collection ({@link Pipeline#gc(int)}), verification ({@link
 * Pipeline#verify(double)}) and copies to and from another cache ({@link Pipeline#push(Path)},
 * {@link Pipeline#pull(Path)}). Each first removes the temporary files that killed processes left:
 * in the project and {@code .mlops}, and for a copy in the remote's {@code cache/} and {@code
 * runs/} too ({@link AtomicFiles#removeStaleTemporaries}: temporary names record the machine, and
 * another machine's are removed only after an hour untouched).
 */
final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Maintenance() {}

  static GcResult gc(Pipeline p, int keepLocks) {
    p.ownFolder();
    Path hist = p.mlopsDir().resolve("locks");
    try {
      int temporaries = p.removeStaleTemporaries(true);
      List<Path> locks = new ArrayList<>();
      if (Files.isDirectory(hist)) {
        try (Stream<Path> s = Files.list(hist)) {
          s.filter(f -> f.getFileName().toString().endsWith(".lock")).sorted().forEach(locks::add);
        }
      }
      int removeCount = Math.max(0, locks.size() - keepLocks);
      List<Path> kept = new ArrayList<>(locks.subList(removeCount, locks.size()));
      List<LockDoc> docs = new ArrayList<>();
      LockFile.read(p.lockFile()).ifPresent(docs::add);
      for (Path f : kept) {
        LockFile.read(f).ifPresent(docs::add);
      }
      Set<String> objects = new HashSet<>();
      Set<String> manifests = new HashSet<>();
      Set<String> runs = new HashSet<>();
      for (LockDoc d : docs) {
        for (StageLock sl : d.stages().values()) {
          if (sl.runKey() != null) {
            runs.add(sl.runKey());
          }
          for (LockedPath lp : sl.outputs().values()) {
            if (lp.directory()) {
              manifests.add(lp.sha256());
              manifestEntries(p.cache, lp.sha256())
                  .ifPresent(es -> es.forEach(e -> objects.add(e.hash())));
            } else {
              objects.add(lp.sha256());
            }
          }
        }
      }
      // data tracked by pointer files (Data) shares the cache: keep what the pointers name
      Data.references(p.root, p.cache, objects, manifests, false);
      ObjectCache.Sweep sweep = p.cache.gc(objects, manifests, runs);
      for (Path f : locks.subList(0, removeCount)) {
        Files.deleteIfExists(f);
      }
      long[] quarantined = emptyQuarantine(p);
      GcResult r =
          new GcResult(
              sweep.removed() + (int) quarantined[0],
              sweep.bytes() + quarantined[1],
              sweep.kept(),
              removeCount,
              temporaries);
      LOG.info("{}", r);
      return r;
    } catch (IOException e) {
      throw new MlopsException(
          "garbage collection of " + p.cache.objectsDir() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Adds the objects and manifests that the pipeline references: outputs in {@code mlops.lock}, in
   * every lock kept in {@code .mlops/locks/} and in every run-cache entry (the data's gc keeps all
   * of them, whatever {@link Pipeline#gc(int)} would keep).
   */
  static void pipelineReferences(
      Path root, ObjectCache cache, Set<String> objects, Set<String> manifests) throws IOException {
    List<StageLock> entries = new ArrayList<>();
    LockFile.read(root.resolve(Pipeline.LOCK_FILE))
        .ifPresent(d -> entries.addAll(d.stages().values()));
    Path hist = root.resolve(Pipeline.MLOPS_DIR).resolve("locks");
    if (Files.isDirectory(hist, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(hist, "*.lock")) {
        for (Path f : s) {
          LockFile.read(f).ifPresent(d -> entries.addAll(d.stages().values()));
        }
      }
    }
    for (String key : cache.runKeys()) {
      Optional<String> text = cache.readRun(key);
      RunEntry e = LockFile.parseRunEntry(text.orElse("null"), cache.run(key).toString());
      if (e.lock() != null) {
        entries.add(e.lock());
      }
    }
    for (StageLock sl : entries) {
      for (LockedPath lp : sl.outputs().values()) {
        if (lp.directory()) {
          manifests.add(lp.sha256());
          manifestEntries(cache, lp.sha256())
              .ifPresent(es -> es.forEach(e -> objects.add(e.hash())));
        } else {
          objects.add(lp.sha256());
        }
      }
    }
  }

  /** The entries of a manifest of the local cache, empty if it is missing or refused. */
  private static Optional<List<Digest.ManifestEntry>> manifestEntries(ObjectCache cache, String h)
      throws IOException {
    if (!Files.isRegularFile(cache.manifest(h), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(cache.readManifest(h));
    } catch (MlopsException e) {
      LOG.warn("{}", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Deletes what the quarantine holds.
   *
   * @return {count, bytes}
   */
  private static long[] emptyQuarantine(Pipeline p) throws IOException {
    Path q = p.mlopsDir().resolve(Pipeline.QUARANTINE_DIR);
    long[] out = new long[2];
    if (!Files.isDirectory(q, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(q)) {
      for (Path f : s) {
        BasicFileAttributes a =
            Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        out[0]++;
        out[1] += a.isRegularFile() ? a.size() : 0;
        AtomicFiles.deleteRecursively(f);
      }
    }
    return out;
  }

  static VerifyResult verify(Pipeline p, double fraction) {
    try {
      p.removeStaleTemporaries(true);
      StateStore state = p.state();
      ObjectCache.Check check = p.cache.check(fraction, state);
      state.forgetFileKeys(check.corruptFileKeys());
      Set<String> corrupt = new TreeSet<>(check.corrupt());

      List<StageLock> entries = new ArrayList<>();
      LockFile.read(p.lockFile()).ifPresent(d -> entries.addAll(d.stages().values()));
      Path hist = p.mlopsDir().resolve("locks");
      if (Files.isDirectory(hist, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(hist, "*.lock")) {
          for (Path f : s) {
            LockFile.read(f).ifPresent(d -> entries.addAll(d.stages().values()));
          }
        }
      }
      for (String key : p.cache.runKeys()) {
        Optional<String> text = p.cache.readRun(key);
        try {
          RunEntry e = LockFile.parseRunEntry(text.orElse("null"), p.cache.run(key).toString());
          if (e.lock() != null) {
            entries.add(e.lock());
          }
        } catch (MlopsException e) {
          LOG.warn("{}", e.getMessage());
        }
      }
      Set<String> objects = new TreeSet<>();
      Set<String> manifests = new TreeSet<>();
      for (StageLock sl : entries) {
        for (LockedPath lp : sl.outputs().values()) {
          (lp.directory() ? manifests : objects).add(lp.sha256());
        }
      }
      for (String m : manifests) {
        if (!Files.isRegularFile(p.cache.manifest(m), LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try {
          p.cache.readManifest(m).forEach(e -> objects.add(e.hash()));
        } catch (MlopsException e) {
          LOG.warn("{}", e.getMessage()); // refused: moved to the quarantine
          corrupt.add(m);
        } catch (IOException e) {
          p.cache.quarantine(p.cache.manifest(m));
          corrupt.add(m);
        }
      }
      List<String> missing = new ArrayList<>();
      for (String m : manifests) {
        if (!corrupt.contains(m)
            && !Files.isRegularFile(p.cache.manifest(m), LinkOption.NOFOLLOW_LINKS)) {
          missing.add(m);
        }
      }
      for (String o : objects) {
        if (!corrupt.contains(o) && !p.cache.hasObject(o)) {
          missing.add(o);
        }
      }
      state.save();
      VerifyResult r =
          new VerifyResult(
              check.checked(),
              check.bytes(),
              List.copyOf(corrupt),
              List.copyOf(new TreeSet<>(missing)),
              p.mlopsDir().resolve(Pipeline.QUARANTINE_DIR));
      if (r.ok()) {
        LOG.info("{}", r);
      } else {
        LOG.warn("{}", r);
      }
      return r;
    } catch (IOException e) {
      throw new MlopsException(
          p.cache.objectsDir() + ": verification failed: " + e.getMessage(), e);
    }
  }

  /** One file to copy, with the hash its content must have (null for a run entry). */
  private record Copy(Path from, Path to, @Nullable String hash) {}

  static CacheTransfer transfer(Pipeline p, ObjectCache from, ObjectCache to, ObjectCache remote) {
    p.ownFolder();
    LockDoc doc =
        LockFile.read(p.lockFile())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no lock file " + p.lockFile() + ": run the pipeline first"));
    int copied = 0;
    int present = 0;
    int missing = 0;
    long bytes = 0;
    try {
      int stale =
          p.removeStaleTemporaries(true)
              + AtomicFiles.removeStaleTemporaries(remote.objectsDir(), 1)
              + AtomicFiles.removeStaleTemporaries(remote.runsDir(), 1);
      if (stale > 0) {
        LOG.info("removed {} temporary files left by killed processes", stale);
      }
      List<Copy> copies = new ArrayList<>();
      for (StageLock sl : doc.stages().values()) {
        String key = sl.runKey();
        if (key != null) {
          Optional<String> text = from.readRun(key);
          if (text.isPresent()) {
            RunEntry e = LockFile.parseRunEntry(text.get(), from.run(key).toString());
            if (!key.equals(e.runKey())) {
              throw new MlopsException(
                  from.run(key) + ": is the entry of run key " + e.runKey() + ", not of " + key);
            }
          }
          copies.add(new Copy(from.run(key), to.run(key), null));
        }
        for (LockedPath lp : sl.outputs().values()) {
          if (lp.directory()) {
            copies.add(new Copy(from.manifest(lp.sha256()), to.manifest(lp.sha256()), lp.sha256()));
            ObjectCache source =
                Files.isRegularFile(from.manifest(lp.sha256()), LinkOption.NOFOLLOW_LINKS)
                    ? from
                    : to;
            if (Files.isRegularFile(source.manifest(lp.sha256()), LinkOption.NOFOLLOW_LINKS)) {
              for (Digest.ManifestEntry e : source.readManifest(lp.sha256())) {
                copies.add(new Copy(from.object(e.hash()), to.object(e.hash()), e.hash()));
              }
            }
          } else {
            copies.add(new Copy(from.object(lp.sha256()), to.object(lp.sha256()), lp.sha256()));
          }
        }
      }
      Set<Path> seen = new HashSet<>();
      for (Copy c : copies) {
        if (!seen.add(c.to())) {
          continue;
        }
        if (Files.isRegularFile(c.to(), LinkOption.NOFOLLOW_LINKS)) {
          present++;
        } else if (!Files.isRegularFile(c.from())) {
          missing++;
        } else {
          bytes += from.copyTo(c.from(), c.to(), c.hash());
          copied++;
        }
      }
    } catch (IOException e) {
      throw new MlopsException(
          "copy from "
              + from.objectsDir()
              + " to "
              + to.objectsDir()
              + " failed: "
              + e.getMessage(),
          e);
    }
    CacheTransfer t = new CacheTransfer(copied, present, missing, bytes);
    LOG.info("{} -> {}: {}", from.objectsDir(), to.objectsDir(), t);
    return t;
  }
}
