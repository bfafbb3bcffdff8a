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

  /** The line under the table that says how a verdict is reached, with the library's defaults. */
  static final String LEGEND =
      "gate: PSI >= 0.1 or W/std >= 0.1 (numeric), JS >= 0.1 (categorical); a feature drifts when"
          + " its p-adjusted < 0.05 and it passes the gate, or when its missing rate changes (p <"
          + " 0.05)\n";

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
        // W/std expected: scipy 1.17.1 wasserstein_distance(A, B) / numpy.std(A) = 0.82378
        .contains(
            "x        numeric  ks         0.4333   0.1863      0.1863  3.2219  W/std 0.8238  pass"
                + "  0/0              ok")
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
    // a column without values is reported as not testable
    // (allEmptyColumn_isReportedNotTestable_andTheOtherColumnsAreChecked); a file without any
    // value is still an error
    Path empty = csv("e.csv", "a,b\n,\n,NA\n");
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
            "columns",
            "excluded",
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
            "kind",
            "kindReason",
            "method",
            "tested",
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
    // ln 2 = 4.6043; Wasserstein distance |3 - 1.5| over the population std 0.5 of {1, 2} = 3
    assertThat(r.out())
        .isEqualTo(
            "Drift of "
                + cur
                + " (1 rows) against "
                + ref
                + " (2 rows)\n\n"
                + "feature  type     method  statistic  p-value  p-adjusted  PSI     effect      "
                + "  gate  missing ref/cur  verdict\n"
                + "x        numeric  ad      -          -        -           4.6043  W/std 3.0000"
                + "  -     0/0              not tested\n"
                + "y        numeric  cvm     -          -        -           4.6043  W/std 3.0000"
                + "  -     0/0              not tested\n"
                + "\n"
                + "0 of 2 features drifted (share 0.000); dataset not drifted (threshold 0.5)\n"
                + LEGEND
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
    String header = "%-13s  %-11s  %-6s  %-9s  %-7s  %-10s  %-3s  %-12s  %-4s  %-15s  %s\n";
    String row = "%-13s  %-11s  %-6s  %9s  %7s  %10s  %3s  %-12s  %-4s  %-15s  %s\n";
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
                    "effect",
                    "gate",
                    "missing ref/cur",
                    "verdict")
                + String.format(
                    row,
                    "a\\x1b[31mb\\nc",
                    "numeric",
                    "ks",
                    "0",
                    "1",
                    "1",
                    "0",
                    "W/std 0.0000",
                    "fail",
                    "0/0",
                    "ok")
                + String.format(
                    row,
                    "\\u202eg",
                    "categorical",
                    "chi2",
                    "0",
                    "1",
                    "1",
                    "0",
                    "JS 0.0000",
                    "fail",
                    "0/0",
                    "ok")
                + "\n0 of 2 features drifted (share 0.000); dataset not drifted (threshold 0.5)\n"
                + LEGEND);
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

  // ---------------------------------------------------------------------------------------------
  // Issue 12, "Real files": missing-value tokens, type decisions, --exclude, dates, delimiters.

  /** Drift of two files with {@code --json -}, extra options after. */
  static JsonNode driftJson(Path ref, Path cur, String... options) throws IOException {
    return json(Cli.run(concat(driftArgs(ref, cur), concat(options, "--json", "-"))));
  }

  static String[] driftArgs(Path ref, Path cur) {
    return new String[] {"drift", "--reference", ref.toString(), "--current", cur.toString()};
  }

  /** A file of 5,000 rows whose id column has 5,000 distinct strings; x and c are ordinary. */
  Path manyIds(String name, int seed) throws IOException {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder("id,x,c\n");
    for (int i = 0; i < 5000; i++) {
      sb.append("case-").append(seed).append('-').append(i).append(',');
      sb.append(String.format(java.util.Locale.ROOT, "%.3f", rnd.nextGaussian())).append(',');
      sb.append((char) ('a' + rnd.nextInt(4))).append('\n');
    }
    return csv(name, sb.toString());
  }

  @Test
  void maxDistinct_columnAboveIt_isIdentifierLikeNotTested_andTheOthersAreCompared()
      throws IOException {
    Path ref = manyIds("ref.csv", 1);
    Path cur = manyIds("cur.csv", 2);
    String[] args = {
      "drift", "--reference", ref.toString(), "--current", cur.toString(), "--max-distinct", "1000"
    };
    String reason =
        "more than 1000 distinct values: not tested (identifier-like); raise --max-distinct to"
            + " test it";
    Cli.Result r = Cli.run(concat(args, "--json", "-"));
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.out());
    JsonNode id = decision(root, "id");
    assertThat(id.get("type").asText()).isEqualTo("identifier");
    assertThat(id.get("reason").asText()).isEqualTo(reason);
    assertThat(decision(root, "x").get("type").asText()).isEqualTo("numeric");
    assertThat(decision(root, "c").get("type").asText()).isEqualTo("categorical");
    assertThat(feature(root, "x").get("method").asText()).isEqualTo("ks");
    assertThat(feature(root, "x").get("tested").asBoolean()).isTrue();
    assertThat(feature(root, "c").get("method").asText()).isEqualTo("chi2");
    assertThat(feature(root, "c").get("tested").asBoolean()).isTrue();
    // the library's report lists it too (issue 12), not tested, with the reason; the share of
    // drifted features is over the two compared
    JsonNode lib = feature(root, "id");
    assertThat(lib.get("kind").asText()).isEqualTo("identifier");
    assertThat(lib.get("tested").asBoolean()).isFalse();
    assertThat(lib.get("kindReason").asText()).isEqualTo(reason);
    assertThat(lib.get("note").asText()).isEqualTo("not tested: " + reason);
    Cli.Result table = Cli.run(args);
    assertThat(table.status()).as(table.toString()).isZero();
    assertThat(table.out())
        .containsPattern("(?m)^id +identifier .*skipped \\(identifier\\)")
        .contains("of 2 features drifted")
        .contains("; 1 more listed, not compared (identifier 1)")
        .contains("note: id: " + reason);
  }

  /** The command's own type decision of a column ({@code columns[]}). */
  static JsonNode decision(JsonNode root, String name) {
    for (JsonNode c : root.get("columns")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name + " in " + root.get("columns"));
  }

  /** n values of a standard normal (seeded), three decimals, with given cells replaced. */
  static String normalColumn(
      String header, int n, long seed, java.util.Map<Integer, String> cells) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (int i = 0; i < n; i++) {
      String v = Double.toString(Math.round(rnd.nextGaussian() * 1000) / 1000.0);
      sb.append(cells.getOrDefault(i, v)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void naTokensInANumericColumn_areMissingValues_notCategories() throws IOException {
    // The case: one NaN or NA cell in 5,000 numeric rows made the column categorical
    // (chi-square p = 0, dataset drifted). Both files come from the same distribution.
    Path ref = csv("r.csv", normalColumn("x", 5000, 1, java.util.Map.of()));
    Path cur = csv("c.csv", normalColumn("x", 5000, 2, java.util.Map.of(10, "NaN", 20, "NA")));
    JsonNode root = driftJson(ref, cur);
    JsonNode x = feature(root, "x");
    assertThat(x.get("type").asText()).isEqualTo("numeric");
    assertThat(x.get("method").asText()).isEqualTo("ks");
    assertThat(x.get("currentMissing").asLong()).isEqualTo(2);
    assertThat(x.get("drifted").asBoolean()).isFalse();
    JsonNode decision = decision(root, "x");
    assertThat(decision.get("type").asText()).isEqualTo("numeric");
    assertThat(decision.get("current").get("missingTokens").get("NaN").asInt()).isEqualTo(1);
    assertThat(decision.get("current").get("missingTokens").get("NA").asInt()).isEqualTo(1);
    assertThat(decision.get("current").get("missing").asInt()).isEqualTo(2);
  }

  @Test
  void everyDefaultNaToken_isMissing_naValuesAddsTokens_andKeepDefaultNaFalseDropsThem()
      throws IOException {
    java.util.Map<Integer, String> tokens = new java.util.HashMap<>();
    // each default token three times, and three empty cells (quoted: an empty line is skipped)
    String[] defaults = {"NA", "N/A", "NaN", "nan", "null", "NULL", "None", "\"\""};
    for (int i = 0; i < defaults.length; i++) {
      for (int j = 0; j < 3; j++) {
        tokens.put(100 * i + j, defaults[i]);
      }
    }
    tokens.put(999, "-");
    Path ref = csv("r.csv", normalColumn("x", 1000, 3, java.util.Map.of()));
    Path cur = csv("c.csv", normalColumn("x", 1000, 4, tokens));
    // "-" is not a default token: 1 of 1000 cells, so the column stays numeric with it missing
    JsonNode plain = decision(driftJson(ref, cur), "x");
    assertThat(plain.get("type").asText()).isEqualTo("numeric");
    assertThat(plain.get("current").get("missing").asInt()).isEqualTo(7 * 3 + 3 + 1);
    assertThat(plain.get("current").get("empty").asInt()).isEqualTo(3);
    assertThat(plain.get("current").get("missingTokens").get("None").asInt()).isEqualTo(3);
    assertThat(fieldNames(plain.get("current").get("missingTokens")))
        .containsExactly("NA", "N/A", "NaN", "nan", "null", "NULL", "None");
    assertThat(plain.get("current").get("unparsed").asInt()).isEqualTo(1);
    // --na-values adds "-" to the tokens (pandas' na_values)
    JsonNode added = decision(driftJson(ref, cur, "--na-values", "-"), "x");
    assertThat(added.get("current").get("missingTokens").get("-").asInt()).isEqualTo(1);
    assertThat(added.get("current").get("unparsed").asInt()).isZero();
    // --keep-default-na=false: only --na-values (and the empty cell) are missing; 6 default tokens
    // (3 times each) and "-" are now text: 19 of 994 values, more than 1 %: categorical
    JsonNode dropped = driftJson(ref, cur, "--keep-default-na=false", "--na-values", "None");
    assertThat(decision(dropped, "x").get("type").asText()).isEqualTo("categorical");
    assertThat(decision(dropped, "x").get("current").get("missingTokens").get("None").asInt())
        .isEqualTo(3);
    assertThat(feature(dropped, "x").get("method").asText()).isEqualTo("chi2");
  }

  @Test
  void numericButForAFewCells_staysNumeric_saysWhich_andCategoricalKeepsThemAsText()
      throws IOException {
    Path ref = csv("r.csv", normalColumn("x", 1000, 5, java.util.Map.of()));
    Path cur =
        csv("c.csv", normalColumn("x", 1000, 6, java.util.Map.of(3, "?", 76, "n.a.", 101, "?")));
    Cli.Result r = Cli.run(driftArgs(ref, cur));
    assertThat(r.status()).as(r.toString()).isZero();
    // the table says how the column was read, and stderr says which cells were not numbers
    assertThat(r.out()).contains("x        numeric  ks");
    assertThat(r.err())
        .isEqualTo(
            "mlops drift: note: column 'x': numeric but for 3 cells of "
                + cur
                + " that are not numbers ('?', 'n.a.'; rows 4, 77, 102): read as missing"
                + " (--categorical x keeps them as text)\n");
    JsonNode root = driftJson(ref, cur);
    JsonNode d = decision(root, "x");
    assertThat(fieldNames(d)).containsExactly("name", "type", "reason", "reference", "current");
    assertThat(d.get("type").asText()).isEqualTo("numeric");
    assertThat(d.get("reason").asText()).contains("3 cells", "read as missing");
    assertThat(d.get("current").get("unparsed").asInt()).isEqualTo(3);
    assertThat(d.get("current").get("unparsedRows").toString()).isEqualTo("[4,77,102]");
    assertThat(d.get("current").get("unparsedValues").toString()).isEqualTo("[\"?\",\"n.a.\"]");
    assertThat(feature(root, "x").get("currentMissing").asLong()).isEqualTo(3);
    // --categorical keeps the text: the column is compared as categories
    JsonNode text = driftJson(ref, cur, "--categorical", "x");
    assertThat(decision(text, "x").get("type").asText()).isEqualTo("categorical");
    assertThat(decision(text, "x").get("reason").asText()).contains("--categorical");
    assertThat(feature(text, "x").get("method").asText()).isEqualTo("chi2");
  }

  @Test
  void exclude_leavesColumnsOut_andAnUnknownOneIsAnError() throws IOException {
    Path ref = csv("r.csv", "id,x,city\n1,0.5,Oslo\n2,0.7,Lima\n3,0.1,Oslo\n");
    Path cur = csv("c.csv", "id,x,city\n4,0.4,Oslo\n5,0.8,Lima\n6,0.2,Lima\n");
    JsonNode root = driftJson(ref, cur, "--exclude", "id,city");
    // every column of the file in the library's features (issue 12): the excluded ones not read,
    // not tested, with why, and not counted in the share
    assertThat(root.get("features").findValuesAsText("feature")).containsExactly("x", "id", "city");
    for (String c : new String[] {"id", "city"}) {
      JsonNode f = feature(root, c);
      assertThat(f.get("kind").asText()).isEqualTo("excluded");
      assertThat(f.get("tested").asBoolean()).isFalse();
      assertThat(f.get("drifted").asBoolean()).isFalse();
      assertThat(f.get("note").asText()).isEqualTo("not tested: excluded (--exclude): not read");
    }
    assertThat(root.get("excluded").toString()).isEqualTo("[\"id\",\"city\"]");
    Cli.Result table = Cli.run(concat(driftArgs(ref, cur), "--exclude", "id,city"));
    assertThat(table.out())
        .containsPattern("(?m)^id +excluded +- .* - +skipped \\(excluded\\)$")
        .contains("of 1 features drifted")
        .contains("; 2 more listed, not compared (excluded 2)");
    // the columns a --columns list leaves out are not listed: the user chose the others
    assertThat(driftJson(ref, cur, "--columns", "x").get("features").findValuesAsText("feature"))
        .containsExactly("x");
    assertOneLine(
        Cli.run(concat(driftArgs(ref, cur), "--exclude", "nope")),
        "mlops drift: " + ref + ": unknown column 'nope' (columns: id, x, city)");
  }

  /**
   * Waits for the drift library's change (issue 12): a column without any value is reported as not
   * testable instead of failing the whole report.
   */
  @Test
  void allEmptyColumn_isReportedNotTestable_andTheOtherColumnsAreChecked() throws IOException {
    Path ref = csv("r.csv", "violent_recid,x\n,1\n,2\n,3\n,4\n,5\n");
    Path cur = csv("c.csv", "violent_recid,x\n,3\n,4\n,5\n,6\n,7\n,8\n");
    Cli.Result r = Cli.run(concat(driftArgs(ref, cur), "--json", "-"));
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.out());
    JsonNode empty = feature(root, "violent_recid");
    assertThat(empty.get("drifted").asBoolean()).isFalse();
    assertThat(empty.get("statistic").isNull()).isTrue();
    assertThat(empty.get("note").asText()).isNotEmpty();
    assertThat(decision(root, "violent_recid").get("type").asText()).isEqualTo("empty");
    assertThat(feature(root, "x").get("statistic").isNumber()).isTrue();
  }

  @Test
  void isoDatesAndDateTimes_areComparedAsTime_byKsAndPsi() throws IOException {
    Path ref = csv("r.csv", dates(java.time.LocalDate.of(2013, 1, 1), 40));
    Path cur = csv("c.csv", dates(java.time.LocalDate.of(2013, 1, 21), 40));
    JsonNode root = driftJson(ref, cur);
    JsonNode d = decision(root, "day");
    assertThat(d.get("type").asText()).isEqualTo("date");
    assertThat(d.get("reason").asText()).contains("ISO-8601", "seconds");
    JsonNode f = feature(root, "day");
    assertThat(f.get("type").asText()).isEqualTo("numeric");
    // the library's time kind (issue 12), never "values other than 0 and 1"
    assertThat(f.get("kind").asText()).isEqualTo("time");
    assertThat(f.get("kindReason").asText())
        .startsWith("time: instants from 2013-01-01 to 2013-02-09")
        .doesNotContain("0 and 1");
    assertThat(f.get("bins").get("labels").get(0).asText()).startsWith("(-inf, 2013-01-");
    assertThat(f.get("method").asText()).isEqualTo("ks");
    // expected: scipy 1.17.1 ks_2samp(a, b, method='exact') on the epoch seconds of the cells
    // (datetime.fromisoformat, naive times as UTC): D = 0.525, p = 2.156357811320459e-05
    assertThat(f.get("statistic").asDouble()).isCloseTo(0.525, within(EPS));
    assertThat(f.get("pValue").asDouble()).isCloseTo(2.156357811320459e-05, within(1e-12));
    // expected: numpy 2.4.6, the PSI recipe of numericColumn_ksAndPsi_matchScipyAndNumpy
    assertThat(f.get("metrics").get("psi").asDouble()).isCloseTo(4.359074137059755, within(1e-9));
    Cli.Result table = Cli.run(driftArgs(ref, cur));
    assertThat(table.out()).contains("day      time  ks");
    Path html = dir.resolve("day.html");
    Cli.run(concat(driftArgs(ref, cur), "--html", html.toString()));
    assertThat(Files.readString(html)).contains("day (UTC)").contains(">2013-01-");
  }

  /** A column "day" of n days from start, written as a date, a date-time, and an instant. */
  static String dates(java.time.LocalDate start, int n) {
    StringBuilder sb = new StringBuilder("day\n");
    for (int i = 0; i < n; i++) {
      String day = start.plusDays(i).toString();
      sb.append(
              switch (i % 3) {
                case 0 -> day;
                case 1 -> day + " 12:00:00";
                default -> day + "T06:30:00Z";
              })
          .append('\n');
    }
    return sb.toString();
  }

  @Test
  void semicolonTabAndPipeFiles_areDetected_notedOnStderr_andNamedInInputs() throws IOException {
    for (String sep : new String[] {";", "\t", "|"}) {
      String text =
          "x" + sep + "city\n1,5" + sep + "Oslo\n2,5" + sep + "Lima\n3,5" + sep + "Oslo\n";
      Path ref = csv("r.csv", text);
      Path cur = csv("c.csv", text);
      Cli.Result r = Cli.run(concat(driftArgs(ref, cur), "--json", "-"));
      assertThat(r.status()).as(r.toString()).isZero();
      JsonNode root = JSON.readTree(r.out());
      assertThat(root.get("features").findValuesAsText("feature")).containsExactly("x", "city");
      assertThat(root.get("inputs").get(0).get("delimiter").asText()).isEqualTo(sep);
      assertThat(root.get("inputs").get(1).get("delimiter").asText()).isEqualTo(sep);
      // "1,5" is text (a decimal comma is not a number)
      assertThat(decision(root, "x").get("type").asText()).isEqualTo("categorical");
      String shown = sep.equals("\t") ? "tab" : "'" + sep + "'";
      assertThat(r.err())
          .contains("mlops drift: note: " + ref + ": fields separated by " + shown + " (detected")
          .contains("mlops drift: note: " + cur + ": fields separated by " + shown);
    }
  }

  @Test
  void delimiterOption_choosesTheSeparator_andCommaFilesSayNothing() throws IOException {
    Path semi = csv("s.csv", "a;b\n1;2\n3;4\n");
    Cli.Result forced = Cli.run(concat(driftArgs(semi, semi), "--delimiter", ",", "--json", "-"));
    assertThat(forced.status()).as(forced.toString()).isZero();
    JsonNode root = JSON.readTree(forced.out());
    assertThat(root.get("features").findValuesAsText("feature")).containsExactly("a;b");
    assertThat(root.get("inputs").get(0).get("delimiter").asText()).isEqualTo(",");
    assertThat(forced.err()).isEmpty();
    JsonNode tab = driftJson(semi, semi, "--delimiter", "semicolon");
    assertThat(tab.get("features").findValuesAsText("feature")).containsExactly("a", "b");
    Path comma = csv("c.csv", "a,b\n1,2\n3,4\n");
    Cli.Result plain = Cli.run(driftArgs(comma, comma));
    assertThat(plain.err()).isEmpty();
    assertOneLine(
        Cli.run(concat(driftArgs(comma, comma), "--delimiter", "ab")),
        "mlops drift: --delimiter takes one character, tab, comma, semicolon, pipe or auto, not"
            + " 'ab'");
  }

  @Test
  void defaults_areTheLibrarys_andHelpShowsThem() throws IOException {
    DriftDetector d = DriftDetector.defaults();
    String help = Cli.run("drift", "--help").out();
    assertThat(help)
        .contains("--alpha=A")
        .contains("(default: " + d.alpha() + ")")
        .contains("--psi-gate=G")
        .contains("--wasserstein-gate=G")
        .contains("--js-gate=G")
        .contains("(default: " + d.psiGate() + ")")
        .contains("(default: " + d.bins() + ")")
        .contains("(default: " + d.datasetDriftShare() + ")")
        .contains("--missing-policy")
        .contains("--max-categories=N")
        .contains("(default: " + d.maxCategories() + ")")
        .contains("--identifier-share=S")
        .contains("(default: " + d.identifierShare() + ")");
    Sample s = sample();
    JsonNode root = driftJson(s.reference(), s.current());
    assertThat(root.get("alpha").asDouble()).isEqualTo(d.alpha());
    assertThat(root.get("datasetDriftShare").asDouble()).isEqualTo(d.datasetDriftShare());
    // a gate set on the command line reaches the library: with a JS gate above 1 no categorical
    // column can pass it
    JsonNode strict = driftJson(s.reference(), s.current(), "--js-gate", "1");
    assertThat(feature(strict, "c").get("effectGate").asBoolean()).isFalse();
  }

  @Test
  void table_showsTheEffectSizeAndItsGate_andAMissingRateDrift() throws IOException {
    // x: the same values 0..9, but the last 40 of 100 rows missing in the current file: drifted by
    // its missing rate only; y: 0..19 shifted by 8: KS and the effect gate. Expected by hand:
    // Wasserstein distance 8 over the reference's population standard deviation sqrt((20^2 - 1) /
    // 12) = 5.7663, so W/std = 1.3874
    StringBuilder r = new StringBuilder("x,y\n");
    StringBuilder c = new StringBuilder("x,y\n");
    for (int i = 0; i < 100; i++) {
      r.append(i % 10).append(',').append(i % 20).append('\n');
      c.append(i < 60 ? Integer.toString(i % 10) : "").append(',').append(i % 20 + 8).append('\n');
    }
    Cli.Result out = Cli.run(driftArgs(csv("r.csv", r.toString()), csv("c.csv", c.toString())));
    assertThat(out.status()).as(out.toString()).isZero();
    assertThat(out.out())
        .contains(
            "feature  type     method  statistic  p-value    p-adjusted  PSI     effect        gate"
                + "  missing ref/cur  verdict")
        .contains("0/40             DRIFT (missing rate)")
        .contains("W/std 1.3874  pass  0/0              DRIFT")
        .contains(
            "gate: PSI >= 0.1 or W/std >= 0.1 (numeric), JS >= 0.1 (categorical); a feature"
                + " drifts when its p-adjusted < 0.05 and it passes the gate, or when its missing"
                + " rate changes (p < 0.05)");
  }

  @Test
  void table_saysWhenASignificantTestHasASmallEffect_andWhenAMissingRateChangeIsNotCounted()
      throws IOException {
    // 20,000 normal values against the same shifted by 0.06 standard deviations: KS is
    // significant, but W/std (about 0.06) and PSI stay below their gates of 0.1
    Random rnd = new Random(3);
    StringBuilder r = new StringBuilder("x,m\n");
    StringBuilder c = new StringBuilder("x,m\n");
    for (int i = 0; i < 20000; i++) {
      r.append(rnd.nextGaussian()).append(',').append(i % 3).append('\n');
      c.append(rnd.nextGaussian() + 0.06).append(',').append(i % 2 == 0 ? "" : i % 3).append('\n');
    }
    Path ref = csv("r.csv", r.toString());
    Path cur = csv("c.csv", c.toString());
    Cli.Result out = Cli.run(concat(driftArgs(ref, cur), "--missing-policy", "ignore-rate-drift"));
    assertThat(out.status()).as(out.toString()).isZero();
    assertThat(out.out().lines())
        .anySatisfy(
            l ->
                assertThat(l).startsWith("x ").endsWith("fail  0/0              ok (small effect)"))
        .anySatisfy(l -> assertThat(l).startsWith("m ").endsWith("ok (missing rate changed)"))
        .contains(
            "gate: PSI >= 0.1 or W/std >= 0.1 (numeric), JS >= 0.1 (categorical); a feature"
                + " drifts when its p-adjusted < 0.05 and it passes the gate; a change of its"
                + " missing rate is reported, not counted");
  }

  @Test
  void identifierShareAndMaxCategories_reachTheLibrary() throws IOException {
    StringBuilder sb = new StringBuilder("case,city\n");
    for (int i = 0; i < 120; i++) {
      sb.append("C").append(1000 + i).append(',').append("city").append(i % 7).append('\n');
    }
    Path f = csv("r.csv", sb.toString());
    JsonNode skipped = feature(driftJson(f, f), "case");
    assertThat(skipped.get("kind").asText()).isEqualTo("identifier");
    assertThat(skipped.get("tested").asBoolean()).isFalse();
    // a user of the command reads the options, not the Java names (issue 12)
    assertThat(skipped.get("note").asText())
        .contains("above --identifier-share 95.0%")
        .endsWith("; --method case=chi2 tests it")
        .doesNotContain("identifierShare");
    JsonNode tested = feature(driftJson(f, f, "--identifier-share", "1"), "case");
    assertThat(tested.get("kind").asText()).isEqualTo("categorical");
    assertThat(tested.get("method").asText()).isEqualTo("chi2");
    JsonNode capped = feature(driftJson(f, f, "--max-categories", "3"), "city");
    assertThat(capped.get("bins").get("labels")).hasSize(4); // 3 kept and the other bucket
    assertThat(capped.get("note").asText())
        .contains("(--max-categories)")
        .doesNotContain("maxCategories");
  }

  @Test
  void notes_nameTheBinningOption_notTheJavaConstant() throws IOException {
    // 95 zeros and 5 distinct values 1.5 .. 5.5 (not whole numbers: not discrete): every decile
    // of the reference is 0 or its maximum, so PSI has one bin and the note says what bins it
    StringBuilder r = new StringBuilder("x\n");
    StringBuilder c = new StringBuilder("x\n");
    for (int i = 0; i < 100; i++) {
      r.append(i < 95 ? "0" : String.valueOf(i - 93.5)).append('\n');
      c.append(i < 80 ? "0" : String.valueOf(i % 5 + 1.5)).append('\n');
    }
    Path ref = csv("r.csv", r.toString());
    Path cur = csv("c.csv", c.toString());
    Cli.Result table = Cli.run(driftArgs(ref, cur));
    assertThat(table.out())
        .contains("(--binning equal-width bins such a column)")
        .doesNotContain("Binning.")
        .doesNotContain("EQUAL_WIDTH");
    assertThat(feature(driftJson(ref, cur), "x").get("note").asText())
        .contains("--binning equal-width");
  }

  @Test
  void html_namesTheFiles_andSaysHowEachColumnWasRead() throws IOException {
    Path ref = csv("r.csv", dates(java.time.LocalDate.of(2013, 1, 1), 40));
    Path cur = csv("c.csv", dates(java.time.LocalDate.of(2013, 1, 21), 40));
    Cli.Result r = Cli.run(concat(driftArgs(ref, cur), "--html", "-"));
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("<!DOCTYPE html>")
        .contains(ref + ": 40 rows, delimiter ")
        .contains(cur + ": 40 rows, delimiter ")
        .contains("How the files were read")
        .contains("every value is an ISO-8601 date or date-time")
        .contains("Data drift");
  }

  /**
   * ProPublica's COMPAS file split by the year of {@code compas_screening_date} (2013 against
   * 2014): a real file with identifiers, case numbers, dates, date-times and an empty column. Runs
   * only where the shared data sets are (../shared/datasets of the repository); skipped elsewhere.
   */
  @Test
  void compasBetweenTwoYears_skipsIdentifiers_andComparesDatesAsTime() throws IOException {
    Path compas = compasFile();
    assumeTrue(compas != null, "the COMPAS file is not in ../shared/datasets");
    Path[] years = splitByYear(compas, "compas_screening_date", "2013", "2014");
    Cli.Result r = Cli.run(concat(driftArgs(years[0], years[1]), "--json", "-"));
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("features")).hasSize(47); // every column of the file
    // dates and date-times are time values, compared by KS (and PSI), not thousands of categories
    for (String date :
        new String[] {"compas_screening_date", "c_jail_in", "c_offense_date", "screening_date"}) {
      assertThat(decision(root, date).get("type").asText()).as(date).isEqualTo("date");
      assertThat(feature(root, date).get("kind").asText()).as(date).isEqualTo("time");
      assertThat(feature(root, date).get("kindReason").asText())
          .as(date)
          .startsWith("time: instants from ") // offence dates go back to 1987
          .endsWith("compared as seconds since 1970-01-01T00:00Z");
      assertThat(feature(root, date).get("method").asText()).as(date).isEqualTo("ks");
      assertThat(feature(root, date).get("metrics").get("psi").isNumber()).as(date).isTrue();
    }
    // case numbers are identifiers: skipped, with a note; a change of their missing rate (no
    // recidivism, no case number) is shown but never counted as drift: the outcome columns say it
    for (String id : new String[] {"c_case_number", "r_case_number", "vr_case_number"}) {
      JsonNode f = feature(root, id);
      assertThat(f.get("kind").asText()).as(id).isEqualTo("identifier");
      assertThat(f.get("tested").asBoolean()).as(id).isFalse();
      assertThat(f.get("note").asText()).as(id).contains("identifier-like");
      assertThat(f.get("drifted").asBoolean()).as(id).isFalse();
    }
    // the row number id (distinct integers, 5111 over 1..10996 in 2013) is an identifier too
    // (issue 12: it was tested as numeric)
    JsonNode id = feature(root, "id");
    assertThat(id.get("kind").asText()).isEqualTo("identifier");
    assertThat(id.get("tested").asBoolean()).isFalse();
    assertThat(id.get("kindReason").asText())
        .isEqualTo(
            "identifier: 5111 distinct integers of 5111 values, over 1..10996, a range at most 10"
                + " times their number");
    // binary and few-valued columns get a PSI over their values (issue 12: one collapsed bin
    // gave 0); the two-year recidivism rate moves between the cohorts
    JsonNode recid = feature(root, "two_year_recid");
    assertThat(recid.get("kind").asText()).isEqualTo("binary");
    assertThat(recid.get("metrics").get("psi_bins").asInt()).isEqualTo(2);
    assertThat(recid.get("metrics").get("psi").asDouble()).isGreaterThan(0.1);
    JsonNode juvenile = feature(root, "juv_fel_count");
    assertThat(juvenile.get("kindReason").asText()).contains("discrete: PSI by value");
    assertThat(juvenile.get("metrics").get("psi_bins").asInt()).isGreaterThan(1);
    assertThat(r.out()).doesNotContain("Binning.").doesNotContain("maxCategories");
    assertThat(root.get("createdAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}(\\.\\d{3})?Z");
    // r_case_number is missing for everyone without a new offence: its rate changes a lot between
    // the cohorts (2013 followed longer), and that is visible
    assertThat(feature(root, "r_case_number").get("missingRateDrifted").asBoolean()).isTrue();
    // the column without a value is not testable, and the others are checked
    JsonNode empty = feature(root, "violent_recid");
    assertThat(empty.get("tested").asBoolean()).isFalse();
    assertThat(empty.get("drifted").asBoolean()).isFalse();
    assertThat(decision(root, "violent_recid").get("type").asText()).isEqualTo("empty");
    // a data scientist's reading: the dates move with the split (a year later), the population
    // does not: sex, race, prior counts and charge degree are not drifted
    for (String stable :
        new String[] {"sex", "race", "juv_fel_count", "priors_count", "c_charge_degree"}) {
      assertThat(feature(root, stable).get("drifted").asBoolean()).as(stable).isFalse();
    }
    assertThat(feature(root, "compas_screening_date").get("drifted").asBoolean()).isTrue();
    // the table says so: the type column names dates and identifiers
    Cli.Result table = Cli.run(driftArgs(years[0], years[1]));
    assertThat(table.out().lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("c_case_number ")
                    .contains(" identifier ")
                    .endsWith("skipped (identifier)"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("c_jail_in ")
                    .contains(" time ")
                    .endsWith("DRIFT (and missing rate)"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("id ")
                    .contains(" identifier ")
                    .endsWith("skipped (identifier)"));
  }

  /** The COMPAS file of the shared data sets, or null where they are absent. */
  static @org.jspecify.annotations.Nullable Path compasFile() {
    // the module's folder when Maven runs the tests, the repository's when an IDE does
    for (String dir : new String[] {"../../shared/datasets", "../shared/datasets"}) {
      Path p = Path.of(dir, "compas-two-years.csv");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Writes the rows of each year (by the prefix of a date column) to a file of its own. */
  Path[] splitByYear(Path file, String column, String... years) throws IOException {
    java.util.List<String> lines = Files.readAllLines(file);
    int index = java.util.Arrays.asList(lines.get(0).split(",", -1)).indexOf(column);
    Path[] out = new Path[years.length];
    for (int y = 0; y < years.length; y++) {
      StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
      for (String line : lines.subList(1, lines.size())) {
        // COMPAS quotes some charge descriptions, all after the screening date
        if (line.split(",", index + 2)[index].startsWith(years[y])) {
          sb.append(line).append('\n');
        }
      }
      out[y] = csv("compas-" + years[y] + ".csv", sb.toString());
    }
    return out;
  }

  /** The JSON document without its one varying field, the time it was made. */
  static JsonNode withoutTime(String json) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
    root.remove("createdAt");
    return root;
  }

  @Test
  void terminal_showsAPhaseLinePerStepOnStandardError_andLeavesStandardOutputAlone()
      throws IOException {
    Path ref = csv("train.csv", "x,c\n1,a\n2,b\n3,a\n4,b\n5,a\n");
    Path cur = csv("today.csv", "x,c\n2,a\n3,b\n4,b\n5,b\n6,a\n");
    Path out = dir.resolve("drift.json");
    String[] args = {
      "drift", "--reference", ref.toString(), "--current", cur.toString(), "--json", out.toString()
    };
    Cli.Result quiet = Cli.run(args);
    String quietJson = Files.readString(out);
    Cli.Result shown = Cli.runOnTerminal(args);

    assertThat(shown.status()).as(shown.toString()).isEqualTo(quiet.status()).isZero();
    assertThat(shown.out()).isEqualTo(quiet.out()).contains("drifted");
    assertThat(withoutTime(Files.readString(out))).isEqualTo(withoutTime(quietJson));
    assertThat(shown.err())
        .isEqualTo(
            "mlops drift: reading "
                + ref
                + "\n"
                // the text column c is read as text in a second pass
                + "mlops drift: reading "
                + ref
                + " again for 1 text column\n"
                + "mlops drift: reading "
                + cur
                + "\n"
                + "mlops drift: reading "
                + cur
                + " again for 1 text column\n"
                + "mlops drift: comparing 2 columns\n"
                + "mlops drift: writing "
                + out
                + "\n");
    // not a terminal (CI logs, pipes: the default of the tests): no progress at all
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void terminal_withJsonOnStandardOutput_keepsStandardOutputTheBareDocument() throws IOException {
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    String[] args = {
      "drift", "--reference", ref.toString(), "--current", cur.toString(), "--json", "-"
    };
    Cli.Result quiet = Cli.run(args);
    Cli.Result shown = Cli.runOnTerminal(args);

    assertThat(withoutTime(shown.out())).isEqualTo(withoutTime(quiet.out()));
    assertThat(shown.out()).doesNotContain("mlops drift:").doesNotContain("\r");
    assertThat(shown.err())
        .contains("mlops drift: reading " + ref + "\n", "mlops drift: comparing 1 column\n")
        .doesNotContain("writing");
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void quiet_turnsTheProgressOffAtATerminal() throws IOException {
    Path ref = column("a.csv", "x", A);
    Path cur = column("b.csv", "x", B);
    Cli.Result r =
        Cli.runOnTerminal(
            "drift", "--reference", ref.toString(), "--current", cur.toString(), "--quiet");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            Cli.run("drift", "--reference", ref.toString(), "--current", cur.toString()).out());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void terminal_aColumnReadAgainAsText_saysSo() throws IOException {
    // numbers in the reference, text in the current file: the reference is read again as text
    Path ref = csv("a.csv", "code\n1\n2\n3\n");
    Path cur = csv("b.csv", "code\nx\ny\nz\n");
    Cli.Result r =
        Cli.runOnTerminal("drift", "--reference", ref.toString(), "--current", cur.toString());
    assertThat(r.status()).as(r.toString()).isIn(0, 1);
    assertThat(r.err())
        .contains("mlops drift: reading " + ref + " again for column 'code' as text\n")
        .doesNotContain(cur + " again for column");
  }
}
