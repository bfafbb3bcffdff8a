package org.mlops4j.report;

import org.mlops4j.api.internal.Require;

/**
 * One headline number of a page, shown as a tile: what it is, its value, a line of detail (which
 * groups, what interval) and a {@link Tone}. Put tiles on a page with {@link
 * Element#figures(Figure...)}.
 *
 * @param label what the number is, for example {@code "demographic parity ratio"}
 * @param value the number as text, for example {@code "0.676"}
 * @param detail one line below the value, for example {@code "Hispanic vs Asian; 95% [0.61,
 *     0.74]"}, or ""
 * @param tone how the number reads
 * @since 0.1.0
 */
public record Figure(String label, String value, String detail, Tone tone) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Figure {
    Require.nonNull(label, "label");
    Require.nonNull(value, "value");
    Require.nonNull(detail, "detail");
    Require.nonNull(tone, "tone");
  }

  /**
   * A tile.
   *
   * @param label what the number is
   * @param value the number as text
   * @param detail one line of detail, or ""
   * @param tone how the number reads
   * @return the tile
   */
  public static Figure of(String label, String value, String detail, Tone tone) {
    return new Figure(label, value, detail, tone);
  }
}
