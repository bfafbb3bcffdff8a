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
  void labelWidth_keepsEveryLabelUpToItsCapWholeAndInsideTheLabelColumn() {
    // 300 px at 0.6 em x 11 px = 6.6 px per character: floor(300 / 6.6) = 45 characters
    String l45 = "age=[24, 29) · priors_count=[0, 1) · sex=Male";
    String l44 = l45.substring(0, 44);
    String l61 = l45 + " · race=Hispanic";
    assertThat(l45).hasSize(45);
    assertThat(l61).hasSize(61);
    String svg =
        BarChart.builder()
            .labelWidth(300)
            .bar("A", 0.5)
            .bar(l44, 0.4)
            .bar(l45, 0.3)
            .bar(l61, 0.2)
            .build()
            .toHtml();
    java.util.List<Label> labels = labels(svg);
    assertThat(labels)
        .extracting(Label::text)
        .containsExactly("A", l44, l45, l61.substring(0, 44) + "…");
    assertThat(svg).contains("<title>" + l61 + "</title>");
    // the column: the widest shown label, 45 x 6.6 = 297 px, plus 12: the bars start at x = 309
    double plotLeft = 309;
    assertThat(svg).contains("<rect x=\"309\"");
    for (Label l : labels) {
      assertThat(l.x()).as(l.text()).isLessThan(plotLeft);
      assertThat(l.x() - l.text().length() * 6.6).as(l.text()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void labelWidth_widensTheChartRatherThanSqueezingThePlot() {
    // label column 45 x 6.6 + 12 = 309; value column max(3 x 6.6 + 14, 44) = 44 ("0.5");
    // plot right = max(480 - 44, 309 + 140) = 449; chart width = 449 + 44 = 493
    String svg =
        BarChart.builder()
            .labelWidth(300)
            .bar("age=[24, 29) · priors_count=[0, 1) · sex=Male", 0.5)
            .build()
            .toHtml();
    assertThat(svg).startsWith("<svg").contains(" width=\"493\"");
    // without the option: at most floor(180 / 6.6) = 27 characters, the column 27 x 6.6 + 12
    String narrow =
        BarChart.builder()
            .bar("age=[24, 29) · priors_count=[0, 1) · sex=Male", 0.5)
            .build()
            .toHtml();
    assertThat(labels(narrow))
        .extracting(Label::text)
        .containsExactly("age=[24, 29) · priors_coun…");
    assertThat(narrow).contains(" width=\"480\"");
  }

  @Test
  void labelsUnderTheDefaultCap_areNeverShortened() {
    // 27 characters x 6.6 = 178.2 px <= 180: kept whole
    String l27 = "race=African-American|sex=F";
    assertThat(l27).hasSize(27);
    String svg = BarChart.builder().bar(l27, 0.5).build().toHtml();
    assertThat(labels(svg)).extracting(Label::text).containsExactly(l27);
    assertThat(svg).doesNotContain("…");
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
    assertThatThrownBy(() -> BarChart.builder().labelWidth(39))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labelWidth must be 40 to 1000 pixels, but was 39");
  }

  private record Label(double x, String text) {}

  /** The group labels: right-aligned texts, their full text on hover when shortened. */
  private static java.util.List<Label> labels(String svg) {
    Matcher m =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"end\" fill=\"#[0-9a-f]+\">"
                    + "(?:<title>[^<]*</title>)?([^<]*)</text>")
            .matcher(svg);
    java.util.List<Label> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(new Label(Double.parseDouble(m.group(1)), m.group(2)));
    }
    return found;
  }

  private static double width(String svg, String tooltip) {
    Matcher m =
        Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*><title>" + Pattern.quote(tooltip))
            .matcher(svg);
    assertThat(m.find()).as(tooltip).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
