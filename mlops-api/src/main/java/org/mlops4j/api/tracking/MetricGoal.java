package org.mlops4j.api.tracking;

/**
 * Which way is better for a metric when choosing the best run: {@link #MAXIMIZE} for accuracy,
 * {@link #MINIMIZE} for loss.
 *
 * @since 0.1.0
 */
public enum MetricGoal {
  /** Larger values are better. */
  MAXIMIZE,
  /** Smaller values are better. */
  MINIMIZE
}
