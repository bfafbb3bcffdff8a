package org.mlops4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.cli.internal.CsvTable;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Column;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.DriftTable;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlops drift}: data drift between a reference and a current CSV file, with {@link
 * DriftDetector#compare(Columns, Columns)}. The JSON is the report's own ({@link
 * DriftReport#toJson()}) plus the files read.
 */
@Command(
    name = "drift",
    header = "Data drift between a reference and a current CSV file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Data drift between two CSV files with a header row, column by column. A column whose"
          + " non-empty cells all parse as numbers is numeric (two-sample Kolmogorov-Smirnov test;"
          + " a 0/1 column a two-proportion z-test), any other is categorical (chi-square test of"
          + " homogeneity); every column also gets its population stability index (numeric: 10"
          + " bins at reference quantiles). Empty cells are missing values, counted and tested for"
          + " a change of rate, never dropped silently.",
      "",
      "A feature drifts when its p-value, corrected over the features (Benjamini-Hochberg by"
          + " default), is below --alpha and the effect is large enough (PSI >= 0.1, or"
          + " Wasserstein/std >= 0.1, or Jensen-Shannon >= 0.1). The dataset drifts when the share"
          + " of drifted features is at least --drift-share.",
      "",
      "Exit status: 0 success, 1 drift found with --fail-on-drift, 2 bad usage or bad input."
    },
    footer = {
      "",
      "Examples:",
      "  mlops drift --reference train.csv --current today.csv",
      "  mlops drift --reference train.csv --current today.csv \\",
      "      --columns age,income,city --json drift.json --html drift.html \\",
      "      --fail-on-drift=any"
    })
