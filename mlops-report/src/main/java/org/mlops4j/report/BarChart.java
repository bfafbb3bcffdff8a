package org.mlops4j.report;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Axes;
import org.mlops4j.report.internal.ChartStyle;
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.report.internal.Svg;
import org.mlops4j.report.internal.Ticks;

/**
 * A horizontal bar chart of one value per group with its interval, as Fairlearn's {@code
 * MetricFrame.plot(kind='bar', yerr=...)}: one bar per group, an error bar from the interval's
 * lower to its upper bound, an optional reference line (the value over all rows), the values in a
 * column at the right and on hover. A flagged bar (a group too small to judge) is hatched grey and
 * carries its flag in words, so it reads as such in greyscale too. Use one chart per metric and put
 * them side by side with {@link Element#grid(Element...)}.
 *
 * <pre>{@code
 * BarChart.builder()
 *     .title("Selection rate")
 *     .subtitle("95% Wilson intervals; dashed line: all rows")
 *     .axisLabel("share of the group's rows selected")
 *     .bar("A", 0.5625, 0.4534, 0.6655)
 *     .bar("B", 0.5, 0.2366, 0.7634, "n=12, too small")
 *     .undefined("C", "no rows")
 *     .reference("overall", 0.53)
 *     .build();
 * }</pre>
 *
 * The value axis has nice ticks (1, 2 or 5 times a power of ten) and starts at zero unless a value
 * is negative or {@link Builder#domain(double, double)} says otherwise.
 *
 * @since 0.1.0
 */
public final class BarChart implements Element {
  private static final double ROW = 24;
  private static final double BAR = 14;
  private static final int DEFAULT_LABEL_WIDTH = 180;
  private static final double MIN_PLOT = 140;

  private final String svg;

  private BarChart(String svg) {
    this.svg = svg;
  }

  /**
   * @return a builder of a bar chart
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

  private record Bar(
      String label, double value, double lower, double upper, String flag, String reason) {
    boolean defined() {
      return reason.isEmpty();
    }

    boolean hasInterval() {
      return !Double.isNaN(lower);
    }
  }

  /**
   * Builds a {@link BarChart}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String title = "";
    private String subtitle = "";
    private String axisLabel = "";
    private boolean percent;
    private double domainLower = Double.NaN;
    private double domainUpper = Double.NaN;
    private @Nullable String referenceLabel;
    private double reference = Double.NaN;
    private int width = 480;
    private int labelWidth = DEFAULT_LABEL_WIDTH;
    private int decimals = -1;
    private final List<Bar> bars = new ArrayList<>();

    private Builder() {}

    /**
     * @param title the chart's title, for example the metric's name
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Require.nonNull(title, "title");
      return this;
    }

    /**
     * @param subtitle a line under the title: what the intervals are, what the line is
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Require.nonNull(subtitle, "subtitle");
      return this;
    }

    /**
     * @param axisLabel what the value axis measures, with its unit
     * @return this builder
     */
    public Builder axisLabel(String axisLabel) {
      this.axisLabel = Require.nonNull(axisLabel, "axisLabel");
      return this;
    }

    /**
     * Writes the axis' ticks as percentages (values are shares: 0.25 is 25%).
     *
     * @return this builder
     */
    public Builder percent() {
      this.percent = true;
      return this;
    }

    /**
     * Fixes the value axis, for example to [0, 1] for rates; by default it spans zero and every
     * value, bound and the reference, widened to nice ticks.
     *
     * @param lower the axis' lower end
     * @param upper the axis' upper end, above lower
     * @return this builder
     */
    public Builder domain(double lower, double upper) {
      Require.finite(lower, "lower");
      Require.finite(upper, "upper");
      Require.argument(upper > lower, "upper", "above lower " + lower, upper);
      this.domainLower = lower;
      this.domainUpper = upper;
      return this;
    }

    /**
     * A dashed vertical line across the bars, for example the value over all rows.
     *
     * @param label what the line is, shown above it with its value
     * @param value where it is
     * @return this builder
     */
    public Builder reference(String label, double value) {
      this.referenceLabel = Require.nonNull(label, "label");
      this.reference = Require.finite(value, "value");
      return this;
    }

    /**
     * Writes the values (at the right, on hover, on the reference line) with a fixed number of
     * decimals, so that they line up; by default four significant digits.
     *
     * @param decimals digits after the decimal point, 0 to 10
     * @return this builder
     */
    public Builder decimals(int decimals) {
      Require.argument(decimals >= 0 && decimals <= 10, "decimals", "0 to 10", decimals);
      this.decimals = decimals;
      return this;
    }

    /**
     * @param width the chart's width in pixels (default 480); it shrinks with a narrow page
     * @return this builder
     */
    public Builder width(int width) {
      this.width = Require.positive(width, "width");
      return this;
    }

