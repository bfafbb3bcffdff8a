package org.mlops4j.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlops4j.api.MlopsException;

/**
 * The {@code inputs} entry of a file a command read that is not a CSV table (a gate file, say): its
 * path as given, the SHA-256 of its bytes and its size, as {@link Documents#inputs} gives for CSV
 * files.
 */
public final class FileInputs {

  private FileInputs() {}

  /**
   * @param file a file the command read
   * @return {@code path} (as given), {@code sha256} (lowercase hex) and {@code bytes}
   * @throws MlopsException {@code "<file>: no such file"} or {@code "<file>: cannot read: ..."}
   */
  public static Map<String, Object> of(Path file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    long bytes = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
        bytes += n;
      }
    } catch (NoSuchFileException e) {
      throw new MlopsException(file + ": no such file");
    } catch (IOException e) {
      throw new MlopsException(file + ": cannot read: " + e, e);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", file.toString());
    m.put("sha256", HexFormat.of().formatHex(digest.digest()));
    m.put("bytes", bytes);
    return m;
  }
}
