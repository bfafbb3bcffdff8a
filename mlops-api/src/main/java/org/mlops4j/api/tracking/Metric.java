package org.mlops4j.api.tracking;

import org.mlops4j.api.internal.Require;

/**
 * One point of a metric's history: a line {@code <timestamp> <value> <step>} of a metric file.
 *
 * @param key the metric's key, for example {@code "train/loss"}
 * @param value the value; NaN and infinities are allowed
 * @param step the step (epoch, iteration) the value belongs to
 * @param timestamp when the value was logged, in milliseconds since the epoch
 * @since 0.1.0
 */
public record Metric(String key, double value, long step, long timestamp) {

  /** Canonical constructor. */
  public Metric {
    Require.nonNull(key, "key");
  }
}
