package org.mlops4j.drift;

import java.util.Locale;

/**
 * What a drift comparison took a column for, decided on the reference (and, for a binary column,
 * checked against the current): the {@link ColumnType} says how the data was given, the kind says
 * how it was compared. Every {@link FeatureDrift} carries its kind and the reason ({@link
 * FeatureDrift#kindReason()}), and so does its JSON ({@code kind} as the {@link #key()}, {@code
 * kindReason}).
 *
 * <table>
 *   <caption>Kinds and their automatic method</caption>
 *   <tr><th>kind</th><th>when</th><th>method</th></tr>
 *   <tr><td>{@link #NUMERIC}</td><td>a numeric column with a value other than 0 and 1 in the
 *       reference, or a binary one whose current leaves {0, 1}</td>
 *       <td>{@link DriftMethod#KOLMOGOROV_SMIRNOV}</td></tr>
 *   <tr><td>{@link #BINARY}</td><td>a numeric column with only 0 and 1 in the reference</td>
 *       <td>{@link DriftMethod#TWO_PROPORTION_Z}</td></tr>
 *   <tr><td>{@link #TIME}</td><td>a time column ({@link Columns.Builder#time(String,
 *       java.time.Instant[])}): instants, kept as seconds since 1970-01-01T00:00Z</td>
 *       <td>{@link DriftMethod#KOLMOGOROV_SMIRNOV} (and PSI over time bins)</td></tr>
 *   <tr><td>{@link #CATEGORICAL}</td><td>a categorical column (at most {@link
 *       DriftDetector#maxCategories()} categories kept, the rest as one bucket)</td>
 *       <td>{@link DriftMethod#CHI_SQUARE}</td></tr>
 *   <tr><td>{@link #IDENTIFIER}</td><td>a categorical column whose values are nearly all distinct
 *       ({@link DriftDetector#identifierShare()}, {@link DriftDetector#identifierMinDistinct()}),
 *       or a numeric one whose values are nearly all distinct integers over a range at most
 *       {@value DriftDetector#IDENTIFIER_RANGE} times their number (max - min + 1 &le; {@value
 *       DriftDetector#IDENTIFIER_RANGE} &times; distinct: a row number, or a sample of one), and
 *       that has no method override</td>
 *       <td>none: not tested; a change of its missing rate is shown but is no drift</td></tr>
 *   <tr><td>{@link #EXCLUDED}</td><td>a column the caller left out, with why ({@link
 *       Columns.Builder#untested(String, ColumnType, ColumnKind, String)}), so that a report
 *       still lists it</td><td>none: not tested</td></tr>
 *   <tr><td>{@link #EMPTY}</td><td>a column without a value (every row missing or, numeric,
 *       infinite) in the reference</td><td>none: not tested</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public enum ColumnKind {
  /** Real values compared as a distribution; key {@code numeric}. */
  NUMERIC,
  /** Only 0 and 1 in the reference; key {@code binary}. */
  BINARY,
  /**
   * Instants (dates, date-times), compared as a distribution of seconds since 1970-01-01T00:00Z and
   * drawn on a calendar axis; key {@code time}.
   */
  TIME,
  /** Category labels; key {@code categorical}. */
  CATEGORICAL,
  /**
   * Nearly every value distinct (an id, a case number), or distinct integers over a range not much
   * wider than their number (a numeric id): skipped, never drifted; key {@code identifier}.
   */
  IDENTIFIER,
  /** No value in the reference: not testable; key {@code empty}. */
  EMPTY,
  /**
   * Left out by the caller, who said why (a column not read, or excluded): not tested; key {@code
   * excluded}.
   */
  EXCLUDED;

  /**
   * @return the stable key of the kind in JSON: the lower-case name
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @return whether a column of this kind is compared by a test or distance (false for {@link
   *     #IDENTIFIER}, {@link #EMPTY} and {@link #EXCLUDED})
   */
  public boolean testable() {
    return this != IDENTIFIER && this != EMPTY && this != EXCLUDED;
  }
}
