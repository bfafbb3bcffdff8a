package org.mlops4j.drift.stream;

import java.time.Duration;

/**
 * Percentiles of the latency of the predict call, from an HdrHistogram with 3 significant decimal
 * digits (values are exact to within 0.1%).
 *
 * @param count number of recorded calls
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest recorded latency
 * @param mean arithmetic mean
 * @since 0.1.0
 */
public record LatencySummary(
    long count, Duration p50, Duration p95, Duration p99, Duration max, Duration mean) {

  /** The summary of no calls: count 0, all durations zero. */
  public static final LatencySummary EMPTY =
      new LatencySummary(
          0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  @Override
  public String toString() {
    return "LatencySummary[count="
        + count
        + ", p50="
        + micros(p50)
        + ", p95="
        + micros(p95)
        + ", p99="
        + micros(p99)
        + ", max="
        + micros(max)
        + ", mean="
        + micros(mean)
        + "]";
  }

  private static String micros(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1fus", d.toNanos() / 1000.0);
  }
}
