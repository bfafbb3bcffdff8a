package org.mlops4j.api.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.mlops4j.api.MlopsException;

/**
 * The one implementation of file writes that never leave a half-written file behind, used by every
 * module.
 *
 * <p>A whole-file write goes to a temporary file ({@value #TMP_PREFIX}{@code <name>-<uuid>}, the
 * name cut to 40 characters) in the target's folder (or a given folder on the same file system),
 * which is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}: a reader sees
 * the old content or the new, never a part; a killed process leaves at most a temporary file, which
 * readers skip by its prefix.
 *
 * <p>{@link Durability#DURABLE} also forces the temporary file's bytes to the device before the
 * rename and the folder's entry after it ({@code fsync} of the file, then of the folder), so the
 * new content survives a power loss once the call returns. {@link Durability#ATOMIC} skips both
 * forces: still never torn, but the last writes may be lost in a crash of the machine (not of the
 * process). What each costs is measured in {@code benchmarks} ({@code AtomicWriteBenchmark}).
 */
public final class AtomicFiles {

  /** Prefix of every temporary file; readers of a folder skip names that start with it. */
  public static final String TMP_PREFIX = ".mlops4j-tmp-";

  /** How far a write is guaranteed once it returns. */
  public enum Durability {
    /** Never torn (temp file + atomic rename); not forced to the device. */
    ATOMIC,
    /** Never torn, and forced to the device (file and folder) before the call returns. */
    DURABLE
  }

  /** Writes the bytes of a file to a stream. */
  @FunctionalInterface
  public interface Body {
    /** Writes the content; the stream is closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes UTF-8 text to {@code target} atomically, temp file beside it. */
  public static void write(Path target, String text, Durability durability) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8), durability);
  }

  /** Writes bytes to {@code target} atomically, temp file beside it. */
  public static void write(Path target, byte[] data, Durability durability) throws IOException {
    write(target, out -> out.write(data), durability, null);
  }

  /** Writes what {@code body} produces to {@code target} atomically, temp file beside it. */
  public static void write(Path target, Body body, Durability durability) throws IOException {
    write(target, body, durability, null);
  }

  /**
   * Writes what {@code body} produces to {@code target} atomically, creating the target's parent
   * folders as needed.
   *
   * @param tmpDir folder for the temporary file, on the same file system as target; null for the
   *     target's own folder (a store whose folders are read as lists of entries, as MLflow reads
   *     {@code params/}, keeps its temporary files elsewhere)
   */
  public static void write(
      Path target, Body body, Durability durability, @org.jspecify.annotations.Nullable Path tmpDir)
      throws IOException {
    Require.nonNull(target, "target");
    Require.nonNull(body, "body");
    Require.nonNull(durability, "durability");
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmpFolder = tmpDir != null ? tmpDir.toAbsolutePath() : dir;
    if (tmpFolder == null) {
      throw new IOException("no folder for the temporary file of " + abs);
    }
    Files.createDirectories(tmpFolder);
    Path tmp = tmpFolder.resolve(TMP_PREFIX + shortName(abs) + "-" + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        body.writeTo(out);
        out.flush();
        if (durability == Durability.DURABLE) {
          ch.force(true);
        }
      }
      moveAtomically(tmp, abs);
      if (durability == Durability.DURABLE && dir != null) {
        forceFolder(dir);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * As {@link #write(Path, String, Durability)}, wrapping a failure in {@link MlopsException}
   * {@code "cannot write <path>: <reason>"}: for the {@code save(path)} methods of results.
   */
  public static void save(Path target, String text, Durability durability) {
    try {
      write(target, text, durability);
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException("cannot write " + target.toAbsolutePath() + ": " + describe(e), e);
    }
  }

  /**
   * Reads a UTF-8 file, wrapping a failure in {@link MlopsException} {@code "cannot read <path>:
   * <reason>"}.
   */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException("cannot read " + file.toAbsolutePath() + ": " + describe(e), e);
    }
  }

  /**
   * Appends the bytes (whole lines) to an existing file in one write call (O_APPEND): concurrent
   * appenders never interleave inside a line; a crash leaves whole earlier lines.
   */
  public static void append(Path target, byte[] data, Durability durability) throws IOException {
    try (FileChannel ch =
        FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (durability == Durability.DURABLE) {
        ch.force(true);
      }
    }
  }

  /**
   * Renames {@code source} to {@code target}, replacing it, atomically when the file system can.
   */
  public static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Forces a folder's entries (a rename, a new file) to the device. Opening a folder for reading is
   * refused on some platforms (Windows); there the force is skipped, as the JDK gives no other way.
   */
  public static void forceFolder(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      // Not supported on this platform: the rename itself is still atomic.
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  /**
   * Makes {@code link} a hard link to {@code existing}, or a copy where links are not possible
   * (another file system, no support).
   *
   * @return true if a hard link was made
   */
  public static boolean linkOrCopy(Path existing, Path link, boolean tryLink) throws IOException {
    Path parent = link.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (tryLink) {
      try {
        Files.createLink(link, existing);
        return true;
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // fall through to a copy
      }
    }
    copy(existing, link);
    return false;
  }

  /**
   * Copies a file with {@link FileChannel#transferTo} ({@code sendfile} on Linux: no trip through
   * the heap), replacing {@code target}.
   */
  public static void copy(Path source, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      long pos = 0;
      while (pos < size) {
        long n = in.transferTo(pos, size - pos, out);
        if (n <= 0) {
          break;
        }
        pos += n;
      }
    }
  }

  /** Deletes a file or a folder tree without following links; nothing if it does not exist. */
  public static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            try {
              Files.delete(file);
            } catch (NoSuchFileException e) {
              // already gone
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            try {
              Files.delete(dir);
            } catch (NoSuchFileException e) {
              // already gone
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * At most 40 characters of the target's name: the temporary name must stay under the file
   * system's 255-byte limit even for MLflow's longest keys (250 characters).
   */
  private static String shortName(Path target) {
    Path name = target.getFileName();
    String n = name == null ? "" : name.toString();
    return n.length() <= 40 ? n : n.substring(0, 40);
  }

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String m = t.getMessage();
    return t instanceof NoSuchFileException
        ? "no such file or folder"
        : m != null ? m : t.toString();
  }
}
