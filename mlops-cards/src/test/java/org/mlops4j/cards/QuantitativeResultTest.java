package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantitativeResultTest {

  @Test
  void slices_sayWhetherTheyAreOverallUnitaryOrIntersectional() {
    assertTrue(QuantitativeResult.of("accuracy", "", 0.9).overall());
    assertFalse(QuantitativeResult.of("accuracy", "sex=F", 0.9).intersectional());
    assertTrue(QuantitativeResult.of("accuracy", "race=A|sex=F", 0.9).intersectional());
  }

  @Test
  void toString_showsValueIntervalAndLevel() {
    assertEquals(
        "tpr [sex=F] = 0.5000 [0.4000, 0.6000] (95%)",
        QuantitativeResult.of("tpr", "sex=F", 0.5, 0.4, 0.6, 0.95).toString());
  }

  @Test
  void tooSmall_isTheFlagOfAGroupTooSmallToJudge_only() {
    QuantitativeResult small =
        new QuantitativeResult(
            "tpr", "g=a", 0.5, 0.4, 0.6, 0.95, "", 32, "n=32 < 100, too small to judge");
    QuantitativeResult other =
        new QuantitativeResult("tpr", "g=a", 0.5, 0.4, 0.6, 0.95, "", 32, "estimated");
    assertTrue(small.tooSmall());
    assertFalse(other.tooSmall());
    assertFalse(QuantitativeResult.of("tpr", "g=a", 0.5).tooSmall());
  }

  @Test
  void toString_writesTheRowsOnce() {
    QuantitativeResult small =
        new QuantitativeResult(
            "tpr", "g=a", 0.5, 0.4, 0.6, 0.95, "", 32, "n=32 < 100, too small to judge");
    assertEquals(
        "tpr [g=a] = 0.5000 [0.4000, 0.6000] (95%) (n=32 < 100, too small to judge)",
        small.toString());
    QuantitativeResult three =
        new QuantitativeResult("tpr", "g=a", 0.5, 0.4, 0.6, 0.95, "", 3, "n=32 elsewhere");
    assertTrue(three.toString().contains(" n=3 (n=32 elsewhere)"), three.toString());
  }

  @Test
  void oneBoundWithoutTheOther_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> QuantitativeResult.of("tpr", "", 0.5, 0.4, Double.NaN, 0.95));
    assertEquals(
        "[lower, upper] must be both numbers or both NaN, but was [0.4, NaN]", e.getMessage());
  }
}