    /**
     * The widest a group's label may be drawn: the label column is as wide as the longest label up
     * to this, and a longer label is shortened with an ellipsis, written in full on hover. A label
     * is measured at 0.6 em per character, 6.6 px at the charts' 11 px font, so the default 180 px
     * keeps 27 characters and 300 px keeps 45. The plot keeps at least 140 px between the label and
     * the value columns: a wide label column makes the chart wider than {@link #width(int)} rather
     * than squeezing the bars.
     *
     * @param labelWidth the label column's most pixels, 40 to 1000 (default 180)
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
     * A bar without an interval.
     *
     * @param label the group
     * @param value its value
     * @return this builder
     */
    public Builder bar(String label, double value) {
      return add(label, value, Double.NaN, Double.NaN, "");
    }

    /**
     * A flagged bar without an interval: drawn hatched grey, the flag written beside its value.
     *
     * @param label the group
     * @param value its value
     * @param flag why it is set apart, for example {@code "n=18, too small"}
     * @return this builder
     */
    public Builder bar(String label, double value, String flag) {
      return add(label, value, Double.NaN, Double.NaN, Require.nonBlank(flag, "flag"));
    }

    /**
     * A bar with its interval.
     *
     * @param label the group
     * @param value its value
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound
     * @return this builder
     */
    public Builder bar(String label, double value, double lower, double upper) {
      return add(label, value, lower, upper, "");
    }

    /**
     * A flagged bar with its interval: drawn hatched grey, the flag written beside its value.
     *
     * @param label the group
     * @param value its value
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound
     * @param flag why it is set apart, for example {@code "n=18, too small"}
     * @return this builder
     */
    public Builder bar(String label, double value, double lower, double upper, String flag) {
      return add(label, value, lower, upper, Require.nonBlank(flag, "flag"));
    }

    /**
     * A group whose value is undefined: its row says why.
     *
     * @param label the group
     * @param reason why, for example {@code "no positive labels"}
     * @return this builder
     */
    public Builder undefined(String label, String reason) {
      Require.nonNull(label, "label");
      bars.add(
          new Bar(
              label, Double.NaN, Double.NaN, Double.NaN, "", Require.nonBlank(reason, "reason")));
      return this;
    }

    private Builder add(String label, double value, double lower, double upper, String flag) {
      Require.nonNull(label, "label");
      Require.finite(value, "value");
      if (!Double.isNaN(lower) || !Double.isNaN(upper)) {
        Require.finite(lower, "lower");
        Require.finite(upper, "upper");
        Require.argument(lower <= upper, "lower", "at most upper " + upper, lower);
      }
      bars.add(new Bar(label, value, lower, upper, flag, ""));
      return this;
    }

    /**
     * @return the chart
     * @throws IllegalStateException if no bar was added
     */
    public BarChart build() {
      Require.state(!bars.isEmpty(), "Add at least one bar with bar(...) before build().");
      return new BarChart(ChartStyle.withIds(render()));
    }

