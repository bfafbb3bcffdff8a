package org.mlops4j.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.InMemoryRun;

class PermutationImportanceTest {

  // The data, model and permutations of scripts/explain/permutation_importance_reference.py.
  static final double[][] X = {
    {1.0, 2.0, 0.5},
    {2.0, 1.0, -1.0},
    {3.0, 0.0, 2.0},
    {4.0, -1.0, 1.5},
    {5.0, 3.0, 0.0},
    {6.0, 2.5, -0.5},
    {7.0, -2.0, 1.0},
    {8.0, 0.5, 2.5},
  };
  static final double[] Y = {2.0, 5.0, 7.5, 10.0, 8.0, 10.5, 17.0, 19.0};
  static final FeatureMatrix DATA = FeatureMatrix.of(List.of("x0", "x1", "x2"), X);
  static final PredictFunction MODEL = r -> 2 * r[0] - r[1] + 0.5 * r[2] * r[2];

  static PermutationImportance engine() {
    return PermutationImportance.builder()
        .metric(ScoreMetric.meanSquaredError())
        .seed(42)
        .repeats(3)
        .build();
  }

  @Test
  void permutations_areTheOnesPastedInTheNumpyScript() {
    PermutationImportance pi = engine();
    assertArrayEquals(new int[] {5, 2, 0, 3, 7, 1, 4, 6}, pi.permutation(8, "x0", 0));
    assertArrayEquals(new int[] {6, 5, 2, 7, 1, 3, 4, 0}, pi.permutation(8, "x1", 2));
    assertArrayEquals(new int[] {5, 1, 4, 0, 7, 3, 6, 2}, pi.permutation(8, "x2", 1));
    assertArrayEquals(new int[] {7, 5, 1, 2, 4, 6, 3, 0}, pi.permutation(8, "g", 2));
  }

  @Test
  void importances_matchNumpyReimplementationOfScikitLearn() {
    // Expected: python3 scripts/explain/permutation_importance_reference.py (numpy 2.4.6, scipy
    // 1.17.1): scikit-learn's permutation_importance re-implemented in numpy with the same
    // permutations; t interval with scipy.stats.t.ppf(0.975, 2).
    ImportanceReport r = engine().toBuilder().threads(1).build().explain(MODEL, DATA, Y);
    assertEquals(1.0234375, r.baselineScore(), 1e-12);
    FeatureImportance x0 = r.importance("x0");
    assertArrayEquals(new double[] {25.0, 28.0, 49.625}, x0.importances(), 1e-12);
    assertEquals(34.208333333333336, x0.mean(), 1e-12);
    assertEquals(10.969813378337644, x0.std(), 1e-12);
    assertEquals(0.8333900200018505, x0.lower(), 1e-9);
    assertEquals(67.58327664666481, x0.upper(), 1e-9);
    FeatureImportance x1 = r.importance("x1");
    assertArrayEquals(new double[] {6.65625, 7.265625, 6.140625}, x1.importances(), 1e-12);
    assertEquals(0.45981059279881753, x1.std(), 1e-12);
    assertEquals(5.288556194826951, x1.lower(), 1e-9);
    FeatureImportance x2 = r.importance("x2");
    assertEquals(1.3958333333333333, x2.mean(), 1e-12);
    assertEquals(2.565651388020444, x2.upper(), 1e-9);
    assertEquals(List.of("x0", "x1", "x2"), r.importances().stream().map(f -> f.name()).toList());
  }

  @Test
  void groupedFeatures_arePermutedTogether_asTheNumpyReference() {
    // python3 scripts/explain/permutation_importance_reference.py, line "g".
    ImportanceReport r =
        engine().toBuilder().group("g", "x1", "x2").build().explain(MODEL, DATA, Y);
    FeatureImportance g = r.importance("g");
    assertEquals(List.of("x1", "x2"), g.features());
    assertArrayEquals(new double[] {10.59375, 1.75, 6.953125}, g.importances(), 1e-12);
    assertEquals(3.6291807189739425, g.std(), 1e-12);
    assertEquals(-4.609254492065337, g.lower(), 1e-9);
    assertEquals(2, r.importances().size());
  }

  private static PermutationImportance engineThreads(int threads) {
    return engine().toBuilder().threads(threads).batchSize(3).build();
  }

  @Test
  void results_doNotDependOnThreadsOrBatchSize() {
    ImportanceReport one = engine().toBuilder().threads(1).build().explain(MODEL, DATA, Y);
    ImportanceReport four = engineThreads(4).explain(MODEL, DATA, Y);
    for (FeatureImportance f : one.importances()) {
      assertArrayEquals(f.importances(), four.importance(f.name()).importances(), 0.0);
    }
  }

