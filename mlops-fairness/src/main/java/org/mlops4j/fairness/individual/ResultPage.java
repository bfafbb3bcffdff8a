package org.mlops4j.fairness.individual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;

/**
 * The page of an individual-fairness result, made of the report toolkit's elements ({@code
 * org.mlops4j.report}): a title and a one-line summary, what the result is about (rows, settings,
 * library version), the headline numbers as tiles, then sections of charts and tables (long tables
 * show their first rows and fold the rest). Every string is escaped by the toolkit.
 */
final class ResultPage {

  /** Rows of a table shown before the rest is folded. */
  private static final int VISIBLE_ROWS = 10;

  private final Page.Builder page;
  private final Map<String, Object> about = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();

  ResultPage(String title, String summary) {
    this.page = Page.builder().title(title).subtitle(summary);
  }

  /** One line of the "what this is about" block. */
  ResultPage about(String name, Object value) {
    about.put(name, value);
    return this;
  }

  /** A headline number. */
  ResultPage figure(Figure figure) {
    figures.add(figure);
    return this;
  }

  /** A section of charts, notes, tables. */
  ResultPage section(String heading, Element... elements) {
    sections.add(Section.of(heading, elements));
    return this;
  }

  /** A table: a header row and rows; columns listed in numeric are aligned right. */
  static Table table(List<String> header, int[] numeric, List<List<Object>> rows) {
    Table.Builder t = Table.builder().columns(header.toArray(String[]::new)).numeric(numeric);
    for (List<Object> row : rows) {
      t.row(row.toArray());
    }
    return t.visibleRows(VISIBLE_ROWS).build();
  }

  String end() {
    about.put("library", "mlops4j " + LibraryVersion.get());
    page.about(about);
    if (!figures.isEmpty()) {
      page.section("Result", Element.figures(figures));
    }
    sections.forEach(page::add);
    return page.build().toHtml();
  }

  /** A number for a page: six significant digits, "Infinity" as a word. */
  static String number(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return String.format(Locale.ROOT, "%.6g", x);
  }
}
