package org.mlops4j.features;

import java.util.Locale;

/**
 * The type of a field of a {@link FeatureSchema}. In a batch ({@code org.mlops4j.drift.Columns}) a
 * numeric field is a numeric column (NaN = missing), a categorical field a categorical column
 * ({@code null} = missing), a boolean field a numeric column of 0 and 1 or a categorical column of
 * {@code "true"} and {@code "false"}, an identifier either. In one record ({@code Map<String, ?>})
 * a numeric field is a {@link Number}, a categorical one a {@link String}, a boolean one a {@link
 * Boolean}, an identifier a {@link String} or a {@link Number}; {@code null} or an absent key is
 * missing.
 *
 * @since 0.1.0
 */
public enum FieldType {
  /** A real number; key {@code numeric}. */
  NUMERIC,
  /** A label from a vocabulary; key {@code categorical}. */
  CATEGORICAL,
  /** True or false; key {@code boolean}. */
  BOOLEAN,
  /** A key of the row (a customer id): validated, never transformed; key {@code identifier}. */
  IDENTIFIER;

  /**
   * @return the stable key in JSON: the lower-case name
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
