package org.mlops4j.drift.internal;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers in the notes and reasons of a drift report, formatted one way. */
final class Texts {
  private Texts() {}

  /**
   * @return a share as a percentage with one decimal, {@code "25.0%"}
   */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /**
   * @return a setting's share as an exact percentage with at least one decimal: 0.95 {@code
   *     "95.0%"}, 0.9995 {@code "99.95%"}
   */
  static String percentOf(double share) {
    BigDecimal p = new BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros();
    if (p.scale() < 1) {
      p = p.setScale(1);
    }
    return p.toPlainString() + "%";
  }
}
