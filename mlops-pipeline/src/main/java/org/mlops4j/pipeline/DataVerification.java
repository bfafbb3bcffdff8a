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
 * What {@link Data#verify()} or {@link Data#verifyRemote()} found: every object and folder manifest
 * the pointers name, hashed again.
 *
 * @param where the local cache folder or the remote URL
 * @param checked objects and manifests hashed
 * @param bytes their size
 * @param corrupt SHA-256 names whose content does not match, sorted (in the local cache they were
 *     moved to {@code .mlops/cache-quarantine}; on a remote they are left for its owner)
 * @param missing SHA-256 names that are absent, sorted
 * @since 0.1.0
 */
public record DataVerification(
    String where, int checked, long bytes, List<String> corrupt, List<String> missing)
    implements DataResult {

  /** Copies the lists. */
  public DataVerification {
    Require.nonNull(where, "where");
    corrupt = List.copyOf(Require.nonNull(corrupt, "corrupt"));
    missing = List.copyOf(Require.nonNull(missing, "missing"));
  }

  /**
   * @return whether nothing is corrupt or missing
   */
  public boolean ok() {
    return corrupt.isEmpty() && missing.isEmpty();
  }

  /**
   * The verification as JSON: the header ({@code format} {@code mlops4j.data-verification}, {@code
   * formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code
   * where}, {@code ok}, {@code checked}, {@code bytes}, {@code corrupt}, {@code missing}.
   *
   * @return the JSON text
   */
  @Override
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-verification", 1);
    doc.put("where", where);
    doc.put("ok", ok());
    doc.put("checked", checked);
    doc.put("bytes", bytes);
    doc.put("corrupt", corrupt);
    doc.put("missing", missing);
    return Json.write(doc);
  }

  /**
   * The verdict in words, for example {@code 2 corrupt, 1 missing of 40 objects: run `mlops data
   * pull` to get them again from the remote.}
   *
   * @return one or two sentences
   */
  @Override
  public String verdict() {
    if (ok()) {
      return "All "
          + ResultFiles.count(checked, "object matches its", "objects match their")
          + " SHA-256 ("
          + ResultFiles.bytes(bytes)
          + ").";
    }
    return corrupt.size()
        + " corrupt, "
        + missing.size()
        + " missing of "
        + ResultFiles.count(checked, "object", "objects")
        + " in "
        + where
        + ": run `mlops data pull` (or `mlops data push` from a machine that has them) to"
        + " store good copies again.";
  }

  /**
   * The verification as a self-contained page (the report toolkit's {@link Page}): where, the
   * verdict in words ({@link #verdict()}) with the counts, then one row per corrupt or missing
   * object.
   *
   * @return the HTML text
   */
  @Override
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .caption("Objects and folder manifests that failed, by SHA-256")
            .columns("SHA-256", "problem");
    corrupt.forEach(h -> t.row(Tone.BAD, h, "corrupt"));
    missing.forEach(h -> t.row(Tone.BAD, h, "missing"));
    Page.Builder page =
        Page.builder()
            .title("Data verification")
            .subtitle(ok() ? "Every object is intact" : "Some objects are corrupt or missing")
            .about("where", where)
            .about("checked", checked)
            .about("size", ResultFiles.bytes(bytes))
            .section(
                "Verdict",
                Element.callout(
                    ok() ? Tone.GOOD : Tone.BAD, ok() ? "Intact" : "Damaged", verdict()),
                Element.figures(
                    Figure.of("checked", String.valueOf(checked), "hashed again", Tone.NEUTRAL),
                    Figure.of(
                        "corrupt",
                        String.valueOf(corrupt.size()),
                        "content does not match",
                        corrupt.isEmpty() ? Tone.GOOD : Tone.BAD),
                    Figure.of(
                        "missing",
                        String.valueOf(missing.size()),
                        "absent",
                        missing.isEmpty() ? Tone.GOOD : Tone.BAD)));
    if (!ok()) {
      page.section("Failed objects", t.build());
    }
    return page.build().toHtml();
  }

  /** A summary line, then {@code corrupt <sha256>} and {@code missing <sha256>} lines. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("verify ")
            .append(where)
            .append(": ")
            .append(checked)
            .append(" checked (")
            .append(bytes)
            .append(" bytes), ")
            .append(corrupt.size())
            .append(" corrupt, ")
            .append(missing.size())
            .append(" missing");
    corrupt.forEach(h -> sb.append("\n  corrupt ").append(h));
    missing.forEach(h -> sb.append("\n  missing ").append(h));
    return sb.toString();
  }
}
