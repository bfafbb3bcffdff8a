package org.mlops4j.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.fairness.Interval;
import org.mlops4j.fairness.Rate;

/**
 * The text table {@code mlops fairness} prints: per group the confusion counts and rates, then the
 * library's criteria (and, with a reference group, the disparities to it that the criteria name)
 * with their bootstrap intervals when the report has them, the four-fifths rule and the notes.
 * Formatting only: every number is the report's. Names from the data (groups, columns, the file)
 * are escaped for the terminal ({@link TerminalText}).
 */
public final class FairnessTable {

  /** The disparities to the reference group shown beside the criteria, when there is one. */
  private static final List<String> TO_REFERENCE =
      List.of(
          "selection_rate_difference_to_reference",
          "selection_rate_ratio_to_reference",
          "equalized_odds_difference_to_reference",
          "tpr_difference_to_reference");

  private FairnessTable() {}

  /**
   * @param report the library's report
   * @param data the file read
   * @return the table, lines ending in LF
   */
  public static String render(FairnessReport report, CsvTable data) {
    List<String[]> rows =
        TextTable.rows(
            "group",
            "n",
            "TP",
            "FP",
            "TN",
            "FN",
            "selection",
            "base",
            "TPR",
            "FPR",
            "FNR",
            "PPV",
            "status");
    List<GroupMetrics> all = new ArrayList<>(report.groups());
    all.add(report.overall());
    for (GroupMetrics g : all) {
      boolean overall = g == report.overall();
      rows.add(
          new String[] {
            g.name(),
            Long.toString(g.size()),
            TextTable.num(g.counts().tp()),
            TextTable.num(g.counts().fp()),
            TextTable.num(g.counts().tn()),
            TextTable.num(g.counts().fn()),
            rate(g.selectionRate()),
            rate(g.baseRate()),
            rate(g.tpr()),
            rate(g.fpr()),
            rate(g.fnr()),
            rate(g.ppv()),
            overall ? "" : g.status() == GroupStatus.OK ? "ok" : "too small"
          });
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Fairness of ")
        .append(TerminalText.escape(data.source()))
        .append(" (")
        .append(report.overall().size())
        .append(" rows; groups by ")
        .append(TerminalText.escape(String.join(", ", report.attributes())))
        .append(")\n\n");
    sb.append(TextTable.table(rows)).append('\n');
    List<Disparity> shown = new ArrayList<>(report.criteria());
    if (report.reference().isPresent()) {
      for (String name : TO_REFERENCE) {
        shown.add(report.disparity(name));
      }
    }
    @Nullable Interval any = null;
    for (Disparity v : shown) {
      if (v.interval().isPresent()) {
        any = v.interval().get();
        break;
      }
    }
    List<String[]> d =
        any == null
            ? TextTable.rows("criterion", "value", "groups")
            : TextTable.rows("criterion", "value", "groups", level(any) + " interval");
    for (Disparity v : shown) {
      String interval =
          v.interval()
              .map(i -> String.format(Locale.ROOT, "[%.4f, %.4f]", i.lower(), i.upper()))
              .orElse("-");
      String[] row =
          v.defined()
              ? new String[] {
                v.name(),
                String.format(Locale.ROOT, "%.4f", v.value()),
                v.groupA() + " vs " + v.groupB(),
                interval
              }
              : new String[] {v.name(), "undefined", v.reason(), ""};
      d.add(any == null ? java.util.Arrays.copyOf(row, 3) : row);
    }
    sb.append(TextTable.table(d));
    sb.append(TerminalText.escape(report.fourFifthsRule().toString())).append('\n');
    for (String note : report.notes()) {
      sb.append("note: ").append(TerminalText.escape(note)).append('\n');
    }
    return sb.toString();
  }

  /** "95%" for a level of 0.95, "99.5%" for 0.995. */
  private static String level(Interval i) {
    double pct = i.level() * 100;
    return (Math.abs(pct - Math.rint(pct)) < 1e-9
            ? Long.toString(Math.round(pct))
            : String.format(Locale.ROOT, "%.1f", pct))
        + "%";
  }

  private static String rate(Rate r) {
    return r.defined() ? String.format(Locale.ROOT, "%.4f", r.value()) : "-";
  }
}
