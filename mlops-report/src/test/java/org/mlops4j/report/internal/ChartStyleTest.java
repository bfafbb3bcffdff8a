package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartStyleTest {

  @Test
  void withIds_givesTheSameChartTheSameIdsAndAnotherChartOthers() {
    String a = "<svg><pattern id=\"" + ChartStyle.ID + "-h\"/>a</svg>";
    String b = "<svg><pattern id=\"" + ChartStyle.ID + "-h\"/>b</svg>";
    assertThat(ChartStyle.withIds(a)).isEqualTo(ChartStyle.withIds(a)).doesNotContain("@ID@");
    assertThat(id(ChartStyle.withIds(a))).startsWith("m4j").isNotEqualTo(id(ChartStyle.withIds(b)));
  }

  private static String id(String svg) {
    return svg.replaceAll("(?s).*id=\"([^\"]*)-h\".*", "$1");
  }

  @Test
  void seriesStyles_differInDashAndMarkerAsWellAsColour() {
    assertThat(ChartStyle.dash(0)).isNull();
    assertThat(ChartStyle.dash(1)).isNotEqualTo(ChartStyle.dash(2));
    assertThat(ChartStyle.marker(0)).isNotEqualTo(ChartStyle.marker(1));
    assertThat(ChartStyle.color(0)).isNotEqualTo(ChartStyle.color(1));
  }

  @Test
  void shorten_endsALongLabelWithAnEllipsis() {
    assertThat(ChartStyle.shorten("African-American", 8)).isEqualTo("African…");
    assertThat(ChartStyle.shorten("Asian", 8)).isEqualTo("Asian");
  }
}
