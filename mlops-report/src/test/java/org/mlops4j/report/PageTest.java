package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTest {

  private static Page page() {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("rows", 5000);
    about.put("alpha", 0.05);
    return Page.builder()
        .title("Review <1> & \"2\"")
        .subtitle("June's <scores>")
        .about("input", "a&b.csv")
        .about(about)
        .section("Verdict", Element.paragraph("ok"))
        .build();
  }

  @Test
  void page_isOneSelfContainedDocumentWithInlineCssAndAPrintStylesheet() {
    String html = page().toHtml();
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("<meta charset=\"utf-8\">")
        .contains("<style>")
        .contains("@media print{")
        .contains("Content-Security-Policy\" content=\"default-src 'none'")
        .doesNotContain("<script")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .endsWith("</main></body></html>\n");
  }

  @Test
  void titleSubtitleAndAbout_areEscapedAndInTheirOrder() {
    String html = page().toHtml();
    assertThat(html)
        .contains("<title>Review &lt;1&gt; &amp; &quot;2&quot;</title>")
        .contains("<h1>Review &lt;1&gt; &amp; &quot;2&quot;</h1>")
        .contains("<p class=\"subtitle\">June&#39;s &lt;scores&gt;</p>")
        .contains(
            "<dt>input</dt><dd>a&amp;b.csv</dd></div><div><dt>rows</dt><dd>5000</dd></div>"
                + "<div><dt>alpha</dt><dd>0.05</dd>");
    assertThat(html.indexOf("What this is about")).isLessThan(html.indexOf("<h2>Verdict</h2>"));
  }

  @Test
  void createdAt_isShownOnlyWhenGiven() {
    assertThat(page().toHtml()).doesNotContain("<dt>created</dt>");
    String html =
        Page.builder()
            .title("t")
            .createdAt(Instant.parse("2024-06-30T12:00:00.123Z"))
            .build()
            .toHtml();
    assertThat(html)
        .contains("<dt>created</dt><dd>2024-06-30T12:00:00Z</dd>")
        .contains("· 2024-06-30T12:00:00Z ·");
  }

  @Test
  void toHtml_isTheSameEveryTime() {
    Page p = page();
    assertThat(p.toHtml()).isEqualTo(p.toHtml());
  }

  @Test
  void moreThanThreeSections_getALineOfLinksToThem() {
    Page.Builder b = Page.builder().title("t");
    assertThat(b.section("A").section("B").section("C").build().toHtml()).doesNotContain("<nav");
    String html = b.section("A").build().toHtml();
    assertThat(html)
        .contains("<nav class=\"toc\"")
        .contains("<a href=\"#a\">A</a>")
        .contains("<a href=\"#a-2\">A</a>")
        .contains("<section id=\"a-2\"");
  }

  @Test
  void add_takesAnyPageContentAsOneSection() {
    PageContent result = () -> Section.of("Drift", Element.paragraph("none"));
    Page inner = Page.builder().title("Inner").about("rows", 3).section("Part").build();
    String html = Page.builder().title("t").add(result).add(inner).build().toHtml();
    assertThat(html)
        .contains("<h2>Drift</h2>")
        .contains("<h2>Inner</h2>")
        .contains("<dt>rows</dt><dd>3</dd>")
        .contains("<h3>Part</h3>");
  }

  @Test
  void save_writesTheHtmlAtomically(@TempDir Path dir) throws Exception {
    Page p = page();
    Path file = dir.resolve("out/review.html");
    p.save(file);
    assertThat(Files.readString(file)).isEqualTo(p.toHtml());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("review.html");
    }
    assertThatThrownBy(() -> p.save(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file must not be null");
  }

  @Test
  void build_withoutATitle_saysWhatToDo() {
    assertThatThrownBy(() -> Page.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Give the page a title with title(...) before build().");
    assertThatThrownBy(() -> Page.builder().title(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("title must not be null");
  }
}
