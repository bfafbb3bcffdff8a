package org.mlops4j.drift.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.MissingPolicy;

/**
 * The fitted reference of one categorical feature: vocabulary (first-seen order) and counts.
 * Immutable.
 */
public final class CategoricalReference implements FeatureReference {
  final String name;
  final DriftMethod method;
  final long rows;
  final long missing;
  final List<String> vocabulary;
  final long[] counts;
  final Map<String, Integer> index;

  CategoricalReference(
      String name,
      DriftMethod method,
      long rows,
      long missing,
      List<String> vocabulary,
      long[] counts) {
    this.name = name;
    this.method = method;
    this.rows = rows;
    this.missing = missing;
    this.vocabulary = List.copyOf(vocabulary);
    this.counts = counts;
    this.index = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
  }

  /**
   * Fits the reference of one categorical column ({@code null} = missing).
   *
   * @throws IllegalArgumentException if the column has no value, has missing values under {@link
   *     MissingPolicy#FAIL}, or its method override does not apply
   */
  public static CategoricalReference fit(
      String name, @Nullable String[] values, DriftDetector detector) {
    Map<String, long[]> m = new LinkedHashMap<>();
    long missing = 0;
    for (String s : values) {
      if (s == null) {
        missing++;
      } else {
        m.computeIfAbsent(s, k -> new long[1])[0]++;
      }
    }
    String column = "reference column '" + name + "'";
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing == 0,
        column,
        "free of missing values (missingPolicy FAIL)",
        missing + " missing of " + values.length + " rows");
    Require.argument(
        !m.isEmpty(),
        column,
        "non-empty after leaving out missing values",
        values.length + " rows: " + missing + " missing");
    DriftMethod method = detector.methodFor(name).orElse(DriftMethod.CHI_SQUARE);
    Require.argument(
        method.appliesTo(ColumnType.CATEGORICAL),
        "the method of column '" + name + "'",
        "one for categorical columns",
        method.key());
    long[] counts = new long[m.size()];
    int i = 0;
    for (long[] c : m.values()) {
      counts[i++] = c[0];
    }
    return new CategoricalReference(
        name, method, values.length, missing, List.copyOf(m.keySet()), counts);
  }

  /**
   * @return the number of non-missing reference labels
   */
  long count() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  public DriftMethod method() {
    return method;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public long missing() {
    return missing;
  }

  /**
   * @return the categories in first-seen order
   */
  public List<String> vocabulary() {
    return vocabulary;
  }

  /**
   * @return the reference counts per category (the array itself: do not modify)
   */
  public long[] counts() {
    return counts;
  }

  /**
   * @return the category's index in the vocabulary, or null when the reference never saw it
   */
  public @Nullable Integer indexOf(String category) {
    return index.get(category);
  }

  @Override
  public String toString() {
    return name + ":categorical/" + method.key() + " k=" + vocabulary.size();
  }
}
