package org.mlops4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.cli.internal.CsvFormat;
import org.mlops4j.cli.internal.CsvTable;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.DriftInputs;
import org.mlops4j.cli.internal.DriftTable;
import org.mlops4j.cli.internal.DriftWords;
import org.mlops4j.cli.internal.Pages;
import org.mlops4j.cli.internal.Progress;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.MissingPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mlops drift}: data drift between a reference and a current CSV file, with {@link
 * DriftDetector#compare(Columns, Columns)}. The JSON is the report's own ({@link
 * DriftReport#toJson()}) plus the command's type decisions and the files read. Every default is the
 * library's ({@link DriftDetector#defaults()}), read from it, so that the command and the API
 * agree.
 */
@Command(
    name = "drift",
    header = "Data drift between a reference and a current CSV file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Data drift between two CSV files with a header row, column by column. Types: a column whose"
          + " values all parse as numbers is numeric (two-sample Kolmogorov-Smirnov test; a 0/1"
          + " column a two-proportion z-test); one of ISO-8601 dates or date-times (2013-01-27,"
          + " 2013-01-27 14:30:00, 2013-01-27T14:30:00Z) is a date, compared as time (seconds since"
          + " 1970-01-01T00:00Z, by the numeric tests); any other is categorical (chi-square test"
          + " of homogeneity). A column of numbers (or dates) but for at most 1%% of its cells"
          + " stays numeric (or a date) with those cells missing, and a note says which;"
          + " --categorical COL reads a column as text. Every column also gets its population"
          + " stability index. The console table and the JSON (columns[]) show each type and why.",
      "",
      "Missing values: empty cells and the tokens NA, N/A, NaN, nan, null, NULL, None (see"
          + " --na-values), counted and tested for a change of rate, never dropped silently. A"
          + " column without any value is passed on and reported as not testable, and so is an"
          + " identifier-like one (nearly every value distinct: an id, a case number; see"
          + " --identifier-share). A 0/1 column whose current values leave {0, 1} is compared as"
          + " numeric, with a note. A categorical column keeps its --max-categories most"
          + " frequent categories.",
      "",
      "A feature drifts when its p-value, corrected over the features (--correction), is below"
          + " --alpha and the effect is large enough (PSI >= --psi-gate or Wasserstein/std >="
          + " --wasserstein-gate for numeric, Jensen-Shannon >= --js-gate for categorical"
          + " columns), or when its missing rate changes (--missing-policy). The dataset drifts"
          + " when the share of drifted features is at least --drift-share.",
      "",
      "Exit status: 0 success, 1 drift found with --fail-on-drift, 2 bad usage or bad input."
    },
    footer = {
      "",
      "Examples:",
      "  mlops drift --reference train.csv --current today.csv",
      "  mlops drift --reference train.csv --current today.csv \\",
      "      --exclude id,case_number --json drift.json --html drift.html \\",
      "      --fail-on-drift=any"
    })
final class DriftCommand extends AbstractCommand {

