package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void shares_areDrawnOnAPercentAxisWithNiceTicksAndCountsOnHover() {
    String svg =
        Histogram.builder()
            .title("age")
            .xLabel("age (years)")
            .edges(0, 0.25, 0.5, 1)
            .series("reference", 40L, 40, 20)
            .series("current", 10L, 30, 60)
            .shares()
            .build()
            .toHtml();
    // largest share 0.6: range nice(0.6, false) = 1, step 0.2 -> 0%, 20%, ..., 60%
    assertThat(svg).contains(">0%</text>").contains(">20%</text>").contains(">60%</text>");
    assertThat(svg).doesNotContain(">80%</text>");
    // the x axis spans the bins: ticks at 0, 0.2, ..., 1.0 (step nice(0.2, true) = 0.2)
    assertThat(svg).contains(">0.0</text>").contains(">1.0</text>");
    assertThat(svg).contains(">share of rows</text>").contains(">age (years)</text>");
    assertThat(svg)
        .contains("<title>0 to 0.25 · reference: 40.0% (40 rows)</title>")
        .contains("<title>0.5 to 1 · current: 60.0% (60 rows)</title>");
    assertThat(svg).contains(">reference</text>").contains(">current</text>");
  }

  @Test
  void manyCategories_keepTheMostFrequentAndSumTheRestAsOther() {
    String svg =
        Histogram.builder()
            .categories("a", "<b>", "c", "d", "e")
            .series("reference", 1L, 50, 30, 10, 9)
            .series("current", 5L, 40, 30, 15, 10)
            .maxCategories(3)
            .build()
            .toHtml();
    assertThat(svg)
        .contains("<title>&lt;b&gt; · reference: 50</title>")
        .contains("<title>c · reference: 30</title>")
        .contains("<title>other (3 more) · reference: 20</title>")
        .contains("<title>other (3 more) · current: 30</title>")
        .doesNotContain("<b>");
  }

  @Test
  void infiniteEnds_areNamedBelowAndAbove() {
    String svg =
        Histogram.builder()
            .edges(Double.NEGATIVE_INFINITY, 0, 1, Double.POSITIVE_INFINITY)
            .series("r", 1L, 2, 3)
            .build()
            .toHtml();
    assertThat(svg).contains("<title>below 0 · r: 1</title>").contains("<title>1 and above · r: 3");
  }

  @Test
  void zeroWidthBins_stillShowTheirRows() {
    String svg = Histogram.builder().edges(0, 0, 1).series("r", 5L, 5).build().toHtml();
    assertThat(svg).containsPattern("width=\"([2-9]|[1-9][0-9.]+)\"[^>]*><title>0 to 0 · r: 5");
  }

  @Test
  void emptySeries_keepTheAxisFromZeroToOne() {
    String svg = Histogram.builder().edges(0, 1, 2).series("r", 0L, 0).build().toHtml();
    assertThat(svg).contains(">0.0</text>").contains(">1.0</text>").doesNotContain(">-1.0</text>");
  }

  @Test
  void labelWidth_keepsCategoryLabelsUpToItsCapWholeAndTheTurnedOnesInsideTheChart() {
    // 200 px at 0.6 em x 11 px = 6.6 px per character: floor(200 / 6.6) = 30 characters
    String l30 = "race=African-American · sex=Fe";
    String l40 = "race=African-American · sex=Female · ag";
    assertThat(l30).hasSize(30);
    String svg =
        Histogram.builder()
            .categories(l40, l30, "c", "d", "e", "f")
            .series("r", 1L, 2, 3, 4, 5, 6)
            .labelWidth(200)
            .build()
            .toHtml();
    Matcher m =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"end\"[^>]*rotate\\(-45[^>]*>"
                    + "(?:<title>([^<]*)</title>)?([^<]*)</text>")
            .matcher(svg);
    List<String> shown = new ArrayList<>();
    double firstX = Double.NaN;
    while (m.find()) {
      if (shown.isEmpty()) {
        firstX = Double.parseDouble(m.group(1));
        assertThat(m.group(2)).isEqualTo(l40);
      }
      shown.add(m.group(3));
    }
    // 30 characters do not fit a bar of (520 - 12 - left) / 6 px: the labels are turned
    assertThat(shown).containsExactly(l40.substring(0, 29) + "…", l30, "c", "d", "e", "f");
    // a label turned by 45 degrees ends at its x and runs 30 x 6.6 x cos(45°) = 140 px to the left
    assertThat(firstX - 30 * 6.6 * Math.cos(Math.PI / 4)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void misuse_saysWhatIsWrong() {
    assertThatThrownBy(() -> Histogram.builder().labelWidth(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labelWidth must be 40 to 1000 pixels, but was 1001");
    assertThatThrownBy(() -> Histogram.builder().edges(0, 1).series("r", 1L, 2).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Series 'r' has 2 values; give one per bin (1).");
    assertThatThrownBy(() -> Histogram.builder().edges(0, 1).categories("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Give either edges(...) or categories(...), not both.");
    assertThatThrownBy(() -> Histogram.builder().edges(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edges must be ascending, but was 0.0 at 1");
    assertThatThrownBy(() -> Histogram.builder().series("r", -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts[0] must be non-negative, but was -1");
    assertThatThrownBy(() -> Histogram.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Give the bins with edges(...) or categories(...) before build().");
  }

  @Test
  void timeAxis_showsCalendarTicksAndNamesBinsByTheirDates() {
    // Edges by hand: 1356998400 s = 2013-01-01T00:00Z, 1364774400 s = 2013-04-01T00:00Z,
    // 1372636800 s = 2013-07-01T00:00Z, 1388534400 s = 2014-01-01T00:00Z, 1372681800 s =
    // 2013-07-01T12:30Z (date -u -d @1372681800). A year's range on a 520-pixel chart: monthly
    // ticks of TimeTicks (yyyy-MM), never the seconds themselves.
    String svg =
        Histogram.builder()
            .edges(
                Double.NEGATIVE_INFINITY,
                1356998400,
                1364774400,
                1372681800,
                1388534400,
                Double.POSITIVE_INFINITY)
            .timeAxis()
            .series("r", 1L, 2, 3, 4, 5)
            .build()
            .toHtml();
    assertThat(svg)
        .contains("<title>below 2013-01-01 · r: 1</title>")
        .contains("<title>2013-01-01 to 2013-04-01 · r: 2</title>")
        .contains("<title>2013-04-01 to 2013-07-01 12:30 · r: 3</title>")
        .contains("<title>2014-01-01 and above · r: 5</title>")
        .containsPattern(">2013-(04|07)</text>")
        .doesNotContain(">1.36")
        .doesNotContain("e9<");
  }
}
