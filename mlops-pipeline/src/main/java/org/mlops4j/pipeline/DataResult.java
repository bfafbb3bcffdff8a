package org.mlops4j.pipeline;

import java.nio.file.Path;
import org.mlops4j.pipeline.internal.ResultFiles;

/**
 * What the data results share ({@link DataStatus}, {@link DataTransfer}, {@link DataDiff}, {@link
 * DataVerification}, {@link DataGcResult}, {@link TrackingListing}): a JSON document with the one
 * header, a self-contained page made with the report toolkit, a verdict in words, and a file.
 *
 * @since 0.1.0
 */
public sealed interface DataResult
    permits DataStatus, DataTransfer, DataDiff, DataVerification, DataGcResult, TrackingListing {

  /**
   * @return the result as JSON: the header ({@code format}, {@code formatVersion}, {@code library},
   *     {@code libraryVersion}, {@code createdAt}), then the record's fields
   */
  String toJson();

  /**
   * @return the result as a self-contained HTML page (the report toolkit's {@code Page}): what it
   *     is about, the verdict in words with its counts, then tables
   */
  String toHtml();

  /**
   * @return what the result means and what to run next, in a sentence or two
   */
  String verdict();

  /**
   * Writes {@link #toJson()}, or {@link #toHtml()} when the file name ends in {@code .html} (any
   * case); atomically (a temporary file moved over the target; the folder is created when missing).
   *
   * @param file where to write, for example {@code data-status.html}
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  default void save(Path file) {
    ResultFiles.save(file, this::toJson, this::toHtml);
  }
}
