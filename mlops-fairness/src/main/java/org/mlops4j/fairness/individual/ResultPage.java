package org.mlops4j.fairness.individual;

import static org.mlops4j.report.Html.escape;

import java.util.List;
import java.util.Locale;

/**
 * A small self-contained HTML page for an individual-fairness result: a title, paragraphs and
 * tables, every string escaped by {@link org.mlops4j.report.Html#escape(String)}.
 */
final class ResultPage {

  private final StringBuilder h = new StringBuilder(4096);

  ResultPage(String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}")
        .append("pre{white-space:pre-wrap}</style></head><body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
  }

  /** A paragraph of preformatted text (line breaks kept). */
  ResultPage paragraph(String text) {
    h.append("<pre>").append(escape(text)).append("</pre>\n");
    return this;
  }

  /** A two-column table: name, value, name, value, ... */
  ResultPage fields(Object... nameValues) {
    h.append("<table>\n");
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      h.append("<tr><th>")
          .append(escape(String.valueOf(nameValues[i])))
          .append("</th><td>")
          .append(escape(String.valueOf(nameValues[i + 1])))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    return this;
  }

  /** A table with a heading, a header row and rows. */
  ResultPage table(String heading, List<String> header, List<List<Object>> rows) {
    h.append("<h2>").append(escape(heading)).append("</h2>\n<table><tr>");
    for (String c : header) {
      h.append("<th>").append(escape(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (List<Object> row : rows) {
      h.append("<tr>");
      for (Object c : row) {
        h.append("<td>").append(escape(String.valueOf(c))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    return this;
  }

  String end() {
    return h.append("</body></html>\n").toString();
  }

  /** A number for a table: six significant digits, "Infinity" as a word. */
  static String number(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return String.format(Locale.ROOT, "%.6g", x);
  }
}