  /** The library's defaults, shown by --help and used when an option is not given. */
  private static final DriftDetector DEFAULTS = DriftDetector.defaults();

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

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "COL",
      description = "Columns not to check, comma-separated (identifiers, say).")
  @Nullable List<String> exclude;

  @Option(
      names = "--categorical",
      split = ",",
      paramLabel = "COL",
      description =
          "Columns read as text (categories) whatever their cells, comma-separated: a code of"
              + " digits, or a numeric column whose few non-numbers should stay values.")
  @Nullable List<String> categorical;

  @Mixin CsvOptions csv = new CsvOptions();

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
      description = "Significance level of the tests (default: ${DEFAULT-VALUE}).")
  double alpha = DEFAULTS.alpha();

  @Option(
      names = "--correction",
      paramLabel = "NAME",
      description =
          "Multiple-testing correction over features: none, bonferroni, bh (default:"
              + " ${DEFAULT-VALUE}).")
  String correction = correctionKey(DEFAULTS.correction());

  @Option(
      names = "--bins",
      paramLabel = "N",
      description =
          "PSI bins of a numeric column, fitted on the reference (default: ${DEFAULT-VALUE}).")
  int bins = DEFAULTS.bins();

  @Option(
      names = "--binning",
      paramLabel = "quantile|equal-width",
      description =
          "PSI bin edges at reference quantiles or evenly over the reference range (default:"
              + " ${DEFAULT-VALUE}).")
  String binning = binningKey(DEFAULTS.binning());

  @Option(
      names = "--psi-gate",
      paramLabel = "G",
      description =
          "Effect gate of a numeric column: PSI at or above G (or Wasserstein/std at or above its"
              + " gate) (default: ${DEFAULT-VALUE}).")
  double psiGate = DEFAULTS.psiGate();

  @Option(
      names = "--wasserstein-gate",
      paramLabel = "G",
      description =
          "Effect gate of a numeric column: Wasserstein distance over the reference's standard"
              + " deviation at or above G (default: ${DEFAULT-VALUE}).")
  double wassersteinGate = DEFAULTS.wassersteinGate();

  @Option(
      names = "--js-gate",
      paramLabel = "G",
      description =
          "Effect gate of a categorical column: Jensen-Shannon distance (base 2) at or above G"
              + " (default: ${DEFAULT-VALUE}).")
  double jsGate = DEFAULTS.jsGate();

  @Option(
      names = "--missing-policy",
      paramLabel = "POLICY",
      description =
          "ignore-and-report: a change of a column's missing rate makes it drift;"
              + " ignore-rate-drift: the change is reported only; fail: a missing value is an"
              + " error (default: ${DEFAULT-VALUE}).")
  String missingPolicy = policyKey(DEFAULTS.missingPolicy());

  @Option(
      names = "--max-categories",
      paramLabel = "N",
      description =
          "Categories kept per categorical column: the N most frequent of the reference, the rest"
              + " compared as one bucket, with a note (default: ${DEFAULT-VALUE}).")
  int maxCategories = DEFAULTS.maxCategories();

  @Option(
      names = "--max-distinct",
      paramLabel = "N",
      description =
          "Distinct values the reader keeps per text column, so that memory stays bounded: a"
              + " column with more (in either file) is identifier-like and not tested, with a note"
              + " (default: ${DEFAULT-VALUE}).")
  int maxDistinct = 1_000_000;

  @Option(
      names = "--identifier-share",
      paramLabel = "S",
      description =
          "A categorical column whose distinct values are more than this share of its values (and"
              + " more than --identifier-min-distinct) is identifier-like: not tested, with a"
              + " note; 1 turns the check off, --method COL=chi2 tests one column"
              + " (default: ${DEFAULT-VALUE}).")
  double identifierShare = DEFAULTS.identifierShare();

  @Option(
      names = "--identifier-min-distinct",
      paramLabel = "N",
      description =
          "Distinct values a categorical column must exceed to be identifier-like (default:"
              + " ${DEFAULT-VALUE}).")
  int identifierMinDistinct = DEFAULTS.identifierMinDistinct();

  @Option(
      names = "--drift-share",
      paramLabel = "S",
      description =
          "The dataset drifts when at least this share of features drifts (default:"
              + " ${DEFAULT-VALUE}).")
  double driftShare = DEFAULTS.datasetDriftShare();

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
    if (maxDistinct < 1) {
      throw new UsageException("--max-distinct must be positive, but was " + maxDistinct);
    }
    output.check();
    CsvFormat format = csv.format();
    Progress progress = progress();
    List<String> want = null;
    if (columns != null) {
      want = new ArrayList<>();
      for (String c : columns) {
        if (c.isBlank()) {
          throw new UsageException("--columns has an empty column name");
        }
        want.add(c.strip());
      }
    }
    DriftInputs inputs =
        DriftInputs.read(
            referenceFile,
            currentFile,
            want,
            names(exclude, "--exclude"),
            names(categorical, "--categorical"),
            format,
            progress,
            maxDistinct);
    inputs.reference().requireRows();
    inputs.current().requireRows();
    for (CsvTable t : List.of(inputs.reference(), inputs.current())) {
      t.delimiterNote().ifPresent(this::note);
    }
    for (DriftInputs.Decision d : inputs.decisions()) {
      if (d.unparsed()) {
        note("column '" + d.name() + "': " + d.reason());
      }
    }
    if (inputs.decisions().stream().noneMatch(DriftInputs.Decision::compared)) {
      throw new IllegalArgumentException(
          referenceFile
              + " vs "
              + currentFile
              + ": no column to compare: every one has "
              + CsvTable.CappedColumn.reason(maxDistinct));
    }
    int compared = (int) inputs.decisions().stream().filter(DriftInputs.Decision::compared).count();
    progress.phase("comparing " + compared + (compared == 1 ? " column" : " columns"));
    DriftReport report;
    try {
      report = DriftWords.of(detector.compare(inputs.referenceColumns(), inputs.currentColumns()));
    } catch (IllegalArgumentException e) {
      // the library names the column; add the files
      throw new IllegalArgumentException(
          referenceFile + " vs " + currentFile + ": " + e.getMessage(), e);
    }
    output.write(
        () -> document(report, inputs), () -> Pages.drift(report, inputs), out(), progress);
    if (output.tableOnStandardOutput()) {
      out().print(DriftTable.render(report, inputs, detector));
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
                    + report.comparedCount()
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
   * The library's report document, then the command's own fields: {@code columns} (the type of
   * every compared column and why, {@link DriftInputs#toJson()}), {@code excluded} (the columns
   * left out), {@code reference} and {@code current} (the files as given), {@code inputs} (path,
   * SHA-256, rows and delimiter of each) and {@code provenance} (the JVM and the OS).
   */
  private static Map<String, Object> document(DriftReport report, DriftInputs inputs) {
    Map<String, Object> doc = Documents.document(report.toJson());
    doc.put("columns", inputs.toJson());
    doc.put("excluded", inputs.excluded());
    doc.put("reference", inputs.reference().source());
    doc.put("current", inputs.current().source());
    doc.put("inputs", Documents.inputs(List.of(inputs.reference(), inputs.current())));
    doc.put("provenance", Documents.provenance());
    return doc;
  }

  private DriftDetector detector() {
    DriftDetector.Builder b =
        DEFAULTS.toBuilder()
            .alpha(alpha)
            .bins(bins)
            .datasetDriftShare(driftShare)
            .psiGate(psiGate)
            .wassersteinGate(wassersteinGate)
            .jsGate(jsGate)
            .maxCategories(maxCategories)
            .identifierShare(identifierShare)
            .identifierMinDistinct(identifierMinDistinct);
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
    b.missingPolicy(
        switch (missingPolicy.toLowerCase(Locale.ROOT)) {
          case "ignore-and-report" -> MissingPolicy.IGNORE_AND_REPORT;
          case "ignore-rate-drift" -> MissingPolicy.IGNORE_RATE_DRIFT;
          case "fail" -> MissingPolicy.FAIL;
          default ->
              throw new UsageException(
                  "--missing-policy takes ignore-and-report, ignore-rate-drift or fail, not '"
                      + missingPolicy
                      + "'");
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

  /** The option's word for a correction: none, bonferroni, bh. */
  static String correctionKey(Correction c) {
    return switch (c) {
      case NONE -> "none";
      case BONFERRONI -> "bonferroni";
      case BENJAMINI_HOCHBERG -> "bh";
    };
  }

  /** The option's word for a binning: quantile, equal-width. */
  static String binningKey(Binning b) {
    return b.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The option's word for a missing policy: ignore-and-report, ignore-rate-drift, fail. */
  static String policyKey(MissingPolicy p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
