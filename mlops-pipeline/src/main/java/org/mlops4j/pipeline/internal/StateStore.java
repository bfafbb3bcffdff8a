package org.mlops4j.pipeline.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;

/**
 * Remembers the SHA-256 of files by (size, modification time in nanoseconds, file key), so that an
 * unchanged file is never read twice; the same idea as DVC's state database. A file whose size,
 * mtime or inode differs from the record is hashed again.
 *
 * <p>On disk ({@code .mlops/state.bin}), written durably (temporary file forced to the device,
 * renamed over the file, folder forced; {@code AtomicFiles} {@code DURABLE}): the magic {@code
 * MLST}, a format version (int, 1), the entry count (int), then per entry the absolute path
 * (modified UTF-8), size (long), mtime in ns (long), file key (UTF, e.g. {@code
 * (dev=803,ino=1234)}) and the hex hash (UTF). Caveat shared with every such cache: a file
 * rewritten with identical size within the file system's timestamp granularity and on the same
 * inode is not noticed.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class StateStore {
  private static final int MAGIC = 0x4D4C5354; // "MLST"
  private static final int VERSION = 1;

  record Entry(long size, long mtimeNanos, String fileKey, String hash) {}

  private final @Nullable Path file;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean dirty;
  private volatile long loadedMtime = Long.MIN_VALUE;
  private volatile long hashedBytes;

  private StateStore(@Nullable Path file) {
    this.file = file;
  }

  /**
   * Opens the state kept in {@code file}; a missing file gives an empty state.
   *
   * @throws MlopsException if the file exists but is not a state file
   */
  public static StateStore open(Path file) {
    StateStore s = new StateStore(file);
    s.reloadIfChanged();
    return s;
  }

  /**
   * @return a state kept in memory only, for files hashed once (such as a stage's sandbox)
   */
  public static StateStore inMemory() {
    return new StateStore(null);
  }

  /** Re-reads the file if another process (or store) has rewritten it since it was read. */
  public synchronized void reloadIfChanged() {
    Path file = this.file;
    if (file == null) {
      return;
    }
    long m;
    try {
      m = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new MlopsException("cannot read state " + file, e);
    }
    if (m == loadedMtime) {
      return;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new MlopsException("not an mlops4j state file (bad magic or version): " + file);
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String path = in.readUTF();
        entries.put(path, new Entry(in.readLong(), in.readLong(), in.readUTF(), in.readUTF()));
      }
      loadedMtime = m;
    } catch (IOException e) {
      throw new MlopsException("cannot read state " + file, e);
    }
  }

  /**
   * @param path the file, absolute
   * @param attrs its attributes, as just read
   * @return the file's SHA-256, from the record when size, mtime and file key match, else computed
   * @throws IOException if the file cannot be read
   */
  public String hash(Path path, BasicFileAttributes attrs) throws IOException {
    String key = path.toString();
    long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    String fileKey = String.valueOf(attrs.fileKey());
    Entry e = entries.get(key);
    if (e != null && e.size == attrs.size() && e.mtimeNanos == mtime && e.fileKey.equals(fileKey)) {
      return e.hash;
    }
    String h = FileHasher.sha256(path);
    synchronized (this) {
      hashedBytes += attrs.size();
    }
    entries.put(key, new Entry(attrs.size(), mtime, fileKey, h));
    dirty = true;
    return h;
  }

  /** Records a hash known without reading the file (for a file just placed from the cache). */
  public void record(Path path, BasicFileAttributes attrs, String hash) {
    entries.put(
        path.toString(),
        new Entry(
            attrs.size(),
            attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
            String.valueOf(attrs.fileKey()),
            hash));
    dirty = true;
  }

  /**
   * Drops the records of every file with one of these file keys (inodes), so that those files are
   * hashed again when next asked: for the outputs that are hard links to a corrupt cache object.
   *
   * @param fileKeys file keys as {@code String.valueOf(attrs.fileKey())}
   */
  public void forgetFileKeys(Set<String> fileKeys) {
    if (fileKeys.isEmpty()) {
      return;
    }
    if (entries.values().removeIf(e -> fileKeys.contains(e.fileKey))) {
      dirty = true;
    }
  }

  /**
   * @return bytes read for hashing since this store was opened (records skipped them)
   */
  public long hashedBytes() {
    return hashedBytes;
  }

  /**
   * @return the number of records
   */
  public int size() {
    return entries.size();
  }

  /**
   * Writes the records if any changed, durably; records of files that no longer exist are dropped.
   *
   * @throws MlopsException if the file cannot be written
   */
  public synchronized void save() {
    Path file = this.file;
    if (!dirty || file == null) {
      return;
    }
    entries.keySet().removeIf(p -> !Files.exists(Path.of(p)));
    try {
      AtomicFiles.write(file, this::writeTo, Durability.DURABLE);
      loadedMtime = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
      dirty = false;
    } catch (IOException e) {
      throw new MlopsException("cannot write state " + file, e);
    }
  }

  private void writeTo(OutputStream raw) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    Map<String, Entry> snapshot = Map.copyOf(entries);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(snapshot.size());
    for (Map.Entry<String, Entry> e : snapshot.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue().size);
      out.writeLong(e.getValue().mtimeNanos);
      out.writeUTF(e.getValue().fileKey);
      out.writeUTF(e.getValue().hash);
    }
    out.flush();
  }
}
