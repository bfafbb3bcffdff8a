package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlicesCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * 200 rows: group A (rows 1-100) has 40 errors (label 1, prediction 0), group B (rows 101-200)
   * has 10; x is a numeric feature with one missing cell (NA) and one empty cell, c a text feature.
   */
  Path planted() throws IOException {
    StringBuilder sb = new StringBuilder("y,yhat,g,x,c\n");
    for (int i = 0; i < 200; i++) {
      boolean a = i < 100;
      boolean error = a ? i < 40 : i < 110;
      String x = i == 5 ? "NA" : i == 6 ? "" : Integer.toString(i % 7);
      sb.append(error ? "1,0," : "1,1,")
          .append(a ? "A" : "B")
          .append(',')
          .append(x)
          .append(',')
          .append(i % 2 == 0 ? "even" : "odd")
          .append('\n');
    }
    Path p = dir.resolve("scored.csv");
    Files.writeString(p, sb);
    return p;
  }

  static JsonNode slice(JsonNode list, String name) {
    for (JsonNode s : list) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no slice " + name + " in " + list);
  }

  @Test
  void labelAndPrediction_findThePlantedSliceWithSciPysPValue() throws IOException {
    Path data = planted();
    Cli.Result r =
        Cli.run(
            "slices",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--features",
            "g",
            "--json",
            "-");
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("format").asText()).isEqualTo("mlops4j.slice-report");
    assertThat(root.get("rows").asInt()).isEqualTo(200);
    // 50 errors of 200, counted from the rows above
    assertThat(root.get("overall").asDouble()).isEqualTo(0.25);
    assertThat(root.get("examined").asInt()).isEqualTo(2);
    assertThat(root.get("significantCount").asInt()).isEqualTo(1);
    JsonNode a = slice(root.get("slices"), "g=A");
    assertThat(a.get("rows").asInt()).isEqualTo(100);
    assertThat(a.get("value").asDouble()).isEqualTo(0.4);
    assertThat(a.get("restValue").asDouble()).isEqualTo(0.1);
    // SciPy 1.x: p = 0.25; z = 0.3 / sqrt(p * (1 - p) * (1/100 + 1/100))
    //   stats.norm.sf(z) = 4.816785043215437e-07
    //   stats.false_discovery_control([sf(z), sf(-z)])[0] = 9.633570086430874e-07
    // numpy: (e1.mean() - e2.mean()) / sqrt((e1.var(ddof=1) + e2.var(ddof=1)) / 2) =
    // 0.7348469228349536
    assertThat(a.get("pValue").asDouble())
        .isCloseTo(4.816785043215437e-07, Percentage.withPercentage(1e-6));
    assertThat(a.get("pAdjusted").asDouble())
        .isCloseTo(9.633570086430874e-07, Percentage.withPercentage(1e-6));
    assertThat(a.get("effectSize").asDouble()).isCloseTo(0.7348469228349536, within(1e-12));
    // the command's own blocks after the library's
    assertThat(root.get("data").get("features").get(0).get("type").asText())
        .isEqualTo("categorical");
    assertThat(root.get("inputs").get(0).get("rows").asInt()).isEqualTo(200);
    assertThat(root.get("inputs").get(0).get("sha256").asText()).hasSize(64);
  }

  @Test
  void text_isTheReportTable_andFailOnSliceExitsWithOne() throws IOException {
    Path data = planted();
    String[] args = {
      "slices", "--data", data.toString(), "--label", "y", "--prediction", "yhat", "--features", "g"
    };
    Cli.Result r = Cli.run(args);
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("SliceReport (error rate, 200 rows, overall 0.2500")
        .contains("1 significant:")
        .containsPattern("g=A\\s+100\\s+0\\.4000");
    assertThat(r.err()).isEmpty();

    String[] failing = java.util.Arrays.copyOf(args, args.length + 1);
    failing[args.length] = "--fail-on-slice";
    Cli.Result f = Cli.run(failing);
    assertThat(f.status()).as(f.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(f.out()).contains("g=A");
    assertThat(f.err()).startsWith("mlops slices: significant slices found: 1 (first: g=A: n=100");

    // a larger effect asked for: nothing significant, status 0 even with --fail-on-slice
    String[] strict = java.util.Arrays.copyOf(failing, failing.length + 2);
    strict[failing.length] = "--min-effect-size";
    strict[failing.length + 1] = "0.8";
    Cli.Result s = Cli.run(strict);
    assertThat(s.status()).as(s.toString()).isZero();
    assertThat(s.out()).contains("0 significant");
  }

  @Test
  void features_numericWhenEveryCellIsANumber_missingTokensAreTheirOwnSlice() throws IOException {
    Path data = planted();
    // a copy where one cell of x (row 102, an error) is text: x is then categorical
    Path text = dir.resolve("text.csv");
    Files.writeString(text, Files.readString(data).replace("\n1,0,B,3,", "\n1,0,B,three,"));
    for (Path p : new Path[] {data, text}) {
      Cli.Result r =
          Cli.run(
              "slices",
              "--data",
              p.toString(),
              "--label",
              "y",
              "--prediction",
              "yhat",
              "--exclude",
              "g",
              "--min-support",
              "2",
              "--max-depth",
              "1",
              "--json",
              "-");
      assertThat(r.status()).as(r.toString()).isZero();
      JsonNode root = JSON.readTree(r.out());
      JsonNode features = root.get("data").get("features");
      assertThat(features.findValuesAsText("name")).containsExactly("x", "c");
      assertThat(features.get(0).get("type").asText())
          .isEqualTo(p == data ? "numeric" : "categorical");
      assertThat(features.get(1).get("type").asText()).isEqualTo("categorical");
      // x has two missing cells (NA in row 6, empty in row 7): the slice x=missing, numeric
      // (the library's NaN) or categorical (the command's value for a missing cell) alike
      boolean found = false;
      for (JsonNode s : root.get("worstExamined")) {
        if (s.get("name").asText().equals("x=missing")) {
          assertThat(s.get("rows").asInt()).isEqualTo(2);
          found = true;
        }
      }
      assertThat(found).as(root.get("worstExamined").toString()).isTrue();
    }
  }

  @Test
  void loss_isJudgedByWelchsTTest() throws IOException {
    StringBuilder sb = new StringBuilder("loss,g\n");
    for (int i = 0; i < 30; i++) {
      sb.append(1 + (i % 5) * 0.1).append(",A\n");
    }
    for (int i = 0; i < 30; i++) {
      sb.append(0.5 + (i % 3) * 0.1).append(",B\n");
    }
    Path data = dir.resolve("loss.csv");
    Files.writeString(data, sb);
    Cli.Result r = Cli.run("slices", "--data", data.toString(), "--loss", "loss", "--json", "-");
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("measure").asText()).isEqualTo("mean_loss");
    JsonNode a = slice(root.get("slices"), "g=A");
    // SciPy: a = [1 + (i % 5) * 0.1 for i in range(30)], b = [0.5 + (i % 3) * 0.1 ...]
    //   stats.ttest_ind(a, b, equal_var=False, alternative='greater')
    //   statistic 19.786358937409386, pvalue 1.4855729421616085e-24; means 1.2 and 0.6
    assertThat(a.get("value").asDouble()).isCloseTo(1.2, within(1e-12));
    assertThat(a.get("restValue").asDouble()).isCloseTo(0.6, within(1e-12));
    assertThat(a.get("statistic").asDouble()).isCloseTo(19.786358937409386, within(1e-9));
    assertThat(a.get("pValue").asDouble())
        .isCloseTo(1.4855729421616085e-24, Percentage.withPercentage(1e-4));
    assertThat(root.get("data").get("loss").asText()).isEqualTo("loss");
  }

  @Test
  void htmlAndJsonFiles_areWritten() throws IOException {
    Path data = planted();
    Path json = dir.resolve("s.json");
    Path html = dir.resolve("s.html");
    Cli.Result r =
        Cli.run(
            "slices",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--features",
            "g",
            "--json",
            json.toString(),
            "--html",
            html.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("SliceReport");
    assertThat(JSON.readTree(json.toFile()).get("significantCount").asInt()).isEqualTo(1);
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("g=A");
  }

  @Test
  void badInput_isOneLineWithStatusTwo() throws IOException {
    Path data = planted();
    Cli.Result unknown =
        Cli.run(
            "slices",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--features",
            "g,age");
    assertThat(unknown.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err())
        .isEqualTo(
            "mlops slices: "
                + data
                + ": unknown column 'age' (columns: y, yhat, g, x, c)"
                + System.lineSeparator());

    Cli.Result both = Cli.run("slices", "--data", data.toString(), "--label", "y", "--loss", "x");
    assertThat(both.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err()).contains("give either --label COL with --prediction COL, or --loss COL");

    Path gap = dir.resolve("gap.csv");
    Files.writeString(gap, "y,yhat,g\n1,1,A\nNA,0,B\n");
    Cli.Result missing =
        Cli.run("slices", "--data", gap.toString(), "--label", "y", "--prediction", "yhat");
    assertThat(missing.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err())
        .contains(": column 'y', row 2: missing label 'NA' (every row needs a label)");

    Cli.Result support =
        Cli.run(
            "slices",
            "--data",
            data.toString(),
            "--label",
            "y",
            "--prediction",
            "yhat",
            "--min-support",
            "-1");
    assertThat(support.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(support.err()).startsWith("mlops slices: --min-support: minSupport must be");
  }
}
