package org.mlops4j.fairness.internal;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.mlops4j.api.internal.AtomicFiles;

/** The one {@code save(Path)} of the fairness results. Internal. */
public final class ResultFiles {
  private ResultFiles() {}

  /**
   * Writes the HTML page when the file name ends in {@code .html} (any case), else the JSON,
   * atomically ({@link AtomicFiles.Durability#ATOMIC}: a temporary file renamed over the target).
   *
   * @param file where to write
   * @param json the JSON document, produced only if needed
   * @param html the HTML page, produced only if needed
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public static void save(Path file, Supplier<String> json, Supplier<String> html) {
    AtomicFiles.saveJsonOrHtml(file, json, html, AtomicFiles.Durability.ATOMIC);
  }
}
