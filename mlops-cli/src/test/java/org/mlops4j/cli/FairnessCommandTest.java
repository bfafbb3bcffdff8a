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
import org.mlops4j.fairness.Fairness;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupMetrics;

class FairnessCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final double EPS = 1e-12;

  @TempDir Path dir;

  /** Nine rows, two groups; every expected number below is counted by hand from these rows. */
  static final String NINE_ROWS = """
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

  static JsonNode group(JsonNode root, String name) {
    for (JsonNode g : root.get("groups")) {
      if (g.get("group").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no group " + name + " in " + root);
  }

  @Test
  void predictionColumn_givesHandCountedRatesAndDisparities() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    JsonNode root = json(Cli.run("fairness", "--data", data.toString(), "--label", "y", "--prediction", "yhat",
        "--group", "g", "--json", "-"));
    // A: (1,1) (1,0) (0,1) (0,0) -> TP 1, FP 1, TN 1, FN 1
    JsonNode a = group(root, "A");
    assertThat(new long[] {a.get("n").asLong(), a.get("tp").asLong(), a.get("fp").asLong(),
        a.get("tn").asLong(), a.get("fn").asLong()}).containsExactly(4, 1, 1, 1, 1);
    assertThat(a.get("selectionRate").asDouble()).isEqualTo(0.5);
    assertThat(a.get("tpr").asDouble()).isEqualTo(0.5);
    // B: (1,1) (1,1) (0,0) (0,0) (0,1) -> TP 2, FP 1, TN 2, FN 0
    JsonNode b = group(root, "B");
    assertThat(new long[] {b.get("n").asLong(), b.get("tp").asLong(), b.get("fp").asLong(),
        b.get("tn").asLong(), b.get("fn").asLong()}).containsExactly(5, 2, 1, 2, 0);
    assertThat(b.get("selectionRate").asDouble()).isCloseTo(3 / 5.0, within(EPS));
    assertThat(b.get("baseRate").asDouble()).isCloseTo(2 / 5.0, within(EPS));
    assertThat(b.get("tpr").asDouble()).isEqualTo(1.0);
    assertThat(b.get("fpr").asDouble()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(b.get("fnr").asDouble()).isEqualTo(0.0);
    assertThat(b.get("ppv").asDouble()).isCloseTo(2 / 3.0, within(EPS));
    JsonNode d = root.get("disparities");
    assertThat(d.get("demographicParityDifference").asDouble()).isCloseTo(0.6 - 0.5, within(EPS));
    // worst of TPR difference 1 - 0.5 and FPR difference 0.5 - 1/3
    assertThat(d.get("equalizedOddsDifference").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(d.get("equalOpportunityDifference").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(d.get("disparateImpactRatio").asDouble()).isCloseTo(0.5 / 0.6, within(EPS));
    assertThat(root.has("disparitiesToReference")).isFalse();
  }

  @Test
  void scoreAtTheThreshold_isAPositivePrediction() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    // B's last row has score 0.5 and label 0: a false positive at threshold 0.5, a true negative above it
    JsonNode at = json(Cli.run("fairness", "--data", data.toString(), "--label", "y", "--score", "p",
        "--threshold", "0.5", "--group", "g", "--json", "-"));
    assertThat(group(at, "B").get("fp").asLong()).isEqualTo(1);
    assertThat(at.get("threshold").asDouble()).isEqualTo(0.5);
    JsonNode above = json(Cli.run("fairness", "--data", data.toString(), "--label", "y", "--score", "p",
        "--threshold", "0.50001", "--group", "g", "--json", "-"));
    assertThat(group(above, "B").get("fp").asLong()).isEqualTo(0);
    assertThat(group(above, "B").get("tn").asLong()).isEqualTo(3);
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
      sb.append(y[i] == 1 ? "true" : "false").append(',').append(yhat[i] == 1 ? "TRUE" : "FALSE").append(',')
          .append(race.charAt(i)).append(',').append(sex.charAt(i)).append('\n');
    }
    INTERSECTIONAL = sb.toString();
  }

  @Test
  void intersectionalGroups_matchNumpy_andUndefinedRatesAreNullWithAReason() throws IOException {
    Path data = csv("i.csv", INTERSECTIONAL);
    JsonNode root = json(Cli.run("fairness", "--data", data.toString(), "--label", "label", "--prediction",
        "pred", "--group", "race", "--group", "sex", "--reference-group", "race=a|sex=m", "--json", "-"));
    // expected: numpy 2.4.6 on the same 24 rows, per group mask m = (race==r)&(sex==s):
    //   tp = ((y==1)&(yhat==1)&m).sum(), fp, tn, fn alike; sel = (tp+fp)/n; tpr = tp/(tp+fn); fpr = fp/(fp+tn)
    //   between groups: max - min over the groups where the rate is defined (pandas skips NaN as
    //   Fairlearn's MetricFrame.difference does); to the reference: max |r_g - r_ref|;
    //   disparate impact to the reference: min over other groups of sel_g / sel_ref
    JsonNode af = group(root, "race=a|sex=f");
    assertThat(af.get("n").asLong()).isEqualTo(4);
    assertThat(af.get("tp").asLong()).isEqualTo(1);
    assertThat(af.get("fn").asLong()).isEqualTo(2);
    assertThat(af.get("tpr").asDouble()).isCloseTo(0.3333333333333333, within(EPS));
    assertThat(af.get("fpr").asDouble()).isEqualTo(1.0);
    JsonNode am = group(root, "race=a|sex=m");
    assertThat(am.get("fpr").asDouble()).isCloseTo(0.42857142857142855, within(EPS));
    assertThat(am.get("ppv").asDouble()).isCloseTo(0.25, within(EPS));
    JsonNode bm = group(root, "race=b|sex=m");
    assertThat(bm.get("selectionRate").asDouble()).isCloseTo(0.75, within(EPS));
    assertThat(bm.get("fpr").isNull()).isTrue();
    assertThat(bm.get("fprReason").asText()).isEqualTo("FPR undefined for group 'race=b|sex=m': no negative labels");
    JsonNode d = root.get("disparities");
    assertThat(d.get("demographicParityDifference").asDouble()).isCloseTo(0.25, within(EPS));
    assertThat(d.get("demographicParityRatio").asDouble()).isCloseTo(0.6666666666666666, within(EPS));
    assertThat(d.get("equalizedOddsDifference").asDouble()).isCloseTo(1.0, within(EPS));
    assertThat(d.get("equalOpportunityDifference").asDouble()).isCloseTo(0.6666666666666667, within(EPS));
    JsonNode r = root.get("disparitiesToReference");
    assertThat(root.get("referenceGroup").asText()).isEqualTo("race=a|sex=m");
    assertThat(r.get("demographicParityDifference").asDouble()).isCloseTo(0.25, within(EPS));
    assertThat(r.get("equalizedOddsDifference").asDouble()).isCloseTo(0.6666666666666667, within(EPS));
    assertThat(r.get("disparateImpactRatio").asDouble()).isCloseTo(1.0, within(EPS));
    assertThat(r.get("equalOpportunityDifference").asDouble()).isCloseTo(0.6666666666666667, within(EPS));
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
      score[i] = Math.round(Math.min(1, Math.max(0, 0.3 * y[i] + rnd.nextDouble() * 0.7)) * 1000) / 1000.0;
      sb.append('"').append(g[i].replace("\"", "\"\"")).append("\",").append(score[i]).append(',').append(y[i])
          .append('\n');
    }
    Path data = csv("r.csv", sb.toString());
    JsonNode root = json(Cli.run("fairness", "--data", data.toString(), "--label", "y", "--score", "score",
        "--threshold", "0.45", "--group", "g", "--json", "-"));
    FairnessReport lib = Fairness.ofScores(y, score, 0.45).groups("g", g).minGroupSize(0).bootstrap(0, 42)
        .withoutCalibration().build();
    for (GroupMetrics gm : lib.groups()) {
      JsonNode j = group(root, gm.name());
      assertThat(j.get("n").asLong()).isEqualTo(gm.size());
      assertThat(j.get("tp").asDouble()).isEqualTo(gm.counts().tp());
      assertThat(j.get("fp").asDouble()).isEqualTo(gm.counts().fp());
      assertThat(j.get("selectionRate").asDouble()).isEqualTo(gm.selectionRate().value());
      assertThat(j.get("tpr").asDouble()).isEqualTo(gm.tpr().value());
      assertThat(j.get("fpr").asDouble()).isEqualTo(gm.fpr().value());
      assertThat(j.get("ppv").asDouble()).isEqualTo(gm.ppv().value());
    }
    JsonNode d = root.get("disparities");
    assertThat(d.get("demographicParityDifference").asDouble()).isEqualTo(lib.demographicParityDifference().value());
    assertThat(d.get("equalizedOddsDifference").asDouble()).isEqualTo(lib.equalizedOddsDifference().value());
    assertThat(d.get("equalOpportunityDifference").asDouble()).isEqualTo(lib.equalOpportunityDifference().value());
    assertThat(d.get("disparateImpactRatio").asDouble()).isEqualTo(lib.demographicParityRatio().value());
  }

  @Test
  void bootstrap_addsTheLibrarysSeededIntervals() throws IOException {
    Path data = csv("i.csv", INTERSECTIONAL);
    JsonNode root = json(Cli.run("fairness", "--data", data.toString(), "--label", "label", "--prediction", "pred",
        "--group", "sex", "--bootstrap", "200", "--seed", "5", "--json", "-"));
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
    FairnessReport lib = Fairness.of(y, p).groups("sex", sex).minGroupSize(0).bootstrap(200, 5).build();
    var ci = lib.demographicParityDifference().interval().orElseThrow();
    JsonNode j = root.get("disparities").get("demographicParityDifferenceInterval");
    assertThat(j.get("lower").asDouble()).isEqualTo(ci.lower());
    assertThat(j.get("upper").asDouble()).isEqualTo(ci.upper());
    assertThat(j.get("level").asDouble()).isEqualTo(0.95);
    double v = root.get("disparities").get("demographicParityDifference").asDouble();
    assertThat(v).isBetween(ci.lower(), ci.upper());
  }

  @Test
  void positive_namesThePositiveValueOfLabelsAndPredictions() throws IOException {
    Path data = csv("p.csv", "outcome,decision,g\nhired,hired,x\nrejected,hired,x\nhired,rejected,y\nrejected,rejected,y\n");
    JsonNode root = json(Cli.run("fairness", "--data", data.toString(), "--label", "outcome", "--prediction",
        "decision", "--positive", "hired", "--group", "g", "--json", "-"));
    JsonNode x = group(root, "x");
    assertThat(x.get("tp").asLong()).isEqualTo(1);
    assertThat(x.get("fp").asLong()).isEqualTo(1);
    JsonNode y = group(root, "y");
    assertThat(y.get("fn").asLong()).isEqualTo(1);
    assertThat(y.get("tn").asLong()).isEqualTo(1);
    assertThat(root.get("positive").asText()).isEqualTo("hired");
  }

  @Test
  void failIf_exitsOneWhenACriterionPassesItsBound_andZeroOtherwise() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    String[] base = {"fairness", "--data", data.toString(), "--label", "y", "--prediction", "yhat", "--group", "g"};
    Cli.Result failed = Cli.run(concat(base, "--fail-if", "equalizedOddsDifference>0.1",
        "--fail-if", "disparateImpactRatio<0.8"));
    assertThat(failed.status()).as(failed.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(failed.err()).isEqualTo("mlops fairness: check failed: equalizedOddsDifference>0.1:"
        + " equalizedOddsDifference = 0.5 (groups 'B' and 'A')\n");
    assertThat(failed.out()).contains("check passed disparateImpactRatio<0.8");

    Cli.Result passed = Cli.run(concat(base, "--fail-if", "equalizedOddsDifference>0.5",
        "--fail-if", "fpr_difference_between_groups>=0.2"));
    assertThat(passed.status()).as(passed.toString()).isEqualTo(Main.OK);
    assertThat(passed.err()).isEmpty();

    JsonNode root = json(Cli.run(concat(base, "--json", "-", "--fail-if", "demographicParityDifference>=0.05")));
    assertThat(root.get("failed").asBoolean()).isTrue();
    assertThat(root.get("checks").get(0).get("value").asDouble()).isCloseTo(0.1, within(EPS));
  }

  @Test
  void failIf_onAnUndefinedCriterion_fails() throws IOException {
    Path data = csv("one.csv", "y,p,g\n1,1,a\n0,0,a\n");
    Cli.Result r = Cli.run("fairness", "--data", data.toString(), "--label", "y", "--prediction", "p", "--group",
        "g", "--fail-if", "demographicParityDifference>0.1");
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.err()).startsWith("mlops fairness: check failed: demographicParityDifference>0.1:"
        + " demographicParityDifference is undefined (");
  }

  @Test
  void nonBinaryLabel_isOneLineNamingFileColumnRowAndValue() throws IOException {
    Path data = csv("bad.csv", "y,p,g\n1,1,a\n0,0,b\nmaybe,1,a\n");
    Cli.Result r = Cli.run("fairness", "--data", data.toString(), "--label", "y", "--prediction", "p", "--group", "g");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("mlops fairness: " + data + ": column 'y', row 3: 'maybe' is not a binary label"
        + " (expected 0/1 or true/false; name the positive value with --positive)\n");
  }

  @Test
  void badInput_givesStatusTwoAndOneLine() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    String f = data.toString();
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "nope", "--prediction", "yhat", "--group", "g"),
        "mlops fairness: " + f + ": unknown column 'nope' (columns: y, yhat, p, g)");
    Path missing = dir.resolve("missing.csv");
    assertOneLine(Cli.run("fairness", "--data", missing.toString(), "--label", "y", "--prediction", "yhat",
        "--group", "g"), "mlops fairness: " + missing + ": no such file");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--score", "p", "--group", "g"),
        "mlops fairness: --score needs --threshold T");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--group", "g"),
        "mlops fairness: give either --prediction COL or --score COL with --threshold T");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--prediction", "yhat", "--group", "g",
        "--fail-if", "tpr>0.1"), "mlops fairness: --fail-if 'tpr>0.1': unknown criterion 'tpr' (known:"
        + " demographicParityDifference, demographicParityRatio, equalizedOddsDifference,"
        + " equalOpportunityDifference, disparateImpactRatio, or a library disparity name)");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--prediction", "yhat", "--group", "g",
        "--fail-if", "dpd=0.1"), "mlops fairness: --fail-if 'dpd=0.1' is not CRITERION>VALUE (operators > >= < <=)");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--prediction", "yhat", "--group", "g",
        "--reference-group", "C"), "mlops fairness: " + f + ": reference group 'C' is not one of the groups [A, B]");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--prediction", "yhat", "--group", "g",
        "--positive", "yes"), "mlops fairness: " + f + ": --positive 'yes' does not occur in column 'y' (values: 1, 0)");
    assertOneLine(Cli.run("fairness", "--data", f, "--label", "y", "--prediction", "yhat", "--group", "g",
        "--json", "-", "--html", "-"), "mlops fairness: --json - and --html - cannot both write to standard output");
    Path ragged = csv("ragged.csv", "y,p,g\n1,1,a\n0,0\n");
    assertOneLine(Cli.run("fairness", "--data", ragged.toString(), "--label", "y", "--prediction", "p", "--group",
        "g"), "mlops fairness: " + ragged + ": row 2 (line 3) has 2 fields but the header has 3");
    Path emptyGroup = csv("eg.csv", "y,p,g\n1,1,a\n0,0,\n");
    assertOneLine(Cli.run("fairness", "--data", emptyGroup.toString(), "--label", "y", "--prediction", "p",
        "--group", "g"), "mlops fairness: " + emptyGroup + ": column 'g', row 2: empty group value (every row needs a group)");
    Path textScore = csv("ts.csv", "y,s,g\n1,0.3,a\n0,high,b\n");
    assertOneLine(Cli.run("fairness", "--data", textScore.toString(), "--label", "y", "--score", "s",
        "--threshold", "0.5", "--group", "g"),
        "mlops fairness: " + textScore + ": column 's', row 2 (line 3): 'high' is not a number");
  }

  @Test
  void verbose_addsTheStackTrace() throws IOException {
    Path missing = dir.resolve("missing.csv");
    Cli.Result r = Cli.run("fairness", "--data", missing.toString(), "--label", "y", "--prediction", "p",
        "--group", "g", "--verbose");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines().count()).isGreaterThan(3);
    assertThat(r.err()).contains("org.mlops4j.api.MlopsException");
  }

  @Test
  void withoutJson_printsAReadableTable_andJsonAndHtmlFilesAreWritten() throws IOException {
    Path data = csv("d.csv", NINE_ROWS);
    Path jsonOut = dir.resolve("report.json");
    Path htmlOut = dir.resolve("report.html");
    Cli.Result r = Cli.run("fairness", "--data", data.toString(), "--label", "y", "--prediction", "yhat",
        "--group", "g", "--json", jsonOut.toString(), "--html", htmlOut.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).contains("group    n  TP  FP  TN  FN  selection")
        .contains("B        5   2   1   2   0     0.6000  0.4000  1.0000  0.3333  0.0000  0.6667  ok")
        .contains("equalizedOddsDifference      0.5000  B vs A");
    assertThat(JSON.readTree(jsonOut.toFile()).get("groups")).hasSize(2);
    assertThat(Files.readString(htmlOut)).startsWith("<!DOCTYPE html>");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(s -> s.endsWith(".tmp"));
    }
  }

  @Test
  void jsonFieldNames_areStable() throws IOException {
    Path data = csv("d.csv", NINE_ROWS + "0,1,0.7,C\n0,0,0.2,C\n");
    JsonNode root = json(Cli.run("fairness", "--data", data.toString(), "--label", "y", "--prediction", "yhat",
        "--group", "g", "--reference-group", "A", "--json", "-", "--fail-if", "equalizedOddsDifference>0.9"));
    assertThat(DriftCommandTest.fieldNames(root)).containsExactly("data", "rows", "label", "prediction",
        "attributes", "minGroupSize", "referenceGroup", "groups", "overall", "disparities",
        "disparitiesToReference", "checks", "failed", "notes", "provenance");
    assertThat(DriftCommandTest.fieldNames(group(root, "A"))).containsExactly("group", "n", "tp", "fp", "tn", "fn",
        "selectionRate", "baseRate", "tpr", "fpr", "fnr", "ppv", "status");
    // group C has no positive labels: TPR and FNR are undefined
    assertThat(DriftCommandTest.fieldNames(group(root, "C"))).containsExactly("group", "n", "tp", "fp", "tn", "fn",
        "selectionRate", "baseRate", "tpr", "tprReason", "fpr", "fnr", "fnrReason", "ppv", "status");
    assertThat(group(root, "C").get("tprReason").asText()).isEqualTo("TPR undefined for group 'C': no positive labels");
    assertThat(DriftCommandTest.fieldNames(root.get("disparities"))).containsExactly("demographicParityDifference",
        "demographicParityRatio", "equalizedOddsDifference", "equalOpportunityDifference", "disparateImpactRatio");
    assertThat(DriftCommandTest.fieldNames(root.get("disparitiesToReference")))
        .isEqualTo(DriftCommandTest.fieldNames(root.get("disparities")));
    assertThat(DriftCommandTest.fieldNames(root.get("checks").get(0)))
        .containsExactly("check", "criterion", "value", "failed");
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
}
