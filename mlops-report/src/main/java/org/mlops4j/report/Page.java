package org.mlops4j.report;

import static org.mlops4j.report.Html.escape;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.PageCss;

/**
 * One self-contained HTML page: a title, a block that says what the page is about (inputs, rows,
 * when, settings), then sections of paragraphs, tables and charts. Everything is inline (CSS with a
 * print stylesheet, SVG charts): no script, no font or image from the network (a
 * Content-Security-Policy says so to the browser), every text escaped. Sections of several results
 * share one page:
 *
 * <pre>{@code
 * Page page = Page.builder()
 *     .title("Credit model, release 7")
 *     .subtitle("Fairness and drift of the June scores")
 *     .about("model", "gbm-2024-06")
 *     .about("rows", 5000)
 *     .createdAt(Instant.now())
 *     .add(fairnessReport)                                 // a PageContent
 *     .section("Our own numbers", Table.builder().columns("metric", "value").numeric(1)
 *         .row("AUC", 0.81).build())
 *     .build();
 * page.save(Path.of("review.html"));
 * }</pre>
 *
 * <p>A page is a value: {@link #toHtml()} returns the same text every time (the creation time is
 * shown only when given with {@link Builder#createdAt(Instant)}). With more than three sections, a
 * line of links to them follows the about block.
 *
 * @since 0.1.0
 */
public final class Page implements PageContent {
  private final String title;
  private final String subtitle;
  private final Map<String, String> about;
  private final @Nullable Instant createdAt;
  private final List<Section> sections;

  private Page(Builder b) {
    this.title = Require.nonNull(b.title, "title");
    this.subtitle = b.subtitle;
    this.about = Collections.unmodifiableMap(new LinkedHashMap<>(b.about));
    this.createdAt = b.createdAt;
    this.sections = List.copyOf(b.sections);
  }

  /**
   * @return a builder of a page
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the page's title
   */
  public String title() {
    return title;
  }

  /**
   * @return the page's sections, in order
   */
  public List<Section> sections() {
    return sections;
  }

  /**
   * @return what the page is about, name to value, in the order given
   */
  public Map<String, String> about() {
    return about;
  }

  /**
   * @return the whole page as one section (the title as heading, the about block, then this page's
   *     sections one level down), to put on another page
   */
  @Override
  public Section toSection() {
    List<Element> elements = new ArrayList<>();
    if (!subtitle.isEmpty()) {
      elements.add(Element.note(subtitle));
    }
    if (!about.isEmpty()) {
      elements.add(Element.keyValues(about));
    }
    elements.addAll(sections);
    return Section.of(title, elements);
  }

  /**
   * @return the page: {@code <!DOCTYPE html>}, inline CSS, the header, the about block, the
   *     sections and a footer with the library's version
   */
  public String toHtml() {
    StringBuilder h = new StringBuilder(32768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"generator\" content=\"mlops4j ")
        .append(escape(LibraryVersion.get()))
        .append("\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>")
        .append(PageCss.CSS)
        .append("</style></head>\n<body><main>\n<header class=\"page-head\"><h1>")
        .append(escape(title))
        .append("</h1>");
    if (!subtitle.isEmpty()) {
      h.append("<p class=\"subtitle\">").append(escape(subtitle)).append("</p>");
    }
    h.append("</header>\n");
    Map<String, String> shown = new LinkedHashMap<>(about);
    if (createdAt != null) {
      shown.putIfAbsent("created", createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (!shown.isEmpty()) {
      h.append("<section class=\"about\" aria-label=\"What this page is about\">")
          .append("<h2>What this is about</h2>")
          .append(Element.keyValues(shown).toHtml())
          .append("</section>\n");
    }
    Set<String> ids = new HashSet<>();
    List<String> anchors = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (Section s : sections) {
      anchors.add(s.render(body, 2, ids));
    }
    if (sections.size() > 3) {
      h.append("<nav class=\"toc\" aria-label=\"Sections\"><span>On this page:</span>");
      for (int i = 0; i < sections.size(); i++) {
        h.append("<a href=\"#")
            .append(escape(anchors.get(i)))
            .append("\">")
            .append(escape(sections.get(i).heading()))
            .append("</a>");
      }
      h.append("</nav>\n");
    }
    h.append(body);
    h.append("<footer>Made with mlops4j ").append(escape(LibraryVersion.get()));
    if (createdAt != null) {
      h.append(" · ").append(createdAt.truncatedTo(ChronoUnit.SECONDS));
    }
    h.append(" · one self-contained file: no scripts, nothing loaded from the network.")
        .append("</footer>\n</main></body></html>\n");
    return h.toString();
  }

  /**
   * Writes {@link #toHtml()} to a file, atomically (a temporary file renamed over the target; the
   * folder is created when missing).
   *
   * @param file where to write, for example {@code review.html}
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toHtml(), AtomicFiles.Durability.ATOMIC);
  }

  @Override
  public String toString() {
    return "Page \"" + title + "\" (" + sections.size() + " sections)";
  }

  /**
   * Builds a {@link Page}. {@link #title(String)} is required; everything else is optional.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String title;
    private String subtitle = "";
    private final Map<String, String> about = new LinkedHashMap<>();
    private @Nullable Instant createdAt;
    private final List<Section> sections = new ArrayList<>();

    private Builder() {}

    /**
     * @param title the page's title, also the browser tab's
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Require.nonNull(title, "title");
      return this;
    }

    /**
     * @param subtitle one line under the title, for example what was compared
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Require.nonNull(subtitle, "subtitle");
      return this;
    }

    /**
     * Adds one line to the "what this is about" block: an input, a row count, a setting. A name
     * given twice keeps its first place and the last value.
     *
     * @param name what it is, for example {@code "rows"}
     * @param value its value; numbers with four significant digits, null as a dash
     * @return this builder
     */
    public Builder about(String name, @Nullable Object value) {
      about.put(Require.nonNull(name, "name"), Blocks.text(value));
      return this;
    }

    /**
     * Adds lines to the "what this is about" block, in the map's order.
     *
     * @param entries name to value
     * @return this builder
     */
    public Builder about(Map<String, ?> entries) {
      Require.nonNull(entries, "entries").forEach(this::about);
      return this;
    }

    /**
     * @param createdAt when the page's content was made; shown in the about block and the footer
     *     (seconds, UTC)
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Require.nonNull(createdAt, "createdAt");
      return this;
    }

    /**
     * Adds a section.
     *
     * @param heading its heading
     * @param elements its blocks
     * @return this builder
     */
    public Builder section(String heading, Element... elements) {
      sections.add(Section.of(heading, elements));
      return this;
    }

    /**
     * Adds a result's or the user's content as one section.
     *
     * @param content a section, a report, another page
     * @return this builder
     */
    public Builder add(PageContent content) {
      sections.add(Require.nonNull(Require.nonNull(content, "content").toSection(), "section"));
      return this;
    }

    /**
     * @return the page
     * @throws IllegalStateException if no title was given
     */
    public Page build() {
      Require.state(title != null, "Give the page a title with title(...) before build().");
      return new Page(this);
    }
  }
}
