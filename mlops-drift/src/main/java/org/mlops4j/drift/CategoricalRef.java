package org.mlops4j.drift;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fitted reference of one categorical feature: vocabulary (first-seen order) and counts. */
final class CategoricalRef {
  final String name;
  final DriftTest test;
  final long rows;
  final long missing;
  final List<String> vocabulary;
  final long[] counts;
  final Map<String, Integer> index;

  CategoricalRef(String name, DriftTest test, long rows, long missing, List<String> vocabulary,
      long[] counts) {
    this.name = name;
    this.test = test;
    this.rows = rows;
    this.missing = missing;
    this.vocabulary = List.copyOf(vocabulary);
    this.counts = counts;
    this.index = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
  }

  long count() {
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  static CategoricalRef fit(String name, String[] values, DriftConfig config) {
    Map<String, long[]> m = new LinkedHashMap<>();
    long missing = 0;
    for (String s : values) {
      if (s == null) {
        missing++;
      } else {
        m.computeIfAbsent(s, k -> new long[1])[0]++;
      }
    }
    if (config.missingPolicy() == MissingPolicy.FAIL && missing > 0) {
      throw new IllegalArgumentException("column '" + name + "': reference has " + missing
          + " missing values (missingPolicy FAIL)");
    }
    if (m.isEmpty()) {
      throw new IllegalArgumentException("column '" + name + "': reference has no values ("
          + values.length + " rows, " + missing + " missing)");
    }
    DriftTest test = config.testFor(name).orElse(DriftTest.CHI_SQUARE);
    if (!test.appliesTo(ColumnType.CATEGORICAL)) {
      throw new IllegalArgumentException(
          "column '" + name + "': test " + test.key() + " does not apply to a categorical column");
    }
    long[] counts = new long[m.size()];
    int i = 0;
    for (long[] c : m.values()) {
      counts[i++] = c[0];
    }
    return new CategoricalRef(name, test, values.length, missing, List.copyOf(m.keySet()), counts);
  }
}
