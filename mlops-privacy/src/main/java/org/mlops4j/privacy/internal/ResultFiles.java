package org.mlops4j.privacy.internal;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.mlops4j.api.internal.AtomicFiles;

/** The one {@code save(Path)} of the privacy results. */
public final class ResultFiles {
  private ResultFiles() {}

  /**
   * Writes the HTML page when the file name ends in {@code .html} (any case), else the JSON.
   *
   * @param file where to write
   * @param json the JSON document, produced only if needed
   * @param html the HTML page, produced only if needed
   * @param durability how far the write is forced
   */
  public static void save(
      Path file, Supplier<String> json, Supplier<String> html, AtomicFiles.Durability durability) {
    AtomicFiles.saveJsonOrHtml(file, json, html, durability);
  }

  /**
   * @param bytes data
   * @return the SHA-256 of the bytes, 64 lowercase hex digits
   */
  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
