package org.mlops4j.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of mlops4j on the class path, read once from {@code version.properties} (filtered by
 * Maven at build time), or {@code "unknown"} when the resource is missing or unfiltered. The one
 * place every module asks; JSON headers, provenance and the CLI's {@code --version} print it.
 */
public final class LibraryVersion {
  private static final String VERSION = read();

  private LibraryVersion() {}

  /**
   * @return the library version, such as {@code 0.1.0-SNAPSHOT}, or {@code "unknown"}
   */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
