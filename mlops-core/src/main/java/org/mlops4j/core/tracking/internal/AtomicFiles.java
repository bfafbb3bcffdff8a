package org.mlops4j.core.tracking.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes that never leave a half-written file behind: whole-file writes go to a temporary file that
 * is then renamed over the target ({@link StandardCopyOption#ATOMIC_MOVE}); appends write whole
 * lines in one call.
 */
public final class AtomicFiles {

  /** Prefix of temporary files; they live beside (never inside) params/, metrics/ and tags/. */
  public static final String TMP_PREFIX = ".mlops4j-tmp-";

  private AtomicFiles() {}

  /**
   * Writes the text (UTF-8) to target atomically, using a temporary file in tmpDir (same file
   * system), creating target's parent folders as needed.
   */
  public static void write(Path target, String text, Path tmpDir) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8), tmpDir);
  }

  /** As {@link #write(Path, String, Path)}, for bytes. */
  public static void write(Path target, byte[] data, Path tmpDir) throws IOException {
    Files.createDirectories(tmpDir);
    Path tmp = tmpDir.resolve(TMP_PREFIX + UUID.randomUUID());
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
      Path parent = target.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Appends the bytes (whole lines) to an existing file in one write call. */
  public static void append(Path target, byte[] data) throws IOException {
    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }
}
