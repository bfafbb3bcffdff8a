package org.mlops4j.explain.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.mlops4j.api.internal.AtomicFiles;

/** The one {@code save(Path)} of the explain results. */
public final class Files {
  private Files() {}

  /**
   * Writes the HTML page when the file name ends in {@code .html} (any case), else the JSON,
   * atomically.
   *
   * @param file where to write
   * @param json the JSON document, produced only if needed
   * @param html the HTML page, produced only if needed
   */
  public static void save(Path file, Supplier<String> json, Supplier<String> html) {
    AtomicFiles.saveJsonOrHtml(file, json, html, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * @param v a number
   * @return the number with 4 significant digits, or {@code NaN}
   */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /**
   * @param s a text
   * @param width the width
   * @return the text padded with spaces on the right
   */
  public static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /**
   * @param s a text
   * @param width the width
   * @return the text padded with spaces on the left
   */
  public static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
