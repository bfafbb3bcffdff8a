package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SectionTest {

  @Test
  void nestedSections_goOneHeadingLevelDown() {
    Section s =
        Section.of(
            "Fairness <race>",
            Element.paragraph("intro"),
            Section.of("Verdict", Section.of("Details", Element.note("n"))));
    assertThat(s.toHtml())
        .contains("<section id=\"fairness-race\" class=\"level2\"><h2>Fairness &lt;race&gt;</h2>")
        .contains("<h3>Verdict</h3>")
        .contains("<h4>Details</h4>");
    assertThat(s.toSection()).isSameAs(s);
  }

  @Test
  void with_addsBlocksToACopy() {
    Section s = Section.of("A", Element.paragraph("1"));
    Section t = s.with(Element.paragraph("2"));
    assertThat(s.elements()).hasSize(1);
    assertThat(t.elements()).hasSize(2);
    assertThat(t.heading()).isEqualTo("A");
  }

  @Test
  void ids_areMadeFromTheHeadingAndUnique() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    assertThat(Section.id("Rates by group", ids)).isEqualTo("rates-by-group");
    assertThat(Section.id("Rates by group!", ids)).isEqualTo("rates-by-group-2");
    assertThat(Section.id("***", ids)).isEqualTo("section");
  }

  @Test
  void nulls_areNamed() {
    assertThatThrownBy(() -> Section.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("heading must not be null");
    assertThatThrownBy(() -> Section.of("h", (Element) null))
        .isInstanceOf(NullPointerException.class);
  }
}
