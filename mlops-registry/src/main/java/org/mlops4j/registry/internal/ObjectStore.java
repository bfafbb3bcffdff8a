package org.mlops4j.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mlops4j.api.internal.AtomicFiles;

/**
 * A content-addressed store of files: {@code <dir>/sha256/<first 2 hex>/<other 62 hex>}. A file is
 * read once: its bytes are hashed while they are copied to a temporary file in the store, which is
 * then renamed to its hash's name (or dropped when that object exists already: the same bytes are
 * stored once).
 */
public final class ObjectStore {
  private static final int BUFFER = 1 << 20;

  private final Path dir;

  /**
   * @param dir the store's folder
   */
  public ObjectStore(Path dir) {
    this.dir = dir;
  }

  /** A stored object: its hash, size and path. */
  public record Stored(String sha256, long size, Path path) {}

  /**
   * Stores a file.
   *
   * @param source the file
   * @return the object
   * @throws IOException if it cannot be read or written
   */
  public Stored put(Path source) throws IOException {
    Path tmpDir = dir.resolve("sha256");
    Files.createDirectories(tmpDir);
    Path tmp = tmpDir.resolve(AtomicFiles.temporaryName("object"));
    MessageDigest md = sha256();
    long size = 0;
    try {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        while (in.read(buf) >= 0) {
          buf.flip();
          size += buf.remaining();
          md.update(buf.duplicate());
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          buf.clear();
        }
      }
      String hex = HexFormat.of().formatHex(md.digest());
      Path target = path(hex);
      if (Files.exists(target)) {
        return new Stored(hex, size, target);
      }
      Files.createDirectories(target.getParent());
      AtomicFiles.moveAtomically(tmp, target);
      return new Stored(hex, size, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * @param sha256 a hash
   * @return where its object is (or would be)
   */
  public Path path(String sha256) {
    return dir.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }

  /**
   * @param file a file
   * @return the SHA-256 of its content, hexadecimal
   * @throws IOException if it cannot be read
   */
  public static String hash(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * @param bytes some bytes
   * @return their SHA-256, hexadecimal
   */
  public static String hash(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
