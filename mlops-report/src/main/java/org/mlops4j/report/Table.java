package org.mlops4j.report;

import static org.mlops4j.report.Html.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * A table: a header row, rows of cells, numeric columns aligned right (tabular digits), and for
 * long tables the few rows that matter on top with the whole table folded below them ({@code
 * <details>}, printed open).
 *
 * <pre>{@code
 * Table t = Table.builder()
 *     .caption("Disparities, largest first")
 *     .columns("disparity", "value", "groups")
 *     .numeric(1)
 *     .row("tpr_difference", 0.21, "A vs C")
 *     .row(Tone.MUTED, "fpr_difference", null, "undefined: no negative labels")
 *     .visibleRows(5)        // the first 5 rows, then "All 80 rows" folded
 *     .build();
 * }</pre>
 *
 * Cells: a {@code Double} or {@code Float} is written with four significant digits ({@code 0.5625},
 * {@code 1.230e-05}), NaN and null as a dash, anything else by {@code String.valueOf}; all escaped.
 *
 * @since 0.1.0
 */
public final class Table implements Element {
  private final String caption;
  private final List<String> columns;
  private final boolean[] numeric;
  private final List<Row> rows;
  private final int visibleRows;
  private final String foldedSummary;

  private record Row(Tone tone, List<String> cells) {}

  private Table(Builder b) {
    this.caption = b.caption;
    this.columns = List.copyOf(b.columns);
    this.numeric = Arrays.copyOf(b.numeric, columns.size());
    this.rows = List.copyOf(b.rows);
    this.visibleRows = b.visibleRows;
    this.foldedSummary = b.foldedSummary;
  }

  /**
   * @return a builder of a table
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the column names
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return rows.size();
  }

  /**
   * @return the table: all rows, or the first {@code visibleRows} and then all of them folded, or
   *     the whole table folded under its summary
   */
  @Override
  public String toHtml() {
    if (!foldedSummary.isEmpty()) {
      return "<details><summary>"
          + escape(foldedSummary)
          + "</summary>"
          + table(rows, caption)
          + "</details>\n";
    }
    if (rows.size() <= visibleRows) {
      return table(rows, caption);
    }
    return table(rows.subList(0, visibleRows), caption)
        + "<details><summary>All "
        + rows.size()
        + " rows</summary>"
        + table(rows, "")
        + "</details>\n";
  }

  private String table(List<Row> shown, String caption) {
    StringBuilder h = new StringBuilder(256 + 64 * shown.size() * columns.size());
    h.append("<table>");
    if (!caption.isEmpty()) {
      h.append("<caption>").append(escape(caption)).append("</caption>");
    }
    h.append("<thead><tr>");
    for (int c = 0; c < columns.size(); c++) {
      h.append(numeric[c] ? "<th class=\"num\">" : "<th>")
          .append(escape(columns.get(c)))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (Row r : shown) {
      h.append(r.tone() == Tone.NEUTRAL ? "<tr>" : "<tr class=\"" + r.tone().cssClass() + "\">");
      for (int c = 0; c < columns.size(); c++) {
        h.append(numeric[c] ? "<td class=\"num\">" : "<td>")
            .append(escape(r.cells().get(c)))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</tbody></table>\n").toString();
  }

  /**
   * Builds a {@link Table}: {@link #columns(String...)} first, then rows.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String caption = "";
    private List<String> columns = List.of();
    private boolean[] numeric = new boolean[0];
    private final List<Row> rows = new ArrayList<>();
    private int visibleRows = Integer.MAX_VALUE;
    private String foldedSummary = "";

    private Builder() {}

    /**
     * @param caption one line above the table, for example what it is sorted by
     * @return this builder
     */
    public Builder caption(String caption) {
      this.caption = Require.nonNull(caption, "caption");
      return this;
    }

    /**
     * @param names the column names, in order
     * @return this builder
     * @throws IllegalStateException if rows were added already
     */
    public Builder columns(String... names) {
      Require.state(rows.isEmpty(), "Set the columns before adding rows.");
      Require.argument(names.length > 0, "names", "at least one column", names.length);
      this.columns = List.of(Require.noNulls(names, "names"));
      this.numeric = new boolean[names.length];
      return this;
    }

    /**
     * Aligns columns right, with digits of one width, for numbers.
     *
     * @param columns the columns' indexes, from 0
     * @return this builder
     * @throws IllegalArgumentException if an index is not a column
     */
    public Builder numeric(int... columns) {
      for (int c : columns) {
        Require.argument(
            c >= 0 && c < numeric.length, "column", "a column index below " + numeric.length, c);
        numeric[c] = true;
      }
      return this;
    }

    /**
     * @param cells one cell per column
     * @return this builder
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    public Builder row(@Nullable Object... cells) {
      return row(Tone.NEUTRAL, cells);
    }

    /**
     * A row with a tone: {@link Tone#MUTED} greys it (a group too small to judge), {@link Tone#BAD}
     * marks it with a red edge.
     *
     * @param tone how the row reads
     * @param cells one cell per column
     * @return this builder
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    public Builder row(Tone tone, @Nullable Object... cells) {
      Require.nonNull(tone, "tone");
      Require.state(!columns.isEmpty(), "Set the columns with columns(...) before adding rows.");
      Require.argument(
          cells.length == columns.size(),
          "cells",
          "one per column (" + columns.size() + ")",
          cells.length);
      List<String> text = new ArrayList<>(cells.length);
      for (Object c : cells) {
        text.add(Blocks.text(c));
      }
      rows.add(new Row(tone, List.copyOf(text)));
      return this;
    }

    /**
     * Shows only the first rows, with the whole table folded below them under "All N rows" (put
     * what matters first). Default: every row.
     *
     * @param rows how many rows show, at least 1
     * @return this builder
     */
    public Builder visibleRows(int rows) {
      this.visibleRows = Require.positive(rows, "rows");
      return this;
    }

    /**
     * Folds the whole table under a summary line, closed until opened.
     *
     * @param summary the line that shows, for example {@code "Every rate of every group"}
     * @return this builder
     */
    public Builder folded(String summary) {
      this.foldedSummary = Require.nonBlank(summary, "summary");
      return this;
    }

    /**
     * @return the table
     * @throws IllegalStateException if no columns were set
     */
    public Table build() {
      Require.state(!columns.isEmpty(), "Set the columns with columns(...) before build().");
      return new Table(this);
    }
  }
}
