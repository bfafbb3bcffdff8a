package org.mlops4j.report;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Axes;
import org.mlops4j.report.internal.ChartStyle;
import org.mlops4j.report.internal.Legend;
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.report.internal.Svg;
import org.mlops4j.report.internal.Ticks;

/**
 * Calibration curves (reliability diagrams), one per group: for each score bin, the mean predicted
 * score (x) against the fraction of positive labels (y), both from 0 to 1 with ticks every 0.2, and
 * the diagonal of perfect calibration. A marker's area is proportional to the rows in its bin, on
 * one scale for all curves, so that a bin of a few rows looks small next to one of hundreds; a
 * flagged curve (a group too small to judge) is drawn thin, dotted and grey with hollow markers,
 * and its flag is written in the legend. Curves differ in colour lightness, dash and marker shape,
 * so they stay apart in greyscale. Hover on a marker shows its bin's values and count.
 *
 * <pre>{@code
 * CalibrationChart.builder()
 *     .title("Calibration by group")
 *     .curve("A", new double[] {0.1, 0.5, 0.9}, new double[] {0.12, 0.47, 0.88},
 *         new long[] {120, 80, 60})
 *     .curve("B", new double[] {0.2, 0.7}, new double[] {0.4, 0.9}, new long[] {9, 9},
 *         "n=18, too small")
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CalibrationChart implements Element {
  private static final double PLOT = 300;
  private static final double MAX_RADIUS = 9;
  private static final double MIN_RADIUS = 2.2;

  private final String svg;

  private CalibrationChart(String svg) {
    this.svg = svg;
  }

  /**
   * @return a builder of calibration curves
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the chart as inline SVG
   */
  @Override
  public String toHtml() {
    return svg;
  }

  private record Curve(String name, double[] x, double[] y, long[] counts, String flag) {
    long total() {
      long t = 0;
      for (long c : counts) {
        t += c;
      }
      return t;
    }
  }

  /**
   * Builds a {@link CalibrationChart}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String title = "";
    private String subtitle = "";
    private String xLabel = "mean predicted score";
    private String yLabel = "fraction of positives";
    private int labelWidth = 172;
    private final List<Curve> curves = new ArrayList<>();

    private Builder() {}

    /**
     * @param title the chart's title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Require.nonNull(title, "title");
      return this;
    }

    /**
     * @param subtitle a line under the title, for example the binning
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Require.nonNull(subtitle, "subtitle");
      return this;
    }

    /**
     * @param xLabel the x axis' title (default "mean predicted score")
     * @param yLabel the y axis' title (default "fraction of positives")
     * @return this builder
     */
    public Builder axisLabels(String xLabel, String yLabel) {
      this.xLabel = Require.nonNull(xLabel, "xLabel");
      this.yLabel = Require.nonNull(yLabel, "yLabel");
      return this;
    }

    /**
     * The widest a group's name may be drawn in the legend at the right; a longer name is shortened
     * with an ellipsis and written in full on hover. The chart is as wide as its legend needs. A
     * name is measured at 0.6 em per character, 6.6 px at the charts' 11 px font: the default 172
     * px keeps 26 characters.
     *
     * @param labelWidth the most pixels of a group's name, 40 to 1000 (default 172)
     * @return this builder
     * @since 0.1.0
     */
    public Builder labelWidth(int labelWidth) {
      Require.argument(
          labelWidth >= 40 && labelWidth <= 1000, "labelWidth", "40 to 1000 pixels", labelWidth);
      this.labelWidth = labelWidth;
      return this;
    }

    /**
     * A group's curve.
     *
     * @param name the group
     * @param meanScore per bin, in [0, 1]
     * @param fractionPositive per bin, in [0, 1]
     * @param counts rows per bin
     * @return this builder
     * @throws IllegalArgumentException if the arrays differ in length, a value is outside [0, 1] or
     *     a count is negative
     */
    public Builder curve(
        String name, double[] meanScore, double[] fractionPositive, long[] counts) {
      return add(name, meanScore, fractionPositive, counts, "");
    }

    /**
     * A flagged group's curve, for example one too small to judge.
     *
     * @param name the group
     * @param meanScore per bin, in [0, 1]
     * @param fractionPositive per bin, in [0, 1]
     * @param counts rows per bin
     * @param flag why it is set apart, for example {@code "n=18, too small"}
     * @return this builder
     * @throws IllegalArgumentException if the arrays differ in length, a value is outside [0, 1] or
     *     a count is negative
     */
    public Builder curve(
        String name, double[] meanScore, double[] fractionPositive, long[] counts, String flag) {
      return add(name, meanScore, fractionPositive, counts, Require.nonBlank(flag, "flag"));
    }

    private Builder add(String name, double[] x, double[] y, long[] counts, String flag) {
      Require.nonNull(name, "name");
      Require.sameLength(y.length, "fractionPositive", x.length, "meanScore");
      Require.sameLength(counts.length, "counts", x.length, "meanScore");
      for (int i = 0; i < x.length; i++) {
        Require.closedUnit(x[i], "meanScore[" + i + "]");
        Require.closedUnit(y[i], "fractionPositive[" + i + "]");
        Require.nonNegative(counts[i], "counts[" + i + "]");
      }
      curves.add(new Curve(name, x.clone(), y.clone(), counts.clone(), flag));
      return this;
    }

    /**
     * @return the chart
     * @throws IllegalStateException if no curve was added
     */
    public CalibrationChart build() {
      Require.state(!curves.isEmpty(), "Add at least one curve(...) before build().");
      return new CalibrationChart(ChartStyle.withIds(render()));
    }

    private String render() {
      Svg svg = new Svg(title.isEmpty() ? "Calibration curves" : title);
      double y = Axes.heading(svg, 0, title, subtitle);
      Ticks ticks = Ticks.of(0, 1, 6);
      List<String> labels = Axes.labels(ticks, false);
      double left = Axes.leftMargin(labels, true) + 4;
      double top = y + 10;
      double right = left + PLOT;
      double bottom = top + PLOT;
      Axes.Scale xs = new Axes.Scale(0, 1, left, right);
      Axes.Scale ys = new Axes.Scale(0, 1, bottom, top);
      Axes.left(svg, ys, ticks.values(), labels, left, right, yLabel);
      Axes.bottom(svg, xs, ticks.values(), labels, top, bottom, xLabel);
      svg.empty(
          "line",
          "x1",
          left,
          "y1",
          bottom,
          "x2",
          right,
          "y2",
          top,
          "stroke",
          "#9a9a9a",
          "stroke-dasharray",
          "4 4");

      long maxCount = 1;
      for (Curve c : curves) {
        for (long n : c.counts()) {
          maxCount = Math.max(maxCount, n);
        }
      }
      // flagged curves first, so that the others are drawn over them
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < curves.size(); i++) {
        if (!curves.get(i).flag().isEmpty()) {
          order.add(i);
        }
      }
      for (int i = 0; i < curves.size(); i++) {
        if (curves.get(i).flag().isEmpty()) {
          order.add(i);
        }
      }
      for (int i : order) {
        Curve c = curves.get(i);
        boolean flagged = !c.flag().isEmpty();
        String color = flagged ? ChartStyle.FLAGGED : ChartStyle.color(i);
        StringBuilder points = new StringBuilder();
        for (int b = 0; b < c.x().length; b++) {
          points
              .append(b == 0 ? "" : " ")
              .append(Numbers.px(xs.at(c.x()[b])))
              .append(',')
              .append(Numbers.px(ys.at(c.y()[b])));
        }
        if (c.x().length > 1) {
          svg.empty(
              "polyline",
              "points",
              points.toString(),
              "fill",
              "none",
              "stroke",
              color,
              "stroke-width",
              flagged ? 1.2 : 1.8,
              "stroke-dasharray",
              flagged ? "1 3" : ChartStyle.dash(i));
        }
        for (int b = 0; b < c.x().length; b++) {
          double r = radius(c.counts()[b], maxCount);
          String tip =
              c.name()
                  + ": mean score "
                  + Numbers.fixed(c.x()[b], 3)
                  + ", fraction positive "
                  + Numbers.fixed(c.y()[b], 3)
                  + ", "
                  + c.counts()[b]
                  + " rows"
                  + (flagged ? " (" + c.flag() + ")" : "");
          ChartStyle.marker(
              svg,
              ChartStyle.marker(i),
              xs.at(c.x()[b]),
              ys.at(c.y()[b]),
              r,
              flagged ? "#ffffff" : color,
              flagged ? ChartStyle.FLAGGED : "#ffffff",
              tip);
        }
      }

      // legend at the right: one entry per curve with its rows, then the marker size key
      double lx = right + 28;
      double ly = top + 6;
      double widest = 0;
      for (int i = 0; i < curves.size(); i++) {
        Curve c = curves.get(i);
        boolean flagged = !c.flag().isEmpty();
        String color = flagged ? ChartStyle.FLAGGED : ChartStyle.color(i);
        Legend.line(i, color, flagged).draw(svg, lx, ly);
        String name = ChartStyle.shorten(c.name(), ChartStyle.charsIn(labelWidth, 11));
        svg.open(
                "text",
                "x",
                lx + 24,
                "y",
                ly + 4,
                "fill",
                flagged ? ChartStyle.MUTED : ChartStyle.INK)
            .raw(name.equals(c.name()) ? "" : "<title>" + Html.escape(c.name()) + "</title>")
            .raw(Html.escape(name))
            .close("text");
        String detail = "n=" + c.total() + (flagged ? ", " + c.flag() : "");
        svg.text(
            lx + 24,
            ly + 17,
            detail,
            "fill",
            ChartStyle.MUTED,
            "font-style",
            flagged ? "italic" : null);
        widest = Math.max(widest, 24 + ChartStyle.width(name, 11));
        widest = Math.max(widest, 24 + ChartStyle.width(detail, 11));
        ly += 34;
      }
      svg.empty(
          "line",
          "x1",
          lx,
          "y1",
          ly,
          "x2",
          lx + 18,
          "y2",
          ly,
          "stroke",
          "#9a9a9a",
          "stroke-dasharray",
          "4 4");
      svg.text(lx + 24, ly + 4, "perfectly calibrated", "fill", ChartStyle.MUTED);
      ly += 26;
      svg.text(lx, ly, "marker area: rows in the bin", "fill", ChartStyle.MUTED);
      widest = Math.max(widest, ChartStyle.width("marker area: rows in the bin", 11));
      ly += 8;
      double kx = lx;
      for (long n : sizeKey(maxCount)) {
        double r = radius(n, maxCount);
        svg.empty(
            "circle",
            "cx",
            kx + r,
            "cy",
            ly + MAX_RADIUS,
            "r",
            r,
            "fill",
            "none",
            "stroke",
            ChartStyle.MUTED);
        String t = Long.toString(n);
        svg.text(
            kx + r, ly + 2 * MAX_RADIUS + 13, t, "text-anchor", "middle", "fill", ChartStyle.MUTED);
        kx += Math.max(2 * r, ChartStyle.width(t, 11)) + 12;
      }
      ly += 2 * MAX_RADIUS + 18;
      double w = lx + Math.max(widest, kx - lx) + 10;
      double h = Math.max(bottom + 42, ly + 6);
      return svg.end(w, h);
    }

    /** Marker radius: area proportional to the count, the largest bin at {@link #MAX_RADIUS}. */
    private static double radius(long count, long maxCount) {
      return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt((double) count / maxCount));
    }

    /** The size key: a nice count near a tenth of the largest bin, and the largest bin. */
    private static List<Long> sizeKey(long maxCount) {
      long small = (long) Ticks.niceNumber(Math.max(maxCount / 10.0, 1), true);
      return small < maxCount ? List.of(small, maxCount) : List.of(maxCount);
    }
  }
}
