package org.mlops4j.pipeline.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.AtomicFiles;

/** What the data results share: {@code save(Path)} by extension, and the words of their pages. */
public final class ResultFiles {
  private ResultFiles() {}

  /**
   * Writes the HTML when the file name ends in {@code .html} (any case), else the JSON; atomically
   * (a temporary file moved over the target).
   *
   * @param file where to write
   * @param json the JSON text, made only when written
   * @param html the page, made only when written
   */
  public static void save(Path file, Supplier<String> json, Supplier<String> html) {
    AtomicFiles.saveJsonOrHtml(file, json, html, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * @param n a count
   * @param one the noun for one
   * @param many the noun for several
   * @return {@code "1 file"}, {@code "3 files"}
   */
  public static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * @param bytes a size
   * @return {@code 12,345 bytes} (thousands separated, whatever the locale)
   */
  public static String bytes(long bytes) {
    return String.format(Locale.ROOT, "%,d\u00a0bytes", bytes);
  }

  /**
   * @param hash a SHA-256 in hex, or null
   * @return its first 12 characters, or a dash
   */
  public static String shortHash(@Nullable String hash) {
    return hash == null ? "–" : hash.length() <= 12 ? hash : hash.substring(0, 12);
  }
}
