package org.mlops4j.registry.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting of tables and details: up to 6 significant digits, no trailing zeros. */
public final class Fmt {
  private Fmt() {}

  /**
   * @param v a number
   * @return it with up to 6 significant digits, e.g. {@code 0.2}, {@code 0.000488281}, {@code 17}
   */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (v != 0 && Math.abs(v) < 1e-4) {
      return String.format(java.util.Locale.ROOT, "%.3g", v).replaceAll("\\.?0+e", "e");
    }
    return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
