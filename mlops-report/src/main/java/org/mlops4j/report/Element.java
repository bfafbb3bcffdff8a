package org.mlops4j.report;

import java.util.List;
import java.util.Map;

/**
 * One block of a {@link Page}: a paragraph, a table, a chart, a group of panels or a whole {@link
 * Section}. The factories below, {@link Table}, {@link BarChart}, {@link Histogram}, {@link
 * CalibrationChart} and {@link LineChart} escape every text they are given ({@link
 * Html#escape(String)}); an implementation of its own must do the same, and must not add scripts or
 * links to other sites, so that a page stays self-contained.
 *
 * <pre>{@code
 * Element.paragraph("Scores of the March model on the April sample.")
 * Element.keyValues(Map.of("rows", 5000, "model", "m-42"))
 * Element.grid(chartA, chartB)                 // panels side by side, wrapping
 * Element.details("All 80 disparities", table) // folded until opened
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Element {

  /**
   * @return the block's HTML fragment
   */
  String toHtml();

  /**
   * @param text the paragraph's text
   * @return a paragraph
   */
  static Element paragraph(String text) {
    return Blocks.paragraph(text, "");
  }

  /**
   * @param text a remark: how a chart was computed, what a column means
   * @return a small grey paragraph
   */
  static Element note(String text) {
    return Blocks.paragraph(text, "note");
  }

  /**
   * @param text text whose line breaks and spaces matter (a console table)
   * @return a preformatted block
   */
  static Element preformatted(String text) {
    return Blocks.preformatted(text);
  }

  /**
   * A boxed message with a title, for a verdict or a warning: the tone's colour and sign ({@code ✔
   * ⚠ ✖}) before the title.
   *
   * @param tone how it reads
   * @param title the headline, for example {@code "Four-fifths rule failed"}
   * @param text the explanation, or ""
   * @return the callout
   */
  static Element callout(Tone tone, String title, String text) {
    return Blocks.callout(tone, title, text);
  }

  /**
   * Name-value pairs in a grid of small cards, in the map's order: a number ({@code Double}, {@code
   * Float}) is written with four significant digits, anything else by {@code String.valueOf}.
   *
   * @param entries the pairs, for example {@code rows → 5000}
   * @return the list
   */
  static Element keyValues(Map<String, ?> entries) {
    return Blocks.keyValues(entries);
  }

  /**
   * @param items the items
   * @return a bulleted list
   */
  static Element bullets(List<String> items) {
    return Blocks.bullets(items);
  }

  /**
   * @param figures the tiles
   * @return a row of headline numbers (wrapping)
   */
  static Element figures(Figure... figures) {
    return Blocks.figures(List.of(figures));
  }

  /**
   * @param figures the tiles
   * @return a row of headline numbers (wrapping)
   */
  static Element figures(List<Figure> figures) {
    return Blocks.figures(figures);
  }

  /**
   * @param panels the panels, for example one chart per metric
   * @return the panels side by side, wrapping to the next line at the page's width
   */
  static Element grid(Element... panels) {
    return Blocks.grid(List.of(panels));
  }

  /**
   * @param panels the panels, for example one chart per metric
   * @return the panels side by side, wrapping to the next line at the page's width
   */
  static Element grid(List<? extends Element> panels) {
    return Blocks.grid(panels);
  }

  /**
   * A folded block ({@code <details>}): only the summary shows until the reader opens it (printed
   * open).
   *
   * @param summary the line that shows, for example {@code "All 80 disparities"}
   * @param content what opens
   * @return the folded block
   */
  static Element details(String summary, Element... content) {
    return Blocks.details(summary, List.of(content));
  }
}
