package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
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
 * DURABLE}). Objects and manifests are then made read-only. Outputs are put in the project in two
 * steps, {@link #stage} (links or copies in a staging folder) and {@link #switchInto} (one rename),
 * without forcing: the cache, not the checked-out copy, is what survives a power loss. Temporary
 * files start with {@code .} ({@link AtomicFiles#temporaryName(String)}) and are never taken for
 * objects.
 *
 * <p>What the cache trusts and what it checks. A manifest is read only if its text hashes to its
 * name, and accepted only if every entry is {@code <sha256> <path>} with a path that {@link
 * SafePaths#problem} accepts, in strictly increasing order, no file inside another: otherwise the
 * whole manifest is refused ({@link MlopsException} naming the manifest and the entry) and, in a
 * cache with a quarantine folder, moved there. Objects, manifests and run entries are read without
 * following a link at their own name. An object that is not a regular file, or whose content does
 * not hash to its name when checked, is moved to the quarantine folder (deleted in a cache without
 * one), so that it is never restored again and the work that made it runs again. What a restore
 * places is hashed again when the object is at most {@link #ALWAYS_VERIFY_BYTES} long; a larger one
 * is trusted when its size, modification time and inode are those recorded when it was stored or
 * last hashed ({@link StateStore}), and is re-hashed otherwise. A copy from another cache is hashed
 * before it is renamed into place, so a remote cannot bring in an object that does not match its
 * name.
 *
 * @since 0.1.0
 */
public final class ObjectCache {
  /** Objects up to this size (1 MiB) are hashed again every time a restore places them. */
  public static final long ALWAYS_VERIFY_BYTES = 1 << 20;

  private final Path objects;
  private final Path runs;
  private final @Nullable Path quarantine;

  /**
   * A cache without a quarantine folder (a remote): corrupt objects found in it are deleted.
   *
   * @param objects the object directory (created on first write)
   * @param runs the run-cache directory (created on first write)
   */
  public ObjectCache(Path objects, Path runs) {
    this(objects, runs, null);
  }

  /**
   * @param objects the object directory (created on first write)
   * @param runs the run-cache directory (created on first write)
   * @param quarantine where corrupt objects and refused manifests are moved, or null to delete them
   */
  public ObjectCache(Path objects, Path runs, @Nullable Path quarantine) {
    this.objects = objects;
    this.runs = runs;
    this.quarantine = quarantine;
  }

  /**
   * An object that does not hash to its name, or is not a regular file: moved out of the cache
   * before this is thrown.
   */
  public static final class CorruptObjectException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptObjectException(String message) {
      super(message);
    }
  }

  /**
   * @return the object directory
   */
  public Path objectsDir() {
    return objects;
  }

  /**
   * @return the run-cache directory
   */
  public Path runsDir() {
    return runs;
  }

  /**
   * @return the quarantine folder, if this cache has one
   */
  public Optional<Path> quarantineDir() {
    return Optional.ofNullable(quarantine);
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
    return Files.isRegularFile(object(hash), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * @return whether the content of the digest (file, or manifest and every file) is present
   */
  public boolean has(String hash, boolean directory) throws IOException {
    if (!directory) {
      return hasObject(hash);
    }
    if (!Files.isRegularFile(manifest(hash), LinkOption.NOFOLLOW_LINKS)) {
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
    if (Files.isRegularFile(obj, LinkOption.NOFOLLOW_LINKS)
        && (state == null || verifyObject(hash, state))) {
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
   * edited in place through a hard-linked output, and a manifest that does not hash to its name are
   * moved to the quarantine folder (deleted in a cache without one).
   *
   * @return whether the content can be restored
   * @throws MlopsException if the manifest is refused (see the class comment)
   */
  public boolean verify(String hash, boolean directory, StateStore state) throws IOException {
    if (!directory) {
      return verifyObject(hash, state);
    }
    if (!Files.isRegularFile(manifest(hash), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    List<Digest.ManifestEntry> entries;
    try {
      entries = readManifest(hash);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      quarantine(manifest(hash));
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
      a = Files.readAttributes(obj, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (a.isRegularFile() && state.hash(obj, a).equals(hash)) {
      return true;
    }
    quarantine(obj);
    return false;
  }

  /**
   * Moves a file out of the cache into the quarantine folder (named by its hash, and a number if
   * that name is taken), or deletes it in a cache without one.
   *
   * @param file an object or manifest of this cache
   * @return where it went, or empty if it was deleted or was not there
   * @throws IOException if it can be neither moved nor deleted
   */
  public Optional<Path> quarantine(Path file) throws IOException {
    Path q = quarantine;
    if (q == null) {
      Files.deleteIfExists(file);
      return Optional.empty();
    }
    Path parent = file.getParent();
    String name = (parent == null ? "" : parent.getFileName().toString()) + file.getFileName();
    Files.createDirectories(q);
    Path to = q.resolve(name);
    for (int i = 1; Files.exists(to, LinkOption.NOFOLLOW_LINKS); i++) {
      to = q.resolve(name + "." + i);
    }
    try {
      Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(to);
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
   * Reads and checks a manifest (see the class comment); an entry's size is that of its object, -1
   * when the object is missing.
   *
   * @return the entries of the manifest {@code hash}
   * @throws IOException if it is missing, is a link, or does not hash to {@code hash}
   * @throws MlopsException if an entry is refused: {@code <manifest>: entry <n> '<path>' is not a
   *     relative path inside the output: <why>; ...}, the manifest moved to the quarantine first
   */
  public List<Digest.ManifestEntry> readManifest(String hash) throws IOException {
    Path m = manifest(hash);
    String text = readNoFollow(m);
    if (!FileHasher.sha256(text).equals(hash)) {
      throw new IOException("corrupt manifest (content does not match its hash): " + m);
    }
    List<Digest.ManifestEntry> out = new ArrayList<>();
    Optional<String> problem = parseManifest(text, out);
    if (problem.isPresent()) {
      Optional<Path> moved = quarantine(m);
      throw new MlopsException(
          m
              + ": "
              + problem.get()
              + "; the whole manifest is refused"
              + moved.map(q -> " and moved to " + q).orElse(""));
    }
    List<Digest.ManifestEntry> sized = new ArrayList<>(out.size());
    for (Digest.ManifestEntry e : out) {
      long size;
      try {
        size =
            Files.readAttributes(
                    object(e.hash()), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .size();
      } catch (NoSuchFileException x) {
        size = -1;
      }
      sized.add(new Digest.ManifestEntry(e.path(), e.hash(), size));
    }
    return sized;
  }

  /**
   * Parses a manifest's text into {@code out}.
   *
   * @return what is wrong with it, or empty if every line is {@code <sha256> <path>} with a safe
   *     path, in strictly increasing order, and no path lies below another one
   */
  static Optional<String> parseManifest(String text, List<Digest.ManifestEntry> out) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      return Optional.of("the last line does not end with a newline");
    }
    String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
    Set<String> files = new HashSet<>();
    String previous = null;
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      int n = i + 1;
      if (line.length() < 67
          || line.charAt(64) != ' '
          || line.charAt(65) != ' '
          || !FileHasher.isSha256(line.substring(0, 64))) {
        return Optional.of("line " + n + " is not '<sha256>  <path>'");
      }
      String path = line.substring(66);
      Optional<String> bad = SafePaths.problem(path);
      if (bad.isPresent()) {
        return Optional.of(
            "entry "
                + n
                + " '"
                + path
                + "' is not a relative path inside the output: "
                + bad.get());
      }
      if (previous != null && path.compareTo(previous) <= 0) {
        return Optional.of("entry " + n + " '" + path + "' is repeated or out of order");
      }
      previous = path;
      files.add(path);
      out.add(new Digest.ManifestEntry(path, line.substring(0, 64), -1));
    }
    for (Digest.ManifestEntry e : out) {
      String p = e.path();
      for (int slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
        if (files.contains(p.substring(0, slash))) {
          return Optional.of(
              "entry '" + p + "' lies below the file entry '" + p.substring(0, slash) + "'");
        }
      }
    }
    return Optional.empty();
  }

  private static String readNoFollow(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(file)) {
        throw new IOException(file + ": is a symbolic link, not a file of the cache", e);
      }
      throw e;
    }
  }

  /**
   * Places a cached file or directory at {@code target}, replacing what was there: {@link #stage},
   * then {@link #switchInto}. Checks nothing about the folders above {@code target}; the pipeline
   * places outputs with {@link Checkout}, which does.
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
    Path staged = stage(hash, directory, scratch, link, false);
    CrashPoints.reach(CrashPoints.CHECKOUT_STAGED);
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    switchInto(staged, target, directory, scratch);
    CrashPoints.reach(CrashPoints.CHECKOUT_SWITCHED);
    if (state != null) {
      recordPlaced(hash, directory, target, state);
    }
  }

  /**
   * Builds a cached file or directory in the staging folder: hard links to the objects when {@code
   * link} and the file system allow it, else copies (made writable). Nothing outside {@code
   * scratch} changes. Only a checked manifest is used, so every file lands inside the staged
   * folder.
   *
   * @param scratch the staging folder, on the same file system as the project
   * @param verify whether to hash again each placed file of at most {@link #ALWAYS_VERIFY_BYTES}
   * @return the staged file or folder, a temporary name in {@code scratch}
   * @throws CorruptObjectException if an object is not a regular file or (when verified) does not
   *     hash to its name; it has been moved out of the cache and nothing stays staged
   * @throws NoSuchFileException if an object is missing
   * @throws IOException if linking or copying fails
   */
  public Path stage(String hash, boolean directory, Path scratch, boolean link, boolean verify)
      throws IOException {
    Files.createDirectories(scratch);
    Path staged = scratch.resolve(AtomicFiles.temporaryName("place"));
    try {
      if (!directory) {
        placeFile(hash, staged, link, verify);
      } else {
        Files.createDirectory(staged);
        for (Digest.ManifestEntry e : readManifest(hash)) {
          placeFile(e.hash(), staged.resolve(e.path()), link, verify);
        }
      }
    } catch (IOException | RuntimeException e) {
      AtomicFiles.deleteRecursively(staged);
      throw e;
    }
    return staged;
  }

  /**
   * Renames a staged file or folder to {@code target}, replacing what is there (a link there is
   * replaced, not followed); a folder, or a file replacing a folder, moves the old content aside to
   * {@code scratch} first and deletes it after.
   *
   * @param staged what {@link #stage} returned
   * @param target where it goes; its folder exists
   * @param directory whether it is a folder
   * @param scratch the staging folder
   * @throws IOException if a rename fails
   */
  public void switchInto(Path staged, Path target, boolean directory, Path scratch)
      throws IOException {
    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (!directory && !(exists && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS))) {
      AtomicFiles.moveAtomically(staged, target);
    } else {
      Path old = scratch.resolve(AtomicFiles.temporaryName("old"));
      if (exists) {
        AtomicFiles.moveAtomically(target, old);
      }
      AtomicFiles.moveAtomically(staged, target);
      AtomicFiles.deleteRecursively(old);
    }
  }

  /**
   * Records the hashes of a file or folder just placed at {@code target}, so that it is not read
   * again.
   *
   * @param hash the content's hash
   * @param directory whether it is a folder
   * @param target where it was placed
   * @param state the records
   * @throws IOException if the placed files cannot be read
   */
  public void recordPlaced(String hash, boolean directory, Path target, StateStore state)
      throws IOException {
    if (!directory) {
      state.record(target, Files.readAttributes(target, BasicFileAttributes.class), hash);
    } else {
      for (Digest.ManifestEntry e : readManifest(hash)) {
        Path f = target.resolve(e.path());
        state.record(f, Files.readAttributes(f, BasicFileAttributes.class), e.hash());
      }
    }
  }

  private void placeFile(String hash, Path dest, boolean link, boolean verify) throws IOException {
    Path obj = object(hash);
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(obj, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(obj.toString(), null, "cache object missing");
    }
    if (!a.isRegularFile()) {
      Optional<Path> q = quarantine(obj);
      throw new CorruptObjectException(
          obj + ": is not a regular file" + q.map(p -> "; moved to " + p).orElse("; deleted"));
    }
    Path parent = dest.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean linked = AtomicFiles.linkOrCopy(obj, dest, link);
    if (!linked) {
      dest.toFile().setWritable(true, true);
    }
    if (verify && a.size() <= ALWAYS_VERIFY_BYTES) {
      String actual = FileHasher.sha256(dest);
      if (!actual.equals(hash)) {
        Optional<Path> q = quarantine(obj);
        throw new CorruptObjectException(
            obj
                + ": content does not match its name (SHA-256 "
                + actual
                + ")"
                + q.map(p -> "; moved to " + p).orElse("; deleted"));
      }
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
    return copyTo(mine, theirs, null);
  }

  /**
   * Copies a file of this cache to the same place in another cache, durably, if it is not there: to
   * a temporary name ({@link AtomicFiles#temporaryName(String)}) in the destination folder, hashed
   * when {@code expectedHash} is given, forced, then renamed.
   *
   * @param mine the file in this cache
   * @param theirs where it goes in the other cache
   * @param expectedHash the SHA-256 the copy must have (an object's or a manifest's name), or null
   * @return the bytes copied, 0 if the other cache had it
   * @throws MlopsException {@code <mine>: content does not match its name ...} if the copy does not
   *     hash to {@code expectedHash}; nothing is left of it
   * @throws IOException if it cannot be copied
   */
  public long copyTo(Path mine, Path theirs, @Nullable String expectedHash) throws IOException {
    if (Files.isRegularFile(theirs, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    Path folder = theirs.getParent();
    createDirectoriesDurably(folder);
    Path t = folder.resolve(AtomicFiles.temporaryName(theirs.getFileName().toString()));
    try {
      AtomicFiles.copy(mine, t);
      if (expectedHash != null) {
        String actual = FileHasher.sha256(t);
        if (!actual.equals(expectedHash)) {
          throw new MlopsException(
              mine + ": content does not match its name (SHA-256 " + actual + "); not copied");
        }
      }
      force(t);
      CrashPoints.reach(CrashPoints.COPY_WRITTEN);
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
      return Optional.of(readNoFollow(p));
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

  /**
   * Result of {@link #gc}.
   *
   * @param removed objects and manifests deleted
   * @param bytes their size
   * @param kept objects and manifests kept
   */
  public record Sweep(int removed, long bytes, int kept) {}

  /**
   * Deletes every object and manifest whose hash is not in {@code keepObjects} / {@code
   * keepManifests}, and every run entry not in {@code keepRuns}.
   *
   * @return what was deleted
   * @throws IOException if the cache cannot be listed or a file deleted
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
        bytes +=
            Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
        Files.delete(f);
        removed++;
      }
    }
    for (Path f : listFiles(runs)) {
      String name = f.getFileName().toString();
      String key =
          f.getParent().getFileName()
              + name.substring(0, Math.max(0, name.length() - ".json".length()));
      if (!keepRuns.contains(key)) {
        Files.delete(f);
      }
    }
    return new Sweep(removed, bytes, kept);
  }

  /**
   * @return the keys of the run-cache entries present
   * @throws IOException if the folder cannot be listed
   */
  public List<String> runKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    for (Path f : listFiles(runs)) {
      String name = f.getFileName().toString();
      if (name.endsWith(".json")) {
        String key = f.getParent().getFileName() + name.substring(0, name.length() - 5);
        if (FileHasher.isSha256(key)) {
          keys.add(key);
        }
      }
    }
    Collections.sort(keys);
    return keys;
  }

  /**
   * What {@link #check} found.
   *
   * @param checked objects and manifests hashed
   * @param bytes their size
   * @param corrupt the hashes of those that did not match their name (or were not regular files, or
   *     manifests that are refused), sorted; they are in the quarantine now
   * @param corruptFileKeys the file keys (inodes) of the corrupt objects, so that records of files
   *     sharing them (hard-linked outputs) can be dropped
   */
  public record Check(int checked, long bytes, List<String> corrupt, Set<String> corruptFileKeys) {}

  /**
   * Hashes objects and manifests of the cache again, whatever the state records, and moves those
   * that do not match their name to the quarantine. Sound objects get a fresh record in {@code
   * state}.
   *
   * @param fraction the chance, in (0, 1], that each object is checked (independently, so that
   *     repeated samples cover the whole cache over time)
   * @param state the records of known hashes
   * @return what was checked and found corrupt
   * @throws IOException if the cache cannot be read
   */
  public Check check(double fraction, StateStore state) throws IOException {
    int checked = 0;
    long bytes = 0;
    List<String> corrupt = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Path f : listFiles(objects)) {
      String name = f.getFileName().toString();
      boolean manifestFile = name.endsWith(".dir");
      String hash =
          f.getParent().getFileName()
              + (manifestFile ? name.substring(0, name.length() - 4) : name);
      if (!FileHasher.isSha256(hash)
          || (fraction < 1 && ThreadLocalRandom.current().nextDouble() >= fraction)) {
        continue;
      }
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        continue;
      }
      checked++;
      boolean sound = false;
      if (a.isRegularFile()) {
        bytes += a.size();
        if (manifestFile) {
          String text = readNoFollow(f);
          sound =
              FileHasher.sha256(text).equals(hash)
                  && parseManifest(text, new ArrayList<>()).isEmpty();
        } else {
          sound = FileHasher.sha256(f).equals(hash);
          if (sound) {
            state.record(f, a, hash);
          }
        }
      }
      if (!sound) {
        if (a.fileKey() != null) {
          keys.add(String.valueOf(a.fileKey()));
        }
        quarantine(f);
        corrupt.add(hash);
      }
    }
    Collections.sort(corrupt);
    return new Check(checked, bytes, List.copyOf(corrupt), Set.copyOf(keys));
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
      checkShard(dir);
      return;
    }
    Files.createDirectories(dir);
    for (Path created : missing) {
      Path parent = created.getParent();
      if (parent != null) {
        AtomicFiles.forceFolder(parent);
      }
    }
    checkShard(dir);
  }

  /**
   * A folder of the cache that files are written to (a shard {@code ab/}) must be a real folder: a
   * link planted there, in a remote on a shared drive for instance, would send the writes of
   * everyone who pushes to wherever it points on their machine.
   */
  private static void checkShard(Path dir) {
    if (Files.isSymbolicLink(dir)) {
      throw new MlopsException(
          dir
              + ": is a symbolic link; the folders of a cache must be real folders: remove the"
              + " link");
    }
  }

  private static void check(String hash) {
    Require.argument(
        FileHasher.isSha256(hash), "hash", "64 lowercase hex characters", "'" + hash + "'");
  }
}
