package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.api.internal.Require;

/**
 * A content-addressed store of files, in the layout DVC uses: the object with SHA-256 {@code
 * abcdef...} lives at {@code <objects>/ab/cdef...}; a directory's manifest (see {@link Digest}) at
 * {@code <objects>/ab/cdef....dir}; the run cache (stage key to outputs, JSON) at {@code
 * <runs>/ab/cdef....json}. Locally these are {@code .mlops/cache} and {@code .mlops/runs}; in a
 * remote directory on a shared drive {@code <remote>/cache} and {@code <remote>/runs}.
 *
 * <p>Everything this class writes into the cache is durable and never torn: objects are moved in by
 * a rename after their bytes were forced to the device, manifests, run entries and copies from
 * another cache are written to a temporary file, forced and renamed; after each rename the folder
 * is forced too, as is the parent of every folder created (see {@code AtomicFiles} {@code
 * DURABLE}). Objects and manifests are then made read-only. {@link #checkout} into the project
 * renames without forcing: the cache, not the checked-out copy, is what survives a power loss.
 * Temporary files start with {@code .} and are never taken for objects.
 *
 * @since 0.1.0
 */
public final class ObjectCache {
  private final Path objects;
  private final Path runs;

  /**
   * @param objects the object directory (created on first write)
   * @param runs the run-cache directory (created on first write)
   */
  public ObjectCache(Path objects, Path runs) {
    this.objects = objects;
    this.runs = runs;
  }

  /**
   * @return the object directory
   */
  public Path objectsDir() {
    return objects;
  }

  /**
   * @return the path of the object with this hash
   */
  public Path object(String hash) {
    check(hash);
    return objects.resolve(hash.substring(0, 2)).resolve(hash.substring(2));
  }

  /**
   * @return the path of the directory manifest with this hash
   */
  public Path manifest(String hash) {
    check(hash);
    return objects.resolve(hash.substring(0, 2)).resolve(hash.substring(2) + ".dir");
  }

  /**
   * @return the path of the run-cache entry with this key
   */
  public Path run(String key) {
    check(key);
    return runs.resolve(key.substring(0, 2)).resolve(key.substring(2) + ".json");
  }

  /**
   * @return whether the file object is present
   */
  public boolean hasObject(String hash) {
    return Files.isRegularFile(object(hash));
  }

