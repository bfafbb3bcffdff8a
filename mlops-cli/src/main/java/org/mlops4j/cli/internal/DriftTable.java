package org.mlops4j.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.MissingPolicy;

/**
 * The text table {@code mlops drift} prints: one row per feature with the report's values, the
 * dataset verdict, how a verdict is reached, and the notes. Formatting only: every number is the
 * report's. Names from the data (columns, files) are escaped for the terminal ({@link
 * TerminalText}).
 *
 * <p>Columns: {@code type} is the command's type decision ({@code numeric}, {@code date}, {@code
 * categorical}; {@link DriftInputs}), or the library's {@link ColumnKind} where it says more
 * ({@code binary}, {@code identifier}, {@code empty}); {@code method}, {@code statistic}, {@code
 * p-value}, {@code p-adjusted} and {@code PSI} the report's; {@code effect} the effect size that
 * the gate reads besides the PSI ({@code W/std}: Wasserstein distance over the reference's standard
 * deviation, numeric; {@code JS}: Jensen–Shannon distance, categorical; {@code PSI} when the PSI
 * decides) and {@code gate} whether the feature passes it; {@code missing ref/cur} the missing
 * cells; {@code verdict} {@code DRIFT}, {@code DRIFT (and missing rate)} when the missing rate
 * changed too, {@code DRIFT (missing rate)} when only the missing rate changed (the words of the
 * library's HTML page), {@code ok (small effect)} when the test is significant but the effect is
 * below the gate, {@code ok (missing rate changed)} when the missing rate changed under {@link
 * MissingPolicy#IGNORE_RATE_DRIFT}, {@code skipped (identifier)}, {@code not tested}, or {@code
 * ok}. After the report's features, one row per column not given to the library (type {@code
 * identifier}: more distinct values than {@code --max-distinct}), {@code not tested}, with its
 * missing cells from the files and its reason among the notes.
 */
public final class DriftTable {

  private DriftTable() {}

  /**
   * @param report the library's report
   * @param inputs the files read and the type decisions
   * @param detector the settings the report was made with (its gates)
   * @return the table, lines ending in LF
   */
  public static String render(DriftReport report, DriftInputs inputs, DriftDetector detector) {
    CsvTable reference = inputs.reference();
    CsvTable current = inputs.current();
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
            "effect",
            "gate",
            "missing ref/cur",
            "verdict");
    for (FeatureDrift f : report.features()) {
      Double psi = f.metrics().get("psi");
      rows.add(
          new String[] {
            f.feature(),
            type(f, inputs),
            f.method().key(),
            TextTable.num(f.statistic()),
            f.pValue().isPresent() ? TextTable.num(f.pValue().getAsDouble()) : "-",
            f.adjustedPValue().isPresent() ? TextTable.num(f.adjustedPValue().getAsDouble()) : "-",
            psi != null ? TextTable.num(psi) : "-",
            effect(f),
            f.tested() ? (f.effectGate() ? "pass" : "fail") : "-",
            f.referenceMissing() + "/" + f.currentMissing(),
            verdict(f, report.alpha())
          });
    }
    for (DriftInputs.Decision d : inputs.decisions()) {
      if (!d.compared()) { // not given to the library: its counts from the files
        rows.add(
            new String[] {
              d.name(),
              d.typeKey(),
              "-",
              "-",
              "-",
              "-",
              "-",
              "-",
              "-",
              reference.column(d.name()).missing() + "/" + current.column(d.name()).missing(),
              "not tested"
            });
      }
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
    sb.append(legend(detector, report.alpha())).append('\n');
    for (DriftInputs.Decision d : inputs.decisions()) {
      if (d.noteworthy()) {
        sb.append("note: ").append(TerminalText.escape(d.name() + ": " + d.reason())).append('\n');
      }
    }
    for (FeatureDrift f : report.features()) {
      if (!f.note().isEmpty()) {
        sb.append("note: ").append(TerminalText.escape(f.feature() + ": " + f.note())).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The type of the feature: the library's kind where it says more ({@code binary}, {@code
   * identifier}, {@code empty}), else the command's type decision ({@code numeric}, {@code date},
   * {@code categorical}).
   */
  private static String type(FeatureDrift f, DriftInputs inputs) {
    if (f.kind() == ColumnKind.BINARY
        || f.kind() == ColumnKind.IDENTIFIER
        || f.kind() == ColumnKind.EMPTY
        || !inputs.names().contains(f.feature())) {
      return f.kind().key();
    }
    return inputs.decision(f.feature()).typeKey();
  }

  /** The effect size the gate reads besides the PSI column: W/std, JS, or the PSI itself. */
  static String effect(FeatureDrift f) {
    Map<String, Double> m = f.metrics();
    String key;
    String label;
    if (f.method() == DriftMethod.PSI) {
      key = "psi";
      label = "PSI ";
    } else if (f.type() == ColumnType.CATEGORICAL) {
      key = "js";
      label = "JS ";
    } else {
      key = "wasserstein_std";
      label = "W/std ";
    }
    Double v = m.get(key);
    return v == null || v.isNaN() ? "-" : label + String.format(Locale.ROOT, "%.4f", v);
  }

  /** The verdict and, when it is not the test's, what reached it. */
  static String verdict(FeatureDrift f, double alpha) {
    boolean significant =
        f.tested() && (f.adjustedPValue().isEmpty() || f.adjustedPValue().getAsDouble() < alpha);
    boolean byTest = significant && f.effectGate();
    if (f.drifted()) {
      if (!f.missingRateDrifted()) {
        return "DRIFT";
      }
      return byTest ? "DRIFT (and missing rate)" : "DRIFT (missing rate)";
    }
    if (!f.tested()) {
      return f.kind() == ColumnKind.IDENTIFIER ? "skipped (identifier)" : "not tested";
    }
    if (significant && !f.effectGate()) {
      return "ok (small effect)";
    }
    return f.missingRateDrifted() ? "ok (missing rate changed)" : "ok";
  }

  /** How a verdict is reached, with the settings' numbers. */
  static String legend(DriftDetector d, double alpha) {
    StringBuilder sb =
        new StringBuilder("gate: PSI >= ")
            .append(d.psiGate())
            .append(" or W/std >= ")
            .append(d.wassersteinGate())
            .append(" (numeric), JS >= ")
            .append(d.jsGate())
            .append(" (categorical); a feature drifts when its p-adjusted < ")
            .append(alpha)
            .append(" and it passes the gate");
    switch (d.missingPolicy()) {
      case IGNORE_AND_REPORT ->
          sb.append(", or when its missing rate changes (p < ").append(alpha).append(')');
      case IGNORE_RATE_DRIFT ->
          sb.append("; a change of its missing rate is reported, not counted");
      case FAIL -> sb.append("; a missing value is an error");
    }
    return sb.toString();
  }
}
