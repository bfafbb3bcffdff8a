package org.mlops4j.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.Interval;

class SliceTest {

  private static final Interval CI = new Interval(0.2, 0.5, 0.95, "wilson");

  @Test
  void toString_isOneReadableLine() {
    Slice s =
        new Slice(
            "a=p|b=q",
            List.of("a=p", "b=q"),
            40,
            0.35,
            CI,
            110,
            0.127,
            0.223,
            0.536,
            3.1,
            Double.NaN,
            0.00098,
            0.0029,
            true);
    assertEquals(2, s.depth());
    assertEquals(
        "a=p|b=q: n=40, 0.3500 [0.2000, 0.5000] vs rest 0.1270, effect 0.536, p_adj=0.00290,"
            + " significant",
        s.toString());
  }

  @Test
  void badParts_areRejected() {
    assertEquals(
        "conditions must be non-empty, but was []",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Slice("x", List.of(), 1, 0, CI, 1, 0, 0, 0, 0, 0, 1, 1, false))
            .getMessage());
    assertEquals(
        "rows must be non-negative, but was -1",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Slice("x", List.of("x"), -1, 0, CI, 1, 0, 0, 0, 0, 0, 1, 1, false))
            .getMessage());
  }
}
