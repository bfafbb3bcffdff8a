package org.mlops4j.report.internal;

import java.util.List;
import org.mlops4j.report.Html;

/**
 * A chart's legend: one swatch and label per entry, in rows that wrap at the chart's width; a label
 * longer than a row is shortened to it, written in full on hover.
 */
public final class Legend {
  private Legend() {}

  /** Draws the small sample of one entry, 18 px wide, centred vertically on y. */
  @FunctionalInterface
  public interface Swatch {
    /**
     * @param svg where to draw
     * @param x the swatch's left edge
     * @param y the swatch's vertical centre
     */
    void draw(Svg svg, double x, double y);
  }

  /**
   * One entry.
   *
   * @param label the text
   * @param swatch the sample
   */
  public record Entry(String label, Swatch swatch) {}

  /**
   * A filled box swatch.
   *
   * @param fill the fill (a colour or {@code url(#id)})
   * @param stroke the outline
   * @return the swatch
   */
  public static Swatch box(String fill, String stroke) {
    return (svg, x, y) ->
        svg.empty(
            "rect",
            "x",
            x + 2,
            "y",
            y - 6,
            "width",
            14,
            "height",
            12,
            "fill",
            fill,
            "stroke",
            stroke,
            "stroke-width",
            1);
  }

  /**
   * A line swatch with a marker in its middle.
   *
   * @param series the series' index (colour, dash, marker)
   * @param color the colour
   * @param hollow true for a hollow marker
   * @return the swatch
   */
  public static Swatch line(int series, String color, boolean hollow) {
    return (svg, x, y) -> {
      svg.empty(
          "line",
          "x1",
          x,
          "y1",
          y,
          "x2",
          x + 18,
          "y2",
          y,
          "stroke",
          color,
          "stroke-width",
          2,
          "stroke-dasharray",
          ChartStyle.dash(series));
      ChartStyle.marker(
          svg, ChartStyle.marker(series), x + 9, y, 3.5, hollow ? "#ffffff" : color, color, "");
    };
  }

  /**
   * Draws the entries from (x, y), wrapping before maxX.
   *
   * @param svg where to draw
   * @param x the left edge
   * @param y the first row's vertical centre
   * @param maxX the right edge
   * @param entries the entries
   * @return the y below the last row
   */
  public static double draw(Svg svg, double x, double y, double maxX, List<Entry> entries) {
    double cx = x;
    double cy = y;
    for (Entry e : entries) {
      String shown = fitted(e.label(), x, maxX);
      double w = 24 + ChartStyle.width(shown, 11) + 14;
      if (cx > x && cx + w > maxX) {
        cx = x;
        cy += 17;
      }
      e.swatch().draw(svg, cx, cy);
      svg.open("text", "x", cx + 24, "y", cy + 4, "fill", ChartStyle.INK)
          .raw(shown.equals(e.label()) ? "" : "<title>" + Html.escape(e.label()) + "</title>")
          .raw(Html.escape(shown))
          .close("text");
      cx += w;
    }
    return cy + 12;
  }

  /**
   * How many pixels the legend needs vertically.
   *
   * @param x the left edge
   * @param maxX the right edge
   * @param entries the entries
   * @return its height
   */
  public static double height(double x, double maxX, List<Entry> entries) {
    double cx = x;
    int rows = entries.isEmpty() ? 0 : 1;
    for (Entry e : entries) {
      double w = 24 + ChartStyle.width(fitted(e.label(), x, maxX), 11) + 14;
      if (cx > x && cx + w > maxX) {
        cx = x;
        rows++;
      }
      cx += w;
    }
    return rows * 17;
  }

  /**
   * A label as drawn: whole when its entry fits one row of the legend, else shortened to the row's
   * width (its swatch and gap take 24 px, the space after it 14), the full label on hover.
   */
  private static String fitted(String label, double x, double maxX) {
    return ChartStyle.shorten(label, ChartStyle.charsIn(Math.max(maxX - x - 38, 40), 11));
  }
}
