package org.mlops4j.report.internal;

import java.util.List;

/**
 * The axes every chart draws the same way: grid lines, an axis line, tick marks, tick labels and
 * the axis' title (what is measured, with its unit).
 */
public final class Axes {
  private Axes() {}

  /**
   * A linear map from data values to pixels.
   *
   * @param lower the data value at {@code from}
   * @param upper the data value at {@code to}
   * @param from the pixel of lower
   * @param to the pixel of upper
   */
  public record Scale(double lower, double upper, double from, double to) {
    /**
     * @param value a data value
     * @return its pixel
     */
    public double at(double value) {
      return upper == lower ? from : from + (value - lower) / (upper - lower) * (to - from);
    }
  }

  /**
   * A horizontal axis at the bottom of a plot.
   *
   * @param svg where to draw
   * @param x the scale
   * @param ticks the tick values
   * @param labels one label per tick
   * @param top the plot's top, where grid lines start
   * @param bottom the plot's bottom, where the axis is drawn
   * @param title the axis' title, or "" for none
   */
  public static void bottom(
      Svg svg,
      Scale x,
      List<Double> ticks,
      List<String> labels,
      double top,
      double bottom,
      String title) {
    for (int i = 0; i < ticks.size(); i++) {
      double px = x.at(ticks.get(i));
      svg.empty("line", "x1", px, "y1", top, "x2", px, "y2", bottom, "stroke", ChartStyle.GRID);
      svg.empty(
          "line", "x1", px, "y1", bottom, "x2", px, "y2", bottom + 4, "stroke", ChartStyle.AXIS);
      svg.text(px, bottom + 15, labels.get(i), "text-anchor", "middle", "fill", ChartStyle.MUTED);
    }
    svg.empty(
        "line",
        "x1",
        x.from(),
        "y1",
        bottom,
        "x2",
        x.to(),
        "y2",
        bottom,
        "stroke",
        ChartStyle.AXIS);
    if (!title.isEmpty()) {
      svg.text(
          (x.from() + x.to()) / 2,
          bottom + 32,
          title,
          "text-anchor",
          "middle",
          "fill",
          ChartStyle.INK);
    }
  }

  /**
   * A vertical axis at the left of a plot.
   *
   * @param svg where to draw
   * @param y the scale
   * @param ticks the tick values
   * @param labels one label per tick
   * @param left the plot's left, where the axis is drawn
   * @param right the plot's right, where grid lines end
   * @param title the axis' title, or "" for none; drawn turned, left of the tick labels
   */
  public static void left(
      Svg svg,
      Scale y,
      List<Double> ticks,
      List<String> labels,
      double left,
      double right,
      String title) {
    double widest = 0;
    for (int i = 0; i < ticks.size(); i++) {
      double py = y.at(ticks.get(i));
      svg.empty("line", "x1", left, "y1", py, "x2", right, "y2", py, "stroke", ChartStyle.GRID);
      svg.empty("line", "x1", left - 4, "y1", py, "x2", left, "y2", py, "stroke", ChartStyle.AXIS);
      svg.text(left - 7, py + 4, labels.get(i), "text-anchor", "end", "fill", ChartStyle.MUTED);
      widest = Math.max(widest, ChartStyle.width(labels.get(i), 11));
    }
    svg.empty(
        "line", "x1", left, "y1", y.from(), "x2", left, "y2", y.to(), "stroke", ChartStyle.AXIS);
    if (!title.isEmpty()) {
      double cx = left - widest - 16;
      double cy = (y.from() + y.to()) / 2;
      svg.text(
          cx,
          cy,
          title,
          "text-anchor",
          "middle",
          "fill",
          ChartStyle.INK,
          "transform",
          "rotate(-90 " + Numbers.px(cx) + " " + Numbers.px(cy) + ")");
    }
  }

  /**
   * The width the tick labels of a left axis need, plus room for its turned title.
   *
   * @param labels the tick labels
   * @param titled true if the axis has a title
   * @return the left margin in pixels
   */
  public static double leftMargin(List<String> labels, boolean titled) {
    double widest = 0;
    for (String l : labels) {
      widest = Math.max(widest, ChartStyle.width(l, 11));
    }
    return widest + 12 + (titled ? 18 : 0);
  }

  /**
   * The title block of a chart: a bold title and an optional muted subtitle below it.
   *
   * @param svg where to draw
   * @param x the left edge
   * @param title the title, or ""
   * @param subtitle the subtitle, or ""
   * @return the y below the block
   */
  public static double heading(Svg svg, double x, String title, String subtitle) {
    double y = 4;
    if (!title.isEmpty()) {
      y += 15;
      svg.text(x, y, title, "font-size", 13, "font-weight", 600, "fill", ChartStyle.INK);
    }
    if (!subtitle.isEmpty()) {
      y += 15;
      svg.text(x, y, subtitle, "fill", ChartStyle.MUTED);
    }
    return y + 6;
  }

  /**
   * Labels for numeric ticks.
   *
   * @param ticks the ticks
   * @param percent true to write shares as percentages
   * @return one label per tick
   */
  public static List<String> labels(Ticks ticks, boolean percent) {
    return ticks.values().stream()
        .map(v -> percent ? ticks.percentLabel(v) : ticks.label(v))
        .toList();
  }
}
