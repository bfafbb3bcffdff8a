package org.mlops4j.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * Mergeable counts of category labels ({@code null} counted as missing). {@code a.merge(b)} equals
 * the counts of the concatenated input. Not thread-safe: one instance per thread, then merge.
 *
 * @since 0.1.0
 */
public final class CategoryCounts {
  private final Map<String, Long> counts;
  private long missing;

  private CategoryCounts(Map<String, Long> counts, long missing) {
    this.counts = counts;
    this.missing = missing;
  }

  /**
   * @return empty counts
   */
  public static CategoryCounts create() {
    return new CategoryCounts(new LinkedHashMap<>(), 0);
  }

  /** Adds one label; null is missing. */
  public CategoryCounts add(@Nullable String label) {
    if (label == null) {
      missing++;
    } else {
      counts.merge(label, 1L, Long::sum);
    }
    return this;
  }

  /**
   * Adds a label seen {@code count} times ({@code null}: count missing values), as {@code count}
   * calls of {@link #add(String)}: the bulk form for counts merged elsewhere (a distributed
   * engine's partitions).
   *
   * @param label the label, or null for missing values
   * @param count how many times it was seen
   * @return this counts
   * @throws IllegalArgumentException if count is negative
   * @since 0.1.0
   */
  public CategoryCounts add(@Nullable String label, long count) {
    Require.nonNegative(count, "count");
    if (label == null) {
      missing += count;
    } else if (count > 0) {
      counts.merge(label, count, Long::sum);
    }
    return this;
  }

  /**
   * Adds every label; null labels are missing.
   *
   * @throws NullPointerException if the array is null
   */
  public CategoryCounts addAll(@Nullable String[] labels) {
    Require.nonNull(labels, "labels");
    for (String s : labels) {
      add(s);
    }
    return this;
  }

  /**
   * @return new counts, the sum of this and other
   * @throws NullPointerException if other is null
   */
  public CategoryCounts merge(CategoryCounts other) {
    Require.nonNull(other, "other");
    Map<String, Long> m = new LinkedHashMap<>(counts);
    other.counts.forEach((k, v) -> m.merge(k, v, Long::sum));
    return new CategoryCounts(m, missing + other.missing);
  }

  /**
   * @return an unmodifiable view of the counts, in first-seen order
   */
  public Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  /**
   * @return the number of null labels added
   */
  public long missing() {
    return missing;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CategoryCounts
        && counts.equals(((CategoryCounts) o).counts)
        && missing == ((CategoryCounts) o).missing;
  }

  @Override
  public int hashCode() {
    return counts.hashCode() * 31 + Long.hashCode(missing);
  }

  @Override
  public String toString() {
    return "CategoryCounts" + counts + (missing > 0 ? " missing=" + missing : "");
  }
}
