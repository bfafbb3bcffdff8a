package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {

  @Test
  void aNaN_leavesAGapAndEachPointHasItsValueOnHover() {
    String svg =
        LineChart.builder()
            .title("loss")
            .xLabel("step")
            .yLabel("loss")
            .series("train <1>", new double[] {1, 0.5, Double.NaN, 0.3, 0.2})
            .build()
            .toHtml();
    String path = svg.replaceAll("(?s).*<path d=\"([^\"]*)\".*", "$1");
    assertThat(path.chars().filter(c -> c == 'M')).hasSize(2);
    assertThat(svg)
        .contains("<title>train &lt;1&gt; at 3: 0.3</title>")
        .contains(">step</text>")
        .contains(">loss</text>");
    // y from 0.2 to 1: range nice(0.8, false) = 1, step 0.2 -> 0.2 ... 1.0
    assertThat(svg).contains(">0.2</text>").contains(">1.0</text>");
  }

  @Test
  void aLegendLabelLongerThanTheChart_isShortenedToItsRowWithTheFullNameOnHover() {
    String name = "model trained on the 2013 screenings, evaluated on 2014 ".repeat(2).strip();
    assertThat(name).hasSize(111);
    String svg =
        LineChart.builder()
            .size(400, 300)
            .series("a", new double[] {0, 1})
            .series(name, new double[] {1, 0})
            .build()
            .toHtml();
    // ticks 0.0 ... 1.0: left margin 3 x 6.6 + 12 = 31.8; right 400 - 16 = 384; a row keeps
    // 384 - 31.8 - 38 = 314.2 px for the text: floor(314.2 / 6.6) = 47 characters
    Matcher m =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\""
                    + " fill=\"#222222\"><title>([^<]*)</title>([^<]*)</text>")
            .matcher(svg);
    assertThat(m.find()).as(svg).isTrue();
    assertThat(m.group(2)).isEqualTo(name);
    assertThat(m.group(3)).isEqualTo(name.substring(0, 46) + "…");
    assertThat(Double.parseDouble(m.group(1)) + 47 * 6.6).isLessThanOrEqualTo(384);
    assertThat(svg).contains(">a</text>");
  }

  @Test
  void timeSeries_haveCalendarTicksAndReferenceLines() {
    Instant[] t = new Instant[5];
    for (int i = 0; i < 5; i++) {
      t[i] = Instant.parse("2024-03-0" + (i + 1) + "T00:00:00Z");
    }
    String svg =
        LineChart.builder()
            .timeSeries("PSI", t, new double[] {0.01, 0.05, 0.1, 0.2, 0.3})
            .timeSeries("KS", t, new double[] {0.02, 0.03, 0.03, 0.04, 0.05})
            .reference("major shift", 0.25)
            .build()
            .toHtml();
    assertThat(svg).contains(">2024-03-01</text>").contains(">major shift 0.25</text>");
    assertThat(svg).contains(">PSI</text>").contains(">KS</text>");
    assertThat(svg).contains("<title>PSI at 2024-03-03T00:00:00Z: 0.1</title>");
  }

  @Test
  void numbersAndTimes_doNotMix() {
    assertThatThrownBy(
            () ->
                LineChart.builder()
                    .series("a", new double[] {1})
                    .timeSeries("b", new Instant[] {Instant.EPOCH}, new double[] {1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("This chart is over numbers: add series with series(...).");
    assertThatThrownBy(() -> LineChart.builder().series("a", new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LineChart.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Add at least one series(...) before build().");
  }
}
