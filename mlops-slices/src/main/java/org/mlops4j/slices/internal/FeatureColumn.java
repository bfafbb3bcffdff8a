package org.mlops4j.slices.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One feature column as given: categorical (dense codes and their values, from the fairness
 * module's {@code GroupCodes}) or numeric (raw values, NaN for missing; binned at search time).
 * Internal; the arrays are never changed after construction.
 *
 * @param name the feature's name
 * @param codes the code of each row (categorical), else null
 * @param values the value of each code (categorical), else empty
 * @param numbers the value of each row (numeric), else null
 */
public record FeatureColumn(
    String name, int @Nullable [] codes, List<String> values, double @Nullable [] numbers) {

  /**
   * @return a categorical column
   */
  public static FeatureColumn categorical(String name, int[] codes, List<String> values) {
    return new FeatureColumn(name, codes, List.copyOf(values), null);
  }

  /**
   * @return a numeric column
   */
  public static FeatureColumn numeric(String name, double[] numbers) {
    return new FeatureColumn(name, null, List.of(), numbers);
  }

  /**
   * @return true for a numeric column
   */
  public boolean numeric() {
    return numbers != null;
  }
}
