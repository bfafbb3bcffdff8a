package org.mlops4j.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * A small immutable table of named columns, numeric ({@code double[]}, NaN = missing), time ({@code
 * Instant[]}, {@code null} = missing; kept as seconds since 1970-01-01T00:00Z, of type {@link
 * ColumnType#NUMERIC} and compared as {@link ColumnKind#TIME}) or categorical ({@code String[]},
 * {@code null} = missing), all of the same length; and columns without values that the caller did
 * not read or leaves out, with why ({@link Builder#untested(String, ColumnType, ColumnKind,
 * String)}), so that a report still lists them. JDK types only.
 *
 * <pre>{@code
 * Columns reference = Columns.builder()
 *     .numeric("age", new double[] {31, 45, 27})
 *     .categorical("city", new String[] {"Oslo", "Lima", "Oslo"})
 *     .time("screened", new Instant[] {Instant.parse("2013-01-27T00:00:00Z"), null, ...})
 *     .untested("id", ColumnType.NUMERIC, ColumnKind.EXCLUDED, "excluded by the caller")
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

  /** A time column: seconds since 1970-01-01T00:00Z, NaN missing. */
  private record Time(double[] seconds) {}

  /** A column without values, left out by the caller. */
  private record Untested(ColumnType type, ColumnKind kind, String reason) {}

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
    Object o = raw(name);
    if (o instanceof Untested u) {
      return u.type();
    }
    return o instanceof double[] || o instanceof Time ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  /**
   * @return whether a column is a time column ({@link Builder#time(String, Instant[])})
   * @throws IllegalArgumentException if there is no such column
   */
  public boolean isTime(String name) {
    return raw(name) instanceof Time;
  }

  /**
   * @return why the caller left a column out ({@link Builder#untested(String, ColumnType,
   *     ColumnKind, String)}), or empty for a column with values
   * @throws IllegalArgumentException if there is no such column
   */
  public Optional<String> untestedReason(String name) {
    return raw(name) instanceof Untested u ? Optional.of(u.reason()) : Optional.empty();
  }

  /**
   * @return a copy of a time column as instants ({@code null} entries are missing values)
   * @throws IllegalArgumentException if there is no such column or it is not a time column
   */
  public @Nullable Instant[] time(String name) {
    Object o = raw(name);
    Require.argument(o instanceof Time, "column '" + name + "'", "a time column", kindOf(name));
    double[] s = ((Time) o).seconds();
    @Nullable Instant[] out = new Instant[s.length];
    for (int i = 0; i < s.length; i++) {
      if (!Double.isNaN(s[i])) {
        long whole = (long) Math.floor(s[i]);
        out[i] = Instant.ofEpochSecond(whole, Math.round((s[i] - whole) * 1e9));
      }
    }
    return out;
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
    if (o instanceof Time t) {
      return t.seconds();
    }
    Require.argument(o instanceof double[], "column '" + name + "'", "numeric", kindOf(name));
    return (double[]) o;
  }

  @Nullable String[] categoricalView(String name) {
    Object o = raw(name);
    Require.argument(o instanceof String[], "column '" + name + "'", "categorical", kindOf(name));
    return (String[]) o;
  }

  /** The kind and reason of a column the caller left out, or null. */
  @Nullable ColumnKind untestedKind(String name) {
    return raw(name) instanceof Untested u ? u.kind() : null;
  }

  private String kindOf(String name) {
    Object o = raw(name);
    return o instanceof Untested
        ? "untested"
        : o instanceof Time ? "time" : o instanceof double[] ? "numeric" : "categorical";
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
      sb.append(", ").append(n).append(':').append(kindOf(n));
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
     * Adds a time column (instants, {@code null} = missing), kept as seconds since
     * 1970-01-01T00:00Z (exact to the microsecond for dates of this era): of type {@link
     * ColumnType#NUMERIC}, compared as {@link ColumnKind#TIME} (Kolmogorov–Smirnov, PSI over time
     * bins), drawn on a calendar axis.
     *
     * @throws NullPointerException if the name or the array is null
     * @throws IllegalArgumentException as {@link #numeric(String, double[])}
     */
    public Builder time(String name, @Nullable Instant[] values) {
      Require.nonNull(values, "values");
      double[] s = new double[values.length];
      for (int i = 0; i < s.length; i++) {
        Instant t = values[i];
        s[i] = t == null ? Double.NaN : t.getEpochSecond() + t.getNano() / 1e9;
      }
      put(name, new Time(s), s.length);
      return this;
    }

    /**
     * Adds a time column given as seconds since 1970-01-01T00:00Z (NaN = missing; copied), as
     * {@link #time(String, Instant[])} does.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as {@link #numeric(String, double[])}, or if a value is
     *     infinite
     */
    public Builder timeSeconds(String name, double[] epochSeconds) {
      Require.nonNull(epochSeconds, "epochSeconds");
      for (int i = 0; i < epochSeconds.length; i++) {
        Require.argument(
            !Double.isInfinite(epochSeconds[i]),
            "epochSeconds of column '" + name + "'",
            "finite or NaN",
            epochSeconds[i] + " at row " + i);
      }
      put(name, new Time(epochSeconds.clone()), epochSeconds.length);
      return this;
    }

    /**
     * Adds a column without values that the caller did not read or leaves out (an identifier too
     * large to keep, a column excluded by the user), with why: every report lists it as not tested
     * ({@link FeatureDrift#tested()} false), of the given kind, its reason as {@link
     * FeatureDrift#kindReason()} and, after "not tested: ", as its note. It does not count towards
     * the rows. A current table may give values where the reference left the column out, or the
     * other way round: the column is still not tested.
     *
     * @param name the column
     * @param type how the column would have been given
     * @param kind why in one word: {@link ColumnKind#EXCLUDED}, {@link ColumnKind#IDENTIFIER} or
     *     {@link ColumnKind#EMPTY}
     * @param reason why, in a sentence, for example {@code "excluded (--exclude)"}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or taken, the kind is testable, or the
     *     reason is blank
     */
    public Builder untested(String name, ColumnType type, ColumnKind kind, String reason) {
      Require.nonNull(type, "type");
      Require.nonNull(kind, "kind");
      Require.argument(!kind.testable(), "kind", "excluded, identifier or empty", kind);
      Require.nonBlank(reason, "reason");
      Require.nonBlank(name, "column name");
      Require.argument(!data.containsKey(name), "column name", "unique", "'" + name + "' twice");
      data.put(name, new Untested(type, kind, reason));
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
