package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mlops4j.api.MlopsException;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.LockFile;
import org.mlops4j.pipeline.internal.LockFile.LockDoc;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.pipeline.internal.LockFile.StageLock;
import org.mlops4j.pipeline.internal.ObjectCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache upkeep: garbage collection ({@link Pipeline#gc(int)}) and copies to and from another cache
 * ({@link Pipeline#push(Path)}, {@link Pipeline#pull(Path)}).
 */
final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Maintenance() {}

  static GcResult gc(Pipeline p, int keepLocks) {
    Path hist = p.mlopsDir().resolve("locks");
    try {
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
              if (Files.isRegularFile(p.cache.manifest(lp.sha256()))) {
                for (Digest.ManifestEntry e : p.cache.readManifest(lp.sha256())) {
                  objects.add(e.hash());
                }
              }
            } else {
              objects.add(lp.sha256());
            }
          }
        }
      }
      ObjectCache.Sweep sweep = p.cache.gc(objects, manifests, runs);
      for (Path f : locks.subList(0, removeCount)) {
        Files.deleteIfExists(f);
      }
      GcResult r = new GcResult(sweep.removed(), sweep.bytes(), sweep.kept(), removeCount);
      LOG.info("{}", r);
      return r;
    } catch (IOException e) {
      throw new MlopsException(
          "garbage collection of " + p.cache.objectsDir() + " failed: " + e.getMessage(), e);
    }
  }

  static CacheTransfer transfer(Pipeline p, ObjectCache from, ObjectCache to) {
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
      List<Path[]> pairs = new ArrayList<>();
      for (StageLock sl : doc.stages().values()) {
        if (sl.runKey() != null) {
          pairs.add(new Path[] {from.run(sl.runKey()), to.run(sl.runKey())});
        }
        for (LockedPath lp : sl.outputs().values()) {
          if (lp.directory()) {
            pairs.add(new Path[] {from.manifest(lp.sha256()), to.manifest(lp.sha256())});
            Path m =
                Files.isRegularFile(from.manifest(lp.sha256())) ? null : to.manifest(lp.sha256());
            ObjectCache source = m == null ? from : to;
            if (Files.isRegularFile(source.manifest(lp.sha256()))) {
              for (Digest.ManifestEntry e : source.readManifest(lp.sha256())) {
                pairs.add(new Path[] {from.object(e.hash()), to.object(e.hash())});
              }
            }
          } else {
            pairs.add(new Path[] {from.object(lp.sha256()), to.object(lp.sha256())});
          }
        }
      }
      Set<Path> seen = new HashSet<>();
      for (Path[] pair : pairs) {
        if (!seen.add(pair[1])) {
          continue;
        }
        if (Files.isRegularFile(pair[1])) {
          present++;
        } else if (!Files.isRegularFile(pair[0])) {
          missing++;
        } else {
          bytes += from.copyTo(pair[0], pair[1]);
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
