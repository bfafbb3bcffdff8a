package org.mlops4j.features;

import org.mlops4j.api.internal.Require;

/**
 * One problem found by {@link FeatureSchema#validate}: the field, the row (0-based; 0 for a single
 * record; {@value #WHOLE_COLUMN} for a problem of the whole column such as an absent or unexpected
 * field), what is wrong and the offending value as text.
 *
 * @param field the field's name
 * @param row the row, or {@value #WHOLE_COLUMN} for the whole column
 * @param problem what is wrong, e.g. {@code "missing"}, {@code "out of range [0.0, 120.0]"}
 * @param value the offending value as text ({@code "null"} when missing)
 * @since 0.1.0
 */
public record SchemaViolation(String field, int row, String problem, String value) {

  /** The row of a problem of the whole column. */
  public static final int WHOLE_COLUMN = -1;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SchemaViolation {
    Require.nonNull(field, "field");
    Require.nonNull(problem, "problem");
    Require.nonNull(value, "value");
  }

  @Override
  public String toString() {
    return (row == WHOLE_COLUMN ? "all rows" : "row " + row)
        + ", field '"
        + field
        + "': "
        + problem
        + " ("
        + value
        + ")";
  }
}
