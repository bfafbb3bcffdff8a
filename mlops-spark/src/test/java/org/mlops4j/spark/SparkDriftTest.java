package org.mlops4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;

/**
 * SparkDrift against the JVM API on the same data ({@link DriftData}) and against SciPy.
 *
 * <p>Independent values (SciPy 1.x, numpy arrays built from DriftData's formulas, NaN/None rows
 * left out):
 *
 * <pre>
 * n, m = 2000, 1500
 * ref = np.array([((i*7919) % 1000)/100.0 for i in range(n)]); ref[[i for i in range(n) if i % 101 == 0]] = np.nan
 * cur = np.array([((i*104729) % 1000)/100.0*1.1+0.3 for i in range(m)]); cur[[i for i in range(m) if i % 97 == 0]] = np.nan
 * r = ref[~np.isnan(ref)]; c = cur[~np.isnan(cur)]          # 1980 and 1484 values
 * stats.ks_2samp(r, c, method='exact')   # D 0.11859838274932614, p 7.408555490160074e-11
 * stats.wasserstein_distance(r, c)       # 0.7859581665713747
 * stats.ks_2samp([i % 7 for i in range(n)], [i % 9 for i in range(m)], method='exact')
 *                                        # D 0.22133333333333333
 * stats.chi2_contingency([[667,667,666,0],[360,375,360,375]], correction=False)
 *                                        # chi2 572.2607513120812 (column c, 'd' unseen)
 * </pre>
 */
class SparkDriftTest {
  private static Dataset<Row> reference;
  private static Dataset<Row> current;
  private static DriftReport jvm;

  @BeforeAll
  static void data() {
    reference = DriftData.frame(false).cache();
    current = DriftData.frame(true).cache();
    jvm = DriftDetector.defaults().compare(DriftData.columns(false), DriftData.columns(true));
  }

  @Test
  void compareEqualsTheJvmReportOnTheSameRows() {
    DriftReport spark = SparkDrift.defaults().compare(reference, current);
    assertSameFeatures(jvm, spark);
    assertEquals(jvm.driftedCount(), spark.driftedCount());
    assertEquals(jvm.datasetDrift(), spark.datasetDrift());
  }

  @Test
  void statisticsAgreeWithScipy() {
    DriftReport spark = SparkDrift.defaults().compare(reference, current);
    FeatureDrift x = spark.feature("x");
    assertEquals(0.11859838274932614, x.statistic(), 1e-15);
    assertEquals(7.408555490160074e-11, x.pValue().getAsDouble(), 1e-18);
    assertEquals(0.7859581665713747, x.metrics().get("wasserstein"), 1e-12);
    assertEquals(1980, x.referenceCount());
    assertEquals(1484, x.currentCount());
    assertEquals(20, x.referenceMissing());
    assertEquals(16, x.currentMissing());
    assertEquals(0.22133333333333333, spark.feature("n").metrics().get("ks"), 1e-15);
    assertEquals(572.2607513120812, spark.feature("c").statistic(), 1e-9);
    assertEquals(30, spark.feature("c").currentMissing());
  }

  @Test
  void aBaselineFittedOnSparkChecksAJvmBatchAndSurvivesSaveAndLoad(@TempDir Path dir) {
    DriftBaseline baseline = SparkDrift.defaults().fit(reference);
    assertSameFeatures(jvm, baseline.compare(DriftData.columns(true)));
    Path file = dir.resolve("baseline.json");
    baseline.save(file);
    assertSameFeatures(jvm, DriftBaseline.load(file).compare(DriftData.columns(true)));
  }

  @Test
  void aBaselineFittedInTheJvmChecksADataFrame() {
    DriftBaseline baseline = DriftDetector.defaults().fit(DriftData.columns(false));
    assertSameFeatures(jvm, SparkDrift.defaults().compare(baseline, current));
  }

  @Test
  void sketchedColumnsStayWithinTheStatedBoundOfTheExactStatistic() {
    // exactLimit 100: x and n are summarized on both sides (KLL k = 200, estimation mode past ~200
    // values); the JVM's exact D must lie within the bound the report states
    DriftReport sketched = SparkDrift.builder().exactLimit(100).build().compare(reference, current);
    for (String name : List.of("x", "n")) {
      FeatureDrift f = sketched.feature(name);
      double bound = f.metrics().get("ks_error_bound");
      assertTrue(bound > 0 && bound < 0.05, name + " bound " + bound);
      assertEquals(jvm.feature(name).metrics().get("ks"), f.metrics().get("ks"), bound, name);
      assertEquals(jvm.feature(name).currentCount(), f.currentCount());
      assertEquals(jvm.feature(name).currentMissing(), f.currentMissing());
      assertTrue(f.note().contains("KLL sketch"), f.note());
    }
    // counts stay exact: the binary column's z-test and the categorical chi-square are the JVM's
    assertEquals(jvm.feature("b").statistic(), sketched.feature("b").statistic(), 1e-12);
    assertEquals(jvm.feature("c").statistic(), sketched.feature("c").statistic(), 1e-9);
    assertTrue(sketched.feature("x").drifted());
  }

