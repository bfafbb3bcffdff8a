package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

/** Expected values: scipy 1.17.1, script benchmarks/python/drift_reference.py. */
class DriftBaselineTest {

  static Columns reference() {
    String[] city = new String[2000];
    for (int i = 0; i < city.length; i++) {
      city[i] = i % 10 < 5 ? "Oslo" : i % 10 < 8 ? "Lima" : "Pune";
    }
    double[] churn = new double[2000];
    for (int i = 0; i < churn.length; i++) {
      churn[i] = i % 10 == 0 ? 1 : 0;
    }
    return Columns.builder()
        .numeric("age", Samples.sample(41, 2000, 40.0, 10.0))
        .numeric("income", Samples.sample(43, 2000, 0.0, 1.0))
        .categorical("city", city)
        .numeric("churn", churn)
        .build();
  }

  static Columns current() {
    String[] city = new String[1500];
    for (int i = 0; i < city.length; i++) {
      city[i] = i % 10 < 3 ? "Oslo" : i % 10 < 6 ? "Lima" : i % 10 < 9 ? "Pune" : "Rome";
    }
    double[] churn = new double[1500];
    for (int i = 0; i < churn.length; i++) {
      churn[i] = i % 10 == 0 ? 1 : 0;
    }
    return Columns.builder()
        .numeric("age", Samples.sample(42, 1500, 44.0, 10.0))
        .numeric("income", Samples.sample(44, 1500, 0.0, 1.0))
        .categorical("city", city)
        .numeric("churn", churn)
        .build();
  }

  @Test
  void numericCheck_usesKsWithScipyValuesAndThePsiOfTheFittedBins() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    FeatureDrift age = b.compareNumeric("age", current().numeric("age"));
    // expected: scipy 1.17.1 ks_2samp(age_ref, age_cur, method='exact')
    assertThat(age.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(age.statistic()).isCloseTo(0.26966666666666667, within(1e-12));
    assertThat(age.pValue().getAsDouble())
        .isCloseTo(2.6697333696177727e-55, within(2.6697333696177727e-55 * 1e-6));
    assertThat(age.metric("psi"))
        .isCloseTo(
            Psi.numeric(reference().numeric("age"), current().numeric("age")), within(1e-15));
    assertThat(age.drifted()).isTrue();
    FeatureDrift income = b.compareNumeric("income", current().numeric("income"));
    assertThat(income.statistic()).isCloseTo(0.020166666666666666, within(1e-12));
    assertThat(income.pValue().getAsDouble()).isCloseTo(0.8704499364221177, within(0.87 * 1e-6));
    assertThat(income.drifted()).isFalse();
  }

