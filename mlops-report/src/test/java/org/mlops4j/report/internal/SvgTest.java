package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgTest {

  @Test
  void attributesAndTexts_areEscapedAndNullAttributesLeftOut() {
    Svg svg = new Svg("a <chart> & \"more\"");
    svg.text(1.24, 2, "<b>x</b>", "fill", "#000", "font-style", null);
    svg.withTitle("rect", "it's <5>", "x", 0.0, "width", 10.04);
    String out = svg.end(100, 50.5);
    assertThat(out)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"")
        .contains("width=\"100\" height=\"50.5\" viewBox=\"0 0 100 50.5\"")
        .contains("aria-label=\"a &lt;chart&gt; &amp; &quot;more&quot;\"")
        .contains("<title>a &lt;chart&gt; &amp; &quot;more&quot;</title>")
        .contains("<text x=\"1.2\" y=\"2\" fill=\"#000\">&lt;b&gt;x&lt;/b&gt;</text>")
        .contains("<rect x=\"0\" width=\"10\"><title>it&#39;s &lt;5&gt;</title></rect>")
        .doesNotContain("font-style")
        .endsWith("</svg>");
  }

  @Test
  void anEmptyTooltip_writesNoTitle() {
    Svg svg = new Svg("t");
    svg.withTitle("circle", "", "r", 2);
    assertThat(svg.end(1, 1)).contains("<circle r=\"2\"/>");
  }
}
