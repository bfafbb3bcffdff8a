package org.mlops4j.spark.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mergeable state of one categorical column: rows, missing (null) and the count of every label.
 * {@code a.merge(b)} equals the state of the concatenated rows exactly. Memory grows with the
 * number of distinct labels.
 */
public final class CategoricalState implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  long rows;
  long missing;
  final HashMap<String, long[]> counts = new HashMap<>();

  /** Adds a label (null = missing). */
  public void add(@Nullable String label) {
    rows++;
    if (label == null) {
      missing++;
      return;
    }
    long[] c = counts.get(label);
    if (c == null) {
      counts.put(label, new long[] {1});
    } else {
      c[0]++;
    }
  }

  /** Merges other into this; returns this. */
  public CategoricalState merge(CategoricalState o) {
    rows += o.rows;
    missing += o.missing;
    for (Map.Entry<String, long[]> e : o.counts.entrySet()) {
      long[] c = counts.get(e.getKey());
      if (c == null) {
        counts.put(e.getKey(), new long[] {e.getValue()[0]});
      } else {
        c[0] += e.getValue()[0];
      }
    }
    return this;
  }

  public long rows() {
    return rows;
  }

  public long missing() {
    return missing;
  }

  /**
   * @return the labels in lexical order (a cluster has no row order; this is the order the labels
   *     are handed to the JVM API in)
   */
  public List<String> labels() {
    List<String> l = new ArrayList<>(counts.keySet());
    l.sort(null);
    return l;
  }

  /**
   * @return the count of a label (0 if unseen)
   */
  public long count(String label) {
    long[] c = counts.get(label);
    return c == null ? 0 : c[0];
  }
}
