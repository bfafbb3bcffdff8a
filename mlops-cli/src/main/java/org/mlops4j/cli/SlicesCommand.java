package org.mlops4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.CsvFormat;
import org.mlops4j.cli.internal.CsvTable;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.Pages;
import org.mlops4j.cli.internal.Progress;
import org.mlops4j.cli.internal.SliceColumns;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.slices.Slice;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlops slices}: the slices of a CSV file where a model fails significantly more than on the
 * rest, with {@link SliceFinder#audit(SliceData)}. Every number comes from the {@link SliceReport};
 * the text is its {@code toString()}, the JSON its own ({@link SliceReport#toJson()}) plus the file
 * read. Every default is the library's ({@link SliceFinder#defaults()}).
 */
@Command(
    name = "slices",
    header = "The slices of a CSV file where a model fails more than on the rest.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Error analysis by slice, from one CSV file with a label and a prediction column (a row is"
          + " an error when the two cells differ, as text) or a per-row --loss column: the slices"
          + " (a value of a feature, a range of a numeric feature, and conjunctions of up to"
          + " --max-depth of them) whose error rate (or mean loss) is significantly worse than on"
          + " the rest of the rows. One-sided two-proportion z-test (Welch's t-test for a loss)"
          + " per slice against its complement, Benjamini-Hochberg over every slice examined; a"
          + " slice is significant when its adjusted p-value is at most --alpha and its effect"
          + " size at least --min-effect-size.",
      "",
      "Features: the --features columns, or every column but the label, prediction, loss and"
          + " --exclude. A feature whose cells (those not missing) are all numbers is numeric, cut"
          + " into --bins quantile bins, a missing cell its own slice (name=missing); any other is"
          + " categorical, a missing cell the value 'missing'. A feature with a single value or"
          + " too many values is skipped with a note in the report.",
      "",
      "Exit status: 0 success, 1 a significant slice was found with --fail-on-slice, 2 bad usage"
          + " or bad input."
    },
    footer = {
      "",
      "Examples:",
      "  mlops slices --data scored.csv --label y --prediction y_hat",
      "  mlops slices --data scored.csv --label y --prediction y_hat \\",
      "      --features sex,race,age,priors_count --min-support 100 \\",
      "      --json slices.json --html slices.html --fail-on-slice",
      "  mlops slices --data scored.csv --loss log_loss --exclude id"
    })
final class SlicesCommand extends AbstractCommand {

  /** The library's defaults, shown by --help and used when an option is not given. */
  private static final SliceFinder DEFAULTS = SliceFinder.defaults();

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "CSV file with a header row.")
  Path data;

  @Option(
      names = "--label",
      paramLabel = "COL",
      description = "Column of true labels (with --prediction).")
  @Nullable String label;

  @Option(
      names = "--prediction",
      paramLabel = "COL",
      description = "Column of predicted labels (with --label).")
  @Nullable String prediction;

  @Option(
      names = "--loss",
      paramLabel = "COL",
      description =
          "Column of a per-row loss (instead of --label and --prediction): slices are judged on"
              + " their mean loss.")
  @Nullable String loss;

  @Option(
      names = "--features",
      split = ",",
      paramLabel = "COL",
      description = "Columns to slice on, comma-separated (default: every other column).")
  @Nullable List<String> features;

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "COL",
      description = "Columns not to slice on, comma-separated (identifiers, say).")
  @Nullable List<String> exclude;

  @Option(
      names = "--categorical",
      split = ",",
      paramLabel = "COL",
      description =
          "Features read as text (one slice per value) whatever their cells, comma-separated.")
  @Nullable List<String> categorical;

  @Option(
      names = "--min-support",
      paramLabel = "N",
      description = "Slices with fewer rows are not examined (default: ${DEFAULT-VALUE}).")
  int minSupport = DEFAULTS.minSupport();

  @Option(
      names = "--max-depth",
      paramLabel = "D",
      description = "Most conditions in a slice, 1 to 3 (default: ${DEFAULT-VALUE}).")
  int maxDepth = DEFAULTS.maxDepth();

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description =
          "False discovery rate of the Benjamini-Hochberg procedure (default: ${DEFAULT-VALUE}).")
  double alpha = DEFAULTS.alpha();

  @Option(
      names = "--min-effect-size",
      paramLabel = "E",
      description =
          "Least effect size of a significant slice: (value - rest) / sqrt((s^2 + s_rest^2) / 2)"
              + " (default: ${DEFAULT-VALUE}).")
  double minEffectSize = DEFAULTS.minEffectSize();

  @Option(
      names = "--bins",
      paramLabel = "N",
      description = "Quantile bins of a numeric feature (default: ${DEFAULT-VALUE}).")
  int bins = DEFAULTS.bins();

  @Mixin CsvOptions csv = new CsvOptions();

  @Mixin ReportOutput output = new ReportOutput();

  @Option(
      names = "--fail-on-slice",
      description = "Exit with status 1 when a significant slice is found.")
  boolean failOnSlice;

  @Override
  int run() {
    SliceColumns columns =
        new SliceColumns(
            label,
            prediction,
            loss,
            features == null ? null : names(features, "--features"),
            names(exclude, "--exclude"),
            names(categorical, "--categorical"));
    SliceFinder finder = finder();
    output.check();
    CsvFormat format = csv.format().resolve(data);
    Progress progress = progress();
    String source = data.toString();
    List<String> featureNames = columns.featureNames(CsvTable.header(data, format), source);
    CsvTable table =
        CsvTable.read(data, columns.request(featureNames), format, progress).requireRows();
    table.delimiterNote().ifPresent(this::note);
    table = SliceColumns.textWhereNotAllNumbers(data, table, featureNames, progress);
    SliceData sliceData = columns.data(table, featureNames);
    progress.phase(
        "searching slices of "
            + table.rows()
            + (table.rows() == 1 ? " row" : " rows")
            + " over "
            + featureNames.size()
            + (featureNames.size() == 1 ? " feature" : " features"));
    SliceReport report;
    try {
      report = finder.audit(sliceData);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(table.source() + ": " + e.getMessage(), e);
    }
    CsvTable read = table;
    output.write(
        () -> document(report, columns, read, featureNames),
        () -> Pages.slices(report, read, columns),
        out(),
        progress);
    if (output.tableOnStandardOutput()) {
      out().print(text(report));
    }
    out().flush();
    if (failOnSlice && !report.significant().isEmpty()) {
      Slice worst = report.significant().get(0);
      err()
          .println(
              "mlops slices: significant slices found: "
                  + report.significant().size()
                  + " (first: "
                  + TerminalText.escape(worst.toString())
                  + ")");
      err().flush();
      return Main.CHECK_FAILED;
    }
    return Main.OK;
  }

  /** The report's {@code toString()}, each line escaped for the terminal (names from data). */
  static String text(SliceReport report) {
    return TerminalText.escapeLines(report.toString());
  }

  private SliceFinder finder() {
    try {
      return DEFAULTS.toBuilder()
          .minSupport(minSupport)
          .maxDepth(maxDepth)
          .alpha(alpha)
          .minEffectSize(minEffectSize)
          .bins(bins)
          .build();
    } catch (IllegalArgumentException e) {
      // the library names the setting and the value: name the option
      throw new UsageException(optionOf(e.getMessage()) + e.getMessage());
    }
  }

  /** "--min-support: " for a message about minSupport, and so on. */
  private static String optionOf(@Nullable String message) {
    String m = message == null ? "" : message;
    String[][] names = {
      {"minSupport", "--min-support"},
      {"maxDepth", "--max-depth"},
      {"alpha", "--alpha"},
      {"minEffectSize", "--min-effect-size"},
      {"bins", "--bins"}
    };
    for (String[] n : names) {
      if (m.startsWith(n[0] + " ")) {
        return n[1] + ": ";
      }
    }
    return "";
  }

  /**
   * The library's report document, then the command's own fields: {@code data} (the file, its label
   * and prediction or loss, and each feature with the type it was read as), {@code inputs} (path,
   * SHA-256, rows and delimiter) and {@code provenance} (the JVM and the OS).
   */
  private static Map<String, Object> document(
      SliceReport report, SliceColumns columns, CsvTable table, List<String> featureNames) {
    Map<String, Object> doc = Documents.document(report.toJson());
    doc.put("data", columns.toJson(table, featureNames));
    doc.put("inputs", Documents.inputs(List.of(table)));
    doc.put("provenance", Documents.provenance());
    return doc;
  }
}
