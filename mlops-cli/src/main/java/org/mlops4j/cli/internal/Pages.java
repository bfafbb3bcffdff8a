package org.mlops4j.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlops4j.cli.internal.CsvTable.Column;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.report.Element;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.slices.SliceReport;

/**
 * The HTML pages the commands write with {@code --html}: one {@link Page} whose about block names
 * the files read (path, rows, delimiter), then the library's report ({@link DriftReport} or {@link
 * FairnessReport} as a section, unchanged), then, for drift, how each column of the files was read
 * ({@link DriftInputs}), so that a type decision is visible in the page as in the console table and
 * the JSON.
 */
public final class Pages {

  /** Rows of the column table shown before the rest folds. */
  private static final int VISIBLE_COLUMNS = 12;

  private Pages() {}

  /**
   * @param report the library's report
   * @param inputs the files read and the type decisions
   * @return the page
   */
  public static String drift(DriftReport report, DriftInputs inputs) {
    CsvTable ref = inputs.reference();
    CsvTable cur = inputs.current();
    Page.Builder page =
        Page.builder()
            .title("Drift of " + cur.source() + " against " + ref.source())
            .about("reference", describe(ref))
            .about("current", describe(cur));
    if (!inputs.excluded().isEmpty()) {
      page.about("excluded (--exclude)", String.join(", ", inputs.excluded()));
    }
    page.createdAt(report.createdAt()).add(report);
    page.section(
        "How the files were read",
        Element.paragraph(
            "The type each column was read as, and why: numeric, date (ISO-8601 dates and"
                + " date-times, compared as seconds since 1970-01-01T00:00Z), categorical, or"
                + " empty; missing cells are empty cells, missing-value tokens, and the few cells"
                + " of a numeric or date column that were neither."),
        columns(inputs));
    return page.build().toHtml();
  }

  private static Table columns(DriftInputs inputs) {
    List<DriftInputs.Decision> decisions = new ArrayList<>(inputs.decisions());
    // what needs a word first
    decisions.sort((a, b) -> Boolean.compare(b.noteworthy(), a.noteworthy()));
    Table.Builder t =
        Table.builder()
            .caption("Columns, those whose reading needs a word first")
            .columns("column", "type", "why", "missing (reference)", "missing (current)")
            .numeric();
    for (DriftInputs.Decision d : decisions) {
      t.row(
          d.noteworthy() ? Tone.WARNING : Tone.NEUTRAL,
          d.name(),
          d.typeKey(),
          d.reason(),
          missing(inputs.reference().column(d.name())),
          missing(inputs.current().column(d.name())));
    }
    if (decisions.size() > VISIBLE_COLUMNS) {
      t.visibleRows(VISIBLE_COLUMNS);
    }
    return t.build();
  }

  /** "12 (empty 3, NA 9)", or "0". */
  private static String missing(Column c) {
    List<String> parts = new ArrayList<>();
    if (c.cells().empty() > 0) {
      parts.add("empty " + c.cells().empty());
    }
    for (Map.Entry<String, Integer> e : c.cells().tokens().entrySet()) {
      parts.add(e.getKey() + " " + e.getValue());
    }
    int unparsed = c.missing() - c.cells().empty() - c.cells().tokenCount();
    if (unparsed > 0) {
      parts.add("not parsed " + unparsed);
    }
    return parts.isEmpty() ? "0" : c.missing() + " (" + String.join(", ", parts) + ")";
  }

  /**
   * @param report the library's report
   * @param data the file read
   * @param columns the columns of the decisions
   * @return the page
   */
  public static String fairness(FairnessReport report, CsvTable data, DecisionColumns columns) {
    Page.Builder page =
        Page.builder()
            .title("Fairness of " + data.source())
            .about("data", describe(data))
            .about("label", columns.label());
    if (columns.prediction() != null) {
      page.about("prediction", columns.prediction());
    } else {
      page.about("score", columns.score() + " >= " + columns.threshold());
    }
    if (columns.positive() != null) {
      page.about("positive value", columns.positive());
    }
    return page.createdAt(report.createdAt()).add(report).build().toHtml();
  }

  /**
   * @param report the library's report
   * @param data the file read
   * @param columns the columns of the errors and the features
   * @return the page
   */
  public static String slices(SliceReport report, CsvTable data, SliceColumns columns) {
    Page.Builder page =
        Page.builder().title("Slices of " + data.source()).about("data", describe(data));
    if (columns.loss() != null) {
      page.about("loss", columns.loss());
    } else {
      page.about("label", columns.label()).about("prediction", columns.prediction());
    }
    if (!columns.exclude().isEmpty()) {
      page.about("excluded (--exclude)", String.join(", ", columns.exclude()));
    }
    return page.createdAt(report.createdAt()).add(report).build().toHtml();
  }

  /** "train.csv: 5000 rows, delimiter ';' (detected)". */
  private static String describe(CsvTable t) {
    return t.source()
        + ": "
        + t.rows()
        + " rows, delimiter "
        + CsvFormat.describe(t.delimiter())
        + (t.delimiterDetected() ? " (detected)" : "");
  }
}
