package org.mlops4j.api.internal;

import java.util.Locale;

/**
 * The one metric-key scheme of every {@code logTo(run)}: {@code <area>.<subject>.<measure>}, dot
 * separated, for example {@code drift.age.ks}, {@code drift.dataset.drifted_share}, {@code
 * fairness.equalized_odds_difference}, {@code fairness.group.A.tpr}, {@code
 * fairness.individual.flip_rate}. Segments that come from data (a feature or group name) are
 * sanitised by {@link #segment(String)}; fixed segments are lower snake_case.
 *
 * <p>The characters kept are those MLflow allows in a key (letters, digits, {@code _ - .} and
 * space) less {@code .} and space, which would make one name look like two segments or be trimmed:
 * each other character becomes {@code _}. An empty name becomes {@code _}.
 */
public final class MetricKeys {
  private MetricKeys() {}

  /**
   * Joins segments with dots, sanitising each one.
   *
   * @throws IllegalArgumentException when no segment is given
   */
  public static String key(String... segments) {
    Require.nonNull(segments, "segments");
    Require.argument(segments.length > 0, "segments", "non-empty", "an empty array");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(segment(Require.nonNull(segments[i], "segments[" + i + "]")));
    }
    return sb.toString();
  }

  /**
   * One segment: letters, digits, {@code _} and {@code -} kept; every other character {@code _}.
   */
  public static String segment(String name) {
    Require.nonNull(name, "name");
    if (name.isEmpty()) {
      return "_";
    }
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      sb.append(ok ? c : '_');
    }
    return sb.toString();
  }

  /**
   * A camelCase or SCREAMING_CASE identifier as lower snake_case: {@code equalizedOdds} to {@code
   * equalized_odds}.
   */
  public static String snake(String identifier) {
    Require.nonNull(identifier, "identifier");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(identifier.charAt(i - 1))) {
        sb.append('_');
      }
      sb.append(c);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
