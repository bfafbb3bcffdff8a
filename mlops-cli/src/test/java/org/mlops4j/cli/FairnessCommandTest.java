package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupMetrics;

class FairnessCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final double EPS = 1e-12;

  @TempDir Path dir;

  /** Nine rows, two groups; every expected number below is counted by hand from these rows. */
  static final String NINE_ROWS =
      """
      y,yhat,p,g
      1,1,0.9,A
      1,0,0.4,A
      0,1,0.6,A
      0,0,0.1,A
      1,1,0.8,B
      1,1,0.7,B
      0,0,0.3,B
      0,0,0.2,B
      0,1,0.5,B
      """;

  Path csv(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static JsonNode json(Cli.Result r) throws IOException {
    assertThat(r.status()).as(r.toString()).isIn(0, 1);
    return JSON.readTree(r.out());
  }

  /** A group of the library's JSON: name, size, status, counts, rates. */
  static JsonNode group(JsonNode root, String name) {
    for (JsonNode g : root.get("groups")) {
      if (g.get("name").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no group " + name + " in " + root);
  }

  /** A confusion count of a group (the library writes counts as numbers, weights allowed). */
  static long count(JsonNode group, String cell) {
    return group.get("counts").get(cell).asLong();
  }

  /** A rate of a group: its value, null when undefined (with valueReason beside it). */
  static JsonNode rate(JsonNode group, String rate) {
    return group.get("rates").get(rate).get("value");
  }

  /** A criterion (or any disparity) of the library's JSON, by name. */
  static JsonNode disparity(JsonNode root, String name) {
    for (String list : new String[] {"criteria", "disparities"}) {
      for (JsonNode d : root.get(list)) {
        if (d.get("name").asText().equals(name)) {
          return d;
        }
      }
    }
    throw new AssertionError("no criterion or disparity " + name + " in " + root);
  }

  static double value(JsonNode root, String name) {
    JsonNode v = disparity(root, name).get("value");
    assertThat(v.isNumber()).as(name + " = " + v).isTrue();
    return v.asDouble();
  }

  static long[] counts(JsonNode g) {
    return new long[] {
      g.get("size").asLong(), count(g, "tp"), count(g, "fp"), count(g, "tn"), count(g, "fn")
    };
  }

  @Test
  void predictionColumn_givesHandCountedRatesAndDisparities() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    JsonNode root =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "y",
                "--prediction",
                "yhat",
                "--group",
                "g",
                "--min-group-size",
                "0",
                "--json",
                "-"));
    // A: (1,1) (1,0) (0,1) (0,0) -> TP 1, FP 1, TN 1, FN 1
    JsonNode a = group(root, "A");
    assertThat(counts(a)).containsExactly(4, 1, 1, 1, 1);
    assertThat(rate(a, "selectionRate").asDouble()).isEqualTo(0.5);
    assertThat(rate(a, "tpr").asDouble()).isEqualTo(0.5);
    // B: (1,1) (1,1) (0,0) (0,0) (0,1) -> TP 2, FP 1, TN 2, FN 0
    JsonNode b = group(root, "B");
    assertThat(counts(b)).containsExactly(5, 2, 1, 2, 0);
    assertThat(rate(b, "selectionRate").asDouble()).isCloseTo(3 / 5.0, within(EPS));
    assertThat(rate(b, "baseRate").asDouble()).isCloseTo(2 / 5.0, within(EPS));
    assertThat(rate(b, "tpr").asDouble()).isEqualTo(1.0);
    assertThat(rate(b, "fpr").asDouble()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(rate(b, "fnr").asDouble()).isEqualTo(0.0);
    assertThat(rate(b, "ppv").asDouble()).isCloseTo(2 / 3.0, within(EPS));
    assertThat(value(root, "demographic_parity_difference")).isCloseTo(0.6 - 0.5, within(EPS));
    // worst of TPR difference 1 - 0.5 and FPR difference 0.5 - 1/3
    assertThat(value(root, "equalized_odds_difference")).isCloseTo(0.5, within(EPS));
    assertThat(value(root, "equal_opportunity_difference")).isCloseTo(0.5, within(EPS));
    // min / max selection rate (Fairlearn's demographic_parity_ratio; the CLI's former
    // disparateImpactRatio)
    assertThat(value(root, "demographic_parity_ratio")).isCloseTo(0.5 / 0.6, within(EPS));
    // without a reference group, nothing is measured to one
    assertThat(root.get("disparities").findValuesAsText("name"))
        .noneMatch(n -> n.endsWith("_to_reference"));
  }

  @Test
  void scoreAtTheThreshold_isAPositivePrediction() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    // B's last row has score 0.5 and label 0: a false positive at threshold 0.5, a true negative
    // above it
    JsonNode at =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "y",
                "--score",
                "p",
                "--threshold",
                "0.5",
                "--group",
                "g",
                "--json",
                "-"));
    assertThat(count(group(at, "B"), "fp")).isEqualTo(1);
    assertThat(at.get("data").get("threshold").asDouble()).isEqualTo(0.5);
    JsonNode above =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "y",
                "--score",
                "p",
                "--threshold",
                "0.50001",
                "--group",
                "g",
                "--json",
                "-"));
    assertThat(count(group(above, "B"), "fp")).isEqualTo(0);
    assertThat(count(group(above, "B"), "tn")).isEqualTo(3);
  }

  /** 24 rows, intersectional groups race x sex. */
  static final String INTERSECTIONAL;

  static {
    int[] y = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0};
    int[] yhat = {1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0};
    String race = "aabbaabbaabbaabbaabbaabb";
    String sex = "mmmmmmffffffmmmmffffmmff";
    StringBuilder sb = new StringBuilder("label,pred,race,sex\n");
    for (int i = 0; i < y.length; i++) {
      sb.append(y[i] == 1 ? "true" : "false")
          .append(',')
          .append(yhat[i] == 1 ? "TRUE" : "FALSE")
          .append(',')
          .append(race.charAt(i))
          .append(',')
          .append(sex.charAt(i))
          .append('\n');
    }
    INTERSECTIONAL = sb.toString();
  }

  @Test
  void intersectionalGroups_matchNumpy_andUndefinedRatesAreNullWithAReason() throws IOException {
    Path data = csv("i.csv", INTERSECTIONAL);
    JsonNode root =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "label",
                "--prediction",
                "pred",
                "--group",
                "race",
                "--group",
                "sex",
                "--reference-group",
                "race=a|sex=m",
                "--min-group-size",
                "0",
                "--json",
                "-"));
    // expected: numpy 2.4.6 on the same 24 rows, per group mask m = (race==r)&(sex==s):
    //   tp = ((y==1)&(yhat==1)&m).sum(), fp, tn, fn alike; sel = (tp+fp)/n; tpr = tp/(tp+fn); fpr =
    // fp/(fp+tn)
    //   between groups: max - min over the groups where the rate is defined (pandas skips NaN as
    //   Fairlearn's MetricFrame.difference does); to the reference: max |r_g - r_ref|;
    //   disparate impact to the reference: min over other groups of sel_g / sel_ref
    JsonNode af = group(root, "race=a|sex=f");
    assertThat(af.get("size").asLong()).isEqualTo(4);
    assertThat(count(af, "tp")).isEqualTo(1);
    assertThat(count(af, "fn")).isEqualTo(2);
    assertThat(rate(af, "tpr").asDouble()).isCloseTo(0.3333333333333333, within(EPS));
    assertThat(rate(af, "fpr").asDouble()).isEqualTo(1.0);
    JsonNode am = group(root, "race=a|sex=m");
    assertThat(rate(am, "fpr").asDouble()).isCloseTo(0.42857142857142855, within(EPS));
    assertThat(rate(am, "ppv").asDouble()).isCloseTo(0.25, within(EPS));
    JsonNode bm = group(root, "race=b|sex=m");
    assertThat(rate(bm, "selectionRate").asDouble()).isCloseTo(0.75, within(EPS));
    assertThat(rate(bm, "fpr").isNull()).isTrue();
    assertThat(bm.get("rates").get("fpr").get("valueReason").asText())
        .isEqualTo("FPR undefined for group 'race=b|sex=m': no negative labels");
    assertThat(value(root, "demographic_parity_difference")).isCloseTo(0.25, within(EPS));
    assertThat(value(root, "demographic_parity_ratio")).isCloseTo(0.6666666666666666, within(EPS));
    assertThat(value(root, "equalized_odds_difference")).isCloseTo(1.0, within(EPS));
    assertThat(value(root, "equal_opportunity_difference"))
        .isCloseTo(0.6666666666666667, within(EPS));
    // to the reference group
    assertThat(root.get("reference").asText()).isEqualTo("race=a|sex=m");
    assertThat(value(root, "selection_rate_difference_to_reference")).isCloseTo(0.25, within(EPS));
    assertThat(value(root, "equalized_odds_difference_to_reference"))
        .isCloseTo(0.6666666666666667, within(EPS));
    // AIF360's disparate_impact: min over the other groups of sel_g / sel_ref
    assertThat(value(root, "disparate_impact")).isCloseTo(1.0, within(EPS));
    assertThat(value(root, "tpr_difference_to_reference"))
        .isCloseTo(0.6666666666666667, within(EPS));
    assertThat(root.toString()).doesNotContain("NaN");
  }

  @Test
  void json_equalsTheLibraryCalledDirectlyOnTheSameRows() throws IOException {
    Random rnd = new Random(7);
    int n = 600;
    int[] y = new int[n];
    double[] score = new double[n];
    String[] g = new String[n];
    StringBuilder sb = new StringBuilder("g,score,y\n");
    String[] names = {"north", "south, coast", "east \"x\""};
    for (int i = 0; i < n; i++) {
      g[i] = names[rnd.nextInt(3)];
      y[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
      score[i] =
          Math.round(Math.min(1, Math.max(0, 0.3 * y[i] + rnd.nextDouble() * 0.7)) * 1000) / 1000.0;
      sb.append('"')
          .append(g[i].replace("\"", "\"\""))
          .append("\",")
          .append(score[i])
          .append(',')
          .append(y[i])
          .append('\n');
    }
    Path data = csv("r.csv", sb.toString());
    JsonNode root =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "y",
                "--score",
                "score",
                "--threshold",
                "0.45",
                "--group",
                "g",
                "--min-group-size",
                "0",
                "--bootstrap",
                "0",
                "--no-calibration",
                "--json",
                "-"));
    FairnessReport lib =
        FairnessAuditor.builder()
            .minGroupSize(0)
            .bootstrap(0, 42)
            .calibration(false)
            .build()
            .audit(Decisions.ofScores(y, score, 0.45).groups("g", g));
    for (GroupMetrics gm : lib.groups()) {
      JsonNode j = group(root, gm.name());
      assertThat(j.get("size").asLong()).isEqualTo(gm.size());
      assertThat(j.get("counts").get("tp").asDouble()).isEqualTo(gm.counts().tp());
      assertThat(j.get("counts").get("fp").asDouble()).isEqualTo(gm.counts().fp());
      assertThat(rate(j, "selectionRate").asDouble()).isEqualTo(gm.selectionRate().value());
      assertThat(rate(j, "tpr").asDouble()).isEqualTo(gm.tpr().value());
      assertThat(rate(j, "fpr").asDouble()).isEqualTo(gm.fpr().value());
      assertThat(rate(j, "ppv").asDouble()).isEqualTo(gm.ppv().value());
    }
    assertThat(value(root, "demographic_parity_difference"))
        .isEqualTo(lib.demographicParityDifference().value());
    assertThat(value(root, "equalized_odds_difference"))
        .isEqualTo(lib.equalizedOddsDifference().value());
    assertThat(value(root, "equal_opportunity_difference"))
        .isEqualTo(lib.equalOpportunityDifference().value());
    assertThat(value(root, "demographic_parity_ratio"))
        .isEqualTo(lib.demographicParityRatio().value());

    // the document is the library's JSON, field for field, plus the command's own fields
    JsonNode libJson = JSON.readTree(lib.toJson());
    java.util.List<String> libraryFields = DriftCommandTest.fieldNames(libJson);
    assertThat(DriftCommandTest.fieldNames(root))
        .startsWith(libraryFields.toArray(new String[0]))
        .endsWith("data", "inputs", "provenance");
    for (String field : libraryFields) {
      if (!field.equals("createdAt")) {
        assertThat(root.get(field)).as(field).isEqualTo(libJson.get(field));
      }
    }
    assertThat(root.get("format").asText()).isEqualTo(FairnessReport.FORMAT);
  }

  @Test
  void bootstrap_addsTheLibrarysSeededIntervals() throws IOException {
    Path data = csv("i.csv", INTERSECTIONAL);
    JsonNode root =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "label",
                "--prediction",
                "pred",
                "--group",
                "sex",
                "--min-group-size",
                "0",
                "--bootstrap",
                "200",
                "--seed",
                "5",
                "--json",
                "-"));
    int n = 24;
    int[] y = new int[n];
    int[] p = new int[n];
    String[] sex = new String[n];
    String[] lines = INTERSECTIONAL.split("\n");
    for (int i = 0; i < n; i++) {
      String[] f = lines[i + 1].split(",");
      y[i] = f[0].equals("true") ? 1 : 0;
      p[i] = f[1].equals("TRUE") ? 1 : 0;
      sex[i] = f[3];
    }
    FairnessReport lib =
        FairnessAuditor.builder()
            .minGroupSize(0)
            .bootstrap(200, 5)
            .build()
            .audit(Decisions.of(y, p).groups("sex", sex));
    var ci = lib.demographicParityDifference().interval().orElseThrow();
    JsonNode j = disparity(root, "demographic_parity_difference").get("interval");
    assertThat(j.get("lower").asDouble()).isEqualTo(ci.lower());
    assertThat(j.get("upper").asDouble()).isEqualTo(ci.upper());
    assertThat(j.get("level").asDouble()).isEqualTo(0.95);
    double v = value(root, "demographic_parity_difference");
    assertThat(v).isBetween(ci.lower(), ci.upper());
  }

  @Test
  void positive_namesThePositiveValueOfLabelsAndPredictions() throws IOException {
    Path data =
        csv(
            "p.csv",
            "outcome,decision,g\n"
                + "hired,hired,x\n"
                + "rejected,hired,x\n"
                + "hired,rejected,y\n"
                + "rejected,rejected,y\n");
    JsonNode root =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "outcome",
                "--prediction",
                "decision",
                "--positive",
                "hired",
                "--group",
                "g",
                "--json",
                "-"));
    JsonNode x = group(root, "x");
    assertThat(count(x, "tp")).isEqualTo(1);
    assertThat(count(x, "fp")).isEqualTo(1);
    JsonNode y = group(root, "y");
    assertThat(count(y, "fn")).isEqualTo(1);
    assertThat(count(y, "tn")).isEqualTo(1);
    assertThat(root.get("data").get("positive").asText()).isEqualTo("hired");
  }

  @Test
  void failIf_exitsOneWhenACriterionPassesItsBound_andZeroOtherwise() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    String[] base = {
      "fairness",
      "--data",
      data.toString(),
      "--label",
      "y",
      "--prediction",
      "yhat",
      "--group",
      "g",
      "--min-group-size",
      "0"
    };
    Cli.Result failed =
        Cli.run(
            concat(
                base,
                "--fail-if",
                "equalized_odds_difference>0.1",
                "--fail-if",
                "demographic_parity_ratio<0.8"));
    assertThat(failed.status()).as(failed.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(failed.err())
        .isEqualTo(
            "mlops fairness: check failed: equalized_odds_difference>0.1:"
                + " equalized_odds_difference = 0.5 (groups 'B' and 'A')\n");
    assertThat(failed.out()).contains("check passed demographic_parity_ratio<0.8");

    Cli.Result passed =
        Cli.run(
            concat(
                base,
                "--fail-if",
                "equalized_odds_difference>0.5",
                "--fail-if",
                "fpr_difference_between_groups>=0.2"));
    assertThat(passed.status()).as(passed.toString()).isEqualTo(Main.OK);
    assertThat(passed.err()).isEmpty();

    JsonNode root =
        json(
            Cli.run(
                concat(base, "--json", "-", "--fail-if", "demographic_parity_difference>=0.05")));
    assertThat(root.get("failed").asBoolean()).isTrue();
    assertThat(root.get("checks").get(0).get("value").asDouble()).isCloseTo(0.1, within(EPS));
  }

  @Test
  void failIf_onAnUndefinedCriterion_fails() throws IOException {
    Path data = csv("one.csv", "y,p,g\n1,1,a\n0,0,a\n");
    Cli.Result r =
        Cli.run(
            "fairness",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "p",
            "--group",
            "g",
            "--fail-if",
            "demographic_parity_difference>0.1");
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.err())
        .startsWith(
            "mlops fairness: check failed: demographic_parity_difference>0.1:"
                + " demographic_parity_difference is undefined (");
  }

  @Test
  void nonBinaryLabel_isOneLineNamingFileColumnRowAndValue() throws IOException {
    Path data = csv("bad.csv", "y,p,g\n1,1,a\n0,0,b\nmaybe,1,a\n");
    Cli.Result r =
        Cli.run(
            "fairness",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "p",
            "--group",
            "g");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "mlops fairness: "
                + data
                + ": column 'y', row 3: 'maybe' is not a binary label"
                + " (expected 0/1 or true/false; name the positive value with --positive)\n");
  }

  @Test
  void badInput_givesStatusTwoAndOneLine() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    String f = data.toString();
    assertOneLine(
        Cli.run("fairness", "--data", f, "--label", "nope", "--prediction", "yhat", "--group", "g"),
        "mlops fairness: " + f + ": unknown column 'nope' (columns: y, yhat, p, g)");
    Path missing = dir.resolve("missing.csv");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            missing.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g"),
        "mlops fairness: " + missing + ": no such file");
    assertOneLine(
        Cli.run("fairness", "--data", f, "--label", "y", "--score", "p", "--group", "g"),
        "mlops fairness: --score needs --threshold T");
    assertOneLine(
        Cli.run("fairness", "--data", f, "--label", "y", "--group", "g"),
        "mlops fairness: give either --prediction COL or --score COL with --threshold T");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            f,
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--fail-if",
            "tpr>0.1"),
        "mlops fairness: --fail-if 'tpr>0.1': unknown criterion 'tpr' (known:"
            + " demographic_parity_difference, demographic_parity_ratio, equalized_odds_difference,"
            + " equalized_odds_difference_mean, equalized_odds_ratio, equal_opportunity_difference,"
            + " equal_opportunity_ratio, predictive_parity_difference, predictive_parity_ratio,"
            + " false_positive_rate_parity_difference, false_positive_rate_parity_ratio,"
            + " disparate_impact, or a name under disparities in the JSON, such as"
            + " fpr_difference_between_groups)");
    // the CLI's former names are not aliases
    assertThat(
            Cli.run(
                    "fairness",
                    "--data",
                    f,
                    "--label",
                    "y",
                    "--prediction",
                    "yhat",
                    "--group",
                    "g",
                    "--fail-if",
                    "disparateImpactRatio<0.8")
                .err())
        .startsWith(
            "mlops fairness: --fail-if"
                + " 'disparateImpactRatio<0.8': unknown criterion 'disparateImpactRatio' (known:");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            f,
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--fail-if",
            "dpd=0.1"),
        "mlops fairness: --fail-if 'dpd=0.1' is not CRITERION>VALUE (operators > >= < <=)");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            f,
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--reference-group",
            "C"),
        "mlops fairness: " + f + ": reference must be one of the groups [A, B], but was 'C'");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            f,
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--positive",
            "yes"),
        "mlops fairness: " + f + ": --positive 'yes' does not occur in column 'y' (values: 1, 0)");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            f,
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--json",
            "-",
            "--html",
            "-"),
        "mlops fairness: --json - and --html - cannot both write to standard output");
    Path ragged = csv("ragged.csv", "y,p,g\n1,1,a\n0,0\n");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            ragged.toString(),
            "--label",
            "y",
            "--prediction",
            "p",
            "--group",
            "g"),
        "mlops fairness: " + ragged + ": row 2 (line 3) has 2 fields but the header has 3");
    Path emptyGroup = csv("eg.csv", "y,p,g\n1,1,a\n0,0,\n");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            emptyGroup.toString(),
            "--label",
            "y",
            "--prediction",
            "p",
            "--group",
            "g"),
        "mlops fairness: "
            + emptyGroup
            + ": column 'g', row 2: empty group value (every row needs a group)");
    Path textScore = csv("ts.csv", "y,s,g\n1,0.3,a\n0,high,b\n");
    assertOneLine(
        Cli.run(
            "fairness",
            "--data",
            textScore.toString(),
            "--label",
            "y",
            "--score",
            "s",
            "--threshold",
            "0.5",
            "--group",
            "g"),
        "mlops fairness: " + textScore + ": column 's', row 2 (line 3): 'high' is not a number");
  }

  @Test
  void verbose_addsTheStackTrace() throws IOException {
    Path missing = dir.resolve("missing.csv");
    Cli.Result r =
        Cli.run(
            "fairness",
            "--data",
            missing.toString(),
            "--label",
            "y",
            "--prediction",
            "p",
            "--group",
            "g",
            "--verbose");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines().count()).isGreaterThan(3);
    assertThat(r.err()).contains("org.mlops4j.api.MlopsException");
  }

  @Test
  void withoutJson_printsAReadableTable_andJsonAndHtmlFilesAreWritten() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    Path jsonOut = dir.resolve("report.json");
    Path htmlOut = dir.resolve("report.html");
    Cli.Result r =
        Cli.run(
            "fairness",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--min-group-size",
            "0",
            "--json",
            jsonOut.toString(),
            "--html",
            htmlOut.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("group    n  TP  FP  TN  FN  selection")
        .contains(
            "B        5   2   1   2   0     0.6000  0.4000  1.0000  0.3333  0.0000  0.6667  ok")
        .contains("equalized_odds_difference              0.5000  B vs A");
    assertThat(JSON.readTree(jsonOut.toFile()).get("groups")).hasSize(2);
    assertThat(Files.readString(htmlOut))
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Fairness of " + data + "</title>")
        .contains(data + ": 9 rows, delimiter ");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(s -> s.endsWith(".tmp"));
    }
  }

  @Test
  void jsonFieldNames_areStable() throws IOException {
    Path data = csv("d.csv", NINE_ROWS + "0,1,0.7,C\n0,0,0.2,C\n");
    JsonNode root =
        json(
            Cli.run(
                "fairness",
                "--data",
                data.toString(),
                "--label",
                "y",
                "--prediction",
                "yhat",
                "--group",
                "g",
                "--reference-group",
                "A",
                "--min-group-size",
                "0",
                "--bootstrap",
                "0",
                "--json",
                "-",
                "--fail-if",
                "equalized_odds_difference>0.9"));
    assertThat(DriftCommandTest.fieldNames(root))
        .containsExactly(
            "format",
            "formatVersion",
            "library",
            "libraryVersion",
            "createdAt",
            "attributes",
            "reference",
            "minGroupSize",
            "confidenceLevel",
            "weighted",
            "bootstrap",
            "groups",
            "overall",
            "criteria",
            "fourFifthsRule",
            "disparities",
            "calibration",
            "calibrationDisparities",
            "notes",
            "data",
            "inputs",
            "checks",
            "failed",
            "provenance");
    assertThat(root.get("format").asText()).isEqualTo("mlops4j.fairness-report");
    assertThat(DriftCommandTest.fieldNames(root.get("data")))
        .containsExactly("path", "label", "prediction");
    assertThat(DriftCommandTest.fieldNames(root.get("inputs").get(0)))
        .containsExactly("path", "sha256", "rows", "delimiter", "delimiterDetected");
    assertThat(root.get("inputs").get(0).get("rows").asInt()).isEqualTo(11);
    assertThat(DriftCommandTest.fieldNames(root.get("provenance")))
        .containsExactly("jvmVersion", "jvmVendor", "osName", "osArch");
    assertThat(DriftCommandTest.fieldNames(group(root, "A")))
        .containsExactly("name", "size", "status", "counts", "rates");
    assertThat(DriftCommandTest.fieldNames(group(root, "A").get("counts")))
        .containsExactly("tp", "fp", "tn", "fn");
    assertThat(DriftCommandTest.fieldNames(group(root, "A").get("rates")))
        .contains("selectionRate", "baseRate", "tpr", "fpr", "fnr", "ppv");
    // group C has no positive labels: TPR and FNR are undefined
    assertThat(DriftCommandTest.fieldNames(group(root, "C").get("rates").get("tpr")))
        .containsExactly("numerator", "denominator", "value", "valueReason");
    assertThat(group(root, "C").get("rates").get("tpr").get("valueReason").asText())
        .isEqualTo("TPR undefined for group 'C': no positive labels");
    assertThat(root.get("criteria").findValuesAsText("name"))
        .startsWith(
            "demographic_parity_difference",
            "demographic_parity_ratio",
            "equalized_odds_difference")
        .contains("equal_opportunity_difference", "disparate_impact");
    // with a reference group, the disparities to it
    assertThat(root.get("disparities").findValuesAsText("name"))
        .contains(
            "selection_rate_difference_to_reference",
            "equalized_odds_difference_to_reference",
            "tpr_difference_to_reference");
    assertThat(DriftCommandTest.fieldNames(disparity(root, "equalized_odds_difference")))
        .containsExactly("name", "basis", "scale", "value", "groupA", "groupB", "interval");
    assertThat(DriftCommandTest.fieldNames(root.get("checks").get(0)))
        .containsExactly("check", "criterion", "value", "failed");
  }

  @Test
  void groupNamesWithControlCharacters_arePrintedEscaped_andExactInJson() throws IOException {
    String a = "A\u001b[2J";
    String b = "B\nx\u202e";
    Path data =
        csv(
            "d.csv",
            "y,yhat,g\n1,1,\""
                + a
                + "\"\n0,0,\""
                + a
                + "\"\n1,1,\""
                + b
                + "\"\n0,1,\""
                + b
                + "\"\n");
    String[] args = {
      "fairness",
      "--data",
      data.toString(),
      "--label",
      "y",
      "--prediction",
      "yhat",
      "--group",
      "g",
      "--min-group-size",
      "0",
      "--fail-if",
      "demographic_parity_difference>0.1"
    };
    Cli.Result r = Cli.run(args);
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.CHECK_FAILED);
    RunsCommandTest.assertNoControlCharacters(r.out());
    RunsCommandTest.assertNoControlCharacters(r.err());
    // expected by hand: ESC as backslash x1b, line feed as backslash n, U+202E as backslash u202e;
    // selection rates A 1/2, B 2/2: demographic parity difference 0.5
    String ea = "A\\x1b[2J";
    String eb = "B\\nx\\u202e";
    assertThat(r.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith(ea + "    2   1   0   1   0"))
        .anySatisfy(line -> assertThat(line).startsWith(eb + "  2   1   1   0   0"))
        .anySatisfy(line -> assertThat(line).contains("0.5000  " + eb + " vs " + ea));
    assertThat(r.err())
        .isEqualTo(
            "mlops fairness: check failed: demographic_parity_difference>0.1:"
                + " demographic_parity_difference = 0.5 (groups '"
                + eb
                + "' and '"
                + ea
                + "')\n");
    JsonNode root = json(Cli.run(concat(args, "--json", "-")));
    assertThat(group(root, a).get("size").asLong()).isEqualTo(2);
    assertThat(group(root, b).get("size").asLong()).isEqualTo(2);
  }

  static void assertOneLine(Cli.Result r, String line) {
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).isEqualTo(line + "\n");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Issue 12, "One vocabulary, one set of defaults": the CLI uses the library's defaults.

  /** Groups A and B of 120 rows each and C of 18 rows; scores in [0, 1]. */
  record Scored(Path file, int[] y, double[] score, String[] group) {}

  Scored scored() throws IOException {
    Random rnd = new Random(12);
    int n = 258;
    int[] y = new int[n];
    double[] score = new double[n];
    String[] g = new String[n];
    StringBuilder sb = new StringBuilder("y,p,g\n");
    for (int i = 0; i < n; i++) {
      g[i] = i < 120 ? "A" : i < 240 ? "B" : "C";
      y[i] = rnd.nextDouble() < (g[i].equals("A") ? 0.5 : 0.3) ? 1 : 0;
      score[i] =
          Math.round(Math.min(1, Math.max(0, 0.4 * y[i] + 0.6 * rnd.nextDouble())) * 1000) / 1000.0;
      sb.append(y[i]).append(',').append(score[i]).append(',').append(g[i]).append('\n');
    }
    return new Scored(csv("scored.csv", sb.toString()), y, score, g);
  }

  static String[] fairness(Scored s, String... options) {
    return concat(
        new String[] {
          "fairness",
          "--data",
          s.file().toString(),
          "--label",
          "y",
          "--score",
          "p",
          "--threshold",
          "0.5",
          "--group",
          "g"
        },
        options);
  }

  @Test
  void defaults_areTheLibrarys_minGroupSizeBootstrapAndCalibration() throws IOException {
    Scored s = scored();
    JsonNode root = json(Cli.run(fairness(s, "--json", "-")));
    FairnessAuditor d = FairnessAuditor.defaults();
    assertThat(root.get("minGroupSize").asInt()).isEqualTo(d.minGroupSize());
    assertThat(group(root, "C").get("status").asText()).isEqualTo("TOO_SMALL"); // 18 < 30
    assertThat(root.get("bootstrap").get("resamples").asInt()).isEqualTo(d.bootstrapResamples());
    assertThat(root.get("bootstrap").get("seed").asLong()).isEqualTo(d.bootstrapSeed());
    assertThat(disparity(root, "demographic_parity_difference").get("interval").isObject())
        .isTrue();
    // scores in [0, 1]: calibration is kept, as in the library
    assertThat(root.get("calibration")).isNotEmpty();
    // and the numbers are the library's, called with its defaults
    FairnessReport lib = d.audit(Decisions.ofScores(s.y(), s.score(), 0.5).groups("g", s.group()));
    JsonNode libJson = JSON.readTree(lib.toJson());
    for (String field : new String[] {"criteria", "disparities", "calibration", "groups"}) {
      assertThat(root.get(field)).as(field).isEqualTo(libJson.get(field));
    }
  }

  @Test
  void help_showsTheLibrarysDefaults() {
    FairnessAuditor d = FairnessAuditor.defaults();
    String help = Cli.run("fairness", "--help").out();
    assertThat(help)
        .contains("(default: " + d.minGroupSize() + ")")
        .contains("(default: " + d.bootstrapResamples() + ")")
        .contains("(default: " + d.bootstrapSeed() + ")")
        .contains("(default: " + d.confidenceLevel() + ")")
        .contains("--[no-]calibration");
  }

  @Test
  void scoresOutsideZeroOne_turnCalibrationOffWithANote_unlessAskedFor() throws IOException {
    Path data = csv("s.csv", "y,s,g\n1,80,a\n0,20,a\n1,70,b\n0,60,b\n");
    String[] args = {
      "fairness",
      "--data",
      data.toString(),
      "--label",
      "y",
      "--score",
      "s",
      "--threshold",
      "50",
      "--group",
      "g",
      "--min-group-size",
      "0"
    };
    Cli.Result r = Cli.run(concat(args, "--json", "-"));
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out()).get("calibration")).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "mlops fairness: note: column 's' has scores outside [0, 1] (row 1: 80.0): no"
                + " calibration\n");
    Cli.Result asked = Cli.run(concat(args, "--calibration"));
    assertThat(asked.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(asked.err()).startsWith("mlops fairness: " + data + ": scores[0] must be in [0, 1]");
    Cli.Result off = Cli.run(concat(args, "--no-calibration"));
    assertThat(off.status()).as(off.toString()).isZero();
    assertThat(off.err()).isEmpty();
  }

  @Test
  void table_showsBootstrapIntervals() throws IOException {
    Scored s = scored();
    Cli.Result r = Cli.run(fairness(s));
    assertThat(r.status()).as(r.toString()).isZero();
    FairnessReport lib =
        FairnessAuditor.defaults()
            .audit(Decisions.ofScores(s.y(), s.score(), 0.5).groups("g", s.group()));
    var dpd = lib.demographicParityDifference();
    var ci = dpd.interval().orElseThrow();
    assertThat(r.out()).containsPattern("criterion +value +groups +95% interval\n");
    // the row, its padding collapsed
    assertThat(r.out().lines().map(l -> l.replaceAll(" {2,}", " ")))
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "demographic_parity_difference %.4f %s vs %s [%.4f, %.4f]",
                dpd.value(),
                dpd.groupA(),
                dpd.groupB(),
                ci.lower(),
                ci.upper()));
  }

  @Test
  void semicolonFile_isReadWithTheDetectedDelimiter() throws IOException {
    Path data = csv("d.csv", NINE_ROWS.replace(',', ';'));
    Cli.Result r =
        Cli.run(
            "fairness",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--group",
            "g",
            "--min-group-size",
            "0",
            "--json",
            "-");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(counts(group(JSON.readTree(r.out()), "B"))).containsExactly(5, 2, 1, 2, 0);
    assertThat(JSON.readTree(r.out()).get("inputs").get(0).get("delimiter").asText())
        .isEqualTo(";");
    assertThat(r.err()).startsWith("mlops fairness: note: " + data + ": fields separated by ';'");
  }

  @Test
  void terminal_showsProgressOnStandardError_andTheSameStandardOutput() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    String[] args = {
      "fairness",
      "--data",
      data.toString(),
      "--label",
      "y",
      "--prediction",
      "yhat",
      "--group",
      "g",
      "--min-group-size",
      "0"
    };
    Cli.Result quiet = Cli.run(args);
    Cli.Result shown = Cli.runOnTerminal(args);
    assertThat(shown.status()).as(shown.toString()).isEqualTo(quiet.status());
    assertThat(shown.out()).isEqualTo(quiet.out());
    assertThat(shown.err())
        .isEqualTo(
            "mlops fairness: reading " + data + "\n" + "mlops fairness: auditing 9 decisions\n");
    assertThat(quiet.err()).isEmpty();
    assertThat(Cli.runOnTerminal(concat(args, "--quiet")).err()).isEmpty();
  }
}
