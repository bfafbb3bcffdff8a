package org.mlops4j.report.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * Nice tick values for a chart axis, by Heckbert's "nice numbers" (Paul S. Heckbert, "Nice Numbers
 * for Graph Labels", Graphics Gems, 1990): the step is 1, 2 or 5 times a power of ten, and the axis
 * runs from a multiple of the step at or below the data's minimum to one at or above its maximum
 * ("loose" labelling).
 *
 * <pre>
 * nice(x, round): e = floor(log10 x), f = x / 10^e,
 *   round:  f &lt; 1.5 → 1, f &lt; 3 → 2, f &lt; 7 → 5, else 10
 *   else:   f ≤ 1 → 1,   f ≤ 2 → 2, f ≤ 5 → 5, else 10;  result nf · 10^e
 * range = nice(max − min, false); step = nice(range / (ticks − 1), true)
 * lower = floor(min / step) · step; upper = ceil(max / step) · step
 * decimals = max(−floor(log10 step), 0)
 * </pre>
 *
 * An empty range (min = max) is widened to min ± 10% (± 1 at zero) first. Tick values are computed
 * as integer multiples of the step and rounded to its decimals, so that 0.1 · 3 prints as 0.3.
 *
 * @param lower the axis' lower end, the first tick
 * @param upper the axis' upper end, the last tick
 * @param step the distance between ticks
 * @param decimals digits after the decimal point that show every tick exactly
 * @param values the ticks, from lower to upper
 */
public record Ticks(double lower, double upper, double step, int decimals, List<Double> values) {

  /** Copies the values. */
  public Ticks {
    values = List.copyOf(values);
  }

  /**
   * Heckbert's nice number near x.
   *
   * @param x a positive finite number
   * @param round true for the nearest nice number, false for the smallest one at least x
   * @return 1, 2, 5 or 10 times a power of ten
   * @throws IllegalArgumentException if x is not positive and finite
   */
  public static double niceNumber(double x, boolean round) {
    Require.argument(x > 0 && Double.isFinite(x), "x", "positive and finite", x);
    int exponent = (int) Math.floor(Math.log10(x));
    double power = pow10(exponent);
    double fraction = x / power;
    double nice;
    if (round) {
      nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    } else {
      nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    }
    return nice * power;
  }

  /**
   * Loose ticks for data between min and max.
   *
   * @param min the smallest value to show
   * @param max the largest value to show
   * @param ticks about how many ticks (at least 2)
   * @return the ticks
   * @throws IllegalArgumentException if min or max is not finite, min &gt; max, or ticks &lt; 2
   */
  public static Ticks of(double min, double max, int ticks) {
    Require.finite(min, "min");
    Require.finite(max, "max");
    Require.argument(min <= max, "min", "at most max " + max, min);
    Require.argument(ticks >= 2, "ticks", "at least 2", ticks);
    if (min == max) {
      double widen = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= widen;
      max += widen;
    }
    double range = niceNumber(max - min, false);
    double step = niceNumber(range / (ticks - 1), true);
    long first = (long) Math.floor(min / step + 1e-9);
    long last = (long) Math.ceil(max / step - 1e-9);
    int decimals = Math.max(-(int) Math.floor(Math.log10(step) + 1e-9), 0);
    List<Double> values = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      values.add(round(k * step, decimals));
    }
    return new Ticks(values.get(0), values.get(values.size() - 1), step, decimals, values);
  }

  /**
   * @param value a tick value
   * @return the value with this axis' decimals, {@code -0} printed as {@code 0}
   */
  public String label(double value) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value == 0 ? 0.0 : value);
    return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
  }

  /**
   * @param value a tick value, a share
   * @return the value as a percentage with as many decimals as the step needs ({@code 0.25} is
   *     {@code 25%})
   */
  public String percentLabel(double value) {
    int d = Math.max(decimals - 2, 0);
    String s = String.format(Locale.ROOT, "%." + d + "f%%", value == 0 ? 0.0 : value * 100);
    return s.startsWith("-") && Double.parseDouble(s.substring(0, s.length() - 1)) == 0
        ? s.substring(1)
        : s;
  }

  private static double pow10(int exponent) {
    return exponent >= 0 ? Math.pow(10, exponent) : 1 / Math.pow(10, -exponent);
  }

  private static double round(double x, int decimals) {
    return new BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }
}
