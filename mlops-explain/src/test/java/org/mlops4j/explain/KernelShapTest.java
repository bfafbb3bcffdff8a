package org.mlops4j.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.InMemoryRun;

class KernelShapTest {

  static List<String> names(int m) {
    List<String> n = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      n.add("x" + i);
    }
    return n;
  }

  static FeatureMatrix random(int rows, int m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[rows][m];
    for (double[] row : x) {
      for (int j = 0; j < m; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return FeatureMatrix.of(names(m), x);
  }

  @Test
  void twoFeatures_exactValues_matchAHandComputation() {
    // f(x) = x0 x1 + x0; background {(0, 0), (2, 1)} with weights 1/2; x = (1, 3).
    // By hand: v(∅) = (f(0,0) + f(2,1)) / 2 = (0 + 4) / 2 = 2; v({0}) = (f(1,0) + f(1,1)) / 2 =
    // (1 + 2) / 2 = 1.5; v({1}) = (f(0,3) + f(2,3)) / 2 = (0 + 8) / 2 = 4; v({0,1}) = f(1,3) = 4.
    // Shapley (M = 2, weights 1/2): φ0 = ((1.5 - 2) + (4 - 4)) / 2 = -0.25;
    // φ1 = ((4 - 2) + (4 - 1.5)) / 2 = 2.25; sum 2 = f(x) - E[f] = 4 - 2.
    FeatureMatrix bg = FeatureMatrix.of(List.of("x0", "x1"), new double[][] {{0, 0}, {2, 1}});
    ShapReport r =
        KernelShap.defaults().explain(row -> row[0] * row[1] + row[0], bg, new double[] {1, 3});
    assertEquals("exact", r.method());
    assertEquals(2.0, r.expectedValue(), 1e-15);
    assertEquals(4.0, r.prediction(0), 1e-15);
    assertArrayEquals(new double[] {-0.25, 2.25}, r.values(0), 1e-15);
    assertArrayEquals(new double[] {0, 0}, r.standardErrors(0), 0.0);
    assertEquals(0.0, r.localAccuracyGap(0), 1e-15);
  }

  @Test
  void linearModel_exact_givesTheTextbookIdentity() {
    // Linear model with independent features: φ_i = w_i (x_i - E_b[x_i]) over the background
    // (Lundberg and Lee 2017, Corollary 1; Molnar, Interpretable Machine Learning, "SHAP").
    double[] w = {1.5, -2.0, 0.25, 3.0};
    PredictFunction f = x -> 0.7 + w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + w[3] * x[3];
    FeatureMatrix bg = random(50, 4, 1);
    FeatureMatrix rows = random(5, 4, 2);
    ShapReport r = KernelShap.defaults().explain(f, bg, rows);
    for (int i = 0; i < 5; i++) {
      double[] x = rows.row(i);
      for (int j = 0; j < 4; j++) {
        double mean = mean(bg.column("x" + j));
        assertEquals(w[j] * (x[j] - mean), r.values(i)[j], 1e-12);
      }
    }
    assertTrue(r.maxLocalAccuracyGap() < 1e-12);
  }

  @Test
  void linearModel_sampled_with15Features_givesTheTextbookIdentity() {
    // Same identity; 15 features > exactLimit 12, so Kernel SHAP's regression is used. v(S) -
    // v(∅) is exactly additive here, so the least squares fit is exact whatever the sample.
    int m = 15;
    double[] w = new double[m];
    for (int j = 0; j < m; j++) {
      w[j] = j - 7.0;
    }
    PredictFunction f =
        x -> {
          double s = 0;
          for (int j = 0; j < m; j++) {
            s += w[j] * x[j];
          }
          return s;
        };
    FeatureMatrix bg = random(20, m, 3);
    double[] x = random(1, m, 4).row(0);
    ShapReport r = KernelShap.builder().budget(200).build().explain(f, bg, x);
    assertEquals("sampled", r.method());
    for (int j = 0; j < m; j++) {
      assertEquals(w[j] * (x[j] - mean(bg.column("x" + j))), r.values(0)[j], 1e-9);
    }
    assertTrue(r.maxLocalAccuracyGap() < 1e-9);
  }

  @Test
  void sampledEstimate_isWithinFourStandardErrorsOfExactEnumeration() {
    // A nonlinear model with interactions, 6 features: the exact enumeration (64 coalitions) is
    // the reference; the sampled estimate (budget 400, 100 bootstrap resamples) must lie within 4
    // of its reported standard errors (plus rounding) of it for every feature, and must not be
    // exact (the standard errors are not zero).
    PredictFunction f =
        x -> x[0] * x[1] + Math.sin(x[2]) + x[3] * x[3] - x[4] * x[5] * x[0] + Math.exp(0.3 * x[5]);
    FeatureMatrix bg = random(30, 6, 5);
    double[] x = {1.2, -0.7, 0.9, 1.5, -1.1, 0.4};
    ShapReport exact = KernelShap.defaults().explain(f, bg, x);
    ShapReport sampled =
        KernelShap.builder().exactLimit(0).budget(400).seed(7).build().explain(f, bg, x);
    assertEquals("sampled", sampled.method());
    double[] se = sampled.standardErrors(0);
    for (int j = 0; j < 6; j++) {
      assertTrue(se[j] > 0, "standard error of x" + j);
      double diff = Math.abs(sampled.values(0)[j] - exact.values(0)[j]);
      assertTrue(diff <= 4 * se[j] + 1e-12, "x" + j + ": |diff| " + diff + " > 4 × se " + se[j]);
    }
    assertTrue(sampled.maxLocalAccuracyGap() < 1e-9);
    assertEquals(exact.expectedValue(), sampled.expectedValue(), 0.0);
  }

  @Test
  void kmeansSummary_isDeterministic_andKeepsLocalAccuracy() {
    PredictFunction f = x -> x[0] * x[1] + x[2];
    FeatureMatrix bg = random(200, 3, 8);
    FeatureMatrix rows = random(3, 3, 9);
    KernelShap engine = KernelShap.builder().summarize(10).seed(3).build();
    ShapReport a = engine.explain(f, bg, rows);
    ShapReport b = engine.explain(f, bg, rows);
    assertEquals(10, a.backgroundRows());
    assertEquals(200, a.backgroundSize());
    assertArrayEquals(a.values(2), b.values(2), 0.0);
    assertTrue(a.maxLocalAccuracyGap() < 1e-12);
    // Linear part x2: φ_2 = x2 - Σ_c w_c c_2 and the weighted centre mean equals the data mean
    // (k-means centres are cluster means, weights the cluster shares).
    assertEquals(rows.row(0)[2] - mean(bg.column("x2")), a.values(0)[2], 1e-12);
  }

  @Test
  void byGroup_averagesPerGroup() {
    // f = x0 with background mean 0 ⇒ φ_0 = x0 (by hand); rows x0 = 1, -3, 2 in groups a, b, a:
    // mean |φ_0| of a = (1 + 2) / 2 = 1.5, of b = 3; mean φ_0 of b = -3.
    FeatureMatrix bg = FeatureMatrix.of(List.of("x0", "x1"), new double[][] {{-1, 0}, {1, 0}});
    FeatureMatrix rows =
        FeatureMatrix.of(List.of("x0", "x1"), new double[][] {{1, 5}, {-3, 5}, {2, 5}});
    ShapReport r =
        KernelShap.defaults()
            .explain(x -> x[0], bg, rows)
            .byGroup("sex", new String[] {"a", "b", "a"});
    ShapGroups g = r.groups().orElseThrow();
    assertEquals(List.of("a", "b"), g.groups());
    assertArrayEquals(new int[] {2, 1}, g.counts());
    assertEquals(1.5, g.meanAbs()[0][0], 1e-15);
    assertEquals(3.0, g.meanAbs()[1][0], 1e-15);
    assertEquals(-3.0, g.mean()[1][0], 1e-15);
    assertEquals(2.0, r.meanAbs()[0], 1e-15);
    InMemoryRun run = InMemoryRun.create("t");
    r.logTo(run);
    assertEquals(1.5, run.latestMetric("explain.shap.group.a.x0.mean_abs").orElseThrow(), 1e-15);
    assertEquals(2.0, run.latestMetric("explain.shap.x0.mean_abs").orElseThrow(), 1e-15);
    assertTrue(r.toJson().contains("\"format\" : \"mlops4j.shap-values\""));
    assertTrue(r.toHtml().contains("SHAP by sex"));
    assertTrue(r.toString().contains("mean |shap|"));
  }

  @Test
  void backgroundOfWrongWidth_isNamed() {
    FeatureMatrix bg = random(5, 3, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KernelShap.defaults().explain(x -> x[0], bg, new double[] {1, 2}));
    assertEquals("row must have 3 elements (as background's features), but had 2", e.getMessage());
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () -> KernelShap.defaults().explain(x -> x[0], random(5, 2, 1), random(1, 3, 2)));
    assertEquals(
        "background must be of the same features as rows [x0, x1, x2], but was [x0, x1]",
        other.getMessage());
  }

  @Test
  void budgetTooSmall_isNamed() {
    KernelShap engine = KernelShap.builder().budget(20).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> engine.explain(x -> x[0], random(5, 15, 1), random(1, 15, 2)));
    assertEquals(
        "budget must be at least 2 × features = 30 for 15 features, but was 20", e.getMessage());
    IllegalArgumentException odd =
        assertThrows(IllegalArgumentException.class, () -> KernelShap.builder().budget(7));
    assertEquals("budget must be even and at least 4, but was 7", odd.getMessage());
  }

  @Test
  void modelThatThrowsOrReturnsNaN_isNamedWithTheRow() {
    FeatureMatrix bg = FeatureMatrix.of(List.of("a", "b"), new double[][] {{0, 0}, {1, 1}});
    MlopsException thrown =
        assertThrows(
            MlopsException.class,
            () ->
                KernelShap.defaults()
                    .explain(
                        x -> {
                          if (x[0] == 5) {
                            throw new ArithmeticException("overflow");
                          }
                          return x[0];
                        },
                        bg,
                        new double[] {5, 0}));
    assertEquals(
        "predict of row 0 failed: java.lang.ArithmeticException: overflow", thrown.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KernelShap.defaults()
                    .explain(x -> x[1] == 1 ? Double.NaN : 0, bg, new double[] {5, 0}));
    assertEquals("prediction of background row 1 must be finite, but was NaN", nan.getMessage());
  }

  @Test
  void unknownFeature_isNamed() {
    ShapReport r = KernelShap.defaults().explain(x -> x[0], random(3, 2, 1), new double[] {1, 2});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.value(0, "age"));
    assertEquals("feature must be one of [x0, x1], but was 'age'", e.getMessage());
  }

  @Test
  void sampled_doesNotDependOnThreads_andWithoutBootstrapHasNoStandardError() {
    PredictFunction f = x -> x[0] * x[1] * x[2] + x[3];
    FeatureMatrix bg = random(10, 4, 11);
    FeatureMatrix rows = random(2, 4, 12);
    KernelShap one = KernelShap.builder().exactLimit(0).budget(64).threads(1).build();
    ShapReport a = one.explain(f, bg, rows);
    ShapReport b = one.toBuilder().threads(3).build().explain(f, bg, rows);
    assertArrayEquals(a.values(1), b.values(1), 0.0);
    assertArrayEquals(a.standardErrors(1), b.standardErrors(1), 0.0);
    ShapReport none = one.toBuilder().bootstrap(0).build().explain(f, bg, rows);
    assertTrue(Double.isNaN(none.standardErrors(0)[0]));
    assertArrayEquals(a.values(0), none.values(0), 0.0);
    assertTrue(none.toJson().contains("\"standardErrorsReason\" : \"no bootstrap resamples\""));
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
