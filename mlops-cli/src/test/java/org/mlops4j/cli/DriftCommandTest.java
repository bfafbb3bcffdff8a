package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mlops4j.cli.FairnessCommandTest.assertOneLine;
import static org.mlops4j.cli.FairnessCommandTest.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;

class DriftCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final double EPS = 1e-12;

  @TempDir Path dir;

  static final double[] A = {0.12, 0.85, 0.33, 0.47, 0.91, 0.05, 0.64, 0.28, 0.76, 0.53};
  static final double[] B = {
    0.44, 0.97, 0.71, 0.88, 0.62, 0.93, 0.39, 0.81, 0.99, 0.58, 0.67, 0.74
  };

  Path csv(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  Path column(String name, String header, double[] values) throws IOException {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (double v : values) {
      sb.append(v).append('\n');
    }
    return csv(name, sb.toString());
  }

  static JsonNode json(Cli.Result r) throws IOException {
    assertThat(r.status()).as(r.toString()).isIn(0, 1);
    return JSON.readTree(r.out());
  }

  static JsonNode feature(JsonNode root, String name) {
    for (JsonNode f : root.get("features")) {
      if (f.get("feature").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + name + " in " + root);
  }

  @Test
  void numericColumn_ksAndPsi_matchScipyAndNumpy() throws IOException {
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    JsonNode root =
        json(
            Cli.run(
                "drift",
                "--reference",
                ref.toString(),
                "--current",
                cur.toString(),
                "--json",
                "-"));
    JsonNode x = feature(root, "x");
    assertThat(x.get("type").asText()).isEqualTo("numeric");
    assertThat(x.get("method").asText()).isEqualTo("ks");
    // expected: scipy 1.17.1 scipy.stats.ks_2samp(a, b, method='exact') on A and B above
    assertThat(x.get("metrics").get("ks").asDouble()).isCloseTo(0.43333333333333335, within(EPS));
    assertThat(x.get("metrics").get("ks_p").asDouble())
        .isCloseTo(0.18629667546076212, within(1e-10));
    assertThat(x.get("statistic").asDouble()).isCloseTo(0.43333333333333335, within(EPS));
    assertThat(x.get("pValue").asDouble()).isCloseTo(0.18629667546076212, within(1e-10));
    // expected: numpy 2.4.6: edges = np.quantile(a, np.arange(1, 10) / 10);
    //   shares = np.bincount(np.searchsorted(edges, x, side='left'), minlength=10) / len(x);
    //   zero shares -> 1e-4; psi = np.sum((c - r) * np.log(c / r))
    assertThat(x.get("metrics").get("psi").asDouble()).isCloseTo(3.221880726362534, within(1e-9));
    assertThat(x.get("bins").get("labels")).hasSize(10);
    assertThat(x.get("drifted").asBoolean()).isFalse(); // p = 0.186 > alpha 0.05
    assertThat(root.get("driftedShare").asDouble()).isEqualTo(0.0);
    assertThat(root.get("datasetDrift").asBoolean()).isFalse();
  }

  @Test
  void categoricalColumn_chiSquare_matchesScipyWithTheUnseenCategoryAsAColumn() throws IOException {
    Path ref = csv("a.csv", "city\nOslo\nLima\nOslo\nLima\nRome\nOslo\nLima\nOslo\n");
    Path cur = csv("b.csv", "city\nOslo\nRome\nRome\nRome\nOslo\nRome\nRome\nParis\n");
    JsonNode root =
        json(
            Cli.run(
                "drift",
                "--reference",
                ref.toString(),
                "--current",
                cur.toString(),
                "--json",
                "-"));
    JsonNode city = feature(root, "city");
    assertThat(city.get("type").asText()).isEqualTo("categorical");
    assertThat(city.get("method").asText()).isEqualTo("chi2");
    assertThat(city.get("metrics").has("ks")).isFalse();
    // expected: scipy 1.17.1 scipy.stats.chi2_contingency([[4, 3, 1, 0], [2, 0, 5, 1]],
    // correction=False)
    // (columns Oslo, Lima, Rome, unseen)
    assertThat(city.get("statistic").asDouble()).isCloseTo(7.333333333333333, within(EPS));
    assertThat(city.get("pValue").asDouble()).isCloseTo(0.061999075736943826, within(1e-12));
    assertThat(city.get("metrics").get("chi2_dof").asDouble()).isEqualTo(3.0);
  }

  /** 1500 reference and 1200 current rows, a numeric column with missing values and a text one. */
  record Sample(Path reference, Path current, Columns referenceColumns, Columns currentColumns) {}

  Sample sample() throws IOException {
    Random rnd = new Random(11);
    int n = 1500;
    int m = 1200;
    double[] refX = new double[n];
    String[] refC = new String[n];
    double[] curX = new double[m];
    String[] curC = new String[m];
    String[] cities = {"Oslo", "Lima", "Rome, IT", "Paris"};
    StringBuilder r = new StringBuilder("x,c\n");
    for (int i = 0; i < n; i++) {
      refX[i] = i % 50 == 0 ? Double.NaN : Math.round(rnd.nextGaussian() * 1000) / 1000.0;
      refC[i] = cities[rnd.nextInt(3)];
      r.append(Double.isNaN(refX[i]) ? "" : Double.toString(refX[i]))
          .append(",\"")
          .append(refC[i])
          .append("\"\n");
    }
    StringBuilder c = new StringBuilder("c,x,ignored\n");
    for (int i = 0; i < m; i++) {
      curX[i] = Math.round((rnd.nextGaussian() * 1.2 + 0.3) * 1000) / 1000.0;
      curC[i] = cities[rnd.nextInt(4)];
      c.append('"').append(curC[i]).append("\",").append(curX[i]).append(",z\n");
    }
    return new Sample(
        csv("r.csv", r.toString()),
        csv("c.csv", c.toString()),
        Columns.builder().numeric("x", refX).categorical("c", refC).build(),
        Columns.builder().numeric("x", curX).categorical("c", curC).build());
  }

  @Test
  void json_equalsTheLibraryCalledDirectlyOnTheSameRows() throws IOException {
    Sample s = sample();
    JsonNode root =
        json(
            Cli.run(
                "drift",
                "--reference",
                s.reference().toString(),
                "--current",
                s.current().toString(),
                "--json",
                "-"));
    DriftReport lib = DriftDetector.defaults().compare(s.referenceColumns(), s.currentColumns());
    for (FeatureDrift f : lib.features()) {
      JsonNode j = feature(root, f.feature());
      assertThat(j.get("statistic").asDouble()).isEqualTo(f.statistic());
      assertThat(j.get("pValue").asDouble()).isEqualTo(f.pValue().getAsDouble());
      assertThat(j.get("adjustedPValue").asDouble()).isEqualTo(f.adjustedPValue().getAsDouble());
      assertThat(j.get("metrics").get("psi").asDouble()).isEqualTo(f.metric("psi"));
      assertThat(j.get("drifted").asBoolean()).isEqualTo(f.drifted());
      assertThat(j.get("referenceMissing").asLong()).isEqualTo(f.referenceMissing());
    }
    assertThat(feature(root, "x").get("referenceMissing").asLong()).isEqualTo(30);
    assertThat(root.get("driftedShare").asDouble()).isEqualTo(lib.driftedShare());
    assertThat(root.get("datasetDrift").asBoolean()).isEqualTo(lib.datasetDrift());
    assertThat(root.get("features")).hasSize(2); // the current file's extra column is not checked
  }

  @Test
  void json_isTheLibrarysReportJson_plusTheFilesRead() throws IOException {
    Sample s = sample();
    JsonNode root =
        json(
            Cli.run(
                "drift",
                "--reference",
                s.reference().toString(),
                "--current",
                s.current().toString(),
                "--json",
                "-"));
    JsonNode lib =
        JSON.readTree(
            DriftDetector.defaults().compare(s.referenceColumns(), s.currentColumns()).toJson());
    assertThat(root.get("features")).isEqualTo(lib.get("features"));
    // every field of the library's document, in its order, then the command's own
    java.util.List<String> libraryFields = fieldNames(lib);
    assertThat(fieldNames(root))
        .startsWith(libraryFields.toArray(new String[0]))
        .endsWith("reference", "current", "inputs", "provenance");
    for (String field : libraryFields) {
      if (!field.equals("createdAt")) {
        assertThat(root.get(field)).as(field).isEqualTo(lib.get(field));
      }
    }
    assertThat(root.get("format").asText()).isEqualTo("mlops4j.drift-report");
  }

  @Test
  void failOnDrift_exitsOneOnDatasetDrift_orOnAnyDriftedFeatureWithAny() throws IOException {
    // age shifts completely; the two other columns stay the same
    StringBuilder r = new StringBuilder("age,city,score\n");
    StringBuilder c = new StringBuilder("age,city,score\n");
    for (int i = 0; i < 60; i++) {
      r.append(20 + i % 30)
          .append(',')
          .append(i % 2 == 0 ? "a" : "b")
          .append(',')
          .append(i % 7)
          .append('\n');
      c.append(60 + i % 30)
          .append(',')
          .append(i % 2 == 0 ? "a" : "b")
          .append(',')
          .append(i % 7)
          .append('\n');
    }
    Path ref = csv("r.csv", r.toString());
    Path cur = csv("c.csv", c.toString());
    Cli.Result dataset =
        Cli.run(
            "drift", "--reference", ref.toString(), "--current", cur.toString(), "--fail-on-drift");
    assertThat(dataset.status()).as(dataset.toString()).isEqualTo(Main.OK); // 1 of 3 < 0.5
    assertThat(dataset.out())
        .contains("1 of 3 features drifted (share 0.333); dataset not drifted");
    Cli.Result any =
        Cli.run(
            "drift",
            "--reference",
            ref.toString(),
            "--current",
            cur.toString(),
            "--fail-on-drift=any");
    assertThat(any.status()).as(any.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(any.err()).isEqualTo("mlops drift: drift found: 1 of 3 features drifted (age)\n");
    Cli.Result share =
        Cli.run(
            "drift",
            "--reference",
            ref.toString(),
            "--current",
            cur.toString(),
            "--fail-on-drift",
            "--drift-share",
            "0.3");
    assertThat(share.status()).as(share.toString()).isEqualTo(Main.CHECK_FAILED);
    Cli.Result subset =
        Cli.run(
            "drift",
            "--reference",
            ref.toString(),
            "--current",
            cur.toString(),
            "--columns",
            "city,score",
            "--fail-on-drift=any");
    assertThat(subset.status()).as(subset.toString()).isEqualTo(Main.OK);
    assertThat(subset.out()).doesNotContain("age");
  }

  @Test
  void columnNumericInOneFileAndTextInTheOther_isComparedAsCategorical() throws IOException {
    Path ref = csv("r.csv", "k\n1\n2\n1\n2\n");
    Path cur = csv("c.csv", "k\n1\nx\n2\n2\n");
    JsonNode k =
        feature(
            json(
                Cli.run(
                    "drift",
                    "--reference",
                    ref.toString(),
                    "--current",
                    cur.toString(),
                    "--json",
                    "-")),
            "k");
    assertThat(k.get("type").asText()).isEqualTo("categorical");
    assertThat(k.get("method").asText()).isEqualTo("chi2");
  }

  @Test
  void method_decidesAColumnWithAnotherMethod_andABadKeyIsOneLine() throws IOException {
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    String r = ref.toString();
    String c = cur.toString();
    JsonNode x =
        feature(
            json(
                Cli.run(
                    "drift", "--reference", r, "--current", c, "--method", "x=cvm", "--json", "-")),
            "x");
    assertThat(x.get("method").asText()).isEqualTo("cvm");
    assertThat(x.get("statistic").asDouble()).isEqualTo(x.get("metrics").get("cvm").asDouble());
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", c, "--method", "x=kolmogorov"),
        "mlops drift: --method x=kolmogorov: drift method must be one of ks, cvm, ad, z, psi,"
            + " wasserstein, chi2, js, but was 'kolmogorov'");
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", c, "--binning", "uniform"),
        "mlops drift: --binning takes quantile or equal-width, not 'uniform'");
    JsonNode equalWidth =
        feature(
            json(
                Cli.run(
                    "drift",
                    "--reference",
                    r,
                    "--current",
                    c,
                    "--binning",
                    "equal-width",
                    "--json",
                    "-")),
            "x");
    assertThat(equalWidth.get("metrics").get("psi").asDouble())
        .isNotEqualTo(x.get("metrics").get("psi").asDouble());
  }

  @Test
  void table_withoutJson_andJsonAndHtmlFiles() throws IOException {
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    Path jsonOut = dir.resolve("drift.json");
    Path htmlOut = dir.resolve("drift.html");
    Cli.Result r =
        Cli.run(
            "drift",
            "--reference",
            ref.toString(),
            "--current",
            cur.toString(),
            "--json",
            jsonOut.toString(),
            "--html",
            htmlOut.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("feature  type     method  statistic  p-value  p-adjusted  PSI")
        .contains(
            "x        numeric  ks         0.4333   0.1863      0.1863  3.2219  0/0              ok")
        .contains("0 of 1 features drifted");
    assertThat(JSON.readTree(jsonOut.toFile()).get("features")).hasSize(1);
    assertThat(Files.readString(htmlOut)).contains("<html");
  }

  @Test
  void badInput_givesStatusTwoAndOneLine() throws IOException {
    Path ref = csv("r.csv", "a,b\n1,x\n2,y\n");
    Path cur = csv("c.csv", "a\n1\n3\n");
    String r = ref.toString();
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", cur.toString()),
        "mlops drift: " + cur + ": unknown column 'b' (columns: a)");
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", r, "--columns", "a,zz"),
        "mlops drift: " + r + ": unknown column 'zz' (columns: a, b)");
    Path missing = dir.resolve("none.csv");
    assertOneLine(
        Cli.run("drift", "--reference", missing.toString(), "--current", r),
        "mlops drift: " + missing + ": no such file");
    Path ragged = csv("g.csv", "a,b\n1,x\n2,y\n3,z\n4\n");
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", ragged.toString()),
        "mlops drift: " + ragged + ": row 4 (line 5) has 1 field but the header has 2");
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", r, "--fail-on-drift=some"),
        "mlops drift: --fail-on-drift takes 'dataset' or 'any', not 'some'");
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", r, "--correction", "holm"),
        "mlops drift: --correction takes none, bonferroni or bh, not 'holm'");
    Path empty = csv("e.csv", "a,b\n,x\n,y\n");
    Cli.Result allMissing = Cli.run("drift", "--reference", empty.toString(), "--current", r);
    assertThat(allMissing.status()).isEqualTo(Main.BAD_INPUT);
    // the rest of the line is the library's message naming the column
    assertThat(allMissing.err())
        .startsWith("mlops drift: " + empty + " vs " + r + ": reference column 'a'")
        .hasLineCount(1);
    Path headerOnly = csv("h.csv", "a,b\n");
    assertOneLine(
        Cli.run("drift", "--reference", r, "--current", headerOnly.toString()),
        "mlops drift: " + headerOnly + ": no data rows");
  }

  @Test
  void jsonFieldNames_areStable() throws IOException {
    Path ref = csv("r.csv", "x,city,flag\n1.5,Oslo,0\n2.5,Lima,1\n,Oslo,1\n3.5,Rome,0\n");
    Path cur = csv("c.csv", "x,city,flag\n1.0,Oslo,1\n2.0,Oslo,1\n3.0,,1\n4.5,Lima,0\n");
    JsonNode root =
        json(
            Cli.run(
                "drift",
                "--reference",
                ref.toString(),
                "--current",
                cur.toString(),
                "--json",
                "-"));
    assertThat(fieldNames(root))
        .containsExactly(
            "format",
            "formatVersion",
            "library",
            "libraryVersion",
            "createdAt",
            "datasetDrift",
            "driftedCount",
            "driftedShare",
            "datasetDriftShare",
            "alpha",
            "correction",
            "features",
            "reference",
            "current",
            "inputs",
            "provenance");
    assertThat(root.get("reference").asText()).isEqualTo(ref.toString());
    JsonNode inputs = root.get("inputs");
    assertThat(inputs.get(0).get("path").asText()).isEqualTo(ref.toString());
    // expected: sha256sum of the file, computed here with the JDK's MessageDigest on the file's
    // bytes
    assertThat(inputs.get(1).get("sha256").asText())
        .isEqualTo(java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(cur))));
    assertThat(inputs.get(1).get("rows").asInt()).isEqualTo(4);
    // the environment under the names of core's Provenance
    assertThat(fieldNames(root.get("provenance")))
        .containsExactly("jvmVersion", "jvmVendor", "osName", "osArch");
    assertThat(root.get("provenance").get("jvmVersion").asText())
        .isEqualTo(System.getProperty("java.version"));
    // the library's feature fields
    assertThat(fieldNames(feature(root, "x")))
        .containsExactly(
            "feature",
            "metricPrefix",
            "type",
            "method",
            "statistic",
            "pValue",
            "adjustedPValue",
            "effectGate",
            "drifted",
            "psiLevel",
            "referenceCount",
            "currentCount",
            "referenceMissing",
            "currentMissing",
            "referenceInfinite",
            "currentInfinite",
            "missingRateDrifted",
            "metrics",
            "bins",
            "note");
    assertThat(fieldNames(feature(root, "x").get("metrics")))
        .contains("ks", "ks_p", "psi", "wasserstein");
    assertThat(fieldNames(feature(root, "x").get("bins")))
        .containsExactly("labels", "reference", "current");
    assertThat(fieldNames(feature(root, "city").get("metrics")))
        .contains("chi2")
        .doesNotContain("ks");
    // the 0/1 column is decided by the z-test, yet carries the KS statistic too
    assertThat(feature(root, "flag").get("method").asText()).isEqualTo("z");
    assertThat(feature(root, "flag").get("metrics").get("ks").isNumber()).isTrue();
    assertThat(feature(root, "flag").get("metrics").get("z_p").isNumber()).isTrue();
    assertThat(feature(root, "city").get("currentMissing").asLong()).isEqualTo(1);
  }

  @Test
  void htmlToStandardOutput_printsOnlyThePage() throws IOException {
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    Cli.Result r =
        Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString(), "--html", "-");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).contains("<html").doesNotContain("features drifted (share");
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static java.util.List<String> fieldNames(JsonNode node) {
    java.util.List<String> out = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void tinyFiles_reportTheColumnsTooSmallForTheirTestAsNotTested() throws IOException {
    Path ref = csv("r.csv", "x,y\n1,1\n2,2\n");
    Path cur = csv("c.csv", "x,y\n3,3\n");
    String[] args = {
      "drift",
      "--reference",
      ref.toString(),
      "--current",
      cur.toString(),
      "--method",
      "x=ad",
      "--method",
      "y=cvm"
    };
    Cli.Result r = Cli.run(args);
    assertThat(r.status()).as(r.toString()).isZero();
    // expected by hand: Anderson-Darling needs 4 values in all (2 + 1 here), Cramer-von Mises 2
    // on each side (1 in the current); PSI over 10 quantile bins of {1, 2}: half the reference in
    // the lowest bin, half and the whole current in the highest, (1e-4 - 0.5) ln(1e-4 / 0.5) + 0.5
    // ln 2 = 4.6043
    assertThat(r.out())
        .isEqualTo(
            "Drift of "
                + cur
                + " (1 rows) against "
                + ref
                + " (2 rows)\n\n"
                + "feature  type     method  statistic  p-value  p-adjusted  PSI     missing"
                + " ref/cur  verdict\n"
                + "x        numeric  ad      -          -        -           4.6043  0/0           "
                + "   ok\n"
                + "y        numeric  cvm     -          -        -           4.6043  0/0           "
                + "   ok\n"
                + "\n"
                + "0 of 2 features drifted (share 0.000); dataset not drifted (threshold 0.5)\n"
                + "note: x: not tested: ad needs at least 4 values in the two samples together, but"
                + " they had 3\n"
                + "note: y: not tested: cvm needs at least 2 values in each sample, but the current"
                + " had 1\n");
    JsonNode x = feature(json(Cli.run(concat(args, "--json", "-"))), "x");
    assertThat(x.get("statistic").isNull()).isTrue();
    assertThat(x.get("statisticReason").asText()).startsWith("not tested");
    assertThat(x.get("pValue").isNull()).isTrue();
    assertThat(x.get("drifted").asBoolean()).isFalse();
  }

  @Test
  void namesWithControlCharacters_arePrintedEscaped_andExactInJson() throws IOException {
    String numeric = "a\u001b[31mb\nc";
    String text = "\u202eg";
    String data = "\"" + numeric + "\"," + text + "\n1,x\n2,y\n";
    Path ref = csv("r.csv", data);
    Path cur = csv("c.csv", data);
    Cli.Result r = Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    RunsCommandTest.assertNoControlCharacters(r.out());
    // expected by hand: ESC as backslash x1b, line feed as backslash n, U+202E as backslash u202e;
    // the feature column as wide as the longest escaped name (13 characters); identical files:
    // statistics 0, p-values 1, PSI 0
    String header = "%-13s  %-11s  %-6s  %-9s  %-7s  %-10s  %-3s  %-15s  %s\n";
    String row = "%-13s  %-11s  %-6s  %9s  %7s  %10s  %3s  %-15s  %s\n";
    assertThat(r.out())
        .isEqualTo(
            "Drift of "
                + cur
                + " (2 rows) against "
                + ref
                + " (2 rows)\n\n"
                + String.format(
                    header,
                    "feature",
                    "type",
                    "method",
                    "statistic",
                    "p-value",
                    "p-adjusted",
                    "PSI",
                    "missing ref/cur",
                    "verdict")
                + String.format(
                    row, "a\\x1b[31mb\\nc", "numeric", "ks", "0", "1", "1", "0", "0/0", "ok")
                + String.format(
                    row, "\\u202eg", "categorical", "chi2", "0", "1", "1", "0", "0/0", "ok")
                + "\n0 of 2 features drifted (share 0.000); dataset not drifted (threshold 0.5)\n");
    JsonNode root =
        json(
            Cli.run(
                "drift",
                "--reference",
                ref.toString(),
                "--current",
                cur.toString(),
                "--json",
                "-"));
    assertThat(root.get("features").get(0).get("feature").asText()).isEqualTo(numeric);
    assertThat(root.get("features").get(1).get("feature").asText()).isEqualTo(text);
    // an error message naming data is one line, escaped alike
    assertOneLine(
        Cli.run(
            "drift",
            "--reference",
            ref.toString(),
            "--current",
            cur.toString(),
            "--columns",
            "q\u001b[2J"),
        "mlops drift: "
            + ref
            + ": unknown column 'q\\x1b[2J' (columns: a\\x1b[31mb\\nc, \\u202eg)");
  }

  @Test
  void jsonAndHtmlFiles_getThePermissionsOfAPlainWrite() throws IOException {
    // Expected: the permissions Files.writeString gives a new file in the same folder (the umask),
    // not the 0600 of a file made by Files.createTempFile.
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path control = csv("control.txt", "x");
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    Path jsonOut = dir.resolve("drift.json");
    Path htmlOut = dir.resolve("drift.html");
    Cli.Result r =
        Cli.run(
            "drift",
            "--reference",
            ref.toString(),
            "--current",
            cur.toString(),
            "--json",
            jsonOut.toString(),
            "--html",
            htmlOut.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(control);
    assertThat(Files.getPosixFilePermissions(jsonOut)).isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(htmlOut)).isEqualTo(expected);
  }
}
