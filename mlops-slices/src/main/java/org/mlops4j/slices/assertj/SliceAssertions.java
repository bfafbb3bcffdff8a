package org.mlops4j.slices.assertj;

import org.mlops4j.slices.SliceReport;

/**
 * Entry point of the slice assertions.
 *
 * <pre>{@code
 * import static org.mlops4j.slices.assertj.SliceAssertions.assertThat;
 *
 * assertThat(SliceFinder.defaults().audit(data))
 *     .hasNoSliceWorseThanOverallBy(500, 0.05)
 *     .hasNoSignificantSlice();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SliceAssertions {

  private SliceAssertions() {}

  /**
   * @param actual the slice report under test
   * @return assertions on it
   */
  public static SliceReportAssert assertThat(SliceReport actual) {
    return new SliceReportAssert(actual);
  }
}
