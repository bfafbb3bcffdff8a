package org.mlops4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupCounts;
import org.mlops4j.fairness.RateMetric;

/**
 * SparkFairness against the JVM API on the same 600 rows, and against numpy. Row i: sex "F" when i
 * is even else "M"; race "A" when i mod 3 = 0 else "B"; label 1 when (7 i) mod 10 &lt; 4; score
 * ((37 i) mod 100) / 100, times 0.8 for "M"; prediction 1 when score &ge; 0.5.
 *
 * <pre>
 * i = np.arange(600); sex = np.where(i%2==0,"F","M"); race = np.where(i%3==0,"A","B")
 * label = ((i*7)%10 < 4).astype(int); score = ((i*37)%100)/100.0*np.where(i%2==0,1.0,0.8)
 * pred = (score >= 0.5).astype(int)
 * pred[sex=="F"].mean()                 # 0.5
 * pred[sex=="M"].mean()                 # 0.38
 * pred[(sex=="M")&amp;(label==1)].mean()  # 0.35 (TPR of M)
 * ((sex=="M")&amp;(race=="A")).sum()      # 100 rows, selection rate 0.38
 * </pre>
 */
class SparkFairnessTest {
  private static final int ROWS = 600;
  private static Dataset<Row> df;
  private static int[] labels = new int[ROWS];
  private static int[] predictions = new int[ROWS];
  private static double[] scores = new double[ROWS];
  private static String[] sex = new String[ROWS];
  private static String[] race = new String[ROWS];