  /**
   * @return whether the content of the digest (file, or manifest and every file) is present
   */
  public boolean has(String hash, boolean directory) throws IOException {
    if (!directory) {
      return hasObject(hash);
    }
    if (!Files.isRegularFile(manifest(hash))) {
      return false;
    }
    for (Digest.ManifestEntry e : readManifest(hash)) {
      if (!hasObject(e.hash())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves {@code src} into the cache as the object {@code hash}, durably; if a sound object is
   * already there {@code src} is deleted instead.
   *
   * @param src a file on the same file system as the cache
   * @param hash its SHA-256
   * @param state if not null, records the object's hash, so that {@link #verify} need not read it
   * @throws IOException if the file cannot be moved
   */
  public void storeFile(Path src, String hash, @Nullable StateStore state) throws IOException {
    Path shard = place(src, hash, state);
    if (shard != null) {
      AtomicFiles.forceFolder(shard);
    }
  }

  /**
   * Moves every file of {@code srcDir} into the cache and writes the digest's manifest, durably:
   * the manifest is written after every object it names.
   *
   * @param srcDir the directory the digest was computed on
   * @param d its digest
   * @param state if not null, records the objects' hashes
   * @throws IOException if a file cannot be moved or the manifest written
   */
  public void storeDirectory(Path srcDir, Digest d, @Nullable StateStore state) throws IOException {
    Set<Path> shards = new LinkedHashSet<>();
    for (Digest.ManifestEntry e : d.entries()) {
      Path shard = place(srcDir.resolve(e.path()), e.hash(), state);
      if (shard != null) {
        shards.add(shard);
      }
    }
    for (Path shard : shards) {
      AtomicFiles.forceFolder(shard);
    }
    writeManifest(d);
  }

  /**
   * Forces the file's bytes, renames it into place as the object and makes it read-only.
   *
   * @return the folder to force, or null if a sound object was there already
   */
  private @Nullable Path place(Path src, String hash, @Nullable StateStore state)
      throws IOException {
    Path obj = object(hash);
    if (Files.isRegularFile(obj) && (state == null || verifyObject(hash, state))) {
      Files.deleteIfExists(src);
      return null;
    }
    Path shard = obj.getParent();
    createDirectoriesDurably(shard);
    force(src);
    try {
      AtomicFiles.moveAtomically(src, obj);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(src);
    }
    makeReadOnly(obj);
    if (state != null) {
      state.record(obj, Files.readAttributes(obj, BasicFileAttributes.class), hash);
    }
    return shard;
  }

  /**
   * Checks that the content of a digest is present and sound: every object still hashes to its name
   * (through the state, so an untouched object is not read). A corrupt object, for example one
   * edited in place through a hard-linked output, is deleted.
   *
   * @return whether the content can be restored
   */
  public boolean verify(String hash, boolean directory, StateStore state) throws IOException {
    if (!directory) {
      return verifyObject(hash, state);
    }
    if (!Files.isRegularFile(manifest(hash))) {
      return false;
    }
    List<Digest.ManifestEntry> entries;
    try {
      entries = readManifest(hash);
    } catch (IOException e) {
      Files.deleteIfExists(manifest(hash));
      return false;
    }
    for (Digest.ManifestEntry e : entries) {
      if (!verifyObject(e.hash(), state)) {
        return false;
      }
    }
    return true;
  }

  private boolean verifyObject(String hash, StateStore state) throws IOException {
    Path obj = object(hash);
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(obj, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (state.hash(obj, a).equals(hash)) {
      return true;
    }
    Files.delete(obj);
    return false;
  }

  /**
   * Writes the manifest of a directory digest durably, if absent.
   *
   * @param d a directory digest
   * @throws IOException if it cannot be written
   */
  public void writeManifest(Digest d) throws IOException {
    Path m = manifest(d.hash());
    if (!Files.isRegularFile(m)) {
      createDirectoriesDurably(m.getParent());
      AtomicFiles.write(m, Digest.manifestText(d.entries()), Durability.DURABLE);
      makeReadOnly(m);
    }
  }

  /**
   * @return the entries of the manifest {@code hash}
   * @throws IOException if it is missing or does not hash to {@code hash}
   */
  public List<Digest.ManifestEntry> readManifest(String hash) throws IOException {
    Path m = manifest(hash);
    String text = Files.readString(m, StandardCharsets.UTF_8);
    if (!FileHasher.sha256(text).equals(hash)) {
      throw new IOException("corrupt manifest (content does not match its hash): " + m);
    }
    List<Digest.ManifestEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String h = line.substring(0, 64);
      String p = line.substring(66);
      out.add(new Digest.ManifestEntry(p, h, Files.size(object(h))));
    }
    return out;
  }

  /**
   * Places a cached file or directory at {@code target}, replacing what was there; files are hard
   * links to the objects when {@code link} and the file system allow it, else copies. The new
   * content appears by renames, so that an interrupted checkout leaves the old content or nothing,
   * never a part.
   *
   * @param scratch a directory on the same file system as {@code target}, for temporary files
   * @param state if not null, records the hashes of the placed files
   */
  public void checkout(
      String hash,
      boolean directory,
      Path target,
      Path scratch,
      boolean link,
      @Nullable StateStore state)
      throws IOException {
    Files.createDirectories(scratch);
    Path staged = scratch.resolve("place-" + UUID.randomUUID());
    if (!directory) {
      placeFile(object(hash), staged, link);
    } else {
      Files.createDirectories(staged);
      for (Digest.ManifestEntry e : readManifest(hash)) {
        placeFile(object(e.hash()), staged.resolve(e.path()), link);
      }
    }
    Files.createDirectories(target.getParent());
    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (!directory && !(exists && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS))) {
      AtomicFiles.moveAtomically(staged, target);
    } else {
      Path old = scratch.resolve("old-" + UUID.randomUUID());
      if (exists) {
        AtomicFiles.moveAtomically(target, old);
      }
      AtomicFiles.moveAtomically(staged, target);
      AtomicFiles.deleteRecursively(old);
    }
    if (state != null) {
      if (!directory) {
        state.record(target, Files.readAttributes(target, BasicFileAttributes.class), hash);
      } else {
        for (Digest.ManifestEntry e : readManifest(hash)) {
          Path f = target.resolve(e.path());
          state.record(f, Files.readAttributes(f, BasicFileAttributes.class), e.hash());
        }
      }
    }
  }

  private static void placeFile(Path obj, Path dest, boolean link) throws IOException {
    if (!Files.isRegularFile(obj)) {
      throw new NoSuchFileException(obj.toString(), null, "cache object missing");
    }
    boolean linked = AtomicFiles.linkOrCopy(obj, dest, link);
    if (!linked) {
      dest.toFile().setWritable(true, true);
    }
  }

  /**
   * Copies an object, a manifest or a run entry of this cache to the same place in another cache,
   * durably, if it is not there.
   *
   * @param mine the file in this cache
   * @param theirs where it goes in the other cache
   * @return the bytes copied, 0 if the other cache had it
   * @throws IOException if it cannot be copied
   */
  public long copyTo(Path mine, Path theirs) throws IOException {
    if (Files.isRegularFile(theirs)) {
      return 0;
    }
    Path folder = theirs.getParent();
    createDirectoriesDurably(folder);
    Path t =
        folder.resolve(AtomicFiles.TMP_PREFIX + theirs.getFileName() + "-" + UUID.randomUUID());
    try {
      AtomicFiles.copy(mine, t);
      force(t);
      AtomicFiles.moveAtomically(t, theirs);
      AtomicFiles.forceFolder(folder);
    } finally {
      Files.deleteIfExists(t);
    }
    makeReadOnly(theirs);
    return Files.size(theirs);
  }

  /**
   * @param key a run key
   * @return the run-cache entry for the key, as text, or empty if there is none
   * @throws IOException if it cannot be read
   */
  public Optional<String> readRun(String key) throws IOException {
    Path p = run(key);
    try {
      return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a run-cache entry durably, replacing an earlier one.
   *
   * @param key the run key
   * @param json the entry (see {@link LockFile#runEntryJson})
   * @throws IOException if it cannot be written
   */
  public void writeRun(String key, String json) throws IOException {
    Path r = run(key);
    createDirectoriesDurably(r.getParent());
    AtomicFiles.write(r, json, Durability.DURABLE);
  }

  /** Result of {@link #gc}. */
  public record Sweep(int removed, long bytes, int kept) {}

  /**
   * Deletes every object and manifest whose hash is not in {@code keepObjects} / {@code
   * keepManifests}, and every run entry not in {@code keepRuns}.
   */
  public Sweep gc(Set<String> keepObjects, Set<String> keepManifests, Set<String> keepRuns)
      throws IOException {
    int removed = 0;
    int kept = 0;
    long bytes = 0;
    for (Path f : listFiles(objects)) {
      String name = f.getFileName().toString();
      String prefix = f.getParent().getFileName().toString();
      boolean manifestFile = name.endsWith(".dir");
      String hash = prefix + (manifestFile ? name.substring(0, name.length() - 4) : name);
      boolean keep = manifestFile ? keepManifests.contains(hash) : keepObjects.contains(hash);
      if (keep) {
        kept++;
      } else {
        bytes += Files.size(f);
        Files.delete(f);
        removed++;
      }
    }
    for (Path f : listFiles(runs)) {
      String name = f.getFileName().toString();
      String key =
          f.getParent().getFileName() + name.substring(0, name.length() - ".json".length());
      if (!keepRuns.contains(key)) {
        Files.delete(f);
      }
    }
    return new Sweep(removed, bytes, kept);
  }

  private static List<Path> listFiles(Path top) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(top)) {
      return out;
    }
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(top)) {
      for (Path shard : shards) {
        if (!Files.isDirectory(shard)) {
          continue;
        }
        try (Stream<Path> s = Files.list(shard)) {
          s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(out::add);
        }
      }
    }
    return out;
  }

  private static void makeReadOnly(Path p) {
    p.toFile().setWritable(false, false);
  }

  /** Forces a file's bytes to the device. */
  private static void force(Path file) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      // a read-only file: fsync of a read-only descriptor works where the platform allows it
      ch = FileChannel.open(file, StandardOpenOption.READ);
    }
    try (FileChannel c = ch) {
      c.force(true);
    }
  }

  /**
   * Creates a folder and its missing parents, forcing the parent of each one created, so that the
   * new folders survive a power loss with what is later forced into them.
   */
  private static void createDirectoriesDurably(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    if (missing.isEmpty()) {
      return;
    }
    Files.createDirectories(dir);
    for (Path created : missing) {
      Path parent = created.getParent();
      if (parent != null) {
        AtomicFiles.forceFolder(parent);
      }
    }
  }

  private static void check(String hash) {
    Require.argument(
        FileHasher.isSha256(hash), "hash", "64 lowercase hex characters", "'" + hash + "'");
  }
}
