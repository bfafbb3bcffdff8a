package org.mlops4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {

  @Test
  void rowsAreCopied() {
    double[][] rows = {{1, 2}};
    FeatureMatrix m = FeatureMatrix.of(List.of("a", "b"), rows);
    rows[0][0] = 9;
    assertEquals(1, m.row(0)[0]);
    assertEquals("FeatureMatrix[a, b] (1 rows)", m.toString());
  }

  @Test
  void badInput_isNamed() {
    assertEquals(
        "rows[1] must have 2 elements (as names), but had 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureMatrix.of(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
            .getMessage());
    assertEquals(
        "names must be distinct, but was [a, a] ('a' twice)",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureMatrix.of(List.of("a", "a"), new double[][] {{1, 2}}))
            .getMessage());
    assertEquals(
        "rows[0][1] must be finite, but was NaN",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureMatrix.of(List.of("a", "b"), new double[][] {{1, Double.NaN}}))
            .getMessage());
    assertEquals(
        "feature must be one of [a, b], but was 'c'",
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureMatrix.of(List.of("a", "b"), new double[][] {{1, 2}}).column("c"))
            .getMessage());
  }
}