  @BeforeAll
  static void data() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      sex[i] = i % 2 == 0 ? "F" : "M";
      race[i] = i % 3 == 0 ? "A" : "B";
      labels[i] = (i * 7) % 10 < 4 ? 1 : 0;
      scores[i] = ((i * 37) % 100) / 100.0 * (i % 2 == 0 ? 1.0 : 0.8);
      predictions[i] = scores[i] >= 0.5 ? 1 : 0;
      rows.add(RowFactory.create(labels[i], predictions[i] == 1, scores[i], sex[i], race[i]));
    }
    StructType t =
        new StructType()
            .add("label", DataTypes.IntegerType)
            .add("prediction", DataTypes.BooleanType)
            .add("score", DataTypes.DoubleType)
            .add("sex", DataTypes.StringType)
            .add("race", DataTypes.StringType);
    df = LocalSpark.frame(rows, t).cache();
  }

  @Test
  void rowsThatFitGiveTheJvmReportWithCalibration() {
    FairnessAuditor auditor = FairnessAuditor.builder().reference("F").build();
    FairnessReport spark =
        SparkFairness.builder()
            .auditor(auditor)
            .build()
            .audit(df, SparkDecisions.of("label", "prediction").groups("sex").score("score"));
    FairnessReport jvm =
        auditor.audit(Decisions.of(labels, predictions).scores(scores).groups("sex", sex));
    assertEquals(jvm.groups(), spark.groups());
    assertEquals(jvm.criteria(), spark.criteria());
    assertEquals(jvm.fourFifthsRule(), spark.fourFifthsRule());
    // the scores are summed in another row order: equal to the last bits
    assertEquals(jvm.calibration().size(), spark.calibration().size());
    for (int g = 0; g < jvm.calibration().size(); g++) {
      GroupCalibration a = jvm.calibration().get(g);
      GroupCalibration b = spark.calibration().get(g);
      assertEquals(a.group(), b.group());
      assertEquals(a.bins().size(), b.bins().size());
      assertEquals(a.ece(), b.ece(), 1e-12);
      assertEquals(a.mce(), b.mce(), 1e-12);
      assertEquals(a.brier(), b.brier(), 1e-12);
    }
    assertFalse(spark.calibration().isEmpty());
    assertEquals(0.5, spark.group("F").rates().get(RateMetric.SELECTION_RATE).value(), 1e-15);
    assertEquals(0.38, spark.group("M").rates().get(RateMetric.SELECTION_RATE).value(), 1e-15);
    assertEquals(0.35, spark.group("M").rates().get(RateMetric.TPR).value(), 1e-15);
  }

  @Test
  void aboveTheLimitTheCountsGiveTheJvmReportOfTheSameCounts() {
    SparkFairness counted = SparkFairness.builder().exactLimit(10).build();
    FairnessReport spark =
        counted.audit(df, SparkDecisions.of("label", "prediction").groups("sex", "race"));
    GroupCounts counts = GroupCounts.create();
    for (int i = 0; i < ROWS; i++) {
      counts.add("sex=" + sex[i] + "|race=" + race[i], labels[i] == 1, predictions[i] == 1);
    }
    FairnessReport jvm = FairnessAuditor.defaults().audit(counts);
    assertEquals(jvm.groups(), spark.groups());
    assertEquals(jvm.criteria(), spark.criteria());
    assertEquals(100, spark.group("sex=M|race=A").counts().rows());
    assertEquals(
        0.38, spark.group("sex=M|race=A").rates().get(RateMetric.SELECTION_RATE).value(), 1e-15);
    assertTrue(spark.calibration().isEmpty());
  }

  @Test
  void aboveTheLimitCalibrationComesFromCountsPerBinAndEqualsTheJvms() {
    FairnessAuditor auditor = FairnessAuditor.builder().reference("F").build();
    FairnessReport spark =
        SparkFairness.builder()
            .auditor(auditor)
            .exactLimit(10)
            .build()
            .audit(df, SparkDecisions.of("label", "prediction").groups("sex").score("score"));
    FairnessReport jvm =
        auditor.audit(Decisions.of(labels, predictions).scores(scores).groups("sex", sex));
    assertEquals(jvm.groups(), spark.groups());
    assertEquals(jvm.criteria(), spark.criteria());
    assertEquals(2, spark.calibration().size());
    // the scores are summed per bin and partition, in another order: equal to the last bits
    for (int g = 0; g < 2; g++) {
      GroupCalibration a = jvm.calibration().get(g);
      GroupCalibration b = spark.calibration().get(g);
      assertEquals(a.group(), b.group());
      assertEquals(a.size(), b.size());
      assertEquals(a.bins().size(), b.bins().size());
      for (int k = 0; k < a.bins().size(); k++) {
        assertEquals(a.bins().get(k).count(), b.bins().get(k).count());
        assertEquals(a.bins().get(k).fractionPositive(), b.bins().get(k).fractionPositive());
        assertEquals(a.bins().get(k).meanScore(), b.bins().get(k).meanScore(), 1e-12);
      }
      assertEquals(a.ece(), b.ece(), 1e-12);
      assertEquals(a.mce(), b.mce(), 1e-12);
      assertEquals(a.calibrationInTheLarge(), b.calibrationInTheLarge(), 1e-12);
      assertEquals(a.brier(), b.brier(), 1e-12);
    }
    assertEquals(
        jvm.disparity("ece_difference_between_groups").value(),
        spark.disparity("ece_difference_between_groups").value(),
        1e-12);
    assertTrue(spark.disparity("ece_difference_between_groups").interval().isEmpty());
  }

  @Test
  void intersectionsMatchTheJvmIntersections() {
    FairnessReport spark =
        SparkFairness.defaults()
            .audit(df, SparkDecisions.of("label", "prediction").groups("sex", "race"));
    FairnessReport jvm =
        FairnessAuditor.defaults()
            .audit(Decisions.of(labels, predictions).groups("sex", sex).groups("race", race));
    assertEquals(jvm.groups(), spark.groups());
    assertEquals(4, spark.groups().size());
  }

  @Test
  void badInputIsNamed() {
    SparkDecisions none = SparkDecisions.of("label", "prediction");
    IllegalStateException s =
        assertThrows(IllegalStateException.class, () -> SparkFairness.defaults().audit(df, none));
    assertTrue(s.getMessage().startsWith("no group attribute given"), s.getMessage());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SparkFairness.defaults().audit(df, none.groups("age")));
    assertEquals(
        "decisions must be a DataFrame with the named columns, but was without [age]",
        e.getMessage());
    Dataset<Row> scoreAsLabel = df.withColumn("label", df.col("score"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SparkFairness.defaults().audit(scoreAsLabel, none.groups("sex")));
    // the first invalid value met depends on the partitions; 594 = 600 rows less the 6 whose score
    // is exactly 0 (i = 0, 100, ..., 500), a valid label
    assertTrue(
        e.getMessage().startsWith("label must be 0, 1, true or false in every row, but was '"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("' (594 invalid rows)"), e.getMessage());
  }
}
