package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationChartTest {

  private static String chart() {
    return CalibrationChart.builder()
        .title("Calibration")
        .curve("A & B", new double[] {0.1, 0.9}, new double[] {0.2, 0.8}, new long[] {100, 25})
        .curve(
            "small",
            new double[] {0.3, 0.6},
            new double[] {0.0, 1.0},
            new long[] {1, 1},
            "too small")
        .build()
        .toHtml();
  }

  @Test
  void axes_runFromZeroToOneWithTicksEvery0point2AndTheirTitles() {
    String svg = chart();
    for (String tick : new String[] {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}) {
      assertThat(svg).contains(">" + tick + "</text>");
    }
    assertThat(svg).contains(">mean predicted score</text>").contains(">fraction of positives<");
    assertThat(svg).contains(">perfectly calibrated</text>").contains("stroke-dasharray=\"4 4\"");
  }

  @Test
  void markerArea_isProportionalToTheBinsRowsOnOneScaleForAllCurves() {
    String svg = chart();
    // the largest bin (100 rows) has radius 9; 25 rows: 9 * sqrt(0.25) = 4.5; 1 row: at least 2.2
    assertThat(svg).containsPattern(" r=\"9\" [^>]*><title>A &amp; B: mean score 0.100");
    assertThat(svg).containsPattern(" r=\"4.5\" [^>]*><title>A &amp; B: mean score 0.900");
    assertThat(svg).contains("1 rows (too small)");
  }

  @Test
  void flaggedCurves_sayWhyInTheLegend() {
    assertThat(chart()).contains(">n=2, too small</text>").contains(">n=125</text>");
  }

  @Test
  void legendNames_areKeptWholeUpToTheLabelWidthAndInFullOnHoverBeyond() {
    String name = "race=African-American · sex=Female · age=25-45"; // 46 characters
    assertThat(name).hasSize(46);
    double[] x = {0.2, 0.7};
    long[] n = {10, 10};
    // default 172 px: floor(172 / 6.6) = 26 characters, the last an ellipsis
    String cut = CalibrationChart.builder().curve(name, x, x, n).build().toHtml();
    assertThat(cut).contains("<title>" + name + "</title>" + name.substring(0, 25) + "…</text>");
    // 310 px: floor(310 / 6.6) = 46 characters, the whole name
    String whole = CalibrationChart.builder().labelWidth(310).curve(name, x, x, n).build().toHtml();
    assertThat(whole).contains(">" + name + "</text>").doesNotContain("…");
    // the chart is as wide as its legend: 46 x 6.6 = 303.6 px more than the name's 26 characters
    assertThat(svgWidth(whole) - svgWidth(cut)).isCloseTo((46 - 26) * 6.6, within(1e-6));
    assertThatThrownBy(() -> CalibrationChart.builder().labelWidth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labelWidth must be 40 to 1000 pixels, but was 0");
  }

  private static double svgWidth(String svg) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^<svg [^>]*width=\"([0-9.]+)\"").matcher(svg);
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void valuesOutsideTheUnitInterval_areRefused() {
    assertThatThrownBy(
            () ->
                CalibrationChart.builder()
                    .curve("a", new double[] {1.5}, new double[] {0.5}, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meanScore[0] must be in [0, 1], but was 1.5");
    assertThatThrownBy(
            () ->
                CalibrationChart.builder()
                    .curve("a", new double[] {0.5}, new double[] {0.5, 0.1}, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CalibrationChart.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Add at least one curve(...) before build().");
  }
}
