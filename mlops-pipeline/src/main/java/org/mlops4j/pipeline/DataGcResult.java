package org.mlops4j.pipeline;

import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
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
public record DataGcResult(boolean dryRun, List<String> removed, long bytes, int kept)
    implements DataResult {

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
  @Override
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-gc", 1);
    doc.put("dryRun", dryRun);
    doc.put("removed", removed);
    doc.put("bytes", bytes);
    doc.put("kept", kept);
    return Json.write(doc);
  }

  /**
   * The verdict in words, for example {@code Removed 3 objects (1,024 bytes); kept 12.}
   *
   * @return one sentence
   */
  @Override
  public String verdict() {
    return (dryRun ? "Would remove " : "Removed ")
        + ResultFiles.count(removed.size(), "object", "objects")
        + " ("
        + ResultFiles.bytes(bytes)
        + ") that no pointer names; kept "
        + kept
        + "."
        + (dryRun ? " Nothing was deleted: run `mlops data gc` without --dry-run to delete." : "");
  }

  /**
   * The result as a self-contained page (the report toolkit's {@link Page}): the verdict in words
   * ({@link #verdict()}) with the counts, then one row per object removed.
   *
   * @return the HTML text
   */
  @Override
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .caption(dryRun ? "Objects that would be removed" : "Objects removed")
            .columns("SHA-256");
    removed.forEach(h -> t.row(h));
    Page.Builder page =
        Page.builder()
            .title(dryRun ? "Data gc (dry run)" : "Data gc")
            .subtitle(verdict())
            .about("dry run", dryRun ? "yes" : "no")
            .about(dryRun ? "to remove" : "removed", removed.size())
            .about("kept", kept)
            .section(
                "Verdict",
                Element.callout(
                    dryRun ? Tone.NEUTRAL : Tone.GOOD, dryRun ? "Dry run" : "Done", verdict()),
                Element.figures(
                    Figure.of(
                        dryRun ? "to remove" : "removed",
                        String.valueOf(removed.size()),
                        ResultFiles.bytes(bytes),
                        Tone.NEUTRAL),
                    Figure.of("kept", String.valueOf(kept), "named by a pointer", Tone.NEUTRAL)));
    if (!removed.isEmpty()) {
      page.section(dryRun ? "To remove" : "Removed", t.build());
    }
    return page.build().toHtml();
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
