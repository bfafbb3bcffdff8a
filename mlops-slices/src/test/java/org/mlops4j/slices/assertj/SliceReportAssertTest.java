package org.mlops4j.slices.assertj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mlops4j.slices.assertj.SliceAssertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;

class SliceReportAssertTest {

  /** 4000 rows, 2 groups; errors at rates 0.1 and 0.3 (A) or 0.1 everywhere (fair). */
  private static SliceReport report(boolean planted) {
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 4000;
    boolean[] err = new boolean[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = i % 4 == 0 ? "A" : "B";
      err[i] = rnd.nextDouble() < (planted && g[i].equals("A") ? 0.3 : 0.1);
    }
    return SliceFinder.defaults().audit(SliceData.ofErrors(err).feature("g", g));
  }

  @Test
  void aFairModel_passes() {
    assertThat(report(false))
        .hasNoSignificantSlice()
        .hasNoSliceWorseThanOverallBy(500, 0.05)
        .hasNoSliceWorseThan(500, 0.2);
  }

  @Test
  void aFailingSlice_failsWithItsNumbers() {
    SliceReport r = report(true);
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> assertThat(r).hasNoSliceWorseThanOverallBy(500, 0.05));
    var a = r.significant().get(0);
    assertEquals(
        String.format(
            java.util.Locale.ROOT,
            "Expecting no slice of at least 500 rows with error rate above %.3f (overall %.3f +"
                + " 0.05) but 1 was: g=A %.3f [%.3f, %.3f] on 1000 rows",
            r.overall() + 0.05,
            r.overall(),
            a.value(),
            a.interval().lower(),
            a.interval().upper()),
        e.getMessage());
    assertThrows(AssertionError.class, () -> assertThat(r).hasNoSignificantSlice());
    assertThrows(AssertionError.class, () -> assertThat(r).hasNoSliceWorseThan(500, 0.2));
  }

  @Test
  void aReportWithNothingExamined_failsRatherThanPassing() {
    SliceReport empty = SliceFinder.defaults().audit(SliceData.ofErrors(new boolean[10]));
    AssertionError e =
        assertThrows(AssertionError.class, () -> assertThat(empty).hasNoSignificantSlice());
    assertEquals(
        "Expecting slices to be examined but none was: nothing examined: no feature to slice on",
        e.getMessage());
  }

  @Test
  void aNaNBound_isRejected() {
    assertEquals(
        "margin must be a number, but was NaN",
        assertThrows(
                IllegalArgumentException.class,
                () -> assertThat(report(false)).hasNoSliceWorseThanOverallBy(1, Double.NaN))
            .getMessage());
  }
}
