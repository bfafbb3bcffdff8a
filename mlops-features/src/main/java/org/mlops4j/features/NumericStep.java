package org.mlops4j.features;

import java.util.Map;

/**
 * One step of a numeric field's chain in a {@link FeaturePipeline}, before fitting: the built-in
 * ones come from {@link NumericSteps}; implement this interface for a transform of your own. {@link
 * #fit(double[])} learns the parameters from the training values (the output of the previous steps,
 * NaN = missing) and returns the fitted step; {@link #restore(Map)} rebuilds that fitted step from
 * the parameters saved in the pipeline's JSON.
 *
 * <pre>{@code
 * NumericStep clip = new NumericStep() {
 *   public String key() { return "clip99"; }
 *   public FittedStep fit(double[] xs) { ... return FittedStep.of("clip99", Map.of("hi", hi), x -> Math.min(x, hi)); }
 *   public FittedStep restore(Map<String, Object> p) { ... }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public interface NumericStep {

  /**
   * @return the step's stable name, written in JSON and matched when loading (for instance {@code
   *     "standard"}); user-defined steps must not reuse a built-in key
   */
  String key();

  /**
   * Learns the step's parameters.
   *
   * @param training the training values reaching this step (NaN = missing); not modified
   * @return the fitted step
   * @throws IllegalArgumentException if the values cannot fit the step (for instance no finite
   *     value)
   */
  FittedStep fit(double[] training);

  /**
   * Rebuilds the fitted step from saved parameters.
   *
   * @param parameters the parameters, as {@link FittedStep#parameters()} gave them (numbers as
   *     {@link Double}, arrays as {@code double[]})
   * @return the fitted step
   * @throws IllegalArgumentException if a parameter is missing or of the wrong kind, naming it
   */
  FittedStep restore(Map<String, Object> parameters);
}