  @Test
  void automaticTestChoice_followsColumnTypeAndValues() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    assertThat(b.method("age")).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(b.method("city")).isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(b.method("churn")).isEqualTo(DriftMethod.TWO_PROPORTION_Z);
    DriftBaseline o =
        DriftDetector.builder()
            .method("age", "cvm")
            .method("city", DriftMethod.JENSEN_SHANNON)
            .build()
            .fit(reference());
    assertThat(o.method("age")).isEqualTo(DriftMethod.CRAMER_VON_MISES);
    assertThat(o.compareCategorical("city", current().categorical("city")).method())
        .isEqualTo(DriftMethod.JENSEN_SHANNON);
  }

  @Test
  void overriddenTests_giveTheSameNumbersAsTheStandaloneTests() {
    DriftBaseline b =
        DriftDetector.builder()
            .method("age", "cvm")
            .method("income", "ad")
            .build()
            .fit(reference());
    double[] age = current().numeric("age");
    double[] income = current().numeric("income");
    FeatureDrift cvm = b.compareNumeric("age", age);
    TwoSampleResult direct = CramerVonMises.test(reference().numeric("age"), age);
    assertThat(cvm.statistic()).isEqualTo(direct.statistic());
    assertThat(cvm.pValue().getAsDouble()).isEqualTo(direct.pValue());
    FeatureDrift ad = b.compareNumeric("income", income);
    TwoSampleResult adDirect = AndersonDarling.test(reference().numeric("income"), income);
    assertThat(ad.statistic()).isEqualTo(adDirect.statistic());
    assertThat(ad.metric("ad_p")).isEqualTo(adDirect.pValue());
  }

  @Test
  void categoricalCheck_countsUnseenCategoriesAndMatchesChiSquare() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    FeatureDrift city = b.compareCategorical("city", current().categorical("city"));
    TwoSampleResult chi =
        ChiSquare.homogeneity(reference().categorical("city"), current().categorical("city"));
    assertThat(city.statistic()).isEqualTo(chi.statistic());
    assertThat(city.shares().labels()).containsExactly("Oslo", "Lima", "Pune", "<unseen>");
    assertThat(city.metric("unseen_share")).isCloseTo(0.1, within(1e-15));
    assertThat(city.drifted()).isTrue();
  }

  @Test
  void saveAndLoad_giveTheSameChecks(@TempDir Path dir) throws Exception {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    Path file = dir.resolve("sub/baseline.json");
    b.save(file);
    DriftBaseline loaded = DriftBaseline.load(file);
    assertThat(loaded.features()).containsExactly("age", "income", "city", "churn");
    assertThat(loaded.compare(current())).isEqualTo(b.compare(current()));
    assertThat(loaded.toJson()).isEqualTo(b.toJson());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temp file left behind
    }
  }

  @Test
  void save_givesTheFileThePermissionsOfAPlainWrite(@TempDir Path dir) throws Exception {
    // Expected: the permissions Files.writeString gives a new file in the same folder (the umask),
    // not the 0600 of a file made by Files.createTempFile.
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path control = Files.writeString(dir.resolve("control.txt"), "x");
    Path file = dir.resolve("baseline.json");
    DriftDetector.defaults().fit(reference()).save(file);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Files.getPosixFilePermissions(control));
  }

  @Test
  void valuesNearTheLargestDouble_surviveSaveAndLoad(@TempDir Path dir) {
    // By hand: mean 0 and standard deviation 1e308 (every value is 1e308 from the mean); the
    // 10 quantile edges of the sorted 4 values at h = 3k/10 are -1e308 (k = 1..3), -1e308 * 0.8 +
    // 1e308 * 0.2 = -6e307, 0, 6e307, 1e308 (k = 7..9).
    Columns ref =
        Columns.builder().numeric("x", new double[] {-1e308, -1e308, 1e308, 1e308}).build();
    DriftBaseline b = DriftDetector.defaults().fit(ref);
    Path file = dir.resolve("baseline.json");
    b.save(file);
    DriftBaseline loaded = DriftBaseline.load(file);
    Columns cur = Columns.builder().numeric("x", new double[] {1e308, 1e308, 1e308, 1e308}).build();
    assertThat(loaded.compare(cur)).isEqualTo(b.compare(cur));
    assertThat(b.toJson()).doesNotContain("Infinity").doesNotContain("NaN");
    assertThat(loaded.toJson()).isEqualTo(b.toJson());
  }

  @Test
  void goldenBaselineFile_isStillReadable() throws Exception {
    String json;
    try (var in = getClass().getResourceAsStream("/golden/baseline-v1.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    DriftBaseline b = DriftBaseline.fromJson(json);
    assertThat(b.features()).containsExactly("x", "color");
    // reference x = 1..10, current 6..15: D = 0.5; scipy ks_2samp exact p = 0.16782134274394334
    FeatureDrift x = b.compareNumeric("x", new double[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    assertThat(x.statistic()).isEqualTo(0.5);
    assertThat(x.pValue().getAsDouble()).isCloseTo(0.16782134274394334, within(1e-12));
    assertThat(
            b.compareCategorical("color", new String[] {"red", "red", "blue"}).metric("chi2_dof"))
        .isEqualTo(1.0);
  }

  @Test
  void tiedData_theBaselineTheHistogramAndASavedBaselineBinAsTheBatchPath() {
    // Expected: NumPy 2.4.6 (PsiTest, src/test/python/drift_ties_reference.py, "shifted
    // integers"): PSI 0.0553..., interior edges 1.5..6.5 of the deciles with the repeated ones
    // dropped. The values are 0.5, 1.5, ... (not whole numbers: a discrete column of whole
    // numbers has one bin per value, see discreteColumn_...)
    double[] ref = plusHalf(Samples.integers(50, 120, 200, 180, 150, 100, 60, 40));
    double[] cur = plusHalf(Samples.integers(30, 90, 170, 200, 180, 130, 80, 60));
    double numpy = 0.055344090813377364;
    DriftBaseline b = DriftDetector.defaults().fit(Columns.builder().numeric("x", ref).build());
    assertThat(b.histogram("x").edges()).containsExactly(1.5, 2.5, 3.5, 4.5, 5.5, 6.5);
    HistogramCounts h1 = b.histogram("x").addAll(java.util.Arrays.copyOfRange(cur, 0, 300));
    HistogramCounts h2 = b.histogram("x").addAll(java.util.Arrays.copyOfRange(cur, 300, 940));
    assertThat(b.psi("x", h1.merge(h2))).isCloseTo(numpy, within(1e-12));
    assertThat(b.psi("x", cur)).isCloseTo(numpy, within(1e-12));
    assertThat(b.compareNumeric("x", cur).metric("psi")).isCloseTo(numpy, within(1e-12));
    assertThat(Psi.numeric(ref, cur)).isCloseTo(numpy, within(1e-12));
    DriftBaseline loaded = DriftBaseline.fromJson(b.toJson());
    assertThat(loaded.psi("x", cur)).isCloseTo(numpy, within(1e-12));
    DriftBaseline sketched =
        DriftDetector.builder()
            .sketchAbove(100)
            .build()
            .fit(Columns.builder().numeric("x", ref).build());
    assertThat(sketched.isSketched("x")).isTrue();
    assertThat(DriftBaseline.fromJson(sketched.toJson()).psi("x", cur))
        .isCloseTo(numpy, within(1e-12));
  }

  private static double[] plusHalf(double[] values) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += 0.5;
    }
    return out;
  }

  @Test
  void discreteColumn_hasOnePsiBinPerValue_inTheBatchTheBaselineTheHistogramAndASavedBaseline() {
    // Issue 12: a few-valued column got PSI 0 from one collapsed quantile bin (950 zeros, 50
    // ones: every decile is 0 or 1). Expected: NumPy 2.4.6, PSI over the share of each value with
    // a zero share replaced by 1e-4 (src/test/python/drift_ties_reference.py, value_psi: "rare_ones
    // by value" 0.23372169270698248, "integers by value" 0.0557818644910876):
    //   values = np.union1d(ref, cur); r = [mean(ref == v)]; c = [mean(cur == v)]
    //   r, c = where(r == 0, 1e-4, r), where(c == 0, 1e-4, c); sum((c - r) * log(c / r))
    double[][][] cases = {
      {Samples.integers(950, 50), Samples.integers(800, 200), {0.23372169270698248}},
      {
        Samples.integers(50, 120, 200, 180, 150, 100, 60, 40),
        Samples.integers(30, 90, 170, 200, 180, 130, 80, 60),
        {0.0557818644910876}
      }
    };
    for (double[][] c : cases) {
      double[] ref = c[0];
      double[] cur = c[1];
      double numpy = c[2][0];
      for (org.mlops4j.api.Binning binning : org.mlops4j.api.Binning.values()) {
        DriftDetector d = DriftDetector.builder().binning(binning).build();
        DriftBaseline b = d.fit(Columns.builder().numeric("x", ref).build());
        int values = (int) java.util.Arrays.stream(ref).distinct().count();
        assertThat(b.histogram("x").edges()).hasSize(values - 1);
        assertThat(b.psi("x", cur)).isCloseTo(numpy, within(1e-12));
        assertThat(b.psi("x", b.histogram("x").addAll(cur))).isCloseTo(numpy, within(1e-12));
        FeatureDrift f = b.compareNumeric("x", cur);
        assertThat(f.metric("psi")).isCloseTo(numpy, within(1e-12));
        assertThat(f.metric("psi_bins")).isEqualTo(values);
        assertThat(f.note()).doesNotContain("single bin");
        assertThat(DriftBaseline.fromJson(b.toJson()).psi("x", cur))
            .isCloseTo(numpy, within(1e-12));
        assertThat(
                d.compare(
                        Columns.builder().numeric("x", ref).build(),
                        Columns.builder().numeric("x", cur).build())
                    .feature("x")
                    .metric("psi"))
            .isCloseTo(numpy, within(1e-12));
      }
    }
  }

  @Test
  void goldenVersion2BaselineFile_isStillReadable() throws Exception {
    // Written by the code of issues 10 and 12 with maxCategories(3) and identifierMinDistinct(5):
    // a numeric, a binary, a categorical, a capped categorical, an identifier-like and an empty
    // column
    String json;
    try (var in = getClass().getResourceAsStream("/golden/baseline-v2.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    DriftBaseline b = DriftBaseline.fromJson(json);
    assertThat(b.features()).containsExactly("x", "flag", "color", "grade", "id", "none");
    assertThat(b.features().stream().map(b::kind))
        .containsExactly(
            ColumnKind.NUMERIC,
            ColumnKind.BINARY,
            ColumnKind.CATEGORICAL,
            ColumnKind.CATEGORICAL,
            ColumnKind.IDENTIFIER,
            ColumnKind.EMPTY);
    assertThat(b.detector().maxCategories()).isEqualTo(3);
    assertThat(b.detector().identifierMinDistinct()).isEqualTo(5);
    String[] noIds = new String[10];
    double[] none = new double[10];
    java.util.Arrays.fill(none, Double.NaN);
    Columns cur =
        Columns.builder()
            .numeric("x", new double[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
            .numeric("flag", new double[] {1, 1, 0, 0, 1, 0, 0, 0, 1, 0})
            .categorical(
                "color",
                new String[] {
                  "red", "red", "blue", "red", "red", "red", "red", "blue", "red", "red"
                })
            .categorical("grade", new String[] {"a", "a", "b", "c", "d", "e", "e", "d", "c", "b"})
            .categorical("id", noIds)
            .numeric("none", none)
            .build();
    DriftReport r = b.compare(cur);
    // reference x = 1..10, current 6..15: D = 0.5; scipy ks_2samp exact p = 0.16782134274394334
    assertThat(r.feature("x").statistic()).isEqualTo(0.5);
    assertThat(r.feature("x").pValue().getAsDouble()).isCloseTo(0.16782134274394334, within(1e-12));
    // by hand: kept d, c, b (4, 3, 2) and <other> (a: 1); current d, c, b 2 each and a, a, e, e:
    // PSI = (.2 - .4) ln(.2 / .4) + (.2 - .3) ln(.2 / .3) + 0 + (.4 - .1) ln(.4 / .1)
    // = 0.5950642552587727 (python3 math.log)
    FeatureDrift grade = r.feature("grade");
    assertThat(grade.shares().labels()).containsExactly("d", "c", "b", "<other>");
    assertThat(grade.metric("psi")).isCloseTo(0.5950642552587727, within(1e-12));
    assertThat(b.psi("grade", CategoryCounts.create().addAll(cur.categorical("grade"))))
        .isCloseTo(0.5950642552587727, within(1e-12));
    assertThat(r.feature("id").tested()).isFalse();
    assertThat(r.feature("id").missingRateDrifted()).isTrue(); // every id missing now
    assertThat(r.feature("none").tested()).isFalse();
    assertThat(r.feature("none").drifted()).isFalse();
    assertThat(DriftBaseline.fromJson(b.toJson()).toJson()).isEqualTo(b.toJson());
  }

  @Test
  void goldenVersion1BaselineWithTies_isReadWithTheNewBins() throws Exception {
    // Written by the code before issue 10 (edges with repeats, values on an edge counted in the
    // bin below it); "counts" is sketched, "sparse" keeps its sorted sample. Read today, the bins
    // are those a fit gives now: the sketched one's edges reduced, the sparse one (five whole
    // numbers 0..4: discrete) one bin per value. Expected: NumPy 2.4.6
    // (src/test/python/drift_ties_reference.py, golden_counts and "golden_sparse by value")
    String json;
    try (var in = getClass().getResourceAsStream("/golden/baseline-v1-ties.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    DriftBaseline b = DriftBaseline.fromJson(json);
    assertThat(b.isSketched("counts")).isTrue();
    assertThat(b.histogram("counts").edges())
        .containsExactly(1.0, 1.8000000000000007, 2.0, 2.6000000000000014, 3.0, 4.0, 5.0, 6.0);
    assertThat(b.psi("counts", Samples.integers(1, 3, 6, 8, 8, 6, 5, 3)))
        .isCloseTo(0.1315205302249341, within(1e-12));
    assertThat(b.histogram("sparse").edges()).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(b.psi("sparse", Samples.integers(1, 3, 6, 8, 8)))
        .isCloseTo(0.5331901388922656, within(1e-12));
    assertThat(b.kind("counts")).isEqualTo(ColumnKind.NUMERIC);
  }

  @Test
  void notTestableColumns_surviveSaveAndLoad_andSayWhyWhenAskedForBins(@TempDir Path dir) {
    double[] none = new double[100];
    java.util.Arrays.fill(none, Double.NaN);
    String[] ids = new String[100];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "id-" + i;
    }
    Columns ref =
        Columns.builder()
            .numeric("x", Samples.sample(1, 100, 0, 1))
            .numeric("empty", none)
            .categorical("id", ids)
            .build();
    DriftBaseline b = DriftDetector.defaults().fit(ref);
    assertThat(b.kind("empty")).isEqualTo(ColumnKind.EMPTY);
    assertThat(b.kind("id")).isEqualTo(ColumnKind.IDENTIFIER);
    b.save(dir.resolve("b.json"));
    DriftBaseline loaded = DriftBaseline.load(dir.resolve("b.json"));
    assertThat(loaded.toJson()).isEqualTo(b.toJson());
    assertThat(loaded.compare(ref)).isEqualTo(b.compare(ref));
    FeatureDrift empty = b.compareNumeric("empty", Samples.sample(2, 50, 0, 1));
    assertThat(empty.tested()).isFalse();
    assertThat(empty.missingRateDrifted()).isTrue();
    assertThatThrownBy(() -> b.histogram("empty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "feature 'empty' must be a tested numeric feature, but was empty: no value in the"
                + " reference (100 rows: 100 missing, 0 infinite)");
  }

  @Test
  void sketchedBaseline_approximatesKsAndSurvivesJson() {
    DriftDetector cfg = DriftDetector.builder().sketchAbove(1000).build();
    DriftBaseline exact = DriftDetector.defaults().fit(reference());
    DriftBaseline sketched = cfg.fit(reference());
    assertThat(sketched.isSketched("age")).isTrue();
    assertThat(exact.isSketched("age")).isFalse();
    double[] cur = current().numeric("age");
    double dExact = exact.compareNumeric("age", cur).statistic();
    double dSketch = sketched.compareNumeric("age", cur).statistic();
    assertThat(dSketch).isCloseTo(dExact, within(0.03)); // KLL k=200 rank error ~1.3% (99%)
    DriftBaseline loaded = DriftBaseline.fromJson(sketched.toJson());
    assertThat(loaded.compareNumeric("age", cur)).isEqualTo(sketched.compareNumeric("age", cur));
    // PSI uses the exact bins fitted before sketching
    assertThat(sketched.compareNumeric("age", cur).metric("psi"))
        .isEqualTo(exact.compareNumeric("age", cur).metric("psi"));
  }

  @Test
  void concurrentChecks_ofOneBaseline_agree() throws Exception {
    DriftBaseline sketched = DriftDetector.builder().sketchAbove(1000).build().fit(reference());
    double[] cur = current().numeric("age");
    FeatureDrift expected = sketched.compareNumeric("age", cur);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<FeatureDrift>> futures =
          new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        futures.add(
            pool.submit(
                () ->
                    DriftBaseline.fromJson(sketched.toJson()) == null
                        ? null
                        : sketched.compareNumeric("age", cur)));
      }
      for (java.util.concurrent.Future<FeatureDrift> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void histogramAccumulation_givesTheSamePsiAsTheWholeWindow() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    double[] cur = current().numeric("age");
    HistogramCounts h1 = b.histogram("age").addAll(java.util.Arrays.copyOfRange(cur, 0, 700));
    HistogramCounts h2 =
        b.histogram("age").addAll(java.util.Arrays.copyOfRange(cur, 700, cur.length));
    assertThat(b.psi("age", h1.merge(h2))).isEqualTo(b.compareNumeric("age", cur).metric("psi"));
    assertThat(b.psi("age", cur)).isEqualTo(b.compareNumeric("age", cur).metric("psi"));
  }

  @Test
  void missingValues_areCountedAndTheirRateDriftReported() {
    double[] cur = current().numeric("income");
    for (int i = 0; i < 300; i++) {
      cur[i] = i % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    FeatureDrift f = DriftDetector.defaults().fit(reference()).compareNumeric("income", cur);
    assertThat(f.currentMissing()).isEqualTo(150);
    assertThat(f.currentInfinite()).isEqualTo(150);
    assertThat(f.currentCount()).isEqualTo(1200);
    assertThat(f.metric("missing_rate_cur")).isEqualTo(0.2);
    assertThat(f.missingRateDrifted()).isTrue();
    assertThat(f.drifted()).isTrue();
    FeatureDrift only =
        DriftDetector.builder()
            .missingPolicy(MissingPolicy.IGNORE_RATE_DRIFT)
            .build()
            .fit(reference())
            .compareNumeric("income", cur);
    assertThat(only.missingRateDrifted()).isTrue();
    assertThat(only.drifted()).isFalse();
  }

  @Test
  void failPolicy_rejectsMissingValuesNamingTheColumn() {
    DriftBaseline b =
        DriftDetector.builder().missingPolicy(MissingPolicy.FAIL).build().fit(reference());
    assertThatThrownBy(
            () ->
                b.compareNumeric("income", new double[] {1, Double.NaN, Double.NEGATIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "current column 'income' must be free of missing and infinite values"
                + " (missingPolicy FAIL), but was 1 missing and 1 infinite of 3 rows");
    assertThatThrownBy(() -> b.compareCategorical("city", new String[] {"Oslo", null}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "current column 'city' must be free of missing values (missingPolicy FAIL), but"
                + " was 1 missing of 2 rows");
  }

  @Test
  void windowWithoutFiniteValues_isRejectedNamingTheColumn() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    assertThatThrownBy(() -> b.compareNumeric("age", new double[] {Double.NaN, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "current column 'age' must be non-empty after leaving out missing and infinite"
                + " values, but was 2 rows: 2 missing, 0 infinite");
    assertThatThrownBy(() -> b.compareNumeric("age", new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "current column 'age' must be non-empty after leaving out missing and infinite"
                + " values, but was 0 rows: 0 missing, 0 infinite");
  }

  @Test
  void constantReference_givesAClearResultWithoutNaN() {
    Columns ref = Columns.builder().numeric("c", new double[] {5, 5, 5, 5, 5}).build();
    FeatureDrift f =
        DriftDetector.defaults().fit(ref).compareNumeric("c", new double[] {5, 5, 6, 7});
    assertThat(f.note()).contains("reference is constant");
    assertThat(f.metrics().values()).allSatisfy(v -> assertThat(v).isNotNaN());
    assertThat(f.statistic()).isEqualTo(0.5);
  }

  @Test
  void emptyReferenceColumn_isRejectedNamingTheColumn() {
    Columns ref = Columns.builder().numeric("c", new double[] {Double.NaN}).build();
    assertThatThrownBy(() -> DriftDetector.defaults().fit(ref))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "reference column 'c' must be non-empty after leaving out missing and infinite"
                + " values, but was 1 rows: 1 missing, 0 infinite");
  }

  @Test
  void unknownColumnAndWrongType_areRejected() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    assertThatThrownBy(() -> b.compareNumeric("height", new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature must be one of [age, income, city, churn], but was 'height'");
    assertThatThrownBy(() -> b.compareNumeric("city", new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature 'city' must be numeric, but was categorical");
  }

  @Test
  void schemaMismatch_namesEveryProblem() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    Columns other =
        Columns.builder()
            .numeric("age", new double[] {1})
            .numeric("city", new double[] {1})
            .numeric("extra", new double[] {1})
            .build();
    assertThatThrownBy(() -> b.compare(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "current must be a table of the baseline's columns and types, but was missing column"
                + " 'income'; column 'city' is numeric but was categorical in the reference;"
                + " missing column 'churn'; unexpected column 'extra'");
  }

  @Test
  void testOverrideOfTheWrongType_isRejected() {
    assertThatThrownBy(() -> DriftDetector.builder().method("age", "chi2").build().fit(reference()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the method of column 'age' must be one for numeric columns, but was chi2");
    assertThatThrownBy(() -> DriftDetector.builder().method("nope", "ks").build().fit(reference()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the column of a method override must be one of [age, income, city, churn], but"
                + " was 'nope'");
  }

  @Test
  void notABaseline_failsWithMlopsException() {
    assertThatThrownBy(() -> DriftBaseline.fromJson("{\"format\":\"other\"}"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("JSON: format must be 'mlops4j.drift-baseline', but was 'other'");
  }

  @Test
  void aNewerFormatVersion_isRefusedNamingBothVersions(@TempDir Path dir) throws Exception {
    String json = DriftDetector.defaults().fit(reference()).toJson();
    Path file = dir.resolve("future.json");
    // formatVersion 2 since issue 10/12 (distinct PSI edges with numpy.histogram's bins, column
    // kinds, not-testable and capped columns); a version 3 is refused
    Files.writeString(file, json.replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));
    assertThatThrownBy(() -> DriftBaseline.load(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(file + ": formatVersion must be 1 to 2 (this is mlops4j ")
        .hasMessageEndingWith("), but was 3");
  }

  @Test
  void json_hasTheOneHeaderAndCamelCaseFields() throws Exception {
    DriftBaseline b = DriftDetector.builder().method("age", "psi").build().fit(reference());
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(b.toJson());
    assertThat(root.fieldNames())
        .toIterable()
        .startsWith("format", "formatVersion", "library", "libraryVersion", "createdAt");
    assertThat(root.get("format").asText()).isEqualTo("mlops4j.drift-baseline");
    assertThat(root.has("createdBy")).isFalse();
    assertThat(root.get("detector").get("methods").get("age").asText()).isEqualTo("psi");
    assertThat(root.get("features").get(0).get("method").asText()).isEqualTo("psi");
    // the creation time is the fit's: a saved and loaded baseline writes the same JSON
    assertThat(DriftBaseline.fromJson(b.toJson()).toJson()).isEqualTo(b.toJson());
  }

  @Test
  void withDetector_keepsTheFittedReferenceAndChangesTheDecision() {
    DriftBaseline b = DriftDetector.defaults().fit(reference());
    DriftDetector strict = DriftDetector.builder().datasetDriftShare(0.75).build();
    DriftBaseline s = b.withDetector(strict);
    assertThat(s.detector()).isSameAs(strict);
    assertThat(s.features()).isEqualTo(b.features());
    assertThat(b.compare(current()).datasetDrift()).isTrue();
    assertThat(s.compare(current()).datasetDrift()).isFalse();
  }
}
