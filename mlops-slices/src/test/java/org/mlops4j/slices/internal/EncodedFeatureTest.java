package org.mlops4j.slices.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

class EncodedFeatureTest {

  private static final SearchSettings SETTINGS =
      new SearchSettings(0.05, 2, 0.2, 2, 100, 5, Binning.QUANTILE, 0.95, 50);

  @Test
  void quantileEdges_matchNumpy() {
    // numpy.quantile([3,1,4,1,5,9,2,6], [0.2, 0.4, 0.6, 0.8]) = [1.4, 2.8, 4.2, 5.6]
    double[] sorted = {1, 1, 2, 3, 4, 5, 6, 9};
    assertArrayEquals(
        new double[] {1.4, 2.8, 4.2, 5.6},
        EncodedFeature.edges(sorted, 5, Binning.QUANTILE),
        1e-12);
    // equal widths over [1, 9]: 2.6, 4.2, 5.8, 7.4
    assertArrayEquals(
        new double[] {2.6, 4.2, 5.8, 7.4},
        EncodedFeature.edges(sorted, 5, Binning.EQUAL_WIDTH),
        1e-12);
  }

  @Test
  void rareValues_shareTheSentinelCode() {
    // a: 3 rows, b: 2 rows, c: 1 row; min support 2 keeps a and b, c gets code 2
    FeatureColumn col =
        FeatureColumn.categorical("f", new int[] {0, 0, 0, 1, 1, 2}, List.of("a", "b", "c"));
    EncodedFeature e = (EncodedFeature) EncodedFeature.encode(col, 6, SETTINGS);
    assertEquals(List.of("f=a", "f=b"), e.conditions());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, e.codes());
    assertEquals(3, e.cardinality());
  }

  @Test
  void oneValueFillingEveryQuantile_isSlicedAgainstTheRest() {
    // 94 zeros and 1..6 once: numpy.quantile(x, [0.2, 0.4, 0.6, 0.8]) = [0, 0, 0, 0], no edge above
    // the minimum; the CLI crashed on COMPAS's juv_fel_count with an empty edge list
    double[] x = new double[100];
    for (int i = 0; i < 6; i++) {
      x[94 + i] = i + 1;
    }
    EncodedFeature e =
        (EncodedFeature) EncodedFeature.encode(FeatureColumn.numeric("f", x), 100, SETTINGS);
    assertEquals(List.of("f<1", "f>=1"), e.conditions());
    assertEquals(0, e.codes()[0]);
    assertEquals(1, e.codes()[99]);
  }
}
