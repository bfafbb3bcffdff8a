package org.mlops4j.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How numbers read on a page: four significant digits in text, one decimal in SVG coordinates. */
public final class Numbers {
  private Numbers() {}

  /**
   * A number for a table or a label: NaN as {@code "–"}, infinities as {@code "∞"} and {@code
   * "−∞"}, whole numbers below 10^15 as integers, numbers from 10^-4 to 10^6 with four significant
   * digits ({@code 0.5625}, {@code 123.5}), others in scientific notation ({@code 1.230e-05}).
   *
   * @param x the number
   * @return its text
   */
  public static String format(double x) {
    if (Double.isNaN(x)) {
      return "–";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(x);
    if (x == Math.rint(x) && a < 1e15) {
      return Long.toString((long) x);
    }
    if (a >= 1e6 || a < 1e-4) {
      int exponent = (int) Math.floor(Math.log10(a));
      BigDecimal mantissa =
          new BigDecimal(x / Math.pow(10, exponent))
              .round(new MathContext(3, RoundingMode.HALF_EVEN))
              .stripTrailingZeros();
      if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
        mantissa = mantissa.movePointLeft(1).stripTrailingZeros();
        exponent++;
      }
      return mantissa.toPlainString() + "e" + exponent;
    }
    return new BigDecimal(x)
        .round(new MathContext(4, RoundingMode.HALF_EVEN))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * A number with a fixed count of decimals, {@code Locale.ROOT}.
   *
   * @param x the number
   * @param decimals digits after the point
   * @return its text; NaN as {@code "–"}
   */
  public static String fixed(double x, int decimals) {
    return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", x);
  }

  /**
   * A coordinate in an SVG: one decimal, a trailing {@code .0} dropped.
   *
   * @param x the coordinate
   * @return its text
   */
  public static String px(double x) {
    long tenths = Math.round(x * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }
}
