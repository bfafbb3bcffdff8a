package org.mlops4j.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.InMemoryRun;

class PartialDependenceTest {

  // Columns: x (numeric), y (numeric), c (categorical codes 0, 1, 2).
  static final FeatureMatrix DATA =
      FeatureMatrix.of(
          List.of("x", "y", "c"),
          new double[][] {{0, 1, 0}, {1, 2, 1}, {2, 3, 1}, {3, 4, 2}, {4, 5, 1}});
  // f = x² + 3 y + 5 [c = 1]
  static final PredictFunction MODEL = r -> r[0] * r[0] + 3 * r[1] + (r[2] == 1 ? 5 : 0);

  @Test
  void numericFeature_pdAndIce_matchAHandComputation() {
    // By hand: PD_x(g) = g² + 3 mean(y) + 5 P(c = 1) = g² + 3 · 3 + 5 · 3/5 = g² + 12.
    // 5 distinct x ≤ 20 grid points: the grid is the values 0..4, each 1/5 of the rows.
    // ICE of row 3 (y = 4, c = 2): g² + 12.
    DependenceReport r = PartialDependence.defaults().explain(MODEL, DATA, "x");
    DependenceCurve c = r.curve("x");
    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, c.grid(), 0.0);
    assertArrayEquals(new double[] {12, 13, 16, 21, 28}, c.average(), 1e-12);
    assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, c.share(), 1e-15);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, c.iceRows());
    assertArrayEquals(new double[] {12, 13, 16, 21, 28}, c.ice()[3], 1e-12);
    assertEquals(16, c.range(), 1e-12);
  }

  @Test
  void categoricalFeature_matchesAHandComputation() {
    // By hand: PD_c(k) = mean(x²) + 3 mean(y) + 5 [k = 1] = (0+1+4+9+16)/5 + 9 + 5 [k = 1]
    // = 15 + 5 [k = 1]; shares: c = 0 in 1 of 5 rows, 1 in 3, 2 in 1.
    DependenceReport r =
        PartialDependence.builder().categorical("c").build().explain(MODEL, DATA, "c");
    DependenceCurve c = r.curve("c");
    assertTrue(c.categorical());
    assertEquals(List.of("0", "1", "2"), c.labels());
    assertArrayEquals(new double[] {15, 20, 15}, c.average(), 1e-12);
    assertArrayEquals(new double[] {0.2, 0.6, 0.2}, c.share(), 1e-15);
  }

  @Test
  void givenGrid_sharesGoToTheNearestGridValue() {
    // Grid {0.5, 3.6}: x = 0, 1, 2 are nearest to 0.5 (2 is 1.5 from 0.5, 1.6 from 3.6), x = 3, 4
    // to 3.6: shares 3/5 and 2/5. PD = g² + 12 (hand computation above).
    DependenceReport r =
        PartialDependence.builder().grid("x", 3.6, 0.5).build().explain(MODEL, DATA, "x");
    DependenceCurve c = r.curve("x");
    assertArrayEquals(new double[] {0.5, 3.6}, c.grid(), 0.0);
    assertArrayEquals(new double[] {0.6, 0.4}, c.share(), 1e-15);
    assertArrayEquals(new double[] {12.25, 3.6 * 3.6 + 12}, c.average(), 1e-12);
  }

  @Test
  void quantileGrid_followsNumpysLinearQuantiles() {
    // 101 rows x = 0..100, 3 grid points from the 5th to the 95th percentile: numpy
    // np.quantile(np.arange(101), [0.05, 0.5, 0.95]) = [5., 50., 95.].
    double[][] rows = new double[101][];
    for (int i = 0; i <= 100; i++) {
      rows[i] = new double[] {i};
    }
    DependenceReport r =
        PartialDependence.builder()
            .gridPoints(3)
            .iceRows(4)
            .build()
            .explain(x -> 2 * x[0], FeatureMatrix.of(List.of("x"), rows));
    DependenceCurve c = r.curve("x");
    assertArrayEquals(new double[] {5, 50, 95}, c.grid(), 1e-12);
    assertArrayEquals(new double[] {10, 100, 190}, c.average(), 1e-12);
    assertEquals(4, c.iceRows().length);
    // Nearest grid value: x ≤ 27 → 5 (28 rows; 27.5 is the midpoint), 28..72 → 50 (45 rows;
    // 72.5), 73..100 → 95 (28 rows).
    assertArrayEquals(new double[] {28 / 101.0, 45 / 101.0, 28 / 101.0}, c.share(), 1e-15);
  }

  @Test
  void outputs_jsonHeader_html_andLogTo() {
    DependenceReport r =
        PartialDependence.builder().categorical("c").build().explain(MODEL, DATA, "x", "c");
    assertTrue(r.toJson().contains("\"format\" : \"mlops4j.partial-dependence\""));
    String html = r.toHtml();
    assertTrue(html.contains("Partial dependence on x"));
    assertTrue(html.contains("<svg"));
    assertTrue(r.toString().startsWith("Partial dependence (5 rows)"));
    InMemoryRun run = InMemoryRun.create("t");
    r.logTo(run);
    assertEquals(16, run.latestMetric("explain.partial_dependence.x.range").orElseThrow(), 1e-12);
    assertTrue(run.artifactPaths().contains("explain/partial_dependence.json"));
  }

  @Test
  void unknownFeature_isNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PartialDependence.defaults().explain(MODEL, DATA, "z"));
    assertEquals("feature must be one of [x, y, c], but was 'z'", e.getMessage());
  }

  @Test
  void modelFailure_isNamedWithTheRowAndGridValue() {
    PredictFunction bad =
        r -> {
          if (r[1] == 3 && r[0] == 4) {
            throw new IllegalStateException("boom");
          }
          return r[0];
        };
    MlopsException e =
        assertThrows(
            MlopsException.class,
            () -> PartialDependence.builder().threads(1).build().explain(bad, DATA, "x"));
    assertEquals(
        "predict of row 2 of data with 'x' = 4.0 failed: java.lang.IllegalStateException: boom",
        e.getMessage());
  }

  @Test
  void categoricalWithGrid_isAConflict() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> PartialDependence.builder().categorical("c").grid("c", 1).build());
    assertEquals(
        "Feature 'c' is categorical and has a grid: give one or the other.", e.getMessage());
  }
}
