package org.mlops4j.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceDataTest {

  @Test
  void stringLabels_mismatchIsAnError() {
    SliceData d = SliceData.of(new String[] {"a", "b", "c"}, new String[] {"a", "c", "c"});
    assertEquals(SliceMeasure.ERROR_RATE, d.measure());
    assertEquals(3, d.size());
    assertEquals("SliceData[3 rows, error rate, features []]", d.toString());
  }

  @Test
  void features_keepTheirOrder_andAddingReturnsANewValue() {
    SliceData d = SliceData.ofLoss(new double[] {1, 2});
    SliceData e =
        d.feature("b", new String[] {"x", "y"}).feature("a", new double[] {1, Double.NaN});
    assertEquals(List.of(), d.features());
    assertEquals(List.of("b", "a"), e.features());
    assertEquals(SliceMeasure.MEAN_LOSS, e.measure());
  }

  @Test
  void lengthMismatch_isRejected_namingBoth() {
    assertEquals(
        "predictions must have 3 elements (as labels), but had 2",
        assertThrows(
                IllegalArgumentException.class,
                () -> SliceData.of(new int[] {1, 2, 3}, new int[] {1, 2}))
            .getMessage());
    assertEquals(
        "feature 'age' must have 2 elements (as labels), but had 3",
        assertThrows(
                IllegalArgumentException.class,
                () -> SliceData.ofErrors(new boolean[2]).feature("age", new double[3]))
            .getMessage());
  }

  @Test
  void emptyTable_isRejected() {
    assertEquals(
        "labels must be non-empty, but was an empty array",
        assertThrows(
                IllegalArgumentException.class, () -> SliceData.of(new String[0], new String[0]))
            .getMessage());
    assertEquals(
        "loss must be non-empty, but was an empty array",
        assertThrows(IllegalArgumentException.class, () -> SliceData.ofLoss(new double[0]))
            .getMessage());
    assertEquals(
        "errors must be non-empty, but was an empty array",
        assertThrows(IllegalArgumentException.class, () -> SliceData.ofErrors(new boolean[0]))
            .getMessage());
  }

  @Test
  void badValues_areRejected_namingTheRow() {
    assertEquals(
        "loss[1] must be finite, but was NaN",
        assertThrows(
                IllegalArgumentException.class,
                () -> SliceData.ofLoss(new double[] {1, Double.NaN}))
            .getMessage());
    assertEquals(
        "age[0] must be finite or NaN (missing), but was Infinity",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SliceData.ofErrors(new boolean[1])
                        .feature("age", new double[] {Double.POSITIVE_INFINITY}))
            .getMessage());
    assertEquals(
        "country[1] must not be null",
        assertThrows(
                NullPointerException.class,
                () ->
                    SliceData.ofErrors(new boolean[2]).feature("country", new String[] {"a", null}))
            .getMessage());
    assertEquals(
        "labels[0] must not be null",
        assertThrows(
                NullPointerException.class,
                () -> SliceData.of(new String[] {null}, new String[] {"a"}))
            .getMessage());
  }

  @Test
  void featureNames_mustBeNewAndNonBlank() {
    SliceData d = SliceData.ofErrors(new boolean[2]).feature("a", new int[] {1, 2});
    assertEquals(
        "name must be a feature name not given before, but was 'a'",
        assertThrows(IllegalArgumentException.class, () -> d.feature("a", new int[] {1, 2}))
            .getMessage());
    assertEquals(
        "name must be non-blank, but was ' '",
        assertThrows(IllegalArgumentException.class, () -> d.feature(" ", new int[] {1, 2}))
            .getMessage());
    assertEquals(
        "values must not be null",
        assertThrows(NullPointerException.class, () -> d.feature("b", (String[]) null))
            .getMessage());
  }
}
