package org.mlops4j.privacy;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * The rows that share one combination of quasi-identifier values: an attacker who knows a person's
 * quasi-identifiers can narrow them down to this class, and no further.
 *
 * @param values the quasi-identifier values, in the order the quasi-identifiers were declared
 * @param size the rows in the class, at least 1
 * @param distinctSensitive the distinct values of the sensitive column in the class (0 when no
 *     sensitive column is declared)
 * @since 0.1.0
 */
public record EquivalenceClass(List<String> values, int size, int distinctSensitive) {
  /**
   * Copies the values.
   *
   * @throws IllegalArgumentException if size is below 1 or distinctSensitive negative
   */
  public EquivalenceClass {
    values = List.copyOf(Require.nonNull(values, "values"));
    Require.positive(size, "size");
    Require.nonNegative(distinctSensitive, "distinctSensitive");
  }

  /**
   * @return the probability of re-identifying a row of this class by its quasi-identifiers, {@code
   *     1 / size}
   */
  public double reidentificationRisk() {
    return 1.0 / size;
  }

  @Override
  public String toString() {
    return values + " x" + size + (distinctSensitive > 0 ? " (l=" + distinctSensitive + ")" : "");
  }
}
