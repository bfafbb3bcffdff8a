package org.mlops4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlops4j.cli.internal.CsvTable;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.cli.internal.Labels;
import org.mlops4j.cli.internal.Output;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.Fairness;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.fairness.Rate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlops fairness}: group fairness of a binary classifier's decisions in a CSV file. */
@Command(
    name = "fairness",
    header = "Group fairness of a classifier's decisions in a CSV file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Group fairness of a binary classifier from one CSV file with a label, a prediction (or a score"
          + " and a threshold) and one or more group columns. Rates per group (selection rate, base rate,"
          + " TPR, FPR, FNR, PPV) and disparities between all groups: max - min and min / max, as"
          + " Fairlearn's between_groups; with --reference-group also against that group.",
      "",
      "Labels and predictions are 0/1 or true/false unless --positive names the positive value."
          + " With --score and --threshold a score at or above the threshold is a positive prediction.",
      "",
      "Exit status: 0 success, 1 a --fail-if check failed, 2 bad usage or bad input."
    },
    footer = {
      "",
      "Criteria for --fail-if (quote the argument in a shell): demographicParityDifference,"
          + " demographicParityRatio, equalizedOddsDifference, equalOpportunityDifference,"
          + " disparateImpactRatio, the same with the suffix ToReference (with --reference-group), or"
          + " any disparity name of the library such as fpr_difference_between_groups."
          + " Operators: > >= < <=. An undefined criterion fails its check.",
      "",
      "Examples:",
      "  mlops fairness --data scored.csv --label y --prediction y_hat --group sex",
      "  mlops fairness --data scored.csv --label y --score p --threshold 0.5 \\",
      "      --group race --group sex --reference-group 'race=White|sex=Male' \\",
      "      --json report.json --fail-if 'equalizedOddsDifference>0.1' \\",
      "      --fail-if 'disparateImpactRatio<0.8'"
    })
