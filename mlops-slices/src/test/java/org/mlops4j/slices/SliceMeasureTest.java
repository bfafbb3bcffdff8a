package org.mlops4j.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SliceMeasureTest {

  @Test
  void fromKey_readsTheStableKeys() {
    assertEquals(SliceMeasure.ERROR_RATE, SliceMeasure.fromKey("error_rate"));
    assertEquals(SliceMeasure.MEAN_LOSS, SliceMeasure.fromKey("MEAN_LOSS"));
    assertEquals(
        "key must be error_rate or mean_loss, but was auc",
        assertThrows(IllegalArgumentException.class, () -> SliceMeasure.fromKey("auc"))
            .getMessage());
  }
}
