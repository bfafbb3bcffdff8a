package org.mlops4j.drift;

import java.util.List;

/**
 * The binned distributions of one feature, reference vs current, as shares summing to 1 (before
 * any epsilon): PSI bins of a numeric feature, or categories (plus the unseen bucket) of a
 * categorical one. Used by the HTML report and the JSON.
 *
 * @param labels bin labels, e.g. {@code "(-inf, 1.5]"} or a category
 * @param reference reference share per bin
 * @param current current share per bin
 * @since 0.1.0
 */
public record BinShares(List<String> labels, List<Double> reference, List<Double> current) {

  /** Copies the lists. */
  public BinShares {
    labels = List.copyOf(labels);
    reference = List.copyOf(reference);
    current = List.copyOf(current);
    if (labels.size() != reference.size() || labels.size() != current.size()) {
      throw new IllegalArgumentException(
          "length mismatch: labels " + labels.size() + ", reference " + reference.size()
              + ", current " + current.size());
    }
  }
}
