package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * File-system helpers: atomic writes (temp file in the same directory, fsync, {@code ATOMIC_MOVE}),
 * hard-link-or-copy, recursive delete.
 *
 * @since 0.1.0
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes bytes produced by {@code body}. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code target} atomically: readers see the old content or the new, never a part. */
  public static void write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      moveAtomically(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes UTF-8 text atomically. */
  public static void writeString(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }

  /** Renames {@code src} to {@code target}, replacing it, atomically when the file system allows. */
  public static void moveAtomically(Path src, Path target) throws IOException {
    try {
      Files.move(src, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(src, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Makes {@code link} a hard link to {@code existing}, or a copy of it where links are not
   * possible (another file system, no support).
   *
   * @return true if a hard link was made
   */
  public static boolean linkOrCopy(Path existing, Path link, boolean tryLink) throws IOException {
    Files.createDirectories(link.toAbsolutePath().getParent());
    if (tryLink) {
      try {
        Files.createLink(link, existing);
        return true;
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // fall through to copy
      }
    }
    copy(existing, link);
    return false;
  }

  /**
   * Copies a file with {@link FileChannel#transferTo}, which the JDK maps to {@code sendfile} on
   * Linux (an in-kernel copy, no trip through the Java heap), replacing {@code target}.
   */
  public static void copy(Path source, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
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

  /** Deletes a file or a directory tree; does nothing if it does not exist. */
  public static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
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
}
