package org.mlops4j.drift;

/**
 * The kind of a column in {@link Columns}: numeric ({@code double} values, NaN counted as missing)
 * or categorical ({@code String} values, {@code null} counted as missing).
 *
 * @since 0.1.0
 */
public enum ColumnType {
  /** Real-valued column. */
  NUMERIC,
  /** Column of category labels. */
  CATEGORICAL
}
