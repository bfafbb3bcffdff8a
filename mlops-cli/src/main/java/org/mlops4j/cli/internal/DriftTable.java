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
 * <p>Columns: {@code type} is the command's type decision ({@code numeric}, {@code categorical};
 * {@link DriftInputs}), or the library's {@link ColumnKind} where it says more ({@code binary},
 * {@code time}, {@code identifier}, {@code empty}, {@code excluded}); {@code method}, {@code
 * statistic}, {@code p-value}, {@code p-adjusted} and {@code PSI} the report's; {@code effect} the
 * effect size that the gate reads besides the PSI ({@code W/std}: Wasserstein distance over the
 * reference's standard deviation, numeric; {@code JS}: Jensen–Shannon distance, categorical; {@code
 * PSI} when the PSI decides) and {@code gate} whether the feature passes it; {@code missing
 * ref/cur} the missing cells; {@code verdict} {@code DRIFT}, {@code DRIFT (and missing rate)} when
 * the missing rate changed too, {@code DRIFT (missing rate)} when only the missing rate changed
 * (the words of the library's HTML page), {@code ok (small effect)} when the test is significant
 * but the effect is below the gate, {@code ok (missing rate changed)} when the missing rate changed
 * under {@link MissingPolicy#IGNORE_RATE_DRIFT}, {@code skipped (identifier)}, {@code not tested},
 * or {@code ok}. Every column of the file has a row: those not read ({@code --exclude}, not among
 * {@code --columns}) as {@code excluded}, {@code skipped (excluded)}; a text column above {@code
 * --max-distinct} as {@code identifier} with its missing cells from the files; their reasons among
 * the notes. The summary counts the features compared (the share's denominator) and the columns
 * listed but not compared.
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
            f.kind().testable() ? f.method().key() : "-",
            TextTable.num(f.statistic()),
            f.pValue().isPresent() ? TextTable.num(f.pValue().getAsDouble()) : "-",
            f.adjustedPValue().isPresent() ? TextTable.num(f.adjustedPValue().getAsDouble()) : "-",
            psi != null ? TextTable.num(psi) : "-",
            effect(f),
            f.tested() ? (f.effectGate() ? "pass" : "fail") : "-",
            missing(f, inputs),
            verdict(f, report.alpha())
          });
    }
    sb.append(TextTable.table(rows)).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "%d of %d features drifted (share %.3f); dataset %s (threshold %s)%s\n",
            report.driftedCount(),
            report.comparedCount(),
            report.driftedShare(),
            report.datasetDrift() ? "DRIFTED" : "not drifted",
            Double.toString(report.datasetDriftShare()),
            notCompared(report)));
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

  /** "; 4 more listed, not compared (identifier 3, empty 1)", or "". */
  private static String notCompared(DriftReport report) {
    java.util.Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
    for (FeatureDrift f : report.features()) {
      if (!f.kind().testable() && !f.drifted()) {
        kinds.merge(f.kind().key(), 1, Integer::sum);
      }
    }
    if (kinds.isEmpty()) {
      return "";
    }
    int n = kinds.values().stream().mapToInt(Integer::intValue).sum();
    List<String> parts = new java.util.ArrayList<>();
    kinds.forEach((k, c) -> parts.add(k + " " + c));
    return "; " + n + " more listed, not compared (" + String.join(", ", parts) + ")";
  }

  /**
   * The missing cells, reference/current: the report's, or for a column whose values were not kept
   * ({@code --max-distinct}) the files'; "-" for a column not read.
   */
  private static String missing(FeatureDrift f, DriftInputs inputs) {
    if (f.kind() == ColumnKind.EXCLUDED) {
      return "-";
    }
    if (inputs.names().contains(f.feature()) && !inputs.decision(f.feature()).compared()) {
      return inputs.reference().column(f.feature()).missing()
          + "/"
          + inputs.current().column(f.feature()).missing();
    }
    return f.referenceMissing() + "/" + f.currentMissing();
  }

  /**
   * The type of the feature: the library's kind where it says more ({@code binary}, {@code time},
   * {@code identifier}, {@code empty}, {@code excluded}), else the command's type decision ({@code
   * numeric}, {@code categorical}).
   */
  private static String type(FeatureDrift f, DriftInputs inputs) {
    if (f.kind() != ColumnKind.NUMERIC && f.kind() != ColumnKind.CATEGORICAL
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
      return f.kind() == ColumnKind.IDENTIFIER
          ? "skipped (identifier)"
          : f.kind() == ColumnKind.EXCLUDED ? "skipped (excluded)" : "not tested";
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
