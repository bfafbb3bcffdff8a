package org.mlops4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.CsvTable;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.cli.internal.DecisionColumns;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.FailIf;
import org.mlops4j.cli.internal.FairnessTable;
import org.mlops4j.cli.internal.Pages;
import org.mlops4j.cli.internal.Progress;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlops fairness}: group fairness of a binary classifier's decisions in a CSV file, with
 * {@link FairnessAuditor#audit(Decisions)}. Every number comes from the {@link FairnessReport}; the
 * JSON is the report's own ({@link FairnessReport#toJson()}) plus the file read and the {@code
 * --fail-if} checks.
 */
@Command(
    name = "fairness",
    header = "Group fairness of a classifier's decisions in a CSV file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Group fairness of a binary classifier from one CSV file with a label, a prediction (or a"
          + " score and a threshold) and one or more group columns: rates per group (selection"
          + " rate, base rate, TPR, FPR, FNR, PPV, ... with Wilson intervals), the criteria between"
          + " groups (differences max - min and ratios min / max, as Fairlearn's between_groups),"
          + " disparities of every rate to overall and, with --reference-group, to that group,"
          + " and the four-fifths rule.",
      "",
      "Labels and predictions are 0/1 or true/false unless --positive names the positive value."
          + " With --score and --threshold a score at or above the threshold is a positive"
          + " prediction.",
      "",
      "Exit status: 0 success, 1 a --fail-if check failed, 2 bad usage or bad input."
    },
    footer = {
      "",
      "Criteria for --fail-if (quote the argument in a shell) are the names of the report's"
          + " criteria and disparities, as in its JSON: demographic_parity_difference,"
          + " demographic_parity_ratio (min / max selection rate, Fairlearn), disparate_impact"
          + " (AIF360: lowest selection rate over the reference group's, or the highest group's"
          + " without --reference-group), equalized_odds_difference, equal_opportunity_difference,"
          + " predictive_parity_difference, false_positive_rate_parity_difference (and their"
          + " _ratio), and any disparity such as fpr_difference_between_groups,"
          + " tpr_ratio_to_overall or, with --reference-group,"
          + " equalized_odds_difference_to_reference. Operators: > >= < <=. An undefined criterion"
          + " fails its check.",
      "",
      "Examples:",
      "  mlops fairness --data scored.csv --label y --prediction y_hat --group sex",
      "  mlops fairness --data scored.csv --label y --score p --threshold 0.5 \\",
      "      --group race --group sex --reference-group 'race=White|sex=Male' \\",
      "      --json report.json --fail-if 'equalized_odds_difference>0.1' \\",
      "      --fail-if 'disparate_impact<0.8'"
    })
final class FairnessCommand extends AbstractCommand {

