package org.mlops4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.cli.internal.CsvTable;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Column;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.cli.internal.Output;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.drift.Binning;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftConfig;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.DriftTest;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.KsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlops drift}: data drift between a reference and a current CSV file. */
@Command(
    name = "drift",
    header = "Data drift between a reference and a current CSV file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Data drift between two CSV files with a header row, column by column. A column whose non-empty"
          + " cells all parse as numbers is numeric (two-sample Kolmogorov-Smirnov test; a 0/1 column a"
          + " two-proportion z-test), any other is categorical (chi-square test of homogeneity); every"
          + " column also gets its population stability index (numeric: 10 bins at reference quantiles)."
          + " Empty cells are missing values, counted and tested for a change of rate, never dropped silently.",
      "",
      "A feature drifts when its p-value, corrected over the features (Benjamini-Hochberg by default),"
          + " is below --alpha and the effect is large enough (PSI >= 0.1, or Wasserstein/std >= 0.1, or"
          + " Jensen-Shannon >= 0.1). The dataset drifts when the share of drifted features is at least"
          + " --drift-share.",
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

  @Option(names = "--reference", required = true, paramLabel = "FILE",
      description = "The reference CSV file (e.g. the training data).")
  Path reference;

  @Option(names = "--current", required = true, paramLabel = "FILE", description = "The current CSV file.")
  Path current;

  @Option(names = "--columns", split = ",", paramLabel = "COL",
      description = "Columns to check, comma-separated (default: every column of the reference).")
  List<String> columns;

  @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON report to OUT ('-' for standard output).")
  String json;

  @Option(names = "--html", paramLabel = "OUT", description = "Write the library's HTML report to OUT ('-' for standard output).")
  String html;

  @Option(names = "--fail-on-drift", arity = "0..1", fallbackValue = "dataset", paramLabel = "dataset|any",
      description = "Exit with status 1 when the dataset drifts (default), or with =any when any feature drifts.")
  String failOnDrift;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
      description = "Significance level of the tests (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--correction", paramLabel = "NAME", defaultValue = "bh",
      description = "Multiple-testing correction over features: none, bonferroni, bh (default: ${DEFAULT-VALUE}).")
  String correction;

  @Option(names = "--bins", paramLabel = "N", defaultValue = "10",
      description = "PSI bins of a numeric column, fitted on the reference (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--binning", paramLabel = "quantile|uniform", defaultValue = "quantile",
      description = "PSI bin edges at reference quantiles or evenly over the reference range (default: ${DEFAULT-VALUE}).")
  String binning;

  @Option(names = "--drift-share", paramLabel = "S", defaultValue = "0.5",
      description = "The dataset drifts when at least this share of features drifts (default: ${DEFAULT-VALUE}).")
  double driftShare;

  @Option(names = "--test", paramLabel = "COL=TEST",
      description = "Decide a column with another test: ks, cvm, z, psi, wasserstein, chi2, js; repeatable.")
  Map<String, String> tests;

  @Override
  int run() {
    if (failOnDrift != null && !failOnDrift.equals("dataset") && !failOnDrift.equals("any")) {
      throw new UsageException("--fail-on-drift takes 'dataset' or 'any', not '" + failOnDrift + "'");
    }
    DriftConfig config = config();
    if ("-".equals(json) && "-".equals(html)) {
      throw new UsageException("--json - and --html - cannot both write to standard output");
    }

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
    CsvTable ref = CsvTable.read(reference, want);
    List<String> names = new ArrayList<>(ref.columns().keySet());
    Map<String, Kind> curWant = new LinkedHashMap<>();
    names.forEach(n -> curWant.put(n, Kind.AUTO));
    CsvTable cur = CsvTable.read(current, curWant);
    if (ref.rows() == 0) {
      throw new IllegalArgumentException(ref.source() + ": no data rows");
    }
    if (cur.rows() == 0) {
      throw new IllegalArgumentException(cur.source() + ": no data rows");
    }
    // A column numeric in one file and categorical in the other is compared as categorical.
    for (String n : names) {
      boolean refNumeric = ref.column(n) instanceof NumericColumn;
      boolean curNumeric = cur.column(n) instanceof NumericColumn;
      if (refNumeric && !curNumeric) {
        ref = ref.withCategorical(reference, n);
      } else if (curNumeric && !refNumeric) {
        cur = cur.withCategorical(current, n);
      }
    }
    DriftReport report;
    try {
      report = DriftReport.compare(toColumns(ref, names), toColumns(cur, names), config);
    } catch (IllegalArgumentException e) {
      // the library names the column; add the files
      throw new IllegalArgumentException(reference + " vs " + current + ": " + e.getMessage(), e);
    }

    if (json != null) {
      Output.write(json, Output.json(toJson(report, ref, cur)), out());
    }
    if (html != null) {
      Output.write(html, report.toHtml(), out());
    }
    if (!"-".equals(json) && !"-".equals(html)) {
      out().print(table(report, ref, cur));
    }
    out().flush();
    if (failOnDrift != null) {
      boolean failed = failOnDrift.equals("any") ? report.driftedCount() > 0 : report.datasetDrift();
      if (failed) {
        List<String> drifted = report.drifted().stream().map(FeatureDrift::feature).toList();
        spec.commandLine().getErr().println("mlops drift: drift found: " + report.driftedCount() + " of "
            + report.features().size() + " features drifted (" + String.join(", ", drifted) + ")"
            + (failOnDrift.equals("any") ? "" : String.format(Locale.ROOT,
                "; share %.3f >= %s", report.driftedShare(), Double.toString(driftShare))));
        spec.commandLine().getErr().flush();
        return Main.CHECK_FAILED;
      }
    }
    return Main.OK;
  }

  private DriftConfig config() {
    DriftConfig.Builder b = DriftConfig.builder().alpha(alpha).bins(bins).datasetDriftShare(driftShare);
    b.correction(switch (correction.toLowerCase(Locale.ROOT)) {
      case "none" -> Correction.NONE;
      case "bonferroni" -> Correction.BONFERRONI;
      case "bh", "benjamini-hochberg", "fdr" -> Correction.BENJAMINI_HOCHBERG;
      default -> throw new UsageException("--correction takes none, bonferroni or bh, not '" + correction + "'");
    });
    b.binning(switch (binning.toLowerCase(Locale.ROOT)) {
      case "quantile" -> Binning.QUANTILE;
      case "uniform", "equal-width" -> Binning.EQUAL_WIDTH;
      default -> throw new UsageException("--binning takes quantile or uniform, not '" + binning + "'");
    });
    if (tests != null) {
      tests.forEach((col, t) -> b.test(col, DriftTest.of(t)));
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
        String[] values = new String[cat.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = cat.value(i);
        }
        b.categorical(n, values);
      }
    }
    return b.build();
  }

  private ObjectNode toJson(DriftReport report, CsvTable ref, CsvTable cur) {
    ObjectNode root = Output.object();
    root.put("reference", reference.toString());
    root.put("current", current.toString());
    root.put("referenceRows", ref.rows());
    root.put("currentRows", cur.rows());
    root.put("alpha", report.alpha());
    root.put("correction", report.correction().name().toLowerCase(Locale.ROOT));
    ArrayNode features = root.putArray("features");
    for (FeatureDrift f : report.features()) {
      ObjectNode o = features.addObject();
      o.put("feature", f.feature());
      o.put("type", f.type().name().toLowerCase(Locale.ROOT));
      o.put("test", f.test().key());
      Output.putNumber(o, "statistic", f.statistic());
      if (f.pValue().isPresent()) {
        o.put("pValue", f.pValue().getAsDouble());
        o.put("adjustedPValue", f.adjustedPValue().orElse(f.pValue().getAsDouble()));
      } else {
        o.putNull("pValue");
        o.put("pValueReason", "the " + f.test().key() + " test has no p-value; it decides by its threshold");
      }
      o.put("drifted", f.drifted());
      if (f.type() == ColumnType.NUMERIC) {
        ObjectNode ks = o.putObject("ks");
        ks.put("statistic", f.metric("ks"));
        if (f.metrics().containsKey("ks_p")) {
          ks.put("pValue", f.metric("ks_p"));
        } else {
          // KS does not decide this column, so the report skipped its p-value: ask the library's test.
          KsResult direct = KolmogorovSmirnov.test(((NumericColumn) ref.column(f.feature())).present(),
              ((NumericColumn) cur.column(f.feature())).present());
          ks.put("pValue", direct.pValue());
        }
      }
      if (f.metrics().containsKey("psi")) {
        ObjectNode psi = o.putObject("psi");
        psi.put("value", f.metric("psi"));
        psi.put("bins", f.shares() != null ? f.shares().labels().size() : bins);
        psi.put("level", f.psiLevel().name().toLowerCase(Locale.ROOT));
      }
      if (f.metrics().containsKey("chi2")) {
        ObjectNode chi = o.putObject("chi2");
        chi.put("statistic", f.metric("chi2"));
        Output.putNumber(chi, "pValue", f.metric("chi2_p"));
        if (f.metrics().containsKey("chi2_dof")) {
          chi.put("dof", f.metric("chi2_dof"));
        }
      }
      ObjectNode metrics = o.putObject("metrics");
      f.metrics().forEach((k, v) -> {
        if (!Output.putNumber(metrics, k, v)) {
          metrics.put(k + "Reason", "value is " + v);
        }
      });
      o.put("referenceCount", f.referenceCount());
      o.put("currentCount", f.currentCount());
      o.put("referenceMissing", f.referenceMissing());
      o.put("currentMissing", f.currentMissing());
      o.put("missingRateDrifted", f.missingRateDrifted());
      if (!f.note().isEmpty()) {
        o.put("note", f.note());
      }
    }
    ObjectNode ds = root.putObject("dataset");
    ds.put("features", report.features().size());
    ds.put("driftedCount", report.driftedCount());
    ds.put("driftedShare", report.driftedShare());
    ds.put("driftShareThreshold", report.datasetDriftShare());
    ds.put("drifted", report.datasetDrift());
    root.set("provenance", Output.provenance(VersionProvider.version(), List.of(ref, cur)));
    return root;
  }

  private String table(DriftReport report, CsvTable ref, CsvTable cur) {
    StringBuilder sb = new StringBuilder();
    sb.append("Drift of ").append(current).append(" (").append(cur.rows()).append(" rows) against ")
        .append(reference).append(" (").append(ref.rows()).append(" rows)\n\n");
    List<String[]> rows = Output.rows("feature", "type", "test", "statistic", "p-value", "p-adjusted", "PSI",
        "missing ref/cur", "verdict");
    for (FeatureDrift f : report.features()) {
      rows.add(new String[] {
        f.feature(), f.type().name().toLowerCase(Locale.ROOT), f.test().key(), Output.num(f.statistic()),
        f.pValue().isPresent() ? Output.num(f.pValue().getAsDouble()) : "-",
        f.adjustedPValue().isPresent() ? Output.num(f.adjustedPValue().getAsDouble()) : "-",
        f.metrics().containsKey("psi") ? Output.num(f.metric("psi")) : "-",
        f.referenceMissing() + "/" + f.currentMissing(),
        f.drifted() ? "DRIFT" : "ok"
      });
    }
    sb.append(Output.table(rows)).append('\n');
    sb.append(String.format(Locale.ROOT, "%d of %d features drifted (share %.3f); dataset %s (threshold %s)%n",
        report.driftedCount(), report.features().size(), report.driftedShare(),
        report.datasetDrift() ? "DRIFTED" : "not drifted", Double.toString(report.datasetDriftShare())));
    for (FeatureDrift f : report.features()) {
      if (!f.note().isEmpty()) {
        sb.append("note: ").append(f.feature()).append(": ").append(f.note()).append('\n');
      }
    }
    return sb.toString();
  }
}