final class FairnessCommand extends AbstractCommand {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "CSV file with a header row.")
  Path data;

  @Option(names = "--label", required = true, paramLabel = "COL", description = "Column of true labels.")
  String label;

  @Option(names = "--prediction", paramLabel = "COL",
      description = "Column of predicted labels (or use --score with --threshold).")
  String prediction;

  @Option(names = "--score", paramLabel = "COL",
      description = "Column of numeric scores; needs --threshold.")
  String score;

  @Option(names = "--threshold", paramLabel = "T",
      description = "A score >= T is a positive prediction.")
  Double threshold;

  @Option(names = "--group", required = true, paramLabel = "COL",
      description = "Sensitive attribute column; repeat for intersectional groups (named 'a=x|b=y').")
  List<String> groups;

  @Option(names = "--positive", paramLabel = "VALUE",
      description = "The positive value of label and prediction cells (default: 1 or true).")
  String positive;

  @Option(names = "--reference-group", paramLabel = "G",
      description = "Also report disparities against this group.")
  String referenceGroup;

  @Option(names = "--min-group-size", paramLabel = "N", defaultValue = "0",
      description = "Groups with fewer rows are reported but left out of disparities (default: ${DEFAULT-VALUE}).")
  int minGroupSize;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
      description = "Bootstrap resamples for intervals of disparities; 0 turns them off (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of intervals (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON report to OUT ('-' for standard output).")
  String json;

  @Option(names = "--html", paramLabel = "OUT", description = "Write the library's HTML report to OUT ('-' for standard output).")
  String html;

  @Option(names = "--fail-if", paramLabel = "CRITERION>VALUE",
      description = "Exit with status 1 when the criterion passes the bound; repeatable.")
  List<String> failIf;

  private static final Pattern CHECK =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|>|<)\\s*(\\S+)\\s*");

  /** A parsed --fail-if. */
  record Check(String text, String criterion, String op, double bound) {
    boolean fails(double v) {
      return switch (op) {
        case ">" -> v > bound;
        case ">=" -> v >= bound;
        case "<" -> v < bound;
        default -> v <= bound;
      };
    }
  }

  /** The four headline criteria, by JSON name, as library disparity names (between groups). */
  private static final Map<String, String> BETWEEN = new LinkedHashMap<>();

  static {
    BETWEEN.put("demographicParityDifference", "demographic_parity_difference");
    BETWEEN.put("demographicParityRatio", "demographic_parity_ratio");
    BETWEEN.put("equalizedOddsDifference", "equalized_odds_difference");
    BETWEEN.put("equalOpportunityDifference", "equal_opportunity_difference");
    BETWEEN.put("disparateImpactRatio", "demographic_parity_ratio");
  }

  @Override
  int run() {
    List<Check> checks = parseChecks();
    if ("-".equals(json) && "-".equals(html)) {
      throw new UsageException("--json - and --html - cannot both write to standard output");
    }
    if ((prediction == null) == (score == null)) {
      throw new UsageException("give either --prediction COL or --score COL with --threshold T");
    }
    if (score != null && threshold == null) {
      throw new UsageException("--score needs --threshold T");
    }
    if (prediction != null && threshold != null) {
      throw new UsageException("--threshold goes with --score, not with --prediction");
    }

    Map<String, Kind> want = new LinkedHashMap<>();
    request(want, label, Kind.CATEGORICAL, "--label");
    if (prediction != null) {
      request(want, prediction, Kind.CATEGORICAL, "--prediction");
    } else {
      request(want, score, Kind.NUMERIC, "--score");
    }
    for (String g : groups) {
      request(want, g, Kind.CATEGORICAL, "--group");
    }
    CsvTable table = CsvTable.read(data, want);
    String src = table.source();
    if (table.rows() == 0) {
      throw new IllegalArgumentException(src + ": no data rows");
    }
    CategoricalColumn labelColumn = (CategoricalColumn) table.column(label);
    if (positive != null && !labelColumn.levels().contains(positive)) {
      throw new IllegalArgumentException(src + ": --positive '" + positive + "' does not occur in column '"
          + label + "' (values: " + String.join(", ", firstLevels(labelColumn)) + ")");
    }
    int[] y = Labels.binary(src, "label", labelColumn, positive);
    Fairness.Builder builder;
    if (prediction != null) {
      int[] p = Labels.binary(src, "prediction", (CategoricalColumn) table.column(prediction), positive);
      builder = Fairness.of(y, p);
    } else {
      NumericColumn s = (NumericColumn) table.column(score);
      double[] values = s.values();
      for (int i = 0; i < values.length; i++) {
        if (Double.isNaN(values[i])) {
          throw new IllegalArgumentException(src + ": column '" + score + "', row " + (i + 1)
              + ": empty score (every row needs a score)");
        }
      }
      builder = Fairness.ofScores(y, values, threshold).withoutCalibration();
    }
    for (String g : groups) {
      CategoricalColumn c = (CategoricalColumn) table.column(g);
      for (int i = 0; i < c.size(); i++) {
        if (c.codes()[i] < 0) {
          throw new IllegalArgumentException(src + ": column '" + g + "', row " + (i + 1)
              + ": empty group value (every row needs a group)");
        }
      }
      builder.groups(g, c.present());
    }
    builder.minGroupSize(minGroupSize).confidenceLevel(confidence).bootstrap(bootstrap, seed);
    if (referenceGroup != null) {
      builder.reference(referenceGroup);
    }
    FairnessReport report;
    try {
      report = builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(src + ": " + e.getMessage(), e); // the library names the value
    }

    Map<String, Disparity> headline = headline(report);
    List<Outcome> outcomes = evaluate(checks, report, headline);
    boolean anyFailed = outcomes.stream().anyMatch(Outcome::failed);

    if (json != null) {
      Output.write(json, Output.json(toJson(report, headline, outcomes, table)), out());
    }
    if (html != null) {
      Output.write(html, report.toHtml(), out());
    }
    if (!"-".equals(json) && !"-".equals(html)) {
      out().print(table(report, headline));
      for (Outcome o : outcomes) {
        out().println("check " + (o.failed() ? "FAILED " : "passed ") + o.describe());
      }
    }
    out().flush();
    if (anyFailed) {
      for (Outcome o : outcomes) {
        if (o.failed()) {
          spec.commandLine().getErr().println("mlops fairness: check failed: " + o.describe());
        }
      }
      spec.commandLine().getErr().flush();
      return Main.CHECK_FAILED;
    }
    return Main.OK;
  }

  private static void request(Map<String, Kind> want, String column, Kind kind, String option) {
    Kind before = want.putIfAbsent(column, kind);
    if (before != null && before != kind) {
      throw new UsageException("column '" + column + "' is used both as a score and as text (" + option + ")");
    }
  }

  private static List<String> firstLevels(CategoricalColumn c) {
    List<String> l = c.levels();
    return l.size() <= 10 ? l : l.subList(0, 10);
  }

  private List<Check> parseChecks() {
    List<Check> out = new ArrayList<>();
    if (failIf == null) {
      return out;
    }
    for (String s : failIf) {
      Matcher m = CHECK.matcher(s);
      if (!m.matches()) {
        throw new UsageException("--fail-if '" + s + "' is not CRITERION>VALUE (operators > >= < <=)");
      }
      double bound;
      try {
        bound = Double.parseDouble(m.group(3));
      } catch (NumberFormatException e) {
        throw new UsageException("--fail-if '" + s + "': '" + m.group(3) + "' is not a number");
      }
      if (Double.isNaN(bound)) {
        throw new UsageException("--fail-if '" + s + "': the bound must not be NaN");
      }
      out.add(new Check(s.strip(), m.group(1), m.group(2), bound));
    }
    return out;
  }

  /** The headline criteria by JSON name: between groups, and to the reference when one is set. */
  private Map<String, Disparity> headline(FairnessReport report) {
    Map<String, Disparity> out = new LinkedHashMap<>();
    BETWEEN.forEach((k, v) -> out.put(k, report.disparity(v)));
    if (referenceGroup != null) {
      out.put("demographicParityDifferenceToReference", report.disparity("selection_rate_difference_to_reference"));
      out.put("demographicParityRatioToReference", report.disparity("selection_rate_ratio_to_reference"));
      out.put("equalizedOddsDifferenceToReference", worst(
          report.disparity("tpr_difference_to_reference"), report.disparity("fpr_difference_to_reference"),
          "equalized_odds_difference_to_reference"));
      out.put("equalOpportunityDifferenceToReference", report.disparity("tpr_difference_to_reference"));
      out.put("disparateImpactRatioToReference", report.disparity("disparate_impact"));
    }
    return out;
  }

  /**
   * Equalized odds against the reference: the worse of the library's TPR and FPR differences to
   * the reference (the worst-case aggregation of Fairlearn's equalized_odds_difference); undefined
   * if either is.
   */
  private static Disparity worst(Disparity tpr, Disparity fpr, String name) {
    if (!tpr.defined()) {
      return Disparity.undefined(name, tpr.basis(), tpr.kind(), tpr.reason());
    }
    if (!fpr.defined()) {
      return Disparity.undefined(name, fpr.basis(), fpr.kind(), fpr.reason());
    }
    Disparity w = tpr.value() >= fpr.value() ? tpr : fpr;
    return Disparity.of(name, w.basis(), w.kind(), w.value(), w.groupA(), w.groupB(), null);
  }

  /** The outcome of one --fail-if. */
  record Outcome(Check check, Disparity value, boolean failed) {
    String describe() {
      if (!value.defined()) {
        return check.text() + ": " + check.criterion() + " is undefined (" + value.reason() + ")";
      }
      return check.text() + ": " + check.criterion() + " = " + value.value() + " (groups '" + value.groupA()
          + "' and '" + value.groupB() + "')";
    }
  }

  private List<Outcome> evaluate(List<Check> checks, FairnessReport report, Map<String, Disparity> headline) {
    List<Outcome> out = new ArrayList<>();
    for (Check c : checks) {
      Disparity d = headline.get(c.criterion());
      if (d == null) {
        try {
          d = report.disparity(c.criterion());
        } catch (IllegalArgumentException e) {
          throw new UsageException("--fail-if '" + c.text() + "': unknown criterion '" + c.criterion()
              + "' (known: " + String.join(", ", headline.keySet()) + ", or a library disparity name)");
        }
      }
      out.add(new Outcome(c, d, !d.defined() || c.fails(d.value())));
    }
    return out;
  }

  private ObjectNode toJson(FairnessReport report, Map<String, Disparity> headline, List<Outcome> outcomes,
      CsvTable table) {
    ObjectNode root = Output.object();
    root.put("data", data.toString());
    root.put("rows", table.rows());
    root.put("label", label);
    if (prediction != null) {
      root.put("prediction", prediction);
    } else {
      root.put("score", score);
      root.put("threshold", threshold);
    }
    if (positive != null) {
      root.put("positive", positive);
    }
    ArrayNode attrs = root.putArray("attributes");
    groups.forEach(attrs::add);
    root.put("minGroupSize", minGroupSize);
    if (referenceGroup != null) {
      root.put("referenceGroup", referenceGroup);
    }
    ArrayNode gs = root.putArray("groups");
    for (GroupMetrics g : report.groups()) {
      gs.add(group(g));
    }
    root.set("overall", group(report.overall()));
    ObjectNode disp = root.putObject("disparities");
    ObjectNode toRef = referenceGroup == null ? null : root.putObject("disparitiesToReference");
    for (Map.Entry<String, Disparity> e : headline.entrySet()) {
      String key = e.getKey();
      if (key.endsWith("ToReference")) {
        putDisparity(toRef, key.substring(0, key.length() - "ToReference".length()), e.getValue());
      } else {
        putDisparity(disp, key, e.getValue());
      }
    }
    if (!outcomes.isEmpty()) {
      ArrayNode arr = root.putArray("checks");
      boolean any = false;
      for (Outcome oc : outcomes) {
        ObjectNode o = arr.addObject();
        o.put("check", oc.check().text());
        o.put("criterion", oc.check().criterion());
        putDisparity(o, "value", oc.value());
        o.put("failed", oc.failed());
        any |= oc.failed();
      }
      root.put("failed", any);
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    root.set("provenance", Output.provenance(VersionProvider.version(), List.of(table)));
    return root;
  }

  private static ObjectNode group(GroupMetrics g) {
    ObjectNode o = Output.object();
    o.put("group", g.name());
    o.put("n", g.size());
    putCount(o, "tp", g.counts().tp());
    putCount(o, "fp", g.counts().fp());
    putCount(o, "tn", g.counts().tn());
    putCount(o, "fn", g.counts().fn());
    putRate(o, "selectionRate", g.selectionRate());
    putRate(o, "baseRate", g.baseRate());
    putRate(o, "tpr", g.tpr());
    putRate(o, "fpr", g.fpr());
    putRate(o, "fnr", g.fnr());
    putRate(o, "ppv", g.ppv());
    if (!g.name().equals("overall")) {
      o.put("status", g.status() == GroupStatus.OK ? "ok" : "tooSmall");
    }
    return o;
  }

  private static void putCount(ObjectNode o, String field, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(field, (long) v);
    } else {
      o.put(field, v);
    }
  }

  private static void putRate(ObjectNode o, String field, Rate r) {
    if (r.defined()) {
      o.put(field, r.value());
    } else {
      o.putNull(field);
      o.put(field + "Reason", r.reason());
    }
  }

  private static void putDisparity(ObjectNode o, String field, Disparity d) {
    if (d.defined()) {
      o.put(field, d.value());
      d.interval().ifPresent(ci -> {
        ObjectNode i = o.putObject(field + "Interval");
        i.put("lower", ci.lower());
        i.put("upper", ci.upper());
        i.put("level", ci.level());
      });
    } else {
      o.putNull(field);
      o.put(field + "Reason", d.reason());
    }
  }

  private String table(FairnessReport report, Map<String, Disparity> headline) {
    List<String[]> rows = Output.rows("group", "n", "TP", "FP", "TN", "FN", "selection", "base", "TPR",
        "FPR", "FNR", "PPV", "status");
    List<GroupMetrics> all = new ArrayList<>(report.groups());
    all.add(report.overall());
    for (GroupMetrics g : all) {
      rows.add(new String[] {
        g.name(), Long.toString(g.size()), Output.num(g.counts().tp()), Output.num(g.counts().fp()),
        Output.num(g.counts().tn()), Output.num(g.counts().fn()), rate(g.selectionRate()),
        rate(g.baseRate()), rate(g.tpr()), rate(g.fpr()), rate(g.fnr()), rate(g.ppv()),
        g.name().equals("overall") ? "" : g.status() == GroupStatus.OK ? "ok" : "too small"
      });
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Fairness of ").append(data).append(" (").append(report.overall().size()).append(" rows; groups by ")
        .append(String.join(", ", groups)).append(")\n\n");
    sb.append(Output.table(rows)).append('\n');
    List<String[]> d = Output.rows("criterion", "value", "groups");
    for (Map.Entry<String, Disparity> e : headline.entrySet()) {
      Disparity v = e.getValue();
      d.add(v.defined()
          ? new String[] {e.getKey(), String.format(Locale.ROOT, "%.4f", v.value()),
              v.groupA() + " vs " + v.groupB()}
          : new String[] {e.getKey(), "undefined", v.reason()});
    }
    sb.append(Output.table(d));
    for (String note : report.notes()) {
      sb.append("note: ").append(note).append('\n');
    }
    return sb.toString();
  }

  private static String rate(Rate r) {
    return r.defined() ? String.format(Locale.ROOT, "%.4f", r.value()) : "-";
  }
}
