package org.mlops4j.report.internal;

/**
 * The look every chart shares: ink, grid and axis greys, and series styles that stay apart in a
 * greyscale print, each series differing in lightness, dash pattern and marker shape (the colours
 * are the Okabe–Ito palette, safe for colour-blind readers, led by a dark blue).
 */
public final class ChartStyle {
  /** Text. */
  public static final String INK = "#222222";

  /** Secondary text: axis labels, notes. */
  public static final String MUTED = "#666666";

  /** Grid lines. */
  public static final String GRID = "#e6e6e6";

  /** Axis lines and ticks. */
  public static final String AXIS = "#888888";

  /** The bars of a one-series bar chart. */
  public static final String BAR = "#5b8dc9";

  /** Bars and curves of a flagged (for example too small) group. */
  public static final String FLAGGED = "#9a9a9a";

  /** A reference line (overall value, threshold). */
  public static final String REFERENCE = "#c0392b";

  private static final String[] COLORS = {
    "#1f4e79", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#999999"
  };
  private static final String[] DASHES = {null, "7 3", "2 2", "9 3 2 3", "4 4"};
  private static final Marker[] MARKERS = Marker.values();

  private ChartStyle() {}

  /** The marker shapes, in the order series use them. */
  public enum Marker {
    /** A disc. */
    CIRCLE,
    /** A square. */
    SQUARE,
    /** A triangle, point up. */
    TRIANGLE,
    /** A diamond. */
    DIAMOND,
    /** A triangle, point down. */
    DOWN
  }

  /**
   * @param series the series' index
   * @return its colour
   */
  public static String color(int series) {
    return COLORS[series % COLORS.length];
  }

  /**
   * @param series the series' index
   * @return its stroke-dasharray, or null for a solid line
   */
  public static String dash(int series) {
    return DASHES[series % DASHES.length];
  }

  /**
   * @param series the series' index
   * @return its marker
   */
  public static Marker marker(int series) {
    return MARKERS[series % MARKERS.length];
  }

  /**
   * Draws a marker with a hover text.
   *
   * @param svg where to draw
   * @param marker the shape
   * @param x the centre's x
   * @param y the centre's y
   * @param r the radius (half the size)
   * @param fill the fill, {@code "#fff"} for a hollow marker
   * @param stroke the outline
   * @param tooltip the hover text
   */
  public static void marker(
      Svg svg,
      Marker marker,
      double x,
      double y,
      double r,
      String fill,
      String stroke,
      String tooltip) {
    switch (marker) {
      case CIRCLE ->
          svg.withTitle(
              "circle",
              tooltip,
              "cx",
              x,
              "cy",
              y,
              "r",
              r,
              "fill",
              fill,
              "stroke",
              stroke,
              "stroke-width",
              1.2);
      case SQUARE -> {
        double s = r * 0.9;
        svg.withTitle(
            "rect",
            tooltip,
            "x",
            x - s,
            "y",
            y - s,
            "width",
            2 * s,
            "height",
            2 * s,
            "fill",
            fill,
            "stroke",
            stroke,
            "stroke-width",
            1.2);
      }
      default -> {
        double k = r * 1.2;
        String d =
            switch (marker) {
              case TRIANGLE ->
                  "M"
                      + p(x)
                      + " "
                      + p(y - k)
                      + "L"
                      + p(x + k)
                      + " "
                      + p(y + k * 0.8)
                      + "L"
                      + p(x - k)
                      + " "
                      + p(y + k * 0.8)
                      + "Z";
              case DOWN ->
                  "M"
                      + p(x)
                      + " "
                      + p(y + k)
                      + "L"
                      + p(x + k)
                      + " "
                      + p(y - k * 0.8)
                      + "L"
                      + p(x - k)
                      + " "
                      + p(y - k * 0.8)
                      + "Z";
              default ->
                  "M" + p(x) + " " + p(y - k) + "L" + p(x + k) + " " + p(y) + "L" + p(x) + " "
                      + p(y + k) + "L" + p(x - k) + " " + p(y) + "Z";
            };
        svg.withTitle("path", tooltip, "d", d, "fill", fill, "stroke", stroke, "stroke-width", 1.2);
      }
    }
  }

  /**
   * A hatch pattern (diagonal lines on a background), for a series or a flagged bar that must stay
   * apart from a solid one in greyscale.
   *
   * @param id the pattern's id, unique on the page
   * @param line the lines' colour
   * @param background the background colour
   * @return the {@code <pattern>} element, to put in {@code <defs>}
   */
  public static String hatch(String id, String line, String background) {
    return "<pattern id=\""
        + id
        + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
        + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\""
        + background
        + "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\""
        + line
        + "\" stroke-width=\"2.5\"/></pattern>";
  }

  /**
   * Shortens a label to at most max characters, ending in an ellipsis.
   *
   * @param label the label
   * @param max the most characters kept
   * @return the label, shortened when longer than max
   */
  public static String shorten(String label, int max) {
    return label.length() <= max ? label : label.substring(0, Math.max(max - 1, 1)) + "…";
  }

  /**
   * About how wide a text is at the charts' 11 px font (0.6 em per character, wide enough for
   * DejaVu Sans, the widest common fallback).
   *
   * @param text the text
   * @param fontSize the font size in pixels
   * @return its width in pixels
   */
  public static double width(String text, double fontSize) {
    return text.length() * fontSize * 0.6;
  }

  /**
   * How many characters fit in a width at a font size, measured as {@link #width(String, double)}
   * does (0.6 em per character), at least one.
   *
   * @param pixels the width
   * @param fontSize the font size in pixels
   * @return the most characters that fit
   */
  public static int charsIn(double pixels, double fontSize) {
    return Math.max(1, (int) Math.floor(pixels / (fontSize * 0.6) + 1e-9));
  }

  /** The placeholder a chart writes where its ids start; see {@link #withIds(String)}. */
  public static final String ID = "@ID@";

  /**
   * Replaces the id placeholder of a finished chart by a prefix made from the chart's content, so
   * that two different charts on one page never share a pattern id and the same chart always gets
   * the same ids (a page's HTML is the same every time it is written).
   *
   * @param svg the chart, with {@link #ID} where ids start
   * @return the chart with its ids
   */
  public static String withIds(String svg) {
    return svg.replace(ID, "m4j" + Integer.toHexString(svg.hashCode()));
  }

  private static String p(double x) {
    return Numbers.px(x);
  }
}
