package org.mlops4j.report;

import static org.mlops4j.report.Html.escape;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Numbers;

/** The simple elements behind the factories of {@link Element}. */
final class Blocks {
  private Blocks() {}

  static Element paragraph(String text, String cssClass) {
    Require.nonNull(text, "text");
    String open = cssClass.isEmpty() ? "<p>" : "<p class=\"" + cssClass + "\">";
    return () -> open + escape(text) + "</p>\n";
  }

  static Element preformatted(String text) {
    Require.nonNull(text, "text");
    return () -> "<pre>" + escape(text) + "</pre>\n";
  }

  static Element callout(Tone tone, String title, String text) {
    Require.nonNull(tone, "tone");
    Require.nonNull(title, "title");
    Require.nonNull(text, "text");
    return () ->
        "<div class=\"callout "
            + tone.cssClass()
            + "\"><div class=\"callout-title\"><span class=\"sign\" aria-hidden=\"true\">"
            + tone.sign()
            + "</span> "
            + escape(title)
            + "</div>"
            + (text.isEmpty() ? "" : "<div class=\"callout-text\">" + escape(text) + "</div>")
            + "</div>\n";
  }

  static Element keyValues(Map<String, ?> entries) {
    Require.nonNull(entries, "entries");
    StringBuilder h = new StringBuilder("<dl class=\"kv\">");
    entries.forEach(
        (k, v) ->
            h.append("<div><dt>")
                .append(escape(String.valueOf(k)))
                .append("</dt><dd>")
                .append(escape(text(v)))
                .append("</dd></div>"));
    String html = h.append("</dl>\n").toString();
    return () -> html;
  }

  static Element bullets(List<String> items) {
    Require.nonNull(items, "items");
    StringBuilder h = new StringBuilder("<ul>");
    for (String item : items) {
      h.append("<li>").append(escape(Require.nonNull(item, "item"))).append("</li>");
    }
    String html = h.append("</ul>\n").toString();
    return () -> html;
  }

  static Element figures(List<Figure> figures) {
    Require.nonNull(figures, "figures");
    StringBuilder h = new StringBuilder("<div class=\"figures\">");
    for (Figure f : figures) {
      Require.nonNull(f, "figure");
      h.append("<div class=\"figure ")
          .append(f.tone().cssClass())
          .append("\"><div class=\"figure-label\">");
      if (f.tone() == Tone.GOOD || f.tone() == Tone.WARNING || f.tone() == Tone.BAD) {
        h.append("<span class=\"sign\">").append(f.tone().sign()).append("</span>");
      }
      h.append(escape(f.label()))
          .append("</div><div class=\"figure-value\">")
          .append(escape(f.value()))
          .append("</div>");
      if (!f.detail().isEmpty()) {
        h.append("<div class=\"figure-detail\">").append(escape(f.detail())).append("</div>");
      }
      h.append("</div>");
    }
    String html = h.append("</div>\n").toString();
    return () -> html;
  }

  static Element grid(List<? extends Element> panels) {
    Require.nonNull(panels, "panels");
    List<Element> copy = List.copyOf(panels);
    return () -> {
      StringBuilder h = new StringBuilder("<div class=\"grid\">");
      for (Element e : copy) {
        h.append("<div class=\"panel\">").append(e.toHtml()).append("</div>");
      }
      return h.append("</div>\n").toString();
    };
  }

  static Element details(String summary, List<Element> content) {
    Require.nonNull(summary, "summary");
    List<Element> copy = List.copyOf(content);
    return () -> {
      StringBuilder h =
          new StringBuilder("<details><summary>").append(escape(summary)).append("</summary>");
      for (Element e : copy) {
        h.append(e.toHtml());
      }
      return h.append("</details>\n").toString();
    };
  }

  /** A value for a page: numbers with four significant digits, null as a dash. */
  static String text(@Nullable Object value) {
    if (value == null) {
      return "–";
    }
    if (value instanceof Double d) {
      return Numbers.format(d);
    }
    if (value instanceof Float f) {
      return Numbers.format(f);
    }
    return String.valueOf(value);
  }
}
