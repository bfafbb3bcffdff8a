package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * Streaming SHA-256 (FIPS 180-4) of files and byte strings, as lowercase hex. Files are read
 * through a {@link FileChannel} into a reused 1 MiB buffer per thread, so that hashing a large file
 * costs one pass and no allocation per call.
 *
 * @since 0.1.0
 */
public final class FileHasher {
  /** Size of the read buffer: 1 MiB. */
  public static final int BUFFER_SIZE = 1 << 20;

  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER_SIZE));
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private FileHasher() {}

  /**
   * @return a new SHA-256 digest
   */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * @return the SHA-256 of the file's content, as 64 lowercase hex characters
   * @throws IOException if the file cannot be read
   */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = newDigest();
    ByteBuffer buf = BUFFER.get();
    byte[] arr = buf.array();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (true) {
        buf.clear();
        int n = ch.read(buf);
        if (n < 0) {
          break;
        }
        md.update(arr, 0, n);
      }
    }
    return hex(md.digest());
  }

  /**
   * @return the SHA-256 of the bytes, as 64 lowercase hex characters
   */
  public static String sha256(byte[] data) {
    return hex(newDigest().digest(data));
  }

  /**
   * @return the SHA-256 of the string's UTF-8 bytes, as 64 lowercase hex characters
   */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return the bytes as lowercase hex
   */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * @return whether the string is 64 lowercase hex characters
   */
  public static boolean isSha256(@Nullable String s) {
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
