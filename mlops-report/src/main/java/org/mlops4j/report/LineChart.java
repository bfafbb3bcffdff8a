package org.mlops4j.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Axes;
import org.mlops4j.report.internal.ChartStyle;
import org.mlops4j.report.internal.Legend;
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.report.internal.Svg;
import org.mlops4j.report.internal.Ticks;
import org.mlops4j.report.internal.TimeTicks;

/**
 * A line chart of one or more series over steps or over time, for example a drift statistic per
 * monitoring window, or a metric per training step, with optional horizontal reference lines
 * (thresholds, labelled at their left end). Series differ in colour lightness, dash and marker
 * shape, so that they stay apart in greyscale; a NaN value leaves a gap. Numeric x axes have nice
 * ticks; a time axis (series given with {@link Builder#timeSeries(String, Instant[], double[])})
 * has calendar ticks in UTC (whole minutes, hours, days, months). Hover on a point shows its
 * series, x and y.
 *
 * <pre>{@code
 * LineChart.builder()
 *     .title("PSI of 'income' per week")
 *     .yLabel("PSI")
 *     .timeSeries("income", weeks, psi)
 *     .reference("major shift", 0.25)
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LineChart implements Element {
  private final String svg;

  private LineChart(String svg) {
    this.svg = svg;
  }

  /**
   * @return a builder of a line chart
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

  private record Series(String name, double[] x, double[] y) {}

  private record Reference(String label, double y) {}

  /**
   * Builds a {@link LineChart}: series over numbers ({@link #series(String, double[], double[])})
   * or over time ({@link #timeSeries(String, Instant[], double[])}), not both.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String title = "";
    private String subtitle = "";
    private String xLabel = "";
    private String yLabel = "";
    private boolean percent;
    private @Nullable Boolean time;
    private double yLower = Double.NaN;
    private double yUpper = Double.NaN;
    private int width = 560;
    private int height = 300;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

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
     * @param subtitle a line under the title
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Require.nonNull(subtitle, "subtitle");
      return this;
    }

    /**
     * @param xLabel what the x axis is, with its unit (for example "step" or "window start (UTC)")
     * @return this builder
     */
    public Builder xLabel(String xLabel) {
      this.xLabel = Require.nonNull(xLabel, "xLabel");
      return this;
    }

    /**
     * @param yLabel what the y axis measures, with its unit
     * @return this builder
     */
    public Builder yLabel(String yLabel) {
      this.yLabel = Require.nonNull(yLabel, "yLabel");
      return this;
    }

    /**
     * Writes the y ticks as percentages (values are shares).
     *
     * @return this builder
     */
    public Builder percent() {
      this.percent = true;
      return this;
    }

    /**
     * Fixes the y axis; by default it spans every value and reference line, widened to nice ticks.
     *
     * @param lower the axis' lower end
     * @param upper the axis' upper end, above lower
     * @return this builder
     */
    public Builder yDomain(double lower, double upper) {
      Require.finite(lower, "lower");
      Require.finite(upper, "upper");
      Require.argument(upper > lower, "upper", "above lower " + lower, upper);
      this.yLower = lower;
      this.yUpper = upper;
      return this;
    }

    /**
     * @param width the chart's width in pixels (default 560)
     * @param height the chart's height in pixels (default 300)
     * @return this builder
     */
    public Builder size(int width, int height) {
      this.width = Require.positive(width, "width");
      this.height = Require.positive(height, "height");
      return this;
    }

    /**
     * A series over numbers (steps, thresholds).
     *
     * @param name the series' name
     * @param x the x values, finite
     * @param y the y values, one per x; NaN leaves a gap
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ, an x is not finite or a y infinite
     * @throws IllegalStateException if time series were added
     */
    public Builder series(String name, double[] x, double[] y) {
      Require.state(
          !Boolean.TRUE.equals(time), "This chart is over time: add series with timeSeries(...).");
      time = false;
      add(name, Require.finite(x, "x").clone(), y);
      return this;
    }

    /**
     * A series over steps 0, 1, 2, ...
     *
     * @param name the series' name
     * @param y the y values; NaN leaves a gap
     * @return this builder
     * @throws IllegalStateException if time series were added
     */
    public Builder series(String name, double[] y) {
      double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i;
      }
      return series(name, x, y);
    }

    /**
     * A series over time.
     *
     * @param name the series' name
     * @param times the instants, one per value
     * @param y the y values; NaN leaves a gap
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ or a y is infinite
     * @throws IllegalStateException if numeric series were added
     */
    public Builder timeSeries(String name, Instant[] times, double[] y) {
      Require.state(
          !Boolean.FALSE.equals(time), "This chart is over numbers: add series with series(...).");
      time = true;
      double[] x = new double[Require.noNulls(times, "times").length];
      for (int i = 0; i < x.length; i++) {
        x[i] = times[i].toEpochMilli();
      }
      add(name, x, y);
      return this;
    }

    private void add(String name, double[] x, double[] y) {
      Require.nonNull(name, "name");
      Require.sameLength(y.length, "y", x.length, "x");
      Require.argument(x.length > 0, "x", "at least one value", 0);
      for (int i = 0; i < y.length; i++) {
        Require.argument(!Double.isInfinite(y[i]), "y", "finite or NaN", y[i] + " at " + i);
      }
      series.add(new Series(name, x, y.clone()));
    }

    /**
     * A dashed horizontal line, for example a threshold.
     *
     * @param label what the line is, written at its right end
     * @param y where it is
     * @return this builder
     */
    public Builder reference(String label, double y) {
      references.add(new Reference(Require.nonNull(label, "label"), Require.finite(y, "y")));
      return this;
    }

    /**
     * @return the chart
     * @throws IllegalStateException if no series was added
     */
    public LineChart build() {
      Require.state(!series.isEmpty(), "Add at least one series(...) before build().");
      return new LineChart(ChartStyle.withIds(render()));
    }

    private String render() {
      double xMin = Double.POSITIVE_INFINITY;
      double xMax = Double.NEGATIVE_INFINITY;
      double yMin = Double.POSITIVE_INFINITY;
      double yMax = Double.NEGATIVE_INFINITY;
      for (Series s : series) {
        for (int i = 0; i < s.x().length; i++) {
          xMin = Math.min(xMin, s.x()[i]);
          xMax = Math.max(xMax, s.x()[i]);
          if (!Double.isNaN(s.y()[i])) {
            yMin = Math.min(yMin, s.y()[i]);
            yMax = Math.max(yMax, s.y()[i]);
          }
        }
      }
      for (Reference r : references) {
        yMin = Math.min(yMin, r.y());
        yMax = Math.max(yMax, r.y());
      }
      if (yMin > yMax) {
        yMin = 0;
        yMax = 1;
      }
      Ticks yTicks = Double.isNaN(yLower) ? Ticks.of(yMin, yMax, 5) : Ticks.of(yLower, yUpper, 5);
      List<String> yLabels = Axes.labels(yTicks, percent);

      Svg svg = new Svg(title.isEmpty() ? "Line chart" : title);
      double y = Axes.heading(svg, 0, title, subtitle);
      double left = Axes.leftMargin(yLabels, !yLabel.isEmpty());
      double right = width - 16;
      List<Legend.Entry> legend = new ArrayList<>();
      for (int s = 0; s < series.size(); s++) {
        legend.add(
            new Legend.Entry(series.get(s).name(), Legend.line(s, ChartStyle.color(s), false)));
      }
      if (series.size() > 1) {
        y = Legend.draw(svg, left, y + 8, right, legend) + 2;
      }
      double top = y + 8;
      double bottom = Math.max(height - (xLabel.isEmpty() ? 26 : 44), top + 80);
      double h = bottom + (xLabel.isEmpty() ? 26 : 44);

      Axes.Scale ys = new Axes.Scale(yTicks.lower(), yTicks.upper(), bottom, top);
      Axes.left(svg, ys, yTicks.values(), yLabels, left, right, yLabel);
      Axes.Scale xs;
      if (Boolean.TRUE.equals(time)) {
        long lo = (long) xMin;
        long hi = (long) Math.max(xMax, xMin + 1);
        TimeTicks tt = TimeTicks.of(lo, hi, Math.max(2, (int) ((right - left) / 90)));
        xs = new Axes.Scale(lo, hi, left, right);
        List<Double> tv = tt.values().stream().map(Long::doubleValue).toList();
        Axes.bottom(svg, xs, tv, tt.labels(), top, bottom, xLabel);
      } else {
        Ticks xTicks = Ticks.of(xMin, xMax, Math.max(2, Math.min(8, (int) ((right - left) / 70))));
        xs = new Axes.Scale(xTicks.lower(), xTicks.upper(), left, right);
        Axes.bottom(svg, xs, xTicks.values(), Axes.labels(xTicks, false), top, bottom, xLabel);
      }
      for (Reference r : references) {
        double yr = ys.at(r.y());
        svg.empty(
            "line",
            "x1",
            left,
            "y1",
            yr,
            "x2",
            right,
            "y2",
            yr,
            "stroke",
            ChartStyle.REFERENCE,
            "stroke-width",
            1.3,
            "stroke-dasharray",
            "5 3");
        svg.text(
            left + 4,
            yr - 4,
            r.label() + " " + Numbers.format(r.y()),
            "fill",
            ChartStyle.REFERENCE);
      }
      for (int s = 0; s < series.size(); s++) {
        Series ser = series.get(s);
        String color = ChartStyle.color(s);
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < ser.x().length; i++) {
          if (Double.isNaN(ser.y()[i])) {
            pen = false;
            continue;
          }
          d.append(pen ? "L" : "M")
              .append(Numbers.px(xs.at(ser.x()[i])))
              .append(' ')
              .append(Numbers.px(ys.at(ser.y()[i])));
          pen = true;
        }
        svg.empty(
            "path",
            "d",
            d.toString(),
            "fill",
            "none",
            "stroke",
            color,
            "stroke-width",
            2,
            "stroke-dasharray",
            ChartStyle.dash(s),
            "stroke-linejoin",
            "round");
        boolean markers = ser.x().length <= 60;
        for (int i = 0; i < ser.x().length; i++) {
          if (Double.isNaN(ser.y()[i])) {
            continue;
          }
          String xText =
              Boolean.TRUE.equals(time)
                  ? Instant.ofEpochMilli((long) ser.x()[i]).toString()
                  : Numbers.format(ser.x()[i]);
          String tip = ser.name() + " at " + xText + ": " + Numbers.format(ser.y()[i]);
          if (markers) {
            ChartStyle.marker(
                svg,
                ChartStyle.marker(s),
                xs.at(ser.x()[i]),
                ys.at(ser.y()[i]),
                3.2,
                color,
                "#ffffff",
                tip);
          } else {
            svg.withTitle(
                "circle",
                tip,
                "cx",
                xs.at(ser.x()[i]),
                "cy",
                ys.at(ser.y()[i]),
                "r",
                3,
                "fill",
                "transparent");
          }
        }
      }
      return svg.end(width, h);
    }
  }
}
