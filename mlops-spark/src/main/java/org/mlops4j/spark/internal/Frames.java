package org.mlops4j.spark.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.mlops4j.api.internal.Require;

/** Reads a DataFrame's schema as numeric and categorical columns. */
public final class Frames {
  private Frames() {}

  /**
   * The DataFrame's columns in order, true for numeric (every Spark {@code NumericType}: byte to
   * double and decimal), false for categorical (string, boolean).
   *
   * @param what the argument's name, for messages
   * @throws IllegalArgumentException naming every column of another type with its type
   */
  public static LinkedHashMap<String, Boolean> columns(Dataset<Row> df, String what) {
    Require.nonNull(df, what);
    LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      DataType t = f.dataType();
      if (t instanceof NumericType) {
        out.put(f.name(), true);
      } else if (t instanceof StringType || t instanceof BooleanType) {
        out.put(f.name(), false);
      } else {
        bad.add("'" + f.name() + "' (" + t.simpleString() + ")");
      }
    }
    Require.argument(
        bad.isEmpty(),
        what,
        "a DataFrame of numeric, string and boolean columns",
        "with unsupported columns " + String.join(", ", bad));
    Require.argument(!out.isEmpty(), what, "a DataFrame with at least one column", "without");
    return out;
  }

  /**
   * Runs a Spark action; an {@link IllegalArgumentException} thrown by a task (bad data found on an
   * executor) reaches the caller as itself, with its message, not wrapped in Spark's job failure.
   */
  public static <T> T action(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof IllegalArgumentException bad) {
          throw new IllegalArgumentException(bad.getMessage(), e);
        }
      }
      throw e;
    }
  }

  /** A column's kind as a word. */
  public static String kind(boolean numeric) {
    return numeric ? "numeric" : "categorical";
  }

  /**
   * Checks that current has the reference's columns with the same kinds, and no other.
   *
   * @throws IllegalArgumentException naming every missing, unexpected or retyped column
   */
  public static void requireSameColumns(
      Map<String, Boolean> reference, Map<String, Boolean> current) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : reference.entrySet()) {
      Boolean c = current.get(e.getKey());
      if (c == null) {
        problems.add("missing column '" + e.getKey() + "'");
      } else if (!c.equals(e.getValue())) {
        problems.add(
            "column '"
                + e.getKey()
                + "' is "
                + kind(c).toLowerCase(Locale.ROOT)
                + " but was "
                + kind(e.getValue())
                + " in the reference");
      }
    }
    for (String name : current.keySet()) {
      if (!reference.containsKey(name)) {
        problems.add("unexpected column '" + name + "'");
      }
    }
    Require.argument(
        problems.isEmpty(),
        "current",
        "a DataFrame of the reference's columns and types",
        String.join("; ", problems));
  }
}
