package org.mlops4j.slices.assertj;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.mlops4j.api.internal.Require;
import org.mlops4j.slices.Slice;
import org.mlops4j.slices.SliceReport;

/**
 * Assertions on a {@link SliceReport}. A report in which no slice was examined fails every
 * assertion, with its notes, rather than passing vacuously. Failure messages name the slice, its
 * rows, its value and interval and the bound, for example
 *
 * <pre>
 * Expecting no slice of at least 500 rows with error rate above 0.255 (overall 0.205 + 0.05) but
 * 2 were: a=q|b=q 0.314 [0.302, 0.327] on 5052 rows, a=p|b=p 0.303 [0.290, 0.316] on 4993 rows
 * </pre>
 *
 * (on one line). Only slices the search examined are judged (see {@link
 * SliceReport#slicesWorseThan(int, double)}).
 *
 * @since 0.1.0
 */
public class SliceReportAssert extends AbstractAssert<SliceReportAssert, SliceReport> {

  private static final int LISTED = 5;

  /**
   * @param actual the report under test
   */
  public SliceReportAssert(SliceReport actual) {
    super(actual, SliceReportAssert.class);
  }

  private boolean examined() {
    if (actual.examined().isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting slices to be examined but none was: " + String.join("; ", actual.notes()));
      return false;
    }
    return true;
  }

  /**
   * Verifies that no examined slice of at least minSupport rows has an error rate (or mean loss)
   * above a value.
   *
   * @param minSupport the fewest rows of a slice judged
   * @param max the highest value allowed
   * @return this
   * @throws IllegalArgumentException if minSupport is negative or max is NaN
   */
  public SliceReportAssert hasNoSliceWorseThan(int minSupport, double max) {
    isNotNull();
    Require.nonNegative(minSupport, "minSupport");
    Require.argument(!Double.isNaN(max), "max", "a number", max);
    if (examined()) {
      check(minSupport, max, bound(max));
    }
    return this;
  }

  /**
   * Verifies that no examined slice of at least minSupport rows has an error rate (or mean loss)
   * above the overall one plus a margin: "no slice of at least 500 rows with error above overall +
   * 0.05".
   *
   * @param minSupport the fewest rows of a slice judged
   * @param margin how much worse than overall a slice may be
   * @return this
   * @throws IllegalArgumentException if minSupport is negative or margin is NaN
   */
  public SliceReportAssert hasNoSliceWorseThanOverallBy(int minSupport, double margin) {
    isNotNull();
    Require.nonNegative(minSupport, "minSupport");
    Require.argument(!Double.isNaN(margin), "margin", "a number", margin);
    if (examined()) {
      double max = actual.overall() + margin;
      check(
          minSupport,
          max,
          v(max) + " (overall " + v(actual.overall()) + " + " + bound(margin) + ")");
    }
    return this;
  }

  private void check(int minSupport, double max, String what) {
    List<Slice> worse = actual.slicesWorseThan(minSupport, max);
    if (!worse.isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting no slice of at least "
              + minSupport
              + " rows with "
              + actual.measure().label()
              + " above "
              + what
              + " but "
              + worse.size()
              + (worse.size() == 1 ? " was: " : " were: ")
              + list(worse));
    }
  }

  /**
   * Verifies that the search found no significant slice.
   *
   * @return this
   */
  public SliceReportAssert hasNoSignificantSlice() {
    isNotNull();
    if (examined() && !actual.significant().isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting no significant slice (Benjamini-Hochberg at "
              + bound(actual.alpha())
              + ", effect size at least "
              + bound(actual.minEffectSize())
              + ") but "
              + actual.significant().size()
              + (actual.significant().size() == 1 ? " was: " : " were: ")
              + list(actual.significant()));
    }
    return this;
  }

  private static String list(List<Slice> slices) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(LISTED, slices.size()); i++) {
      Slice s = slices.get(i);
      sb.append(i == 0 ? "" : ", ")
          .append(s.name())
          .append(' ')
          .append(v(s.value()))
          .append(" [")
          .append(v(s.interval().lower()))
          .append(", ")
          .append(v(s.interval().upper()))
          .append("] on ")
          .append(s.rows())
          .append(" rows");
    }
    if (slices.size() > LISTED) {
      sb.append(" and ").append(slices.size() - LISTED).append(" more");
    }
    return sb.toString();
  }

  private static String bound(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private static String v(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }
}