  /** The library's defaults, shown by --help and used when an option is not given. */
  private static final FairnessAuditor DEFAULTS = FairnessAuditor.defaults();

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "CSV file with a header row.")
  Path data;

  @Option(
      names = "--label",
      required = true,
      paramLabel = "COL",
      description = "Column of true labels.")
  String label;

  @Option(
      names = "--prediction",
      paramLabel = "COL",
      description = "Column of predicted labels (or use --score with --threshold).")
  @Nullable String prediction;

  @Option(
      names = "--score",
      paramLabel = "COL",
      description = "Column of numeric scores; needs --threshold.")
  @Nullable String score;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "A score >= T is a positive prediction.")
  @Nullable Double threshold;

  @Option(
      names = "--group",
      required = true,
      paramLabel = "COL",
      description =
          "Sensitive attribute column; repeat for intersectional groups (named 'a=x|b=y').")
  List<String> groups;

  @Option(
      names = "--positive",
      paramLabel = "VALUE",
      description = "The positive value of label and prediction cells (default: 1 or true).")
  @Nullable String positive;

  @Option(
      names = "--reference-group",
      paramLabel = "G",
      description =
          "The reference group: disparities to it, disparate_impact and the four-fifths rule use"
              + " it.")
  @Nullable String referenceGroup;

  @Option(
      names = "--min-group-size",
      paramLabel = "N",
      description =
          "Groups with fewer rows are reported but left out of disparities and the criteria"
              + " (default: ${DEFAULT-VALUE}).")
  int minGroupSize = DEFAULTS.minGroupSize();

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      description =
          "Bootstrap resamples for intervals of disparities; 0 turns them off (default:"
              + " ${DEFAULT-VALUE}).")
  int bootstrap = DEFAULTS.bootstrapResamples();

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed = DEFAULTS.bootstrapSeed();

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      description = "Confidence level of intervals (default: ${DEFAULT-VALUE}).")
  double confidence = DEFAULTS.confidenceLevel();

  @Option(
      names = "--calibration",
      negatable = true,
      description =
          "Per-group calibration of the --score column (reliability curves, ECE). Default: on when"
              + " every score is in [0, 1], as in the library; off, with a note, when one is not.")
  @Nullable Boolean calibration;

  @Mixin CsvOptions csv = new CsvOptions();

  @Mixin ReportOutput output = new ReportOutput();

  @Option(
      names = "--fail-if",
      paramLabel = "CRITERION>VALUE",
      description = "Exit with status 1 when the criterion passes the bound; repeatable.")
  @Nullable List<String> failIf;

  @Override
  int run() {
    List<FailIf> checks = FailIf.parseAll(failIf);
    output.check();
    DecisionColumns columns =
        new DecisionColumns(label, prediction, score, threshold, groups, positive);
    Progress progress = progress();
    CsvTable table = CsvTable.read(data, columns.request(), csv.format(), progress).requireRows();
    table
        .delimiterNote()
        .ifPresent(n -> err().println("mlops fairness: note: " + TerminalText.escape(n)));
    Decisions decisions = columns.decisions(table);
    FairnessAuditor auditor = auditor(table);
    progress.phase("auditing " + table.rows() + (table.rows() == 1 ? " decision" : " decisions"));
    FairnessReport report;
    try {
      report = auditor.audit(decisions);
    } catch (IllegalArgumentException e) {
      // the library names the value (a reference group that is not a group, say); add the file
      throw new IllegalArgumentException(table.source() + ": " + e.getMessage(), e);
    }
    List<FailIf.Outcome> outcomes = new ArrayList<>();
    for (FailIf check : checks) {
      outcomes.add(check.evaluate(report));
    }

    output.write(
        () -> document(report, columns, table, outcomes),
        () -> Pages.fairness(report, table, columns),
        out(),
        progress);
    if (output.tableOnStandardOutput()) {
      out().print(FairnessTable.render(report, table));
      for (FailIf.Outcome o : outcomes) {
        out()
            .println(
                "check "
                    + (o.failed() ? "FAILED " : "passed ")
                    + TerminalText.escape(o.describe()));
      }
    }
    out().flush();
    boolean failed = false;
    for (FailIf.Outcome o : outcomes) {
      if (o.failed()) {
        err().println("mlops fairness: check failed: " + TerminalText.escape(o.describe()));
        failed = true;
      }
    }
    err().flush();
    return failed ? Main.CHECK_FAILED : Main.OK;
  }

  /**
   * The auditor of the options, from the library's defaults. Calibration: as asked with {@code
   * --[no-]calibration}; otherwise the library's default, except for scores outside [0, 1] (a score
   * in a CSV file need not be a probability), where it is turned off with a note.
   */
  private FairnessAuditor auditor(CsvTable table) {
    FairnessAuditor.Builder b =
        DEFAULTS.toBuilder()
            .minGroupSize(minGroupSize)
            .confidenceLevel(confidence)
            .bootstrap(bootstrap, seed);
    if (calibration != null) {
      b.calibration(calibration);
    } else if (DEFAULTS.calibration() && score != null) {
      double[] values = ((NumericColumn) table.column(score)).values();
      for (int i = 0; i < values.length; i++) {
        if (!(values[i] >= 0 && values[i] <= 1)) {
          err()
              .println(
                  "mlops fairness: note: "
                      + TerminalText.escape(
                          "column '"
                              + score
                              + "' has scores outside [0, 1] (row "
                              + (i + 1)
                              + ": "
                              + values[i]
                              + "): no calibration"));
          b.calibration(false);
          break;
        }
      }
    }
    if (referenceGroup != null) {
      b.reference(referenceGroup);
    }
    return b.build();
  }

  /**
   * The library's report document, then the command's own fields: {@code data} (the file and its
   * columns), {@code inputs} (path, SHA-256 and rows), {@code checks} and {@code failed} (with
   * {@code --fail-if}) and {@code provenance} (the JVM and the OS).
   */
  private static Map<String, Object> document(
      FairnessReport report,
      DecisionColumns columns,
      CsvTable table,
      List<FailIf.Outcome> outcomes) {
    Map<String, Object> doc = Documents.document(report.toJson());
    doc.put("data", columns.toJson(table));
    doc.put("inputs", Documents.inputs(List.of(table)));
    if (!outcomes.isEmpty()) {
      doc.put("checks", outcomes.stream().map(FailIf.Outcome::toJson).toList());
      doc.put("failed", outcomes.stream().anyMatch(FailIf.Outcome::failed));
    }
    doc.put("provenance", Documents.provenance());
    return doc;
  }
}
