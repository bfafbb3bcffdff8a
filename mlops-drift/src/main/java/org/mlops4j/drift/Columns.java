package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * A small immutable table of named columns, numeric ({@code double[]}, NaN = missing) or
 * categorical ({@code String[]}, {@code null} = missing), all of the same length. JDK types only.
 *
 * <pre>{@code
 * Columns reference = Columns.builder()
 *     .numeric("age", new double[] {31, 45, 27})
 *     .categorical("city", new String[] {"Oslo", "Lima", "Oslo"})
 *     .build();
 * }</pre>
 *
 * <p>The builder copies the arrays; accessors return copies.
 *
 * @since 0.1.0
 */
public final class Columns {

  private final Map<String, Object> data;
  private final int rows;

  private Columns(Map<String, Object> data, int rows) {
    this.data = data;
    this.rows = rows;
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the column names in insertion order
   */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(data.keySet()));
  }

  /**
   * @return the number of rows (0 for a table without columns)
   */
  public int rowCount() {
    return rows;
  }

  /**
   * @return whether a column of that name exists
   */
  public boolean has(String name) {
    return data.containsKey(name);
  }

  /**
   * @return the type of a column
   * @throws IllegalArgumentException if there is no such column
   */
  public ColumnType type(String name) {
    return raw(name) instanceof double[] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  /**
   * @return a copy of a numeric column
   * @throws IllegalArgumentException if there is no such column or it is categorical
   */
  public double[] numeric(String name) {
    return numericView(name).clone();
  }

  /**
   * @return a copy of a categorical column ({@code null} entries are missing values)
   * @throws IllegalArgumentException if there is no such column or it is numeric
   */
  public @Nullable String[] categorical(String name) {
    return categoricalView(name).clone();
  }

  double[] numericView(String name) {
    Object o = raw(name);
    Require.argument(o instanceof double[], "column '" + name + "'", "numeric", "categorical");
    return (double[]) o;
  }

  @Nullable String[] categoricalView(String name) {
    Object o = raw(name);
    Require.argument(o instanceof String[], "column '" + name + "'", "categorical", "numeric");
    return (String[]) o;
  }

  private Object raw(String name) {
    Object o = data.get(name);
    if (o == null) {
      throw new IllegalArgumentException(
          Require.mustBe("column", "one of " + data.keySet(), "'" + name + "'"));
    }
    return o;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Columns[rows=").append(rows);
    for (String n : data.keySet()) {
      sb.append(", ").append(n).append(':').append(type(n).name().toLowerCase(Locale.ROOT));
    }
    return sb.append(']').toString();
  }

  /**
   * Builder of {@link Columns}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private int rows = -1;
    private String first = "";

    private Builder() {}

    /**
     * Adds a numeric column (copied).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or taken, or the length differs from
     *     the first column's
     */
    public Builder numeric(String name, double[] values) {
      Require.nonNull(values, "values");
      put(name, values.clone(), values.length);
      return this;
    }

    /**
     * Adds a numeric column from ints (converted to double).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #numeric(String, double[])}
     */
    public Builder numeric(String name, int[] values) {
      Require.nonNull(values, "values");
      double[] d = new double[values.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = values[i];
      }
      put(name, d, d.length);
      return this;
    }

    /**
     * Adds a numeric column from longs (converted to double, exact up to 2^53).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #numeric(String, double[])}
     */
    public Builder numeric(String name, long[] values) {
      Require.nonNull(values, "values");
      double[] d = new double[values.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = values[i];
      }
      put(name, d, d.length);
      return this;
    }

    /**
     * Adds a categorical column (copied); {@code null} entries are missing values.
     *
     * @throws NullPointerException if the name or the array is null
     * @throws IllegalArgumentException if the name is blank or taken, or the length differs from
     *     the first column's
     */
    public Builder categorical(String name, @Nullable String[] values) {
      Require.nonNull(values, "values");
      put(name, values.clone(), values.length);
      return this;
    }

    private void put(String name, Object values, int length) {
      Require.nonBlank(name, "column name");
      Require.argument(!data.containsKey(name), "column name", "unique", "'" + name + "' twice");
      if (rows >= 0) {
        Require.sameLength(length, "column '" + name + "'", rows, "column '" + first + "'");
      }
      if (rows < 0) {
        rows = length;
        first = name;
      }
      data.put(name, values);
    }

    /**
     * @return the table
     */
    public Columns build() {
      return new Columns(Collections.unmodifiableMap(new LinkedHashMap<>(data)), Math.max(rows, 0));
    }
  }
}
