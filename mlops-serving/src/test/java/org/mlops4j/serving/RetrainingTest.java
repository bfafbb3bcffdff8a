package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RetrainingTest {

  @Test
  void build_withoutCallback_saysWhatToDo() {
    assertEquals(
        "set callback(...) to say what retraining runs",
        assertThrows(IllegalStateException.class, () -> Retraining.builder().build()).getMessage());
  }

  @Test
  void afterLabelled_mustBePositive() {
    assertEquals(
        "afterLabelled must be positive, but was 0",
        assertThrows(IllegalArgumentException.class, () -> Retraining.builder().afterLabelled(0))
            .getMessage());
  }
}