  @Test
  void exactKsRefusesAColumnAboveTheLimit() {
    SparkDrift strict = SparkDrift.builder().exactLimit(100).exactKs(true).build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> strict.fit(reference));
    assertTrue(e.getMessage().contains("column 'x' has 1980 values"), e.getMessage());
  }

  @Test
  void reportsLogIntoATrackingRun() {
    DriftReport spark = SparkDrift.defaults().compare(reference, current);
    InMemoryRun run = InMemoryRun.create("spark");
    spark.logTo(run);
    assertEquals(spark.feature("x").statistic(), run.latestMetric("drift.x.ks").orElseThrow(), 0.0);
  }

  @Test
  void missingUnexpectedAndRetypedColumnsAreNamed() {
    Dataset<Row> other = current.drop("c").withColumnRenamed("n", "m");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SparkDrift.defaults().compare(reference, other));
    assertTrue(e.getMessage().contains("missing column 'c'"), e.getMessage());
    assertTrue(e.getMessage().contains("missing column 'n'"), e.getMessage());
    assertTrue(e.getMessage().contains("unexpected column 'm'"), e.getMessage());
    Dataset<Row> retyped = current.withColumn("b", current.col("b").cast("string"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SparkDrift.defaults().compare(reference, retyped));
    assertTrue(
        e.getMessage().contains("column 'b' is categorical but was numeric"), e.getMessage());
  }

  @Test
  void unsupportedColumnTypesAreNamedWithTheirTypes() {
    Dataset<Row> dated = reference.withColumn("day", org.apache.spark.sql.functions.current_date());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SparkDrift.defaults().fit(dated));
    assertEquals(
        "reference must be a DataFrame of numeric, string and boolean columns, but was with"
            + " unsupported columns 'day' (date)",
        e.getMessage());
  }

  @Test
  void anEmptyDataFrameIsRefused() {
    StructType t = new StructType().add("x", DataTypes.DoubleType);
    Dataset<Row> empty = LocalSpark.frame(List.of(), t);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SparkDrift.defaults().fit(empty));
    assertEquals(
        "reference must be a DataFrame with at least one row, but was empty", e.getMessage());
    Dataset<Row> one = LocalSpark.frame(List.of(RowFactory.create(1.0)), t);
    DriftBaseline b = SparkDrift.defaults().fit(one);
    e = assertThrows(IllegalArgumentException.class, () -> SparkDrift.defaults().compare(b, empty));
    assertEquals(
        "current must be a DataFrame with at least one row, but was empty", e.getMessage());
  }

  @Test
  void nullArgumentsAndBadSettingsAreRefused() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> SparkDrift.defaults().fit(null));
    assertEquals("reference must not be null", e.getMessage());
    IllegalArgumentException b =
        assertThrows(IllegalArgumentException.class, () -> SparkDrift.builder().exactLimit(-1));
    assertEquals("exactLimit must be non-negative, but was -1", b.getMessage());
  }

  /**
   * Every feature's statistics and verdicts equal (categorical sums may differ in the last bit).
   */
  static void assertSameFeatures(DriftReport expected, DriftReport actual) {
    assertEquals(expected.features().size(), actual.features().size());
    for (FeatureDrift e : expected.features()) {
      FeatureDrift a = actual.feature(e.feature());
      String at = e.feature();
      assertEquals(e.method(), a.method(), at);
      assertEquals(e.kind(), a.kind(), at);
      assertEquals(e.tested(), a.tested(), at);
      assertEquals(e.statistic(), a.statistic(), Math.abs(e.statistic()) * 1e-12, at);
      assertEquals(e.pValue().isPresent(), a.pValue().isPresent(), at);
      if (e.pValue().isPresent()) {
        assertEquals(
            e.pValue().getAsDouble(),
            a.pValue().getAsDouble(),
            e.pValue().getAsDouble() * 1e-9,
            at);
        assertEquals(
            e.adjustedPValue().getAsDouble(),
            a.adjustedPValue().getAsDouble(),
            e.adjustedPValue().getAsDouble() * 1e-9,
            at);
      }
      assertEquals(e.drifted(), a.drifted(), at);
      assertEquals(e.referenceCount(), a.referenceCount(), at);
      assertEquals(e.currentCount(), a.currentCount(), at);
      assertEquals(e.referenceMissing(), a.referenceMissing(), at);
      assertEquals(e.currentMissing(), a.currentMissing(), at);
      assertEquals(e.metrics().keySet(), a.metrics().keySet(), at);
      for (String k : e.metrics().keySet()) {
        double v = e.metrics().get(k);
        assertEquals(v, a.metrics().get(k), Math.abs(v) * 1e-9, at + "." + k);
      }
    }
    assertFalse(actual.features().isEmpty());
  }
}
