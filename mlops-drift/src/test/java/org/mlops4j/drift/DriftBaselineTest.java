package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    DriftBaseline b = DriftBaseline.fit(reference());
    FeatureDrift age = b.checkNumeric("age", current().numeric("age"));
    // expected: scipy 1.17.1 ks_2samp(age_ref, age_cur, method='exact')
    assertThat(age.test()).isEqualTo(DriftTest.KS);
    assertThat(age.statistic()).isCloseTo(0.26966666666666667, within(1e-12));
    assertThat(age.pValue().getAsDouble())
        .isCloseTo(2.6697333696177727e-55, within(2.6697333696177727e-55 * 1e-6));
    assertThat(age.metric("psi"))
        .isCloseTo(Psi.numeric(reference().numeric("age"), current().numeric("age")), within(1e-15));
    assertThat(age.drifted()).isTrue();
    FeatureDrift income = b.checkNumeric("income", current().numeric("income"));
    assertThat(income.statistic()).isCloseTo(0.020166666666666666, within(1e-12));
    assertThat(income.pValue().getAsDouble()).isCloseTo(0.8704499364221177, within(0.87 * 1e-6));
    assertThat(income.drifted()).isFalse();
  }

  @Test
  void automaticTestChoice_followsColumnTypeAndValues() {
    DriftBaseline b = DriftBaseline.fit(reference());
    assertThat(b.test("age")).isEqualTo(DriftTest.KS);
    assertThat(b.test("city")).isEqualTo(DriftTest.CHI_SQUARE);
    assertThat(b.test("churn")).isEqualTo(DriftTest.Z_PROPORTION);
    DriftBaseline o = DriftBaseline.fit(reference(),
        DriftConfig.builder().test("age", "cvm").test("city", DriftTest.JENSEN_SHANNON).build());
    assertThat(o.test("age")).isEqualTo(DriftTest.CRAMER_VON_MISES);
    assertThat(o.checkCategorical("city", current().categorical("city")).test())
        .isEqualTo(DriftTest.JENSEN_SHANNON);
  }

  @Test
  void overriddenTests_giveTheSameNumbersAsTheStandaloneTests() {
    DriftBaseline b = DriftBaseline.fit(reference(),
        DriftConfig.builder().test("age", "cvm").test("income", "ad").build());
    double[] age = current().numeric("age");
    double[] income = current().numeric("income");
    FeatureDrift cvm = b.checkNumeric("age", age);
    TestResult direct = CramerVonMises.test(reference().numeric("age"), age);
    assertThat(cvm.statistic()).isEqualTo(direct.statistic());
    assertThat(cvm.pValue().getAsDouble()).isEqualTo(direct.pValue());
    FeatureDrift ad = b.checkNumeric("income", income);
    TestResult adDirect = AndersonDarling.test(reference().numeric("income"), income);
    assertThat(ad.statistic()).isEqualTo(adDirect.statistic());
    assertThat(ad.metric("ad_p")).isEqualTo(adDirect.pValue());
  }

  @Test
  void categoricalCheck_countsUnseenCategoriesAndMatchesChiSquare() {
    DriftBaseline b = DriftBaseline.fit(reference());
    FeatureDrift city = b.checkCategorical("city", current().categorical("city"));
    TestResult chi = ChiSquare.homogeneity(reference().categorical("city"), current().categorical("city"));
    assertThat(city.statistic()).isEqualTo(chi.statistic());
    assertThat(city.shares().labels()).containsExactly("Oslo", "Lima", "Pune", "<unseen>");
    assertThat(city.metric("unseen_share")).isCloseTo(0.1, within(1e-15));
    assertThat(city.drifted()).isTrue();
  }

  @Test
  void saveAndLoad_giveTheSameChecks(@TempDir Path dir) throws Exception {
    DriftBaseline b = DriftBaseline.fit(reference());
    Path file = dir.resolve("sub/baseline.json");
    b.save(file);
    DriftBaseline loaded = DriftBaseline.load(file);
    assertThat(loaded.features()).containsExactly("age", "income", "city", "churn");
    assertThat(loaded.check(current())).isEqualTo(b.check(current()));
    assertThat(loaded.toJson()).isEqualTo(b.toJson());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temp file left behind
    }
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
    FeatureDrift x = b.checkNumeric("x", new double[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    assertThat(x.statistic()).isEqualTo(0.5);
    assertThat(x.pValue().getAsDouble()).isCloseTo(0.16782134274394334, within(1e-12));
    assertThat(b.checkCategorical("color", new String[] {"red", "red", "blue"}).metric("chi2_dof"))
        .isEqualTo(1.0);
  }

  @Test
  void sketchedBaseline_approximatesKsAndSurvivesJson() {
    DriftConfig cfg = DriftConfig.builder().sketchAbove(1000).build();
    DriftBaseline exact = DriftBaseline.fit(reference());
    DriftBaseline sketched = DriftBaseline.fit(reference(), cfg);
    assertThat(sketched.isSketched("age")).isTrue();
    assertThat(exact.isSketched("age")).isFalse();
    double[] cur = current().numeric("age");
    double dExact = exact.checkNumeric("age", cur).statistic();
    double dSketch = sketched.checkNumeric("age", cur).statistic();
    assertThat(dSketch).isCloseTo(dExact, within(0.03)); // KLL k=200 rank error ~1.3% (99%)
    DriftBaseline loaded = DriftBaseline.fromJson(sketched.toJson());
    assertThat(loaded.checkNumeric("age", cur)).isEqualTo(sketched.checkNumeric("age", cur));
    // PSI uses the exact bins fitted before sketching
    assertThat(sketched.checkNumeric("age", cur).metric("psi"))
        .isEqualTo(exact.checkNumeric("age", cur).metric("psi"));
  }

  @Test
  void concurrentChecks_ofOneBaseline_agree() throws Exception {
    DriftBaseline sketched = DriftBaseline.fit(reference(), DriftConfig.builder().sketchAbove(1000).build());
    double[] cur = current().numeric("age");
    FeatureDrift expected = sketched.checkNumeric("age", cur);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<FeatureDrift>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        futures.add(pool.submit(() -> DriftBaseline.fromJson(sketched.toJson()) == null ? null
            : sketched.checkNumeric("age", cur)));
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
    DriftBaseline b = DriftBaseline.fit(reference());
    double[] cur = current().numeric("age");
    HistogramCounts h1 = b.histogram("age").addAll(java.util.Arrays.copyOfRange(cur, 0, 700));
    HistogramCounts h2 = b.histogram("age").addAll(java.util.Arrays.copyOfRange(cur, 700, cur.length));
    assertThat(b.psi("age", h1.merge(h2))).isEqualTo(b.checkNumeric("age", cur).metric("psi"));
    assertThat(b.psi("age", cur)).isEqualTo(b.checkNumeric("age", cur).metric("psi"));
  }

  @Test
  void missingValues_areCountedAndTheirRateDriftReported() {
    double[] cur = current().numeric("income");
    for (int i = 0; i < 300; i++) {
      cur[i] = i % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    FeatureDrift f = DriftBaseline.fit(reference()).checkNumeric("income", cur);
    assertThat(f.currentMissing()).isEqualTo(150);
    assertThat(f.currentInfinite()).isEqualTo(150);
    assertThat(f.currentCount()).isEqualTo(1200);
    assertThat(f.metric("missing_rate_cur")).isEqualTo(0.2);
    assertThat(f.missingRateDrifted()).isTrue();
    assertThat(f.drifted()).isTrue();
    FeatureDrift only = DriftBaseline.fit(reference(),
        DriftConfig.builder().missingPolicy(MissingPolicy.IGNORE_RATE_DRIFT).build())
        .checkNumeric("income", cur);
    assertThat(only.missingRateDrifted()).isTrue();
    assertThat(only.drifted()).isFalse();
  }

  @Test
  void failPolicy_rejectsMissingValuesNamingTheColumn() {
    DriftBaseline b = DriftBaseline.fit(reference(),
        DriftConfig.builder().missingPolicy(MissingPolicy.FAIL).build());
    assertThatThrownBy(() -> b.checkNumeric("income", new double[] {1, Double.NaN, Double.NEGATIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'income': current has 1 missing and 1 infinite values (missingPolicy FAIL)");
    assertThatThrownBy(() -> b.checkCategorical("city", new String[] {"Oslo", null}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'city': current has 1 missing values (missingPolicy FAIL)");
  }

  @Test
  void windowWithoutFiniteValues_isRejectedNamingTheColumn() {
    DriftBaseline b = DriftBaseline.fit(reference());
    assertThatThrownBy(() -> b.checkNumeric("age", new double[] {Double.NaN, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'age': current has no finite values (2 rows, 2 missing, 0 infinite)");
    assertThatThrownBy(() -> b.checkNumeric("age", new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'age': current has no finite values (0 rows, 0 missing, 0 infinite)");
  }

  @Test
  void constantReference_givesAClearResultWithoutNaN() {
    Columns ref = Columns.builder().numeric("c", new double[] {5, 5, 5, 5, 5}).build();
    FeatureDrift f = DriftBaseline.fit(ref).checkNumeric("c", new double[] {5, 5, 6, 7});
    assertThat(f.note()).contains("reference is constant");
    assertThat(f.metrics().values()).allSatisfy(v -> assertThat(v).isNotNaN());
    assertThat(f.statistic()).isEqualTo(0.5);
  }

  @Test
  void emptyReferenceColumn_isRejectedNamingTheColumn() {
    Columns ref = Columns.builder().numeric("c", new double[] {Double.NaN}).build();
    assertThatThrownBy(() -> DriftBaseline.fit(ref))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'c': reference has no finite values (1 rows, 1 missing, 0 infinite)");
  }

  @Test
  void unknownColumnAndWrongType_areRejected() {
    DriftBaseline b = DriftBaseline.fit(reference());
    assertThatThrownBy(() -> b.checkNumeric("height", new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown column 'height'; baseline columns: [age, income, city, churn]");
    assertThatThrownBy(() -> b.checkNumeric("city", new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'city' is categorical, not numeric");
  }

  @Test
  void schemaMismatch_namesEveryProblem() {
    DriftBaseline b = DriftBaseline.fit(reference());
    Columns other = Columns.builder()
        .numeric("age", new double[] {1})
        .numeric("city", new double[] {1})
        .numeric("extra", new double[] {1})
        .build();
    assertThatThrownBy(() -> b.check(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema mismatch: missing column 'income'; column 'city' is numeric but was"
            + " categorical in the reference; missing column 'churn'; unexpected column 'extra'");
  }

  @Test
  void testOverrideOfTheWrongType_isRejected() {
    assertThatThrownBy(() -> DriftBaseline.fit(reference(), DriftConfig.builder().test("age", "chi2").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'age': test chi2 does not apply to a numeric column");
    assertThatThrownBy(() -> DriftBaseline.fit(reference(), DriftConfig.builder().test("nope", "ks").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown column 'nope' in test overrides; columns: [age, income, city, churn]");
  }

  @Test
  void notABaseline_failsWithMlopsException() {
    assertThatThrownBy(() -> DriftBaseline.fromJson("{\"format\":\"other\"}"))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("not a drift baseline");
  }
}
