package org.mlops4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one message shape of docs/CONVENTIONS.md "Errors", message by message. */
class RequireTest {

  @Test
  void nonNull_returnsTheValueOrThrowsNpeNamingIt() {
    assertThat(Require.nonNull("x", "name")).isEqualTo("x");
    assertThatThrownBy(() -> Require.nonNull(null, "run"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("run must not be null");
  }

  @Test
  void noNulls_namesTheArrayOrTheNullElement() {
    String[] ok = {"a", "b"};
    assertThat(Require.noNulls(ok, "names")).isSameAs(ok);
    assertThatThrownBy(() -> Require.noNulls(null, "names"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("names must not be null");
    assertThatThrownBy(() -> Require.noNulls(new String[] {"a", null}, "names"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("names[1] must not be null");
  }

  @Test
  void argument_andMustBe_buildTheOneShape() {
    Require.argument(true, "alpha", "in (0, 1)", 1.5);
    assertThat(Require.mustBe("bins", "at least 2", 1))
        .isEqualTo("bins must be at least 2, but was 1");
    assertThatThrownBy(() -> Require.argument(false, "alpha", "in (0, 1)", 1.5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1), but was 1.5");
    assertThatThrownBy(() -> Require.argument(false, "reference", "one of the groups [A, B]", null))
        .hasMessage("reference must be one of the groups [A, B], but was null");
  }

  @Test
  void state_throwsIllegalStateWithTheSentence() {
    Require.state(true, "unused");
    assertThatThrownBy(() -> Require.state(false, "call fit(reference) before compare(current)"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("call fit(reference) before compare(current)");
  }

  @Test
  void finite_refusesNanAndInfinities() {
    assertThat(Require.finite(-0.5, "x")).isEqualTo(-0.5);
    assertThatThrownBy(() -> Require.finite(Double.NaN, "threshold"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be finite, but was NaN");
    assertThatThrownBy(() -> Require.finite(Double.NEGATIVE_INFINITY, "threshold"))
        .hasMessage("threshold must be finite, but was -Infinity");
  }

  @Test
  void positive_inEachNumberType() {
    assertThat(Require.positive(0.1, "lambda")).isEqualTo(0.1);
    assertThat(Require.positive(3, "bins")).isEqualTo(3);
    assertThat(Require.positive(7L, "seed")).isEqualTo(7L);
    assertThatThrownBy(() -> Require.positive(0.0, "lambda"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("lambda must be positive and finite, but was 0.0");
    assertThatThrownBy(() -> Require.positive(Double.POSITIVE_INFINITY, "lambda"))
        .hasMessage("lambda must be positive and finite, but was Infinity");
    assertThatThrownBy(() -> Require.positive(Double.NaN, "lambda"))
        .hasMessage("lambda must be positive and finite, but was NaN");
    assertThatThrownBy(() -> Require.positive(0, "bins"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be positive, but was 0");
    assertThatThrownBy(() -> Require.positive(-1L, "windowSize"))
        .hasMessage("windowSize must be positive, but was -1");
  }

  @Test
  void nonNegative_inEachNumberType() {
    assertThat(Require.nonNegative(0.0, "delta")).isEqualTo(0.0);
    assertThat(Require.nonNegative(0, "minSamples")).isZero();
    assertThat(Require.nonNegative(0L, "offset")).isZero();
    assertThatThrownBy(() -> Require.nonNegative(-0.1, "delta"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("delta must be non-negative and finite, but was -0.1");
    assertThatThrownBy(() -> Require.nonNegative(Double.NaN, "delta"))
        .hasMessage("delta must be non-negative and finite, but was NaN");
    assertThatThrownBy(() -> Require.nonNegative(-1, "minSamples"))
        .hasMessage("minSamples must be non-negative, but was -1");
    assertThatThrownBy(() -> Require.nonNegative(-2L, "offset"))
        .hasMessage("offset must be non-negative, but was -2");
  }

  @Test
  void openUnit_excludesBothEndsAndNan() {
    assertThat(Require.openUnit(0.05, "alpha")).isEqualTo(0.05);
    assertThatThrownBy(() -> Require.openUnit(0.0, "alpha"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1), but was 0.0");
    assertThatThrownBy(() -> Require.openUnit(1.0, "alpha"))
        .hasMessage("alpha must be in (0, 1), but was 1.0");
    assertThatThrownBy(() -> Require.openUnit(Double.NaN, "alpha"))
        .hasMessage("alpha must be in (0, 1), but was NaN");
  }

  @Test
  void closedUnit_includesBothEndsAndRefusesNan() {
    assertThat(Require.closedUnit(0.0, "share")).isZero();
    assertThat(Require.closedUnit(1.0, "share")).isEqualTo(1.0);
    assertThatThrownBy(() -> Require.closedUnit(1.5, "share"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("share must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> Require.closedUnit(Double.NaN, "share"))
        .hasMessage("share must be in [0, 1], but was NaN");
  }

  @Test
  void finiteArray_namesTheFirstBadElement() {
    double[] ok = {1, 2};
    assertThat(Require.finite(ok, "reference")).isSameAs(ok);
    assertThatThrownBy(
            () ->
                Require.finite(
                    new double[] {1, 2, Double.NaN, Double.POSITIVE_INFINITY}, "reference"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference[2] must be finite, but was NaN");
    assertThatThrownBy(() -> Require.finite((double[]) null, "reference"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("reference must not be null");
  }

  @Test
  void nonEmpty_refusesAnEmptyArray() {
    double[] ok = {0};
    assertThat(Require.nonEmpty(ok, "current")).isSameAs(ok);
    assertThatThrownBy(() -> Require.nonEmpty(new double[0], "current"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("current must be non-empty, but was an empty array");
    assertThatThrownBy(() -> Require.nonEmpty(null, "current"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("current must not be null");
  }

  @Test
  void sameLength_namesBothArrays() {
    Require.sameLength(4, "predictions", 4, "labels");
    assertThatThrownBy(() -> Require.sameLength(3, "predictions", 4, "labels"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("predictions must have 4 elements (as labels), but had 3");
  }

  @Test
  void nonBlank_quotesTheBlankText() {
    assertThat(Require.nonBlank(" a ", "name")).isEqualTo(" a ");
    assertThatThrownBy(() -> Require.nonBlank("  ", "experiment name"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("experiment name must be non-blank, but was '  '");
    assertThatThrownBy(() -> Require.nonBlank("", "experiment name"))
        .hasMessage("experiment name must be non-blank, but was ''");
    assertThatThrownBy(() -> Require.nonBlank(null, "experiment name"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("experiment name must not be null");
  }

  @Test
  void atLeast_namesTheMinimumAndTheActualSize() {
    Require.atLeast(2, 2, "sample1");
    assertThatThrownBy(() -> Require.atLeast(1, 2, "sample1"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample1 must have at least 2 values, but had 1");
  }
}
