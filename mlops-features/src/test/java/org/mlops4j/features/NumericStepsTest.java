package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values from NumPy 2.4.6 / SciPy 1.17.1, script /tmp/feat/ref.py:
 *
 * <pre>
 * x = np.array([0.5, 2.0, -1.5, 3.25, 7.0, 0.0, -0.25, 12.5, 1.75, 4.0])
 * y, l = scipy.stats.yeojohnson(x); np.median(x); x.mean(); x.std()
 * np.quantile(x, [0.25, 0.5, 0.75]); np.linspace(x.min(), x.max(), 5)[1:-1]
 * scipy.stats.mode([3., 1., 3., 1., 2.]).mode; np.log1p(3.25)
 * </pre>
 */
class NumericStepsTest {

  private static final double[] X = {0.5, 2.0, -1.5, 3.25, 7.0, 0.0, -0.25, 12.5, 1.75, 4.0};

  @Test
  void imputers_fillNaNWithTheFittedStatistic() {
    double[] withNaN = {0.5, 2.0, -1.5, 3.25, 7.0, Double.NaN, 0.0, -0.25, 12.5, 1.75, 4.0};
    assertEquals(2.925, NumericSteps.meanImputer().fit(withNaN).apply(Double.NaN), 1e-15);
    assertEquals(1.875, NumericSteps.medianImputer().fit(withNaN).apply(Double.NaN));
    assertEquals(
        1.0,
        NumericSteps.mostFrequentImputer()
            .fit(new double[] {3, 1, 3, 1, 2, Double.NaN})
            .apply(Double.NaN));
    assertEquals(-1.0, NumericSteps.constantImputer(-1).fit(withNaN).apply(Double.NaN));
    assertEquals(5.0, NumericSteps.medianImputer().fit(withNaN).apply(5.0));
  }

  @Test
  void standard_usesPopulationStd() {
    FittedStep s = NumericSteps.standard().fit(X);
    assertEquals(2.925, (Double) s.parameters().get("mean"), 1e-15);
    assertEquals(3.9481799604374666, (Double) s.parameters().get("scale"), 1e-14);
    assertEquals((7.0 - 2.925) / 3.9481799604374666, s.apply(7.0), 1e-14);
    assertEquals(0.0, NumericSteps.standard().fit(new double[] {4, 4}).apply(4.0));
  }

  @Test
  void minMax_mapsTheTrainingRangeToUnit() {
    FittedStep s = NumericSteps.minMax().fit(X);
    assertEquals(0.14285714285714285, s.apply(0.5), 1e-15);
    assertEquals(0.25, s.apply(2.0), 1e-15);
    assertEquals(0.0, s.apply(-1.5));
    assertEquals(1.0, s.apply(12.5));
  }

  @Test
  void log1p_matchesNumpy() {
    assertEquals(1.4469189829363254, NumericSteps.log1p().fit(X).apply(3.25), 1e-15);
  }

  @Test
  void yeoJohnson_fitsScipyLambdaAndValues() {
    FittedStep s = NumericSteps.yeoJohnson().fit(X);
    double lambda = (Double) s.parameters().get("lambda");
    assertEquals(0.3949678051715277, lambda, 1e-7);
    double[] scipyY = {
      0.4397366551095827,
      1.3755297693042559,
      -2.088541756703803,
      1.9517980309333616,
      3.224267196771932,
      0.0,
      -0.26833349797166034,
      4.545711186214924,
      1.2435272208409178,
      2.2490402758620966
    };
    for (int i = 0; i < X.length; i++) {
      assertEquals(scipyY[i], s.apply(X[i]), 1e-6, "x = " + X[i]);
    }
    // all negative: scipy.stats.yeojohnson([-1, -2, -4.5, -0.5, -9])[1] = 2.362205338438047
    double neg =
        (Double)
            NumericSteps.yeoJohnson()
                .fit(new double[] {-1, -2, -4.5, -0.5, -9})
                .parameters()
                .get("lambda");
    assertEquals(2.362205338438047, neg, 1e-6);
  }

  @Test
  void yeoJohnson_withLambdaRestored_givesTheFormulaValues() {
    // hand: lambda 0.5, x = 3 -> ((3 + 1)^0.5 - 1) / 0.5 = 2; x = -3 -> -((1 + 3)^1.5 - 1) / 1.5
    FittedStep s = NumericSteps.yeoJohnson().restore(Map.of("lambda", 0.5));
    assertEquals(2.0, s.apply(3.0), 1e-15);
    assertEquals(-7.0 / 1.5, s.apply(-3.0), 1e-14);
    assertEquals(Double.NaN, s.apply(Double.NaN));
  }

  @Test
  void quantileBuckets_useNumpyQuantileEdgesAndDigitize() {
    FittedStep s = NumericSteps.quantileBuckets(4).fit(X);
    assertArrayEquals(new double[] {0.125, 1.875, 3.8125}, (double[]) s.parameters().get("edges"));
    // np.digitize([-2, 0.5, 1.0, 3.25, 20], edges) = [0 1 1 2 3]
    double[] in = {-2, 0.5, 1.0, 3.25, 20};
    double[] want = {0, 1, 1, 2, 3};
    for (int i = 0; i < in.length; i++) {
      assertEquals(want[i], s.apply(in[i]));
    }
  }

  @Test
  void equalWidthBuckets_useLinspaceEdges() {
    FittedStep s = NumericSteps.equalWidthBuckets(4).fit(X);
    assertArrayEquals(new double[] {2.0, 5.5, 9.0}, (double[]) s.parameters().get("edges"));
    assertEquals(1.0, s.apply(2.0));
  }

  @Test
  void badInput_isRefusedWithClearMessages() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NumericSteps.standard().fit(new double[] {Double.NaN}));
    assertEquals(
        "training must be values with a finite one to fit on, but was without one", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NumericSteps.quantileBuckets(1));
    assertEquals("buckets must be at least 2, but was 1", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> NumericSteps.standard().restore(Map.of()));
    assertEquals("parameter 'mean' must be present, but was missing", e.getMessage());
  }
}
