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
   * @return an instant given as seconds since 1970-01-01T00:00Z, in ISO-8601 UTC: the date alone at
   *     midnight ({@code "2013-01-27"}), else to the second or millisecond ({@code
   *     "2013-01-27T14:30:00Z"})
   */
  static String instant(double epochSeconds) {
    long ms = Math.round(epochSeconds * 1000);
    java.time.Instant t = java.time.Instant.ofEpochMilli(ms);
    return ms % 86_400_000L == 0 ? t.toString().substring(0, 10) : t.toString();
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