final class DriftCommand extends AbstractCommand {

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "FILE",
      description = "The reference CSV file (e.g. the training data).")
  Path reference;

  @Option(
      names = "--current",
      required = true,
      paramLabel = "FILE",
      description = "The current CSV file.")
  Path current;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "COL",
      description = "Columns to check, comma-separated (default: every column of the reference).")
  @Nullable List<String> columns;

  @Mixin ReportOutput output = new ReportOutput();

  @Option(
      names = "--fail-on-drift",
      arity = "0..1",
      fallbackValue = "dataset",
      paramLabel = "dataset|any",
      description =
          "Exit with status 1 when the dataset drifts (default), or with =any when any feature"
              + " drifts.")
  @Nullable String failOnDrift;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "Significance level of the tests (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--correction",
      paramLabel = "NAME",
      defaultValue = "bh",
      description =
          "Multiple-testing correction over features: none, bonferroni, bh (default:"
              + " ${DEFAULT-VALUE}).")
  String correction = "bh";

  @Option(
      names = "--bins",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "PSI bins of a numeric column, fitted on the reference (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(
      names = "--binning",
      paramLabel = "quantile|equal-width",
      defaultValue = "quantile",
      description =
          "PSI bin edges at reference quantiles or evenly over the reference range (default:"
              + " ${DEFAULT-VALUE}).")
  String binning = "quantile";

  @Option(
      names = "--drift-share",
      paramLabel = "S",
      defaultValue = "0.5",
      description =
          "The dataset drifts when at least this share of features drifts (default:"
              + " ${DEFAULT-VALUE}).")
  double driftShare;

  @Option(
      names = "--method",
      paramLabel = "COL=METHOD",
      description =
          "Decide a column with another method: ks, cvm, ad, z, psi, wasserstein, chi2, js;"
              + " repeatable.")
  @Nullable Map<String, String> methods;

  @Override
  int run() {
    Path referenceFile = reference;
    Path currentFile = current;
    if (failOnDrift != null && !failOnDrift.equals("dataset") && !failOnDrift.equals("any")) {
      throw new UsageException(
          "--fail-on-drift takes 'dataset' or 'any', not '" + failOnDrift + "'");
    }
    DriftDetector detector = detector();
    output.check();

    Map<String, Kind> want = null;
    if (columns != null) {
      want = new LinkedHashMap<>();
      for (String c : columns) {
        if (c.isBlank()) {
          throw new UsageException("--columns has an empty column name");
        }
        want.put(c.strip(), Kind.AUTO);
      }
    }
    CsvTable ref = CsvTable.read(referenceFile, want);
    List<String> names = new ArrayList<>(ref.columns().keySet());
    Map<String, Kind> curWant = new LinkedHashMap<>();
    names.forEach(n -> curWant.put(n, Kind.AUTO));
    CsvTable cur = CsvTable.read(currentFile, curWant);
    ref.requireRows();
    cur.requireRows();
    // A column numeric in one file and categorical in the other is compared as categorical.
    for (String n : names) {
      boolean refNumeric = ref.column(n) instanceof NumericColumn;
      boolean curNumeric = cur.column(n) instanceof NumericColumn;
      if (refNumeric && !curNumeric) {
        ref = ref.withCategorical(referenceFile, n);
      } else if (curNumeric && !refNumeric) {
        cur = cur.withCategorical(currentFile, n);
      }
    }
    DriftReport report;
    try {
      report = detector.compare(toColumns(ref, names), toColumns(cur, names));
    } catch (IllegalArgumentException e) {
      // the library names the column; add the files
      throw new IllegalArgumentException(
          referenceFile + " vs " + currentFile + ": " + e.getMessage(), e);
    }
    CsvTable refTable = ref;
    CsvTable curTable = cur;
    output.write(() -> document(report, refTable, curTable), report::toHtml, out());
    if (output.tableOnStandardOutput()) {
      out().print(DriftTable.render(report, refTable, curTable));
    }
    out().flush();
    if (failOnDrift != null) {
      boolean any = failOnDrift.equals("any");
      if (any ? report.driftedCount() > 0 : report.datasetDrift()) {
        List<String> drifted = report.drifted().stream().map(FeatureDrift::feature).toList();
        err()
            .println(
                "mlops drift: drift found: "
                    + report.driftedCount()
                    + " of "
                    + report.features().size()
                    + " features drifted ("
                    + TerminalText.escape(String.join(", ", drifted))
                    + ")"
                    + (any
                        ? ""
                        : String.format(
                            Locale.ROOT,
                            "; share %.3f >= %s",
                            report.driftedShare(),
                            Double.toString(report.datasetDriftShare()))));
        err().flush();
        return Main.CHECK_FAILED;
      }
    }
    return Main.OK;
  }

  /**
   * The library's report document, then the command's own fields: {@code reference} and {@code
   * current} (the files as given), {@code inputs} (path, SHA-256 and rows of each) and {@code
   * provenance} (the JVM and the OS).
   */
  private Map<String, Object> document(DriftReport report, CsvTable ref, CsvTable cur) {
    Map<String, Object> doc = Documents.document(report.toJson());
    doc.put("reference", ref.source());
    doc.put("current", cur.source());
    doc.put("inputs", Documents.inputs(List.of(ref, cur)));
    doc.put("provenance", Documents.provenance());
    return doc;
  }

  private DriftDetector detector() {
    DriftDetector.Builder b =
        DriftDetector.builder().alpha(alpha).bins(bins).datasetDriftShare(driftShare);
    b.correction(
        switch (correction.toLowerCase(Locale.ROOT)) {
          case "none" -> Correction.NONE;
          case "bonferroni" -> Correction.BONFERRONI;
          case "bh", "benjamini-hochberg", "fdr" -> Correction.BENJAMINI_HOCHBERG;
          default ->
              throw new UsageException(
                  "--correction takes none, bonferroni or bh, not '" + correction + "'");
        });
    b.binning(
        switch (binning.toLowerCase(Locale.ROOT)) {
          case "quantile" -> Binning.QUANTILE;
          case "equal-width" -> Binning.EQUAL_WIDTH;
          default ->
              throw new UsageException(
                  "--binning takes quantile or equal-width, not '" + binning + "'");
        });
    if (methods != null) {
      methods.forEach(
          (column, key) -> {
            try {
              b.method(column, key);
            } catch (IllegalArgumentException e) {
              throw new UsageException("--method " + column + "=" + key + ": " + e.getMessage());
            }
          });
    }
    return b.build();
  }

  private static Columns toColumns(CsvTable t, List<String> names) {
    Columns.Builder b = Columns.builder();
    for (String n : names) {
      Column c = t.column(n);
      if (c instanceof NumericColumn num) {
        b.numeric(n, num.values());
      } else {
        CategoricalColumn cat = (CategoricalColumn) c;
        @Nullable String[] values = new String[cat.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = cat.value(i);
        }
        b.categorical(n, values);
      }
    }
    return b.build();
  }
}