  @Test
  void higherIsBetterMetric_givesBaselineMinusPermuted() {
    // R² drops when a feature is shuffled: importance = r2(base) - r2(perm) = (mse_perm -
    // mse_base) / (Σ (y - ȳ)² / n); by hand: ȳ = 79 / 8 = 9.875, Σ (y - ȳ)² = 62.015625 +
    // 23.765625 + 5.640625 + 0.015625 + 3.515625 + 0.390625 + 50.765625 + 83.265625 = 229.375,
    // so x0's first repeat (mse difference 25.0, numpy script) is 25.0 / (229.375 / 8).
    ImportanceReport r =
        PermutationImportance.builder()
            .metric(ScoreMetric.r2())
            .seed(42)
            .repeats(3)
            .build()
            .explain(MODEL, DATA, Y);
    assertEquals(25.0 / (229.375 / 8), r.importance("x0").importances()[0], 1e-12);
  }

  @Test
  void oneRepeat_hasNoInterval_andJsonSaysWhy() {
    ImportanceReport r = engine().toBuilder().repeats(1).build().explain(MODEL, DATA, Y);
    assertTrue(Double.isNaN(r.importance("x0").lower()));
    assertTrue(r.toJson().contains("\"lowerReason\" : \"an interval needs at least 2 repeats\""));
  }

  @Test
  void outputs_jsonHeader_html_save_andLogTo(@TempDir Path dir) throws Exception {
    ImportanceReport r = engine().explain(MODEL, DATA, Y);
    assertTrue(r.toJson().contains("\"format\" : \"mlops4j.permutation-importance\""));
    assertTrue(r.toHtml().contains("<svg"));
    assertTrue(r.toString().startsWith("Permutation importance (mse, lower is better"));
    r.save(dir.resolve("pi.json"));
    assertTrue(Files.readString(dir.resolve("pi.json")).contains("\"repeats\" : 3"));
    InMemoryRun run = InMemoryRun.create("t");
    r.logTo(run);
    assertEquals(
        34.208333333333336, run.latestMetric("explain.importance.x0.mean").orElseThrow(), 1e-12);
    assertTrue(run.artifactPaths().contains("explain/importance.html"));
  }

  @Test
  void modelThatThrows_isNamedWithTheRow() {
    PredictFunction bad =
        r -> {
          if (r[0] == 3.0) {
            throw new IllegalStateException("boom");
          }
          return r[0];
        };
    MlopsException e = assertThrows(MlopsException.class, () -> engine().explain(bad, DATA, Y));
    assertEquals(
        "predict of row 2 of data failed: java.lang.IllegalStateException: boom", e.getMessage());
  }

  @Test
  void nanPrediction_isNamedWithTheRow() {
    PredictFunction nan = r -> r[0] == 2.0 ? Double.NaN : r[0];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> engine().explain(nan, DATA, Y));
    assertEquals("prediction of row 1 of data must be finite, but was NaN", e.getMessage());
  }

  @Test
  void batchModelThatFailsOnlyInBatch_namesTheBatch_andWrongLengthIsRefused() {
    PredictFunction batchOnly =
        new PredictFunction() {
          @Override
          public double predict(double[] row) {
            return row[0];
          }

          @Override
          public double[] predictBatch(double[][] rows) {
            throw new UnsupportedOperationException("no batch");
          }
        };
    MlopsException e =
        assertThrows(MlopsException.class, () -> engine().explain(batchOnly, DATA, Y));
    assertEquals(
        "predictBatch of row 0 of data to row 7 of data failed:"
            + " java.lang.UnsupportedOperationException: no batch",
        e.getMessage());
    PredictFunction shortBatch =
        new PredictFunction() {
          @Override
          public double predict(double[] row) {
            return row[0];
          }

          @Override
          public double[] predictBatch(double[][] rows) {
            return new double[1];
          }
        };
    IllegalStateException s =
        assertThrows(IllegalStateException.class, () -> engine().explain(shortBatch, DATA, Y));
    assertEquals(
        "predictBatch must return one score per row: it returned 1 scores for 8 rows",
        s.getMessage());
  }

  @Test
  void unknownFeatureInGroup_isNamed() {
    PermutationImportance pi = engine().toBuilder().group("g", "x1", "nope").build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pi.explain(MODEL, DATA, Y));
    assertEquals("feature must be one of [x0, x1, x2], but was 'nope'", e.getMessage());
  }

  @Test
  void labelsOfAnotherLength_areRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> engine().explain(MODEL, DATA, new double[3]));
    assertEquals("labels must have 8 elements (as data's rows), but had 3", e.getMessage());
  }

  @Test
  void builder_refusesBadValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PermutationImportance.builder().repeats(0));
    assertEquals("repeats must be positive, but was 0", e.getMessage());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> PermutationImportance.builder().group("a", "x1").group("b", "x1"));
    assertEquals(
        "features must be in one group only, but was 'x1' (already in 'a')", twice.getMessage());
  }
}
