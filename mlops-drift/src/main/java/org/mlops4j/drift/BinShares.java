package org.mlops4j.drift;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * The binned distributions of one feature, reference vs current, as shares summing to 1 (before any
 * epsilon): PSI bins of a numeric feature, or categories (plus the unseen bucket) of a categorical
 * one. Used by the HTML report and the JSON.
 *
 * @param labels bin labels, e.g. {@code "(-inf, 1.5]"} or a category
 * @param reference reference share per bin
 * @param current current share per bin
 * @since 0.1.0
 */
public record BinShares(List<String> labels, List<Double> reference, List<Double> current) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the lists differ in length
   */
  public BinShares {
    labels = List.copyOf(Require.nonNull(labels, "labels"));
    reference = List.copyOf(Require.nonNull(reference, "reference"));
    current = List.copyOf(Require.nonNull(current, "current"));
    Require.sameLength(reference.size(), "reference", labels.size(), "labels");
    Require.sameLength(current.size(), "current", labels.size(), "labels");
  }
}
