package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {

  private static BarChart chart() {
    return BarChart.builder()
        .title("Selection rate")
        .subtitle("95% Wilson intervals")
        .axisLabel("share selected")
        .bar("A", 0.5, 0.4, 0.6)
        .bar("B", 0.3, 0.2, 0.45)
        .bar("<b>small</b>", 0.25, 0.1, 0.5, "n=18, too small")
        .undefined("C", "no rows")
        .reference("overall", 0.42)
        .build();
  }

  @Test
  void axis_hasNiceTicksFromZeroPastTheLargestBoundAndItsTitle() {
    // largest bound 0.6: range nice(0.6, false) = 1, step nice(0.25, true) = 0.2
    String svg = chart().toHtml();
    for (String tick : new String[] {"0.0", "0.2", "0.4", "0.6"}) {
      assertThat(svg).contains(">" + tick + "</text>");
    }
    assertThat(svg).doesNotContain(">0.8</text>");
    assertThat(svg).contains(">share selected</text>").contains(">Selection rate</text>");
  }

  @Test
  void bars_areProportionalToTheirValuesAndCarryTheirNumbersOnHover() {
    String svg = chart().toHtml();
    double a = width(svg, "A: 0.5, interval 0.4 to 0.6");
    double b = width(svg, "B: 0.3, interval 0.2 to 0.45");
    assertThat(a / b).isCloseTo(0.5 / 0.3, within(0.01));
  }

  @Test
  void flaggedAndUndefinedBars_sayWhyInWords() {
    String svg = chart().toHtml();
    assertThat(svg)
        .contains("n=18, too small")
        .contains("fill=\"url(#m4j")
        .contains("undefined: no rows")
        .contains("&lt;b&gt;small&lt;/b&gt;")
        .doesNotContain("<b>");
  }

  @Test
  void referenceLine_isDashedAndLabelledWithItsValue() {
    String svg = chart().toHtml();
    assertThat(svg).contains(">overall 0.42</text>").contains("stroke-dasharray=\"5 3\"");
  }

  @Test
  void longLabels_areShortenedWithTheFullLabelOnHover() {
    String name = "race=African-American|sex=Female|age=25-45";
    String svg = BarChart.builder().bar(name, 0.5).build().toHtml();
    assertThat(svg)
        .contains("<title>" + name + "</title>")
        .contains("race=African-American|sex=…<");
  }

  @Test
  void decimals_lineTheValuesUp() {
    String svg = BarChart.builder().decimals(3).bar("A", 0.5).bar("B", 0.04348).build().toHtml();
    assertThat(svg).contains(">0.500</text>").contains(">0.043</text>");
  }

  @Test
  void zeros_getAnAxisFromZeroToOne() {
    String svg = BarChart.builder().bar("A", 0).bar("B", 0).build().toHtml();
    assertThat(svg).contains(">0.0</text>").contains(">1.0</text>").doesNotContain(">-1.0<");
  }

  @Test
  void misuse_isNamed() {
    assertThatThrownBy(() -> BarChart.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Add at least one bar with bar(...) before build().");
    assertThatThrownBy(() -> BarChart.builder().bar("a", 0.5, 0.6, 0.4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower must be at most upper 0.4, but was 0.6");
    assertThatThrownBy(() -> BarChart.builder().bar("a", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, but was NaN");
  }

  private static double width(String svg, String tooltip) {
    Matcher m =
        Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*><title>" + Pattern.quote(tooltip))
            .matcher(svg);
    assertThat(m.find()).as(tooltip).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
