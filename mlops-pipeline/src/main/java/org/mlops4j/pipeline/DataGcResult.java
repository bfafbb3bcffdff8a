package org.mlops4j.pipeline;

import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

/**
 * What {@link Data#gc(boolean)} removed, or would remove in a dry run.
 *
 * @param dryRun whether nothing was deleted
 * @param removed SHA-256 names of the objects and manifests removed (or to remove), sorted
 * @param bytes their size
 * @param kept objects and manifests kept
 * @since 0.1.0
 */
public record DataGcResult(boolean dryRun, List<String> removed, long bytes, int kept) {

  /** Copies the list. */
  public DataGcResult {
    removed = List.copyOf(Require.nonNull(removed, "removed"));
  }

  /**
   * The result as JSON: the header ({@code format} {@code mlops4j.data-gc}, {@code formatVersion}
   * 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code dryRun}, {@code
   * removed}, {@code bytes}, {@code kept}.
   *
   * @return the JSON text
   */
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-gc", 1);
    doc.put("dryRun", dryRun);
    doc.put("removed", removed);
    doc.put("bytes", bytes);
    doc.put("kept", kept);
    return Json.write(doc);
  }

  /** A summary line, then one line per object removed. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("data gc")
            .append(dryRun ? " (dry run): would remove " : ": removed ")
            .append(removed.size())
            .append(" objects (")
            .append(bytes)
            .append(" bytes), kept ")
            .append(kept);
    removed.forEach(h -> sb.append("\n  ").append(h));
    return sb.toString();
  }
}
