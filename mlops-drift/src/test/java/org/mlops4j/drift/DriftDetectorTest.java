package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.Binning;

class DriftDetectorTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    DriftDetector c = DriftDetector.defaults();
    assertThat(c.alpha()).isEqualTo(0.05);
    assertThat(c.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
    assertThat(c.bins()).isEqualTo(10);
    assertThat(c.binning()).isEqualTo(Binning.QUANTILE);
    assertThat(c.epsilon()).isEqualTo(1e-4);
    assertThat(c.psiModerate()).isEqualTo(0.1);
    assertThat(c.psiSignificant()).isEqualTo(0.25);
    assertThat(c.psiGate()).isEqualTo(0.1);
    assertThat(c.wassersteinGate()).isEqualTo(0.1);
    assertThat(c.jsGate()).isEqualTo(0.1);
    assertThat(c.datasetDriftShare()).isEqualTo(0.5);
    assertThat(c.missingPolicy()).isEqualTo(MissingPolicy.IGNORE_AND_REPORT);
    assertThat(c.ksMethod()).isEqualTo(KolmogorovSmirnov.Method.AUTO);
  }

  @Test
  void toBuilder_copiesEverySetting() {
    DriftDetector c = DriftDetector.builder().alpha(0.01).bins(20).method("x", "psi").build();
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
    assertThat(c.methodFor("x")).contains(DriftMethod.PSI);
    assertThat(c.methods()).containsOnlyKeys("x");
  }

  @Test
  void compare_isFitThenCompareOfTheBaseline() {
    Columns ref = DriftBaselineTest.reference();
    Columns cur = DriftBaselineTest.current();
    DriftDetector d = DriftDetector.builder().alpha(0.01).build();
    DriftReport direct = d.compare(ref, cur);
    DriftBaseline baseline = d.fit(ref);
    assertThat(direct).isEqualTo(baseline.compare(cur));
    assertThat(baseline.detector()).isSameAs(d);
    assertThat(direct.alpha()).isEqualTo(0.01);
  }

  @Test
  void badSettings_areRejectedWithTheValue() {
    assertThatThrownBy(() -> DriftDetector.builder().bins(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be at least 2, but was 1");
    assertThatThrownBy(() -> DriftDetector.builder().alpha(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1), but was 1.5");
    assertThatThrownBy(() -> DriftDetector.builder().psiLevels(0.3, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PSI cut-offs must be 0 < moderate <= significant < infinity, but was moderate 0.3,"
                + " significant 0.2");
    assertThatThrownBy(() -> DriftDetector.builder().datasetDriftShare(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("datasetDriftShare must be in (0, 1], but was 0.0");
    assertThatThrownBy(() -> DriftDetector.builder().method("x", "bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("drift method must be one of ks, cvm, ad, z, psi,")
        .hasMessageEndingWith(", but was 'bogus'");
  }

  @Test
  void nullArguments_areRejectedNamingTheParameter() {
    assertThatThrownBy(() -> DriftDetector.builder().correction(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("correction must not be null");
    assertThatThrownBy(() -> DriftDetector.defaults().fit((Columns) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reference must not be null");
    assertThatThrownBy(() -> DriftDetector.defaults().compare(DriftBaselineTest.reference(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("current must not be null");
  }

  @Test
  void compare_valuesNearTheLargestDouble_giveTheHandComputedNumbers() {
    // By hand. Reference {-1e308, -1e308, 1e308, 1e308}, current four times 1e308.
    // Quantile edges (10 bins, h = 3k/10): -1e308 (k = 1..3), -6e307, 0, 6e307, 1e308 (k = 7..9);
    // equal-width edges (4 bins): -5e307, 0, 5e307. Either way the reference has half its values
    // in the lowest bin and half in the bin holding 1e308, the current all of them in the latter:
    // PSI = (1e-4 - 0.5) ln(1e-4 / 0.5) + (1 - 0.5) ln(1 / 0.5) = 4.60431846666895 (python3
    // math.log). Wasserstein: |F_ref - F_cur| = 1/2 over [-1e308, 1e308), so 1/2 * 2e308 = 1e308;
    // the reference's standard deviation is 1e308 (mean 0), so wasserstein_std = 1.
    Columns ref =
        Columns.builder().numeric("x", new double[] {-1e308, -1e308, 1e308, 1e308}).build();
    Columns cur = Columns.builder().numeric("x", new double[] {1e308, 1e308, 1e308, 1e308}).build();
    for (DriftDetector d :
        new DriftDetector[] {
          DriftDetector.defaults(),
          DriftDetector.builder().bins(4).binning(Binning.EQUAL_WIDTH).build()
        }) {
      FeatureDrift x = d.compare(ref, cur).feature("x");
      assertThat(x.metric("psi")).as(d.toString()).isCloseTo(4.60431846666895, within(1e-12));
      assertThat(x.metric("wasserstein")).isEqualTo(1e308);
      assertThat(x.metric("wasserstein_std")).isEqualTo(1.0);
      assertThat(x.note()).isEmpty();
    }
  }

  @Test
  void compare_aFeatureTooSmallForItsTest_isReportedAsNotTestedWithANote() {
    // Cramer-von Mises needs 2 values on each side, Anderson-Darling 4 in all and two distinct
    // ones; the other features of the report are still tested.
    Columns ref =
        Columns.builder()
            .numeric("cvm", new double[] {1, 2})
            .numeric("ad", new double[] {1, 2})
            .numeric("adConstant", new double[] {3, 3})
            .numeric("ks", new double[] {1, 2})
            .build();
    Columns cur =
        Columns.builder()
            .numeric("cvm", new double[] {2, Double.NaN})
            .numeric("ad", new double[] {5, Double.NaN})
            .numeric("adConstant", new double[] {3, 3})
            .numeric("ks", new double[] {2, 2})
            .build();
    DriftReport r =
        DriftDetector.builder()
            .method("cvm", DriftMethod.CRAMER_VON_MISES)
            .method("ad", DriftMethod.ANDERSON_DARLING)
            .method("adConstant", DriftMethod.ANDERSON_DARLING)
            .build()
            .compare(ref, cur);
    FeatureDrift cvm = r.feature("cvm");
    assertThat(cvm.tested()).isFalse();
    assertThat(cvm.statistic()).isNaN();
    assertThat(cvm.pValue()).isEmpty();
    assertThat(cvm.adjustedPValue()).isEmpty();
    assertThat(cvm.drifted()).isFalse();
    assertThat(cvm.metrics()).doesNotContainKeys("cvm", "cvm_p").containsKey("psi");
    assertThat(cvm.note())
        .startsWith(
            "not tested: cvm needs at least 2 values in each sample, but the current had 1");
    FeatureDrift ad = r.feature("ad");
    assertThat(ad.tested()).isFalse();
    assertThat(ad.note())
        .startsWith(
            "not tested: ad needs at least 4 values in the two samples together, but they had 3");
    FeatureDrift constant = r.feature("adConstant");
    assertThat(constant.tested()).isFalse();
    assertThat(constant.note())
        .startsWith("not tested: ad needs at least two distinct values, but every value was 3.0");
    assertThat(r.feature("ks").tested()).isTrue();
    // only the tested feature takes part in the correction: its adjusted p-value is its own
    assertThat(r.feature("ks").adjustedPValue()).isEqualTo(r.feature("ks").pValue());
    assertThat(r.toJson()).doesNotContain("NaN");
    assertThat(cvm.toString()).startsWith("cvm [numeric] cvm not tested psi=");
  }

  @Test
  void compare_aDistanceAboveTheLargestDouble_isInfinite_butItsRatioToTheSpreadIsNot() {
    // By hand, with a = 1.7e308: reference {-a, -a, -a, a}, current {a}. |F_ref - F_cur| = 3/4
    // over [-a, a): distance 3/4 * 2a = 2.55e308, above Double.MAX_VALUE (about 1.798e308); the
    // reference's standard deviation is sqrt(3/16) * 2a (mean -a/2), so wasserstein_std =
    // (3/4) / sqrt(3/16) = sqrt(3)
    double a = 1.7e308;
    Columns ref = Columns.builder().numeric("x", new double[] {-a, -a, -a, a}).build();
    Columns cur = Columns.builder().numeric("x", new double[] {a, a, a, a}).build();
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    assertThat(r.feature("x").metric("wasserstein")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.feature("x").metric("wasserstein_std")).isCloseTo(Math.sqrt(3), within(1e-15));
    assertThat(r.toJson()).doesNotContain("Infinity");
  }

  // --- PSI on tied and discrete data (issue 10): the numbers of PsiTest (NumPy 2.4.6,
  // src/test/python/drift_ties_reference.py) through the detector, and the effective number of bins

  @Test
  void compare_tiedData_givesTheNumpyPsi_andRecordsTheEffectiveNumberOfBins() throws Exception {
    // Expected: src/test/python/drift_ties_reference.py (NumPy 2.4.6): whole numbers (at most 20
    // values) by value ("... by value", value_psi), the others by distinct deciles (numpy_psi)
    Object[][] cases = {
      {
        "integers",
        Samples.integers(50, 120, 200, 180, 150, 100, 60, 40),
        Samples.integers(30, 90, 170, 200, 180, 130, 80, 60),
        0.0557818644910876,
        8
      },
      {
        "shifted integers",
        shift(Samples.integers(50, 120, 200, 180, 150, 100, 60, 40), 0.5),
        shift(Samples.integers(30, 90, 170, 200, 180, 130, 80, 60), 0.5),
        0.055344090813377364,
        7
      },
      {"binary", Samples.integers(700, 300), Samples.integers(600, 400), 0.044183275227903926, 2},
      {"rare ones", Samples.integers(950, 50), Samples.integers(800, 200), 0.23372169270698248, 2},
      {
        "dominant value",
        Samples.dominantThenCycle(3, 500, 500, 10),
        Samples.dominantThenCycle(3, 300, 700, 10),
        0.13191975165770276,
        10
      }
    };
    for (Object[] c : cases) {
      String name = (String) c[0];
      DriftReport r =
          DriftDetector.defaults()
              .compare(
                  Columns.builder().numeric("x", (double[]) c[1]).build(),
                  Columns.builder().numeric("x", (double[]) c[2]).build());
      FeatureDrift x = r.feature("x");
      int bins = (Integer) c[4];
      assertThat(x.metric("psi")).as(name).isCloseTo((Double) c[3], within(1e-12));
      assertThat(x.metric("psi_bins")).as(name).isEqualTo((double) bins);
      assertThat(x.shares().labels()).as(name).hasSize(bins);
      JsonNode json = new ObjectMapper().readTree(r.toJson()).get("features").get(0);
      assertThat(json.get("metrics").get("psi_bins").asInt()).as(name).isEqualTo(bins);
    }
    // 950 zeros and 50 distinct values 1.5, 2.5, ... (not discrete): every decile is 0 but the
    // last, the maximum; the note names the setting, not a Java constant (issue 12)
    double[] rare = new double[1000];
    for (int i = 0; i < 50; i++) {
      rare[950 + i] = 1.5 + i;
    }
    FeatureDrift oneBin =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("x", rare).build(),
                Columns.builder().numeric("x", Samples.integers(800, 200)).build())
            .feature("x");
    assertThat(oneBin.note())
        .contains(
            "PSI has a single bin: every reference quantile is its minimum or its maximum"
                + " (binning EQUAL_WIDTH bins such a column)")
        .doesNotContain("Binning.");
    assertThat(oneBin.shares().labels()).containsExactly("(-inf, +inf)");
  }

  private static double[] shift(double[] values, double by) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += by;
    }
    return out;
  }

  @Test
  void compare_binLabels_sayWhichEndOfABinIsClosed() {
    FeatureDrift x =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("x", Samples.integers(700, 300)).build(),
                Columns.builder().numeric("x", Samples.integers(600, 400)).build())
            .feature("x");
    // a 0/1 column has one bin per value: [0, 1) holds the zeros, [1, +inf) the ones
    assertThat(x.shares().labels()).containsExactly("(-inf, 1.000)", "[1.000, +inf)");
    assertThat(x.shares().reference()).containsExactly(0.7, 0.3);
  }

  // --- Real files (issue 12)

  @Test
  void timeColumn_isComparedByKsOnItsInstants_andReportedAsTimeEverywhere() throws Exception {
    // Expected: SciPy 1.17.1 on the seconds since 1970-01-01T00:00Z:
    //   d0 = np.datetime64('2013-01-01','s').astype(np.int64)   # 1356998400
    //   ref = d0 + 86400*np.arange(365); cur = d0 + 86400*(181 + np.arange(365))
    //   stats.ks_2samp(ref, cur) -> D 0.4958904109589041, p 4.0029637982652476e-41
    //   stats.wasserstein_distance(ref, cur) / np.std(ref) -> 1.717821220613983
    Instant d0 = Instant.parse("2013-01-01T00:00:00Z");
    Instant[] ref = new Instant[366];
    Instant[] cur = new Instant[365];
    for (int i = 0; i < 365; i++) {
      ref[i] = d0.plus(Duration.ofDays(i));
      cur[i] = d0.plus(Duration.ofDays(181 + i));
    }
    // ref[365] stays null: a missing date
    Columns r = Columns.builder().time("screened", ref).build();
    Columns c = Columns.builder().time("screened", cur).build();
    assertThat(r.isTime("screened")).isTrue();
    assertThat(r.type("screened")).isEqualTo(ColumnType.NUMERIC);
    assertThat(r.time("screened")[10]).isEqualTo(d0.plus(Duration.ofDays(10)));
    DriftReport report = DriftDetector.defaults().compare(r, c);
    FeatureDrift f = report.feature("screened");
    assertThat(f.kind()).isEqualTo(ColumnKind.TIME);
    assertThat(f.kind().key()).isEqualTo("time");
    assertThat(f.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(f.statistic()).isCloseTo(0.4958904109589041, within(1e-12));
    assertThat(f.pValue().getAsDouble()).isCloseTo(4.0029637982652476e-41, withinPercentage(1e-6));
    assertThat(f.metric("wasserstein_std")).isCloseTo(1.717821220613983, within(1e-9));
    assertThat(f.referenceMissing()).isEqualTo(1);
    assertThat(f.drifted()).isTrue();
    assertThat(f.kindReason())
        .isEqualTo(
            "time: instants from 2013-01-01 to 2013-12-31 (365 distinct), compared as seconds"
                + " since 1970-01-01T00:00Z");
    assertThat(f.valueShares()).isEmpty();
    // bins named by their dates (deciles of the days of 2013), never as 1.36e+09
    assertThat(f.shares().labels()).hasSize(10);
    assertThat(f.shares().labels().get(0)).isEqualTo("(-inf, 2013-02-06T09:36:00Z)");
    assertThat(f.shares().labels().get(9)).startsWith("[2013-11-24").endsWith(", +inf)");
    JsonNode json = new ObjectMapper().readTree(report.toJson()).get("features").get(0);
    assertThat(json.get("kind").asText()).isEqualTo("time");
    assertThat(json.toString()).doesNotContain("e+09");
    assertThat(f.toString()).contains("screened [time] ks=");
    // a saved baseline keeps the kind and compares alike
    DriftBaseline b = DriftBaseline.fromJson(DriftDetector.defaults().fit(r).toJson());
    assertThat(b.kind("screened")).isEqualTo(ColumnKind.TIME);
    assertThat(b.compare(c).feature("screened").statistic())
        .isCloseTo(0.4958904109589041, within(1e-12));
    // the HTML draws it on a calendar axis
    assertThat(report.toHtml()).contains(">2013-07</text>").contains("screened (UTC)");
    // a numeric column where the reference had a time column is a schema change
    double[] seconds = new double[365];
    Arrays.fill(seconds, 1.0e9);
    assertThatThrownBy(() -> b.compare(Columns.builder().numeric("screened", seconds).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'screened' is numeric but was time in the reference");
  }

  @Test
  void timeSeconds_refusesInfiniteValues() {
    assertThatThrownBy(
            () ->
                Columns.builder()
                    .timeSeconds("t", new double[] {0, Double.POSITIVE_INFINITY})
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epochSeconds of column 't' must be finite or NaN, but was Infinity at row 1");
  }

  @Test
  void leftOutColumns_areListedNotTestedWithTheirReason_inEveryOutput(@TempDir Path dir)
      throws Exception {
    double[] x = Samples.sample(1, 200, 0, 1);
    Columns ref =
        Columns.builder()
            .numeric("x", x)
            .untested("id", ColumnType.NUMERIC, ColumnKind.EXCLUDED, "excluded (--exclude)")
            .untested(
                "case",
                ColumnType.CATEGORICAL,
                ColumnKind.IDENTIFIER,
                "identifier-like: more than 1000 distinct values (--max-distinct)")
            .build();
    assertThat(ref.rowCount()).isEqualTo(200);
    assertThat(ref.names()).containsExactly("x", "id", "case");
    assertThat(ref.untestedReason("id")).contains("excluded (--exclude)");
    assertThat(ref.untestedReason("x")).isEmpty();
    DriftReport r = DriftDetector.defaults().compare(ref, ref);
    assertThat(r.features()).hasSize(3);
    // listed, not compared: the drifted share is over the one column compared
    assertThat(r.comparedCount()).isEqualTo(1);
    Columns shifted = Columns.builder().numeric("x", Samples.sample(3, 200, 2, 1)).build();
    DriftReport alone =
        DriftDetector.defaults().compare(Columns.builder().numeric("x", x).build(), shifted);
    DriftReport listed =
        DriftDetector.defaults()
            .compare(
                ref,
                Columns.builder()
                    .numeric("x", Samples.sample(3, 200, 2, 1))
                    .untested("id", ColumnType.NUMERIC, ColumnKind.EXCLUDED, "excluded (--exclude)")
                    .untested("case", ColumnType.CATEGORICAL, ColumnKind.EXCLUDED, "not read")
                    .build());
    assertThat(alone.driftedShare()).isEqualTo(1.0);
    assertThat(listed.driftedShare()).isEqualTo(1.0);
    assertThat(listed.datasetDrift()).isTrue();
    assertThat(listed.toString())
        .startsWith("DriftReport: 1/1 features drifted")
        .contains("; 2 more listed, not compared");
    FeatureDrift id = r.feature("id");
    assertThat(id.tested()).isFalse();
    assertThat(id.drifted()).isFalse();
    assertThat(id.kind()).isEqualTo(ColumnKind.EXCLUDED);
    assertThat(id.kindReason()).isEqualTo("excluded (--exclude)");
    assertThat(id.note()).isEqualTo("not tested: excluded (--exclude)");
    assertThat(r.feature("case").kind()).isEqualTo(ColumnKind.IDENTIFIER);
    assertThat(r.feature("x").tested()).isTrue();
    JsonNode features = new ObjectMapper().readTree(r.toJson()).get("features");
    assertThat(features).hasSize(3);
    assertThat(features.get(1).get("kind").asText()).isEqualTo("excluded");
    assertThat(features.get(1).get("tested").asBoolean()).isFalse();
    assertThat(r.toHtml()).contains("excluded (--exclude)").contains("skipped (excluded)");
    // a baseline keeps them; a current with values for a left-out column: still not tested
    DriftBaseline b = DriftDetector.defaults().fit(ref);
    b.save(dir.resolve("b.json"));
    DriftBaseline loaded = DriftBaseline.load(dir.resolve("b.json"));
    assertThat(loaded.kind("id")).isEqualTo(ColumnKind.EXCLUDED);
    Columns withIds =
        Columns.builder()
            .numeric("x", x)
            .numeric("id", Samples.sample(2, 200, 0, 1))
            .untested("case", ColumnType.CATEGORICAL, ColumnKind.EXCLUDED, "not read")
            .build();
    DriftReport again = loaded.compare(withIds);
    assertThat(again.feature("id").tested()).isFalse();
    assertThat(again.feature("id").kind()).isEqualTo(ColumnKind.EXCLUDED);
    assertThat(again.feature("case").kind()).isEqualTo(ColumnKind.IDENTIFIER);
    // and the other way round: a reference with values, a current that left the column out
    FeatureDrift leftInCurrent =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("x", x).build(),
                Columns.builder()
                    .untested("x", ColumnType.NUMERIC, ColumnKind.EXCLUDED, "not read")
                    .build())
            .feature("x");
    assertThat(leftInCurrent.tested()).isFalse();
    assertThat(leftInCurrent.note()).isEqualTo("not tested: not read (the current column)");
  }

  @Test
  void untested_refusesATestableKindAndABlankReason() {
    assertThatThrownBy(
            () -> Columns.builder().untested("a", ColumnType.NUMERIC, ColumnKind.NUMERIC, "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kind must be excluded, identifier or empty, but was NUMERIC");
    assertThatThrownBy(
            () -> Columns.builder().untested("a", ColumnType.NUMERIC, ColumnKind.EXCLUDED, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(
            () ->
                DriftDetector.defaults()
                    .fit(
                        Columns.builder()
                            .untested("a", ColumnType.NUMERIC, ColumnKind.EXCLUDED, "why")
                            .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "reference must be a table with a column of values, but was only columns left out:"
                + " [a]");
  }

  @Test
  void aRowNumberSplitByYear_isAnIdentifier_butDistinctFloatsAreTested() {
    // COMPAS's id split by screening year (issue 12): the 2013 rows are 5111 distinct integers
    // over 1..10996, a range 2.15 times their number, above the former limit of 2 (python3 over
    // compas-two-years.csv). Here, by construction: every third number 1, 4, ..., 14998 in the
    // reference (5000 integers, a range of 14998, 3 times their number: <= 10 * 5000), 2, 5, ...
    // in the current; a continuous column (Irwin-Hall noise, all distinct, not integers) stays
    // numeric and tested.
    int n = 5000;
    double[] refId = new double[n];
    double[] curId = new double[n];
    for (int i = 0; i < n; i++) {
      refId[i] = 3 * i + 1;
      curId[i] = 3 * i + 2;
    }
    double[] refScore = Samples.sample(11, n, 0, 1);
    double[] curScore = Samples.sample(12, n, 0, 1);
    assertThat(Arrays.stream(refScore).distinct().count()).isEqualTo(n);
    DriftReport r =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("id", refId).numeric("score", refScore).build(),
                Columns.builder().numeric("id", curId).numeric("score", curScore).build());
    FeatureDrift id = r.feature("id");
    assertThat(id.kind()).isEqualTo(ColumnKind.IDENTIFIER);
    assertThat(id.tested()).isFalse();
    assertThat(id.drifted()).isFalse();
    assertThat(id.note())
        .isEqualTo(
            "not tested: identifier-like column (5000 distinct integers of 5000 values, over"
                + " 1..14998, a range at most 10 times their number); set a method for the"
                + " column to test it");
    FeatureDrift score = r.feature("score");
    assertThat(score.kind()).isEqualTo(ColumnKind.NUMERIC);
    assertThat(score.tested()).isTrue();
    // both samples: a current of repeated values is said to be unlike an identifier
    double[] repeated = new double[n];
    for (int i = 0; i < n; i++) {
      repeated[i] = i % 7;
    }
    FeatureDrift changed =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("id", refId).build(),
                Columns.builder().numeric("id", repeated).build())
            .feature("id");
    assertThat(changed.tested()).isFalse();
    assertThat(changed.note())
        .endsWith(
            "; the current is not identifier-like (7 distinct values in 5000): the column may"
                + " have changed meaning");
  }

  @Test
  void compare_aColumnWithoutValues_isReportedAsNotTestable_andTheOthersAreChecked()
      throws Exception {
    double[] none = new double[200];
    Arrays.fill(none, Double.NaN);
    Columns ref =
        Columns.builder()
            .numeric("age", Samples.sample(1, 200, 0, 1))
            .numeric("violent_recid", none)
            .categorical("no_label", new String[200])
            .numeric("lost", Samples.sample(3, 200, 0, 1))
            .build();
    Columns cur =
        Columns.builder()
            .numeric("age", Samples.sample(2, 200, 3, 1))
            .numeric("violent_recid", none)
            .categorical("no_label", new String[200])
            .numeric("lost", none)
            .build();
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    FeatureDrift v = r.feature("violent_recid");
    assertThat(v.tested()).isFalse();
    assertThat(v.statistic()).isNaN();
    assertThat(v.pValue()).isEmpty();
    assertThat(v.adjustedPValue()).isEmpty();
    assertThat(v.drifted()).isFalse();
    assertThat(v.referenceMissing()).isEqualTo(200);
    assertThat(v.note())
        .isEqualTo("not tested: the reference has no value (200 rows: 200 missing, 0 infinite)");
    FeatureDrift label = r.feature("no_label");
    assertThat(label.tested()).isFalse();
    assertThat(label.note())
        .isEqualTo("not tested: the reference has no value (200 rows: 200 missing)");
    // a column that lost every value: not testable, and its missing rate drifted
    FeatureDrift lost = r.feature("lost");
    assertThat(lost.tested()).isFalse();
    assertThat(lost.note())
        .isEqualTo("not tested: the current has no value (200 rows: 200 missing, 0 infinite)");
    assertThat(lost.missingRateDrifted()).isTrue();
    assertThat(lost.drifted()).isTrue();
    FeatureDrift age = r.feature("age");
    assertThat(age.tested()).isTrue();
    assertThat(age.drifted()).isTrue();
    // only the tested feature takes part in the correction
    assertThat(age.adjustedPValue()).isEqualTo(age.pValue());
    assertThat(r.driftedCount()).isEqualTo(2);
    assertThat(r.toJson()).doesNotContain("NaN");
    assertThat(r.toHtml()).contains("violent_recid", "not tested: the reference has no value");
    assertThat(v.toString())
        .isEqualTo(
            "violent_recid [empty] ks not tested ok n=0/0 missing=200/200 inf=0/0 (not tested: the"
                + " reference has no value (200 rows: 200 missing, 0 infinite))");
    JsonNode json = new ObjectMapper().readTree(r.toJson()).get("features").get(1);
    assertThat(json.get("tested").asBoolean()).isFalse();
    assertThat(json.get("statistic").isNull()).isTrue();
  }

  @Test
  void compare_anIdentifierLikeColumn_isSkippedWithANote() {
    String[] refIds = new String[2000];
    String[] refCodes = new String[2000];
    for (int i = 0; i < refIds.length; i++) {
      refIds[i] = "case-" + i;
      refCodes[i] = "code-" + i % 60;
    }
    String[] curIds = new String[1500];
    String[] curCodes = new String[1500];
    for (int i = 0; i < curIds.length; i++) {
      curIds[i] = "case-" + (10_000 + i);
      curCodes[i] = "code-" + i % 60;
    }
    Columns ref = Columns.builder().categorical("id", refIds).categorical("code", refCodes).build();
    Columns cur = Columns.builder().categorical("id", curIds).categorical("code", curCodes).build();
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    FeatureDrift id = r.feature("id");
    assertThat(id.tested()).isFalse();
    assertThat(id.drifted()).isFalse();
    assertThat(id.metrics()).doesNotContainKeys("chi2", "psi", "js");
    assertThat(id.note())
        .isEqualTo(
            "not tested: identifier-like column (2000 distinct values in 2000, 100.0%, above"
                + " identifierShare 95.0%); set a method for the column to test it");
    // 60 distinct values in 2000 rows are categories
    assertThat(r.feature("code").tested()).isTrue();
    assertThat(r.feature("code").method()).isEqualTo(DriftMethod.CHI_SQUARE);
    // a method override tests the column anyway
    assertThat(
            DriftDetector.builder()
                .method("id", "chi2")
                .build()
                .compare(ref, cur)
                .feature("id")
                .tested())
        .isTrue();
    // no more than identifierMinDistinct (50) distinct values: never identifier-like
    String[] fifty = Arrays.copyOf(refIds, 50);
    assertThat(
            DriftDetector.defaults()
                .compare(
                    Columns.builder().categorical("id", fifty).build(),
                    Columns.builder().categorical("id", fifty).build())
                .feature("id")
                .tested())
        .isTrue();
  }

  @Test
  void compare_aNumericIdentifierColumn_isSkipped_butMeasurementsAndSparseIntegersAreTested() {
    // Expected values by construction: id = 1 + i + i / 3 for i = 0..1999 is 2000 distinct
    // integers from 1 to 1 + 1999 + 666 = 2666, a range of 2666 <= 2 * 2000 values; amounts in
    // cents = 5 + 137 i are 2000 distinct integers too, but spread over 1999 * 137 + 1 = 273864
    // values (sparse); ages = 18 + i % 60 are integers with repeats (60 distinct); the continuous
    // column is Irwin-Hall noise (not integers). The current ids are 5000.. (another range).
    int n = 2000;
    double[] id = new double[n];
    double[] cents = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      id[i] = 1 + i + i / 3;
      cents[i] = 5 + 137.0 * i;
      age[i] = 18 + i % 60;
    }
    double[] curId = new double[n];
    for (int i = 0; i < n; i++) {
      curId[i] = 5000 + i;
    }
    double[] score = Samples.sample(7, n, 0, 1);
    Columns ref =
        Columns.builder()
            .numeric("id", id)
            .numeric("cents", cents)
            .numeric("age", age)
            .numeric("score", score)
            .build();
    Columns cur =
        Columns.builder()
            .numeric("id", curId)
            .numeric("cents", cents)
            .numeric("age", age)
            .numeric("score", score)
            .build();
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    FeatureDrift f = r.feature("id");
    assertThat(f.kind()).isEqualTo(ColumnKind.IDENTIFIER);
    assertThat(f.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(f.tested()).isFalse();
    assertThat(f.drifted()).isFalse();
    assertThat(f.metrics()).doesNotContainKeys("ks", "psi", "wasserstein");
    assertThat(f.kindReason())
        .isEqualTo(
            "identifier: 2000 distinct integers of 2000 values, over 1..2666, a range at most 10"
                + " times their number");
    assertThat(f.note())
        .isEqualTo(
            "not tested: identifier-like column (2000 distinct integers of 2000 values, over"
                + " 1..2666, a range at most 10 times their number); set a method for the column"
                + " to test it");
    for (String tested : new String[] {"cents", "age", "score"}) {
      assertThat(r.feature(tested).kind()).as(tested).isEqualTo(ColumnKind.NUMERIC);
      assertThat(r.feature(tested).tested()).as(tested).isTrue();
      assertThat(r.feature(tested).method()).as(tested).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    }
    // a saved baseline keeps the kind
    DriftBaseline again = DriftBaseline.fromJson(DriftDetector.defaults().fit(ref).toJson());
    assertThat(again.compare(cur).feature("id").kind()).isEqualTo(ColumnKind.IDENTIFIER);
    // a method override tests the column anyway
    FeatureDrift forced =
        DriftDetector.builder().method("id", "ks").build().compare(ref, cur).feature("id");
    assertThat(forced.kind()).isEqualTo(ColumnKind.NUMERIC);
    assertThat(forced.tested()).isTrue();
    assertThat(forced.drifted()).isTrue();
    // identifierShare 1 turns the check off
    assertThat(
            DriftDetector.builder()
                .identifierShare(1)
                .build()
                .compare(ref, cur)
                .feature("id")
                .tested())
        .isTrue();
  }

  @Test
  void compare_anIdentifierWhoseMissingRateChanges_isNotDrifted_butShowsTheChange() {
    // Expected values by construction: no id is missing in the reference, every second one in the
    // current: missing rates 0.0 and 0.5, a two-proportion z-test far below alpha.
    int n = 2000;
    String[] refIds = new String[n];
    double[] refNum = new double[n];
    String[] curIds = new String[n];
    double[] curNum = new double[n];
    for (int i = 0; i < n; i++) {
      refIds[i] = "case-" + i;
      refNum[i] = i + 1;
      curIds[i] = i % 2 == 0 ? null : "case-" + (10_000 + i);
      curNum[i] = i % 2 == 0 ? Double.NaN : 10_000 + i;
    }
    Columns ref = Columns.builder().categorical("id", refIds).numeric("num_id", refNum).build();
    Columns cur = Columns.builder().categorical("id", curIds).numeric("num_id", curNum).build();
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    for (String name : new String[] {"id", "num_id"}) {
      FeatureDrift f = r.feature(name);
      assertThat(f.kind()).as(name).isEqualTo(ColumnKind.IDENTIFIER);
      assertThat(f.missingRateDrifted()).as(name).isTrue();
      assertThat(f.drifted()).as(name).isFalse();
      assertThat(f.metrics().get("missing_rate_ref")).as(name).isEqualTo(0.0);
      assertThat(f.metrics().get("missing_rate_cur")).as(name).isEqualTo(0.5);
      assertThat(f.metrics().get("missing_rate_p")).as(name).isLessThan(0.05);
      assertThat(f.note())
          .as(name)
          .endsWith(
              "; the missing rate changed (0.0% to 50.0%), not counted as drift for an"
                  + " identifier");
    }
    assertThat(r.driftedCount()).isZero();
    assertThat(r.datasetDrift()).isFalse();
  }

  @Test
  void compare_manyCategories_keepsTheMostFrequent200AndOther_asScipyCountsThem() {
    // Reference: c000..c199 15 rows each, c200..c399 5 rows each (5000 rows), first seen from c399
    // down; current: c000..c099 20 rows each, c100..c199 10 each, c200..c399 6 each and 100 rows of
    // an unseen category (4300 rows). Kept: the 200 most frequent, then one bucket for the rest.
    // Expected: scipy 1.17.1 chi2_contingency([[15]*200 + [1000], [20]*100 + [10]*100 + [1300]],
    // correction=False); jensenshannon(r, c, base=2); PSI as numpy (capped_categories in
    // src/test/python/drift_ties_reference.py)
    java.util.List<String> ref = new java.util.ArrayList<>();
    for (int rep = 0; rep < 15; rep++) {
      for (int j = 399; j >= 0; j--) {
        if (rep < (j < 200 ? 15 : 5)) {
          ref.add(String.format(Locale.ROOT, "c%03d", j));
        }
      }
    }
    java.util.List<String> cur = new java.util.ArrayList<>();
    for (int j = 0; j < 400; j++) {
      for (int k = 0; k < (j < 100 ? 20 : j < 200 ? 10 : 6); k++) {
        cur.add(String.format(Locale.ROOT, "c%03d", j));
      }
    }
    for (int k = 0; k < 100; k++) {
      cur.add("new");
    }
    FeatureDrift f =
        DriftDetector.defaults()
            .compare(
                Columns.builder().categorical("c", ref.toArray(new String[0])).build(),
                Columns.builder().categorical("c", cur.toArray(new String[0])).build())
            .feature("c");
    assertThat(f.shares().labels()).hasSize(201).startsWith("c000", "c001").endsWith("<other>");
    assertThat(f.shares().labels().get(199)).isEqualTo("c199");
    assertThat(f.statistic()).isCloseTo(199.97688863209584, within(1e-9));
    assertThat(f.pValue().getAsDouble()).isCloseTo(0.4871618493154725, within(1e-9));
    assertThat(f.metric("chi2_dof")).isEqualTo(200);
    assertThat(f.metric("js")).isCloseTo(0.13206613825340796, within(1e-12));
    assertThat(f.metric("psi")).isCloseTo(0.09740840495267471, within(1e-12));
    assertThat(f.metric("other_share_ref")).isEqualTo(0.25);
    assertThat(f.metric("other_share_cur")).isCloseTo(1300.0 / 4300, within(1e-15));
    assertThat(f.note())
        .isEqualTo(
            "kept the 200 most frequent of 400 categories (maxCategories); the other 200 (25.0% of"
                + " the reference) and the current's other categories are compared as <other>");
  }

  @Test
  void compare_aBinaryColumnWhoseCurrentLeavesZeroAndOne_isComparedAsNumericWithASchemaNote() {
    // Reference 0/1 with 10% ones; current 80% 0, 10% 1 and 10% 1000: the share of ones is the
    // same (the z-test sees nothing), the values are not. Expected: scipy 1.17.1
    // ks_2samp(ref, cur).statistic = 0.1
    double[] ref = new double[2000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = i % 10 == 0 ? 1 : 0;
    }
    double[] cur = new double[1500];
    for (int i = 0; i < cur.length; i++) {
      cur[i] = i % 10 == 0 ? 1 : i % 10 == 1 ? 1000 : 0;
    }
    Columns r = Columns.builder().numeric("flag", ref).build();
    Columns c = Columns.builder().numeric("flag", cur).build();
    FeatureDrift f = DriftDetector.defaults().compare(r, c).feature("flag");
    assertThat(f.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(f.kind()).isEqualTo(ColumnKind.NUMERIC);
    assertThat(f.kindReason())
        .isEqualTo(
            "numeric: binary in the reference (only 0 and 1), but the current has other values");
    assertThat(f.statistic()).isCloseTo(0.1, within(1e-12));
    assertThat(f.pValue().getAsDouble()).isEqualTo(KolmogorovSmirnov.test(ref, cur).pValue());
    assertThat(f.drifted()).isTrue();
    assertThat(f.metric("outside_domain_share")).isCloseTo(0.1, within(1e-15));
    assertThat(f.metrics()).doesNotContainKeys("z", "z_p");
    assertThat(f.note())
        .startsWith(
            "schema change: the current has values outside the reference's {0, 1} (150 of 1500,"
                + " e.g. 1000.0); compared as numeric (ks) instead of the two-proportion z-test");
    // a z-test the caller asked for stays, with the same warning
    FeatureDrift z =
        DriftDetector.builder().method("flag", "z").build().compare(r, c).feature("flag");
    assertThat(z.method()).isEqualTo(DriftMethod.TWO_PROPORTION_Z);
    assertThat(z.note())
        .startsWith("schema change: the current has values outside the reference's");
  }

  @Test
  void compare_saysWhichKindEveryColumnWasTakenForAndWhy() {
    double[] none = new double[2000];
    Arrays.fill(none, Double.NaN);
    String[] ids = new String[2000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "id-" + i;
    }
    Columns ref =
        Columns.builder()
            .numeric("age", Samples.rounded(DriftBaselineTest.reference().numeric("age")))
            .categorical("city", DriftBaselineTest.reference().categorical("city"))
            .numeric("churn", DriftBaselineTest.reference().numeric("churn"))
            .categorical("id", ids)
            .numeric("empty", none)
            .build();
    DriftReport r = DriftDetector.defaults().compare(ref, ref);
    long distinctAges = Arrays.stream(ref.numeric("age")).distinct().count();
    assertThat(r.features())
        .extracting(FeatureDrift::kind)
        .containsExactly(
            ColumnKind.NUMERIC,
            ColumnKind.CATEGORICAL,
            ColumnKind.BINARY,
            ColumnKind.IDENTIFIER,
            ColumnKind.EMPTY);
    assertThat(r.features())
        .extracting(FeatureDrift::kindReason)
        .containsExactly(
            "numeric: values other than 0 and 1 in the reference (" + distinctAges + " distinct)",
            "categorical: 3 categories in the reference",
            "binary: only 0 and 1 in the reference (200 ones in 2000)",
            "identifier-like: 2000 distinct values in 2000 (100.0%, above identifierShare 95.0%)",
            "empty: no value in the reference (2000 rows: 2000 missing, 0 infinite)");
    // a method override is part of the reason
    assertThat(
            DriftDetector.builder()
                .method("age", "cvm")
                .build()
                .compare(ref, ref)
                .feature("age")
                .kindReason())
        .endsWith("; method cvm set for the column");
  }

  @Test
  void newSettings_haveTheirDocumentedDefaults_andAreValidated() {
    DriftDetector d = DriftDetector.defaults();
    assertThat(d.maxCategories()).isEqualTo(200);
    assertThat(d.identifierShare()).isEqualTo(0.95);
    assertThat(d.identifierMinDistinct()).isEqualTo(50);
    DriftDetector c =
        DriftDetector.builder()
            .maxCategories(3)
            .identifierShare(1)
            .identifierMinDistinct(7)
            .build();
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
    assertThat(c.toString())
        .contains("maxCategories=3", "identifierShare=1.0", "identifierMinDistinct=7");
    assertThatThrownBy(() -> DriftDetector.builder().maxCategories(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCategories must be positive, but was 0");
    assertThatThrownBy(() -> DriftDetector.builder().identifierShare(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identifierShare must be in (0, 1], but was 0.0");
    assertThatThrownBy(() -> DriftDetector.builder().identifierMinDistinct(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identifierMinDistinct must be non-negative, but was -1");
  }

  @Test
  void maxCategories_capsTheCategoriesKept() {
    String[] ref = {"a", "b", "b", "c", "c", "c", "d", "d", "d", "d"};
    String[] cur = {"a", "a", "b", "c", "d", "e"};
    FeatureDrift f =
        DriftDetector.builder()
            .maxCategories(2)
            .build()
            .compare(
                Columns.builder().categorical("x", ref).build(),
                Columns.builder().categorical("x", cur).build())
            .feature("x");
    // by hand: kept d (4) and c (3), other = a + b = 3 in the reference, a, a, b, e = 4 in the
    // current
    assertThat(f.shares().labels()).containsExactly("d", "c", "<other>");
    assertThat(f.shares().reference()).containsExactly(0.4, 0.3, 0.3);
    assertThat(f.shares().current()).containsExactly(1.0 / 6, 1.0 / 6, 4.0 / 6);
    assertThat(f.kindReason())
        .isEqualTo("categorical: 4 categories in the reference, the 2 most frequent kept");
  }

  /** Integers {@code 0..k-1}: {@code counts[v]} rows of value v, in a scrambled order. */
  static double[] integers(long... counts) {
    int n = 0;
    for (long c : counts) {
      n += (int) c;
    }
    double[] x = new double[n];
    int i = 0;
    for (int v = 0; v < counts.length; v++) {
      for (long k = 0; k < counts[v]; k++) {
        x[i++] = v;
      }
    }
    // a fixed permutation (11 and n coprime for the sizes used here), so that order plays no part
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = x[(int) ((11L * k) % n)];
    }
    return out;
  }

  @Test
  void aDiscreteColumn_carriesTheSharesOfEachValueInNumericOrder() {
    // reference 100 rows of each of 0..7; current 10, 20, ..., 80 rows (360 rows)
    double[] ref = integers(100, 100, 100, 100, 100, 100, 100, 100);
    double[] cur = integers(10, 20, 30, 40, 50, 60, 70, 80);
    FeatureDrift f =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("n", ref).build(),
                Columns.builder().numeric("n", cur).build())
            .feature("n");
    assertThat(f.kind()).isEqualTo(ColumnKind.NUMERIC);
    BinShares v = f.valueShares().orElseThrow();
    assertThat(v.labels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
    // expected: counts / rows, by construction of the columns
    assertThat(v.reference()).containsOnly(100.0 / 800);
    assertThat(v.current())
        .containsExactly(
            10.0 / 360,
            20.0 / 360,
            30.0 / 360,
            40.0 / 360,
            50.0 / 360,
            60.0 / 360,
            70.0 / 360,
            80.0 / 360);
    // a baseline, also one saved and read back, keeps the sample and gives the same shares
    DriftBaseline b = DriftDetector.defaults().fit(Columns.builder().numeric("n", ref).build());
    Columns current = Columns.builder().numeric("n", cur).build();
    assertThat(b.compare(current).feature("n").valueShares()).contains(v);
    assertThat(DriftBaseline.fromJson(b.toJson()).compare(current).feature("n").valueShares())
        .contains(v);
    // PSI keeps its numpy-style bins
    assertThat(f.shares().labels()).isNotEqualTo(v.labels());
    assertThat(f.shares().labels().get(0)).startsWith("(-inf, ");
  }

  @Test
  void valueShares_takeTheValuesOfBothSidesTogether() {
    // the current has a value (9) the reference has not, and lacks one (0)
    double[] ref = integers(50, 50, 50);
    double[] cur = {1, 2, 9, 9};
    FeatureDrift f = compareOne(ref, cur, DriftDetector.defaults());
    BinShares v = f.valueShares().orElseThrow();
    assertThat(v.labels()).containsExactly("0", "1", "2", "9");
    assertThat(v.reference()).containsExactly(50.0 / 150, 50.0 / 150, 50.0 / 150, 0.0);
    assertThat(v.current()).containsExactly(0.0, 0.25, 0.25, 0.5);
  }

  @Test
  void valueShares_areLeftOutForContinuousManyValuedBinaryAndSketchedColumns() {
    double[] twenty = integers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
    double[] twentyOne = integers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
    // 20 distinct values together: kept; 21: left out
    assertThat(compareOne(twenty, twenty, DriftDetector.defaults()).valueShares())
        .hasValueSatisfying(v -> assertThat(v.labels()).hasSize(20));
    assertThat(compareOne(twenty, twentyOne, DriftDetector.defaults()).valueShares()).isEmpty();
    double[] halves = {0.5, 1, 2, 3, 1, 2, 3, 1, 2, 3};
    assertThat(compareOne(halves, integers(3, 3, 3), DriftDetector.defaults()).valueShares())
        .isEmpty();
    FeatureDrift binary = compareOne(integers(60, 40), integers(50, 50), DriftDetector.defaults());
    assertThat(binary.kind()).isEqualTo(ColumnKind.BINARY);
    assertThat(binary.valueShares()).isEmpty();
    DriftDetector sketching = DriftDetector.builder().sketchAbove(100).build();
    assertThat(compareOne(integers(100, 100, 100), integers(10, 20, 30), sketching).valueShares())
        .isEmpty();
  }

  private static FeatureDrift compareOne(double[] ref, double[] cur, DriftDetector detector) {
    return detector
        .compare(
            Columns.builder().numeric("n", ref).build(),
            Columns.builder().numeric("n", cur).build())
        .feature("n");
  }
}
