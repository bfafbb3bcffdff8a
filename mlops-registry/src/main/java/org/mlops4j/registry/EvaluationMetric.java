package org.mlops4j.registry;

/**
 * A metric of predictions against labels, for the bootstrap gate: computed on each resample of the
 * evaluation examples. Higher must be better (declare a loss's negative).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EvaluationMetric {
  /**
   * @param labels the true values of the examples
   * @param predictions the predictions, one per example
   * @return the metric
   */
  double compute(double[] labels, double[] predictions);
}
