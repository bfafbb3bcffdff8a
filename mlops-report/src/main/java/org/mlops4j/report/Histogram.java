package org.mlops4j.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * A histogram of one or more series over the same bins, for example a feature's reference and
 * current data, given as bin edges and counts (or shares), or as categories and counts. Series are
 * {@link Layout#OVERLAID overlaid} (numeric bins, the default: the first series filled, the second
 * hatched with a dark outline, so the two stay apart in greyscale) or {@link Layout#SIDE_BY_SIDE
 * side by side} (categories, the default: a dark solid bar next to a light hatched one).
 *
 * <pre>{@code
 * Histogram.builder()
 *     .title("age")
 *     .xLabel("age (years)")
 *     .edges(18, 25, 35, 45, 55, 65, 90)
 *     .series("reference", 120, 340, 310, 250, 180, 90)
 *     .series("current", 180, 360, 290, 200, 120, 40)
 *     .shares()                 // each series as shares of its rows; the axis in %
 *     .build();
 * }</pre>
 *
 * Numeric bins are drawn at their true widths on an axis with nice ticks; an infinite first or last
 * edge is drawn one neighbouring bin wide and named "below x" or "x and above" on hover; a bin of
 * zero width is drawn 2 pixels wide. More categories than {@link Builder#maxCategories(int)} (20)
 * keep the most frequent ones (by the first series) and sum the rest as "other (N more)". Hover on
 * a bar shows its bin, series and value (and count, when counts were given). With {@link
 * Builder#timeAxis()} the edges are instants (seconds since 1970-01-01T00:00Z) on a calendar axis.
 *
 * @since 0.1.0
 */
public final class Histogram implements Element {
  private final String svg;

  private Histogram(String svg) {
    this.svg = svg;
  }

  /**
   * @return a builder of a histogram
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

  /**
   * How several series share a bin.
   *
   * @since 0.1.0
   */
  public enum Layout {
    /** Each series' bar spans the whole bin, drawn over one another. */
    OVERLAID,
    /** The bin is split, one narrower bar per series. */
    SIDE_BY_SIDE
  }

  private record Series(String name, double[] values, boolean counts) {}

  /**
   * Builds a {@link Histogram}: {@link #edges(double...)} or {@link #categories(List)}, then one or
   * more series of the same length.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String title = "";
    private String subtitle = "";
    private String xLabel = "";
    private @Nullable String yLabel;
    private double @Nullable [] edges;
    private @Nullable List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private boolean shares;
    private boolean time;
    private @Nullable Layout layout;
    private int maxCategories = 20;
    private int width = 520;
    private int height = 300;
    private int labelWidth = 120;

    private Builder() {}

    /**
     * @param title the chart's title, for example the feature's name
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Require.nonNull(title, "title");
      return this;
    }

    /**
     * @param subtitle a line under the title, for example the test and its result
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Require.nonNull(subtitle, "subtitle");
      return this;
    }

    /**
     * @param xLabel what the bins measure, with the unit
     * @return this builder
     */
    public Builder xLabel(String xLabel) {
      this.xLabel = Require.nonNull(xLabel, "xLabel");
      return this;
    }

    /**
     * @param yLabel what the bar heights are; default "rows", or "share of rows" with {@link
     *     #shares()}
     * @return this builder
     */
    public Builder yLabel(String yLabel) {
      this.yLabel = Require.nonNull(yLabel, "yLabel");
      return this;
    }

    /**
     * Numeric bins: bin i holds the values between edges i and i + 1.
     *
     * @param edges at least two, ascending (equal neighbours allowed); only the first may be
     *     negative infinity and only the last positive infinity
     * @return this builder
     * @throws IllegalArgumentException if the edges are fewer than two, NaN, descending, or
     *     infinite inside
     */
    public Builder edges(double... edges) {
      Require.argument(edges.length >= 2, "edges", "at least two", edges.length);
      for (int i = 0; i < edges.length; i++) {
        Require.argument(!Double.isNaN(edges[i]), "edges", "numbers", "NaN at " + i);
        Require.argument(
            i == 0 || edges[i] >= edges[i - 1], "edges", "ascending", edges[i] + " at " + i);
        boolean inner = i > 0 && i < edges.length - 1;
        Require.argument(
            !(inner && Double.isInfinite(edges[i])), "edges", "finite inside", edges[i]);
      }
      Require.state(categories == null, "Give either edges(...) or categories(...), not both.");
      this.edges = edges.clone();
      return this;
    }

    /**
     * Categorical bins, one per category.
     *
     * @param categories the categories' names
     * @return this builder
     */
    public Builder categories(List<String> categories) {
      Require.argument(!categories.isEmpty(), "categories", "at least one", 0);
      Require.state(edges == null, "Give either edges(...) or categories(...), not both.");
      this.categories = List.copyOf(categories);
      return this;
    }

    /**
     * Categorical bins, one per category.
     *
     * @param categories the categories' names
     * @return this builder
     */
    public Builder categories(String... categories) {
      return categories(List.of(Require.noNulls(categories, "categories")));
    }

    /**
     * A series of counts, one per bin.
     *
     * @param name the series' name, for example {@code "reference"}
     * @param counts rows per bin
     * @return this builder
     * @throws IllegalArgumentException if a count is negative
     */
    public Builder series(String name, long... counts) {
      double[] values = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        values[i] = Require.nonNegative(counts[i], "counts[" + i + "]");
      }
      series.add(new Series(Require.nonNull(name, "name"), values, true));
      return this;
    }

    /**
     * A series of values (counts or shares), one per bin.
     *
     * @param name the series' name, for example {@code "current"}
     * @param values one per bin, finite and not negative
     * @return this builder
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public Builder series(String name, double... values) {
      for (int i = 0; i < values.length; i++) {
        Require.finite(values[i], "values[" + i + "]");
        Require.nonNegative(values[i], "values[" + i + "]");
      }
      series.add(new Series(Require.nonNull(name, "name"), values.clone(), false));
      return this;
    }

    /**
     * Draws each series as shares of its own total, so that series of different sizes compare; the
     * axis is in percent.
     *
     * @return this builder
     */
    public Builder shares() {
      this.shares = true;
      return this;
    }

    /**
     * @param layout overlaid or side by side
     * @return this builder
     */
    public Builder layout(Layout layout) {
      this.layout = Require.nonNull(layout, "layout");
      return this;
    }

    /**
     * @param max the most categories drawn (at least 2); the rest are summed as "other"
     * @return this builder
     */
    public Builder maxCategories(int max) {
      Require.argument(max >= 2, "max", "at least 2", max);
      this.maxCategories = max;
      return this;
    }

    /**
     * The widest a category's label may be drawn under its bar; a longer label is shortened with an
     * ellipsis and written in full on hover. Labels wider than their bar are turned by 45 degrees,
     * and the chart makes room for them below the axis and, for the first bar's label, at the left.
     * A label is measured at 0.6 em per character, 6.6 px at the charts' 11 px font: the default
     * 120 px keeps 18 characters.
     *
     * @param labelWidth the most pixels of a category's label, 40 to 1000 (default 120)
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
     * @param width the chart's width in pixels (default 520)
     * @param height the chart's height in pixels (default 300)
     * @return this builder
     */
    public Builder size(int width, int height) {
      this.width = Require.positive(width, "width");
      this.height = Require.positive(height, "height");
      return this;
    }

    /**
     * Reads the {@link #edges(double...) edges} as instants, in seconds since 1970-01-01T00:00Z:
     * the axis shows calendar ticks in UTC (times of day, days, months or years, whatever the range
     * needs) and each bin is named by its dates on hover.
     *
     * @return this builder
     * @since 0.1.0
     */
    public Builder timeAxis() {
      this.time = true;
      return this;
    }

    /**
     * @return the histogram
     * @throws IllegalStateException if bins or series are missing or a series has another length
     *     than the bins
     */
    public Histogram build() {
      Require.state(
          edges != null || categories != null,
          "Give the bins with edges(...) or categories(...) before build().");
      Require.state(!series.isEmpty(), "Add at least one series(...) before build().");
      int bins = edges != null ? edges.length - 1 : categories.size();
      for (Series s : series) {
        Require.state(
            s.values().length == bins,
            "Series '"
                + s.name()
                + "' has "
                + s.values().length
                + " values; give one per bin ("
                + bins
                + ").");
      }
      return new Histogram(ChartStyle.withIds(render()));
    }

    private String render() {
      boolean numeric = edges != null;
      List<String> labels = new ArrayList<>();
      List<double[]> raw = new ArrayList<>();
      for (Series s : series) {
        raw.add(s.values());
      }
      if (!numeric) {
        labels.addAll(categories);
        if (labels.size() > maxCategories) {
          raw = capCategories(labels, raw);
        }
      }
      List<double[]> heights = new ArrayList<>();
      for (double[] r : raw) {
        heights.add(shares ? shares(r) : r);
      }
      int bins = raw.get(0).length;
      double top = 0;
      for (double[] v : heights) {
        for (double x : v) {
          top = Math.max(top, x);
        }
      }
      Ticks yTicks = Ticks.of(0, top > 0 ? top : 1, 5);
      List<String> yLabels = Axes.labels(yTicks, shares);
      String yTitle = yLabel != null ? yLabel : shares ? "share of rows" : "rows";
      Layout how = layout != null ? layout : numeric ? Layout.OVERLAID : Layout.SIDE_BY_SIDE;

      String name = title.isEmpty() ? "Histogram" : title;
      Svg svg = new Svg(name);
      svg.raw("<defs>")
          .raw(ChartStyle.hatch(ChartStyle.ID + "-h1", "#c0501f", "#fde9d6"))
          .raw(ChartStyle.hatch(ChartStyle.ID + "-o1", "#c0501f", "none"))
          .raw("</defs>");
      double y = Axes.heading(svg, 0, title, subtitle);
      double left = Axes.leftMargin(yLabels, true);
      double right = width - 12;

      // bottom margin: numeric ticks, or category labels (turned when they do not fit)
      int maxChars = ChartStyle.charsIn(labelWidth, 11);
      double widest = 0;
      for (String l : labels) {
        widest = Math.max(widest, ChartStyle.width(ChartStyle.shorten(l, maxChars), 11));
      }
      double band = (right - left) / Math.max(bins, 1);
      boolean turned = !numeric && widest > band - 4;
      double half = 1.0 / (2 * Math.max(bins, 1));
      double reach = widest * 0.71 + 4; // how far a label turned by 45 degrees runs to the left
      if (turned && left + (right - left) * half < reach) {
        // the first bin's label would start left of the chart: move the plot right
        left = (reach - right * half) / (1 - half);
        band = (right - left) / Math.max(bins, 1);
      }
      List<Legend.Entry> legend = new ArrayList<>();
      for (int s = 0; s < series.size(); s++) {
        legend.add(new Legend.Entry(series.get(s).name(), Legend.box(fill(s, how), stroke(s))));
      }
      if (series.size() > 1) {
        y = Legend.draw(svg, left, y + 8, right, legend) + 4;
      }
      double plotTop = y + 6;

      double tickSpace = numeric ? 20 : turned ? widest * 0.71 + 16 : 20;
      double bottomSpace = tickSpace + (xLabel.isEmpty() ? 6 : 22);
      double plotBottom = Math.max(height - bottomSpace, plotTop + 80);
      double h = plotBottom + bottomSpace;

      Axes.Scale ys = new Axes.Scale(0, yTicks.upper(), plotBottom, plotTop);
      Axes.left(svg, ys, yTicks.values(), yLabels, left, right, yTitle);

      double[] lo = new double[bins];
      double[] hi = new double[bins];
      List<String> binNames = new ArrayList<>();
      Axes.Scale xs;
      if (numeric) {
        double[] e = drawnEdges(edges);
        // the axis spans the bins exactly; nice ticks inside it
        xs = new Axes.Scale(e[0], e[e.length - 1], left, right);
        List<Double> inside = new ArrayList<>();
        List<String> tickLabels = new ArrayList<>();
        if (time) {
          TimeTicks tt =
              TimeTicks.of(
                  (long) Math.ceil(e[0] * 1000),
                  (long) Math.floor(e[e.length - 1] * 1000),
                  Math.max(2, (int) ((right - left) / 70)));
          for (int i = 0; i < tt.values().size(); i++) {
            double t = tt.values().get(i) / 1000.0;
            // a label centred on a tick at the very end would be cut by the chart's edge
            double room = 3.5 * tt.labels().get(i).length();
            if (xs.at(t) + room <= right + 10 && xs.at(t) - room >= 2) {
              inside.add(t);
              tickLabels.add(tt.labels().get(i));
            }
          }
        } else {
          Ticks xTicks = Ticks.of(e[0], e[e.length - 1], 6);
          for (double t : xTicks.values()) {
            if (t >= e[0] - 1e-9 * Math.abs(xTicks.step()) && t <= e[e.length - 1] + 1e-9) {
              inside.add(t);
              tickLabels.add(xTicks.label(t));
            }
          }
        }
        Axes.bottom(svg, xs, inside, tickLabels, plotTop, plotBottom, xLabel);
        for (int i = 0; i < bins; i++) {
          lo[i] = xs.at(e[i]);
          hi[i] = Math.max(xs.at(e[i + 1]), lo[i] + 2);
          binNames.add(binName(edges, i, time));
        }
      } else {
        xs = new Axes.Scale(0, bins, left, right);
        svg.empty(
            "line",
            "x1",
            left,
            "y1",
            plotBottom,
            "x2",
            right,
            "y2",
            plotBottom,
            "stroke",
            ChartStyle.AXIS);
        for (int i = 0; i < bins; i++) {
          lo[i] = xs.at(i) + band * 0.12;
          hi[i] = xs.at(i + 1) - band * 0.12;
          binNames.add(labels.get(i));
          String shown = ChartStyle.shorten(labels.get(i), maxChars);
          double cx = xs.at(i + 0.5);
          String tip = shown.equals(labels.get(i)) ? "" : labels.get(i);
          if (turned) {
            svg.open(
                "text",
                "x",
                cx,
                "y",
                plotBottom + 12,
                "text-anchor",
                "end",
                "fill",
                ChartStyle.MUTED,
                "transform",
                "rotate(-45 " + Numbers.px(cx) + " " + Numbers.px(plotBottom + 12) + ")");
          } else {
            svg.open(
                "text",
                "x",
                cx,
                "y",
                plotBottom + 15,
                "text-anchor",
                "middle",
                "fill",
                ChartStyle.MUTED);
          }
          svg.raw(tip.isEmpty() ? "" : "<title>" + Html.escape(tip) + "</title>")
              .raw(Html.escape(shown))
              .close("text");
        }
        if (!xLabel.isEmpty()) {
          svg.text(
              (left + right) / 2,
              plotBottom + tickSpace + 16,
              xLabel,
              "text-anchor",
              "middle",
              "fill",
              ChartStyle.INK);
        }
      }

      int n = series.size();
      for (int s = 0; s < n; s++) {
        double[] v = heights.get(s);
        for (int i = 0; i < bins; i++) {
          if (v[i] <= 0) {
            continue;
          }
          double x0 = lo[i];
          double x1 = hi[i];
          if (how == Layout.SIDE_BY_SIDE) {
            double part = (hi[i] - lo[i]) / n;
            x0 = lo[i] + s * part + (n > 1 ? 0.5 : 0);
            x1 = x0 + Math.max(part - (n > 1 ? 1 : 0), 1);
          }
          double yv = ys.at(v[i]);
          svg.withTitle(
              "rect",
              tooltip(binNames.get(i), series.get(s), v[i], raw.get(s)[i]),
              "x",
              x0,
              "y",
              yv,
              "width",
              Math.max(x1 - x0, 1),
              "height",
              Math.max(plotBottom - yv, 0.5),
              "fill",
              fill(s, how),
              "stroke",
              stroke(s),
              "stroke-width",
              s == 1 && how == Layout.OVERLAID ? 1.6 : 0.8,
              "stroke-dasharray",
              s >= 2 && how == Layout.OVERLAID ? ChartStyle.dash(s) : null);
        }
      }
      return svg.end(width, h);
    }

    private String tooltip(String bin, Series s, double shown, double raw) {
      String value = shares ? Numbers.fixed(100 * shown, 1) + "%" : Numbers.format(shown);
      String count = shares && s.counts() ? " (" + Numbers.format(raw) + " rows)" : "";
      return bin + " · " + s.name() + ": " + value + count;
    }

    private static String fill(int s, Layout how) {
      if (s == 0) {
        return how == Layout.OVERLAID ? "#a9c4e2" : "#1f4e79";
      }
      if (s == 1) {
        return "url(#" + ChartStyle.ID + (how == Layout.OVERLAID ? "-o1" : "-h1") + ")";
      }
      return how == Layout.OVERLAID ? "none" : ChartStyle.color(s);
    }

    private static String stroke(int s) {
      return s == 0 ? "#1f4e79" : s == 1 ? "#c0501f" : ChartStyle.color(s);
    }

    private static double[] shares(double[] values) {
      double total = 0;
      for (double v : values) {
        total += v;
      }
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = total > 0 ? values[i] / total : 0;
      }
      return out;
    }

    /** Keeps the most frequent categories (by the first series) and sums the rest as "other". */
    private List<double[]> capCategories(List<String> labels, List<double[]> raw) {
      double[] first = raw.get(0);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        order.add(i);
      }
      order.sort(
          Comparator.<Integer>comparingDouble(i -> -first[i]).thenComparing(i -> labels.get(i)));
      int keep = maxCategories - 1;
      List<String> names = new ArrayList<>();
      for (int k = 0; k < keep; k++) {
        names.add(labels.get(order.get(k)));
      }
      names.add("other (" + (labels.size() - keep) + " more)");
      List<double[]> out = new ArrayList<>();
      for (double[] r : raw) {
        double[] v = new double[maxCategories];
        for (int k = 0; k < order.size(); k++) {
          v[Math.min(k, keep)] += r[order.get(k)];
        }
        out.add(v);
      }
      labels.clear();
      labels.addAll(names);
      return out;
    }

    /** Edges to draw: an infinite end one neighbouring bin wide (or 1 wide if there is none). */
    private static double[] drawnEdges(double[] edges) {
      double[] e = edges.clone();
      int last = e.length - 1;
      if (Double.isInfinite(e[0])) {
        double w = last >= 2 && Double.isFinite(e[2]) ? e[2] - e[1] : 1;
        e[0] = Double.isFinite(e[1]) ? e[1] - Math.max(w, 1e-9) : 0;
      }
      if (Double.isInfinite(e[last])) {
        double w = last >= 2 && Double.isFinite(e[last - 2]) ? e[last - 1] - e[last - 2] : 1;
        e[last] = Double.isFinite(e[last - 1]) ? e[last - 1] + Math.max(w, 1e-9) : 1;
      }
      if (e[last] == e[0]) {
        e[0] -= 0.5;
        e[last] += 0.5;
      }
      return e;
    }

    private static String binName(double[] edges, int i, boolean time) {
      double a = edges[i];
      double b = edges[i + 1];
      if (Double.isInfinite(a)) {
        return "below " + edge(b, time);
      }
      if (Double.isInfinite(b)) {
        return edge(a, time) + " and above";
      }
      return edge(a, time) + " to " + edge(b, time);
    }

    /** An edge as a number, or as an instant (UTC): a date at midnight, else a date-time. */
    private static String edge(double x, boolean time) {
      if (!time) {
        return Numbers.format(x);
      }
      long ms = Math.round(x * 1000);
      String iso = Instant.ofEpochMilli(ms).toString(); // 2013-01-27T14:30:00Z
      if (ms % 86_400_000L == 0) {
        return iso.substring(0, 10);
      }
      return iso.replace('T', ' ').replace("Z", "").replaceFirst("(:00)?(\\.0+)?$", "");
    }
  }
}
