package org.mlops4j.report.internal;

import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.Html;

/**
 * A small writer of inline SVG: elements from name-value pairs, every attribute value and text
 * escaped by {@link Html#escape(String)}, numbers written by {@link Numbers#px(double)}. An
 * attribute whose value is null is left out.
 */
public final class Svg {
  /** The font stack of every chart: the page's sans-serif. */
  public static final String FONT =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans',"
          + " sans-serif";

  private final StringBuilder b = new StringBuilder(4096);
  private final String title;

  /**
   * Starts a drawing; its size is given at the {@link #end(double, double)}, once the layout is
   * known.
   *
   * @param title what the chart shows, read by screen readers and shown on hover
   */
  public Svg(String title) {
    this.title = title;
  }

  /**
   * Opens an element.
   *
   * @param name the element's name
   * @param attributes name, value, name, value, ...
   * @return this writer
   */
  public Svg open(String name, @Nullable Object... attributes) {
    b.append('<').append(name);
    attrs(b, attributes);
    b.append('>');
    return this;
  }

  /**
   * @param name the element's name
   * @return this writer, after the closing tag
   */
  public Svg close(String name) {
    b.append("</").append(name).append('>');
    return this;
  }

  /**
   * An element without content.
   *
   * @param name the element's name
   * @param attributes name, value, name, value, ...
   * @return this writer
   */
  public Svg empty(String name, @Nullable Object... attributes) {
    b.append('<').append(name);
    attrs(b, attributes);
    b.append("/>");
    return this;
  }

  /**
   * An element with a hover text ({@code <title>} child), such as a bar with its value; without one
   * when the text is empty.
   *
   * @param name the element's name
   * @param tooltip the hover text
   * @param attributes name, value, name, value, ...
   * @return this writer
   */
  public Svg withTitle(String name, String tooltip, @Nullable Object... attributes) {
    if (tooltip.isEmpty()) {
      return empty(name, attributes);
    }
    open(name, attributes);
    b.append("<title>").append(Html.escape(tooltip)).append("</title>");
    return close(name);
  }

  /**
   * A text element.
   *
   * @param x the anchor's x
   * @param y the baseline's y
   * @param text the text, escaped
   * @param attributes further attributes (text-anchor, font-size, fill, ...)
   * @return this writer
   */
  public Svg text(double x, double y, String text, @Nullable Object... attributes) {
    b.append("<text");
    attrs(b, "x", x, "y", y);
    attrs(b, attributes);
    b.append('>').append(Html.escape(text)).append("</text>");
    return this;
  }

  /**
   * Raw markup written by the chart itself (never data).
   *
   * @param markup the markup
   * @return this writer
   */
  public Svg raw(String markup) {
    b.append(markup);
    return this;
  }

  /**
   * The finished drawing: a fixed-size root element that shrinks with its container, its accessible
   * name, then what was drawn.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @return the SVG, closed
   */
  public String end(double width, double height) {
    StringBuilder root =
        new StringBuilder(b.length() + 400)
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"");
    attrs(
        root,
        "width",
        width,
        "height",
        height,
        "viewBox",
        "0 0 " + Numbers.px(width) + " " + Numbers.px(height),
        "font-family",
        FONT,
        "font-size",
        11,
        "aria-label",
        title);
    root.append("><title>").append(Html.escape(title)).append("</title>");
    return root.append(b).append("</svg>").toString();
  }

  private static void attrs(StringBuilder b, @Nullable Object... nameValues) {
    Require.argument(
        nameValues.length % 2 == 0, "attributes", "name-value pairs", nameValues.length);
    for (int i = 0; i < nameValues.length; i += 2) {
      Object value = nameValues[i + 1];
      if (value == null) {
        continue;
      }
      String text =
          value instanceof Double d
              ? Numbers.px(d)
              : value instanceof Float f ? Numbers.px(f) : String.valueOf(value);
      b.append(' ')
          .append(String.valueOf(nameValues[i]))
          .append("=\"")
          .append(Html.escape(text))
          .append('"');
    }
  }
}