    private String render() {
      double lo = 0;
      double hi = 0;
      for (Bar b : bars) {
        if (b.defined()) {
          lo = Math.min(lo, b.hasInterval() ? b.lower() : b.value());
          hi = Math.max(hi, b.hasInterval() ? b.upper() : b.value());
        }
      }
      if (referenceLabel != null) {
        lo = Math.min(lo, reference);
        hi = Math.max(hi, reference);
      }
      if (hi == lo) {
        hi = lo + 1; // nothing but zeros: an axis from 0 to 1
      }
      Ticks ticks =
          Double.isNaN(domainLower) ? Ticks.of(lo, hi, 5) : Ticks.of(domainLower, domainUpper, 5);
      double axisLo = Double.isNaN(domainLower) ? ticks.lower() : domainLower;
      double axisHi = Double.isNaN(domainLower) ? ticks.upper() : domainUpper;
      List<Double> tickValues = new ArrayList<>();
      for (double t : ticks.values()) {
        if (t >= axisLo - 1e-12 && t <= axisHi + 1e-12) {
          tickValues.add(t);
        }
      }
      List<String> tickLabels =
          tickValues.stream().map(v -> percent ? ticks.percentLabel(v) : ticks.label(v)).toList();

      int labelChars = ChartStyle.charsIn(labelWidth, 11);
      double widestLabel = 0;
      double widestValue = 0;
      for (Bar b : bars) {
        widestLabel =
            Math.max(widestLabel, ChartStyle.width(ChartStyle.shorten(b.label(), labelChars), 11));
        widestValue = Math.max(widestValue, ChartStyle.width(valueText(b), 11));
      }
      double labelColumn = widestLabel + 12;
      double valueColumn = Math.max(Math.min(widestValue, 190) + 14, 44);
      double plotLeft = labelColumn;
      double plotRight = Math.max(width - valueColumn, plotLeft + MIN_PLOT);
      double w = plotRight + valueColumn;

      String name = title.isEmpty() ? "Bar chart" : title;
      Svg svg = new Svg(name);
      svg.raw(
          "<defs>" + ChartStyle.hatch(ChartStyle.ID + "-flag", "#b5b5b5", "#efefef") + "</defs>");
      double y = Axes.heading(svg, 0, title, subtitle);
      double plotTop = y + (referenceLabel != null ? 16 : 4);
      double plotBottom = plotTop + bars.size() * ROW;
      Axes.Scale x = new Axes.Scale(axisLo, axisHi, plotLeft, plotRight);
      Axes.bottom(svg, x, tickValues, tickLabels, plotTop, plotBottom, axisLabel);
      double zero = x.at(Math.max(axisLo, Math.min(0, axisHi)));
      for (int i = 0; i < bars.size(); i++) {
        Bar b = bars.get(i);
        double cy = plotTop + i * ROW + ROW / 2;
        boolean flagged = !b.flag().isEmpty();
        String shown = ChartStyle.shorten(b.label(), labelChars);
        svg.open(
                "text",
                "x",
                plotLeft - 8,
                "y",
                cy + 4,
                "text-anchor",
                "end",
                "fill",
                flagged ? ChartStyle.MUTED : ChartStyle.INK)
            .raw(shown.equals(b.label()) ? "" : "<title>" + Html.escape(b.label()) + "</title>")
            .raw(Html.escape(shown))
            .close("text");
        if (!b.defined()) {
          svg.text(
              zero + 6,
              cy + 4,
              "undefined: " + b.reason(),
              "fill",
              ChartStyle.MUTED,
              "font-style",
              "italic");
          continue;
        }
        double xv = x.at(b.value());
        svg.withTitle(
            "rect",
            tooltip(b),
            "x",
            Math.min(zero, xv),
            "y",
            cy - BAR / 2,
            "width",
            Math.max(Math.abs(xv - zero), 1),
            "height",
            BAR,
            "fill",
            flagged ? "url(#" + ChartStyle.ID + "-flag)" : ChartStyle.BAR,
            "stroke",
            flagged ? ChartStyle.FLAGGED : null);
        if (b.hasInterval()) {
          double x1 = x.at(b.lower());
          double x2 = x.at(b.upper());
          String ink = flagged ? "#555555" : ChartStyle.INK;
          svg.empty(
              "line", "x1", x1, "y1", cy, "x2", x2, "y2", cy, "stroke", ink, "stroke-width", 1.4);
          svg.empty(
              "line",
              "x1",
              x1,
              "y1",
              cy - 5,
              "x2",
              x1,
              "y2",
              cy + 5,
              "stroke",
              ink,
              "stroke-width",
              1.4);
          svg.empty(
              "line",
              "x1",
              x2,
              "y1",
              cy - 5,
              "x2",
              x2,
              "y2",
              cy + 5,
              "stroke",
              ink,
              "stroke-width",
              1.4);
        }
        svg.open("text", "x", plotRight + 8, "y", cy + 4, "fill", ChartStyle.INK)
            .raw(Html.escape(number(b.value())));
        if (flagged) {
          svg.raw("<tspan fill=\"" + ChartStyle.MUTED + "\" font-style=\"italic\">  ")
              .raw(Html.escape(b.flag()))
              .raw("</tspan>");
        }
        svg.close("text");
      }
      if (referenceLabel != null) {
        double xr = x.at(reference);
        svg.empty(
            "line",
            "x1",
            xr,
            "y1",
            plotTop - 4,
            "x2",
            xr,
            "y2",
            plotBottom,
            "stroke",
            ChartStyle.REFERENCE,
            "stroke-width",
            1.5,
            "stroke-dasharray",
            "5 3");
        String text = referenceLabel + " " + number(reference);
        double half = ChartStyle.width(text, 11) / 2;
        String anchor =
            xr - half < plotLeft ? "start" : xr + half > plotRight + valueColumn ? "end" : "middle";
        svg.text(xr, plotTop - 7, text, "text-anchor", anchor, "fill", ChartStyle.REFERENCE);
      }
      double h = plotBottom + (axisLabel.isEmpty() ? 24 : 42);
      return svg.end(w, h);
    }

    private String number(double x) {
      return decimals < 0 ? Numbers.format(x) : Numbers.fixed(x, decimals);
    }

    private String valueText(Bar b) {
      if (!b.defined()) {
        return "";
      }
      return number(b.value()) + (b.flag().isEmpty() ? "" : "  " + b.flag());
    }

    private String tooltip(Bar b) {
      StringBuilder t = new StringBuilder(b.label()).append(": ").append(number(b.value()));
      if (b.hasInterval()) {
        t.append(", interval ").append(number(b.lower())).append(" to ").append(number(b.upper()));
      }
      if (!b.flag().isEmpty()) {
        t.append(" (").append(b.flag()).append(')');
      }
      return t.toString();
    }
  }
}
