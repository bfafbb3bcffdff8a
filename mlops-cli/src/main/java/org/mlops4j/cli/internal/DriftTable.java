package org.mlops4j.cli.internal;

import java.util.List;
import java.util.Locale;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;

/**
 * The text table {@code mlops drift} prints: one row per feature with the report's values, the
 * dataset verdict and the notes. Formatting only: every number is the report's. Names from the data
 * (columns, files) are escaped for the terminal ({@link TerminalText}).
 */
public final class DriftTable {

  private DriftTable() {}

  /**
   * @param report the library's report
   * @param reference the reference file read
   * @param current the current file read
   * @return the table, lines ending in LF
   */
  public static String render(DriftReport report, CsvTable reference, CsvTable current) {
    StringBuilder sb = new StringBuilder();
    sb.append("Drift of ")
        .append(TerminalText.escape(current.source()))
        .append(" (")
        .append(current.rows())
        .append(" rows) against ")
        .append(TerminalText.escape(reference.source()))
        .append(" (")
        .append(reference.rows())
        .append(" rows)\n\n");
    List<String[]> rows =
        TextTable.rows(
            "feature",
            "type",
            "method",
            "statistic",
            "p-value",
            "p-adjusted",
            "PSI",
            "missing ref/cur",
            "verdict");
    for (FeatureDrift f : report.features()) {
      Double psi = f.metrics().get("psi");
      rows.add(
          new String[] {
            f.feature(),
            f.type().name().toLowerCase(Locale.ROOT),
            f.method().key(),
            TextTable.num(f.statistic()),
            f.pValue().isPresent() ? TextTable.num(f.pValue().getAsDouble()) : "-",
            f.adjustedPValue().isPresent() ? TextTable.num(f.adjustedPValue().getAsDouble()) : "-",
            psi != null ? TextTable.num(psi) : "-",
            f.referenceMissing() + "/" + f.currentMissing(),
            f.drifted() ? "DRIFT" : "ok"
          });
    }
    sb.append(TextTable.table(rows)).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "%d of %d features drifted (share %.3f); dataset %s (threshold %s)\n",
            report.driftedCount(),
            report.features().size(),
            report.driftedShare(),
            report.datasetDrift() ? "DRIFTED" : "not drifted",
            Double.toString(report.datasetDriftShare())));
    for (FeatureDrift f : report.features()) {
      if (!f.note().isEmpty()) {
        sb.append("note: ").append(TerminalText.escape(f.feature() + ": " + f.note())).append('\n');
      }
    }
    return sb.toString();
  }
}
