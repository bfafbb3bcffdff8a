package org.mlops4j.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;

/**
 * What {@link Data#diff(String, String)} found between two git revisions of the pointer files: the
 * files added, removed and modified, a folder's files listed one by one where both manifests are in
 * the cache (or on the remote).
 *
 * @param from the older revision
 * @param to the newer revision ({@code workspace} for the pointers on disk)
 * @param changes the changes, sorted by path
 * @since 0.1.0
 */
public record DataDiff(String from, String to, List<Change> changes) implements DataResult {

  /** Copies the list. */
  public DataDiff {
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    changes = List.copyOf(Require.nonNull(changes, "changes"));
  }

  /**
   * What happened to a path.
   *
   * @since 0.1.0
   */
  public enum ChangeType {
    /** Only the newer revision has it. */
    ADDED,
    /** Only the older revision has it. */
    REMOVED,
    /** Both have it, with different content. */
    MODIFIED
  }

  /**
   * One changed file (or a whole folder, when its manifests are not at hand).
   *
   * @param path relative to the project root, with {@code /}
   * @param type what happened
   * @param fromHash its SHA-256 in the older revision, null if added
   * @param toHash its SHA-256 in the newer revision, null if removed
   */
  public record Change(
      String path, ChangeType type, @Nullable String fromHash, @Nullable String toHash) {}

  /**
   * @param type a change type
   * @return the paths with that change, sorted
   */
  public List<String> paths(ChangeType type) {
    return changes.stream().filter(c -> c.type() == type).map(Change::path).toList();
  }

  /**
   * The diff as JSON: the header ({@code format} {@code mlops4j.data-diff}, {@code formatVersion}
   * 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code from}, {@code to},
   * {@code added}, {@code removed}, {@code modified} (the counts) and {@code changes}, each with
   * {@code path}, {@code type} ({@code ADDED}, {@code REMOVED}, {@code MODIFIED}), {@code fromHash}
   * and {@code toHash} (null where absent).
   *
   * @return the JSON text
   */
  @Override
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-diff", 1);
    doc.put("from", from);
    doc.put("to", to);
    doc.put("added", paths(ChangeType.ADDED).size());
    doc.put("removed", paths(ChangeType.REMOVED).size());
    doc.put("modified", paths(ChangeType.MODIFIED).size());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Change c : changes) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("path", c.path());
      o.put("type", c.type().name());
      o.put("fromHash", c.fromHash());
      o.put("toHash", c.toHash());
      out.add(o);
    }
    doc.put("changes", out);
    return Json.write(doc);
  }

  /**
   * The verdict in words, for example {@code Between v1 and workspace: 1 added, 2 removed, 3
   * modified.}
   *
   * @return one sentence
   */
  @Override
  public String verdict() {
    if (changes.isEmpty()) {
      return "No tracked data differs between " + from + " and " + to + ".";
    }
    return "Between "
        + from
        + " and "
        + to
        + ": "
        + paths(ChangeType.ADDED).size()
        + " added, "
        + paths(ChangeType.REMOVED).size()
        + " removed, "
        + paths(ChangeType.MODIFIED).size()
        + " modified.";
  }

  /**
   * The diff as a self-contained page (the report toolkit's {@link Page}): the two revisions, the
   * verdict in words ({@link #verdict()}) with the counts, then one row per change with the first
   * 12 characters of each SHA-256.
   *
   * @return the HTML text
   */
  @Override
  public String toHtml() {
    int added = paths(ChangeType.ADDED).size();
    int removed = paths(ChangeType.REMOVED).size();
    int modified = paths(ChangeType.MODIFIED).size();
    Table.Builder t =
        Table.builder()
            .caption("One row per changed file (or folder), sorted by path; SHA-256, first 12")
            .columns("path", "change", "hash in " + from, "hash in " + to);
    for (Change c : changes) {
      Tone tone =
          switch (c.type()) {
            case ADDED -> Tone.GOOD;
            case REMOVED -> Tone.BAD;
            case MODIFIED -> Tone.WARNING;
          };
      t.row(
          tone,
          c.path(),
          c.type().name().toLowerCase(java.util.Locale.ROOT),
          ResultFiles.shortHash(c.fromHash()),
          ResultFiles.shortHash(c.toHash()));
    }
    Page.Builder page =
        Page.builder()
            .title("Data diff " + from + ".." + to)
            .subtitle(verdict())
            .about("from", from)
            .about("to", to)
            .about("changes", changes.size())
            .section(
                "Verdict",
                Element.callout(
                    changes.isEmpty() ? Tone.GOOD : Tone.NEUTRAL,
                    changes.isEmpty() ? "No difference" : "Changed",
                    verdict()),
                Element.figures(
                    Figure.of("added", String.valueOf(added), "only in " + to, Tone.NEUTRAL),
                    Figure.of("removed", String.valueOf(removed), "only in " + from, Tone.NEUTRAL),
                    Figure.of(
                        "modified", String.valueOf(modified), "content changed", Tone.NEUTRAL)));
    if (!changes.isEmpty()) {
      page.section("Changes", t.build());
    }
    return page.build().toHtml();
  }

  /** A header line, then {@code ADDED <path>} per change. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("data diff ")
            .append(from)
            .append("..")
            .append(to)
            .append(": ")
            .append(paths(ChangeType.ADDED).size())
            .append(" added, ")
            .append(paths(ChangeType.REMOVED).size())
            .append(" removed, ")
            .append(paths(ChangeType.MODIFIED).size())
            .append(" modified");
    for (Change c : changes) {
      sb.append(String.format("%n  %-9s %s", c.type(), c.path()));
    }
    return sb.toString();
  }
}
