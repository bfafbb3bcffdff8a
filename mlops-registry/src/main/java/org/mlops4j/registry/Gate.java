package org.mlops4j.registry;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;

/**
 * One declared promotion gate: its kind, its subject (a metric or fairness criterion name, or ""),
 * its threshold and its settings. Gates are data: {@link PromotionGates} saves and loads them as
 * JSON. Create them with the static factories, which say each kind's defaults.
 *
 * @param kind the kind
 * @param subject the metric or criterion the gate reads, or ""
 * @param threshold the threshold (its meaning depends on the kind)
 * @param settings further numeric settings by name ({@code alpha}, {@code level}, {@code
 *     resamples}, {@code seed}, {@code p99Millis}, {@code warmup}, {@code calls})
 * @since 0.1.0
 */
public record Gate(GateKind kind, String subject, double threshold, Map<String, Double> settings) {

  /** Default bootstrap confidence level. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** Default number of bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 2000;

  /** Default bootstrap seed. */
  public static final long DEFAULT_SEED = 42;

  /** Default number of warm-up calls of a latency gate. */
  public static final int DEFAULT_WARMUP = 100;

  /** Default number of measured calls of a latency gate. */
  public static final int DEFAULT_CALLS = 1000;

  /**
   * Checks the parts and copies the settings.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the threshold or a setting is not finite
   */
  public Gate {
    Require.nonNull(kind, "kind");
    Require.nonNull(subject, "subject");
    Require.finite(threshold, "threshold");
    settings = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(settings, "settings")));
    settings.forEach((k, v) -> Require.finite(v, "settings." + k));
  }

  /**
   * A logged metric of the version must be at least {@code min}.
   *
   * @param metric the metric's key
   * @param min the smallest value that passes
   * @return the gate
   */
  public static Gate metricAtLeast(String metric, double min) {
    return new Gate(GateKind.METRIC_MIN, Require.nonBlank(metric, "metric"), min, Map.of());
  }

  /**
   * A logged metric of the version must be at most {@code max}.
   *
   * @param metric the metric's key
   * @param max the largest value that passes
   * @return the gate
   */
  public static Gate metricAtMost(String metric, double max) {
    return new Gate(GateKind.METRIC_MAX, Require.nonBlank(metric, "metric"), max, Map.of());
  }

  /**
   * McNemar's test on the evaluation data (see {@link McNemar}): refused when the candidate is
   * significantly worse than the version it would replace (p &lt; alpha and c &gt; b).
   *
   * @param alpha the significance level, in (0, 1)
   * @return the gate
   */
  public static Gate mcnemar(double alpha) {
    return new Gate(GateKind.MCNEMAR, "", Require.openUnit(alpha, "alpha"), Map.of());
  }

  /**
   * Paired bootstrap of {@code metric(candidate) - metric(current)} on the evaluation data, level
   * {@value #DEFAULT_LEVEL}, {@value #DEFAULT_RESAMPLES} resamples, seed {@value #DEFAULT_SEED}:
   * passes when the interval's lower end is at least {@code minEffect} (0.01: better by at least
   * one point; -0.01: not worse by more than one point).
   *
   * @param metric a metric of {@link PromotionEvidence} ({@code accuracy}, {@code neg_mae}, {@code
   *     neg_mse}, or one the evidence defines; higher is better)
   * @param minEffect the smallest difference the lower end may have
   * @return the gate
   */
  public static Gate bootstrap(String metric, double minEffect) {
    return bootstrap(metric, minEffect, DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  /**
   * As {@link #bootstrap(String, double)} with every setting.
   *
   * @param metric the metric's name
   * @param minEffect the smallest difference the interval's lower end may have
   * @param level the confidence level, in (0, 1)
   * @param resamples the number of resamples, at least 100
   * @param seed the random seed
   * @return the gate
   */
  public static Gate bootstrap(
      String metric, double minEffect, double level, int resamples, long seed) {
    Require.openUnit(level, "level");
    Require.atLeast(resamples, 100, "resamples");
    return new Gate(
        GateKind.BOOTSTRAP,
        Require.nonBlank(metric, "metric"),
        minEffect,
        Map.of("level", level, "resamples", (double) resamples, "seed", (double) seed));
  }

  /**
   * A criterion of the evidence's {@code FairnessReport} must be at most {@code max}.
   *
   * @param criterion a disparity's name, e.g. {@code equalized_odds_difference}
   * @param max the largest value that passes
   * @return the gate
   */
  public static Gate fairnessAtMost(String criterion, double max) {
    return new Gate(GateKind.FAIRNESS_MAX, Require.nonBlank(criterion, "criterion"), max, Map.of());
  }

  /**
   * A criterion of the evidence's {@code FairnessReport} must be at least {@code min}.
   *
   * @param criterion a disparity's name, e.g. {@code disparate_impact}
   * @param min the smallest value that passes
   * @return the gate
   */
  public static Gate fairnessAtLeast(String criterion, double min) {
    return new Gate(GateKind.FAIRNESS_MIN, Require.nonBlank(criterion, "criterion"), min, Map.of());
  }

  /**
   * The four-fifths rule of the evidence's {@code FairnessReport} must pass.
   *
   * @return the gate
   */
  public static Gate fourFifths() {
    return new Gate(GateKind.FOUR_FIFTHS, "", 0.8, Map.of());
  }

  /**
   * The share of drifted features in the evidence's {@code DriftReport} (evaluation data against
   * the training baseline) must be at most {@code max}.
   *
   * @param max the largest share that passes, in [0, 1]
   * @return the gate
   */
  public static Gate driftShareAtMost(double max) {
    return new Gate(GateKind.DRIFT_SHARE_MAX, "", Require.closedUnit(max, "max"), Map.of());
  }

  /**
   * The predict function's latency on the evidence's sample inputs: {@value #DEFAULT_WARMUP}
   * warm-up calls, then {@value #DEFAULT_CALLS} timed calls; p50 must be at most {@code p50Millis}
   * and p99 at most {@code p99Millis}.
   *
   * @param p50Millis the p50 budget in milliseconds
   * @param p99Millis the p99 budget in milliseconds
   * @return the gate
   */
  public static Gate latency(double p50Millis, double p99Millis) {
    return latency(p50Millis, p99Millis, DEFAULT_WARMUP, DEFAULT_CALLS);
  }

  /**
   * As {@link #latency(double, double)} with the numbers of calls.
   *
   * @param p50Millis the p50 budget in milliseconds
   * @param p99Millis the p99 budget in milliseconds
   * @param warmup the warm-up calls, not timed
   * @param calls the timed calls, at least 1
   * @return the gate
   */
  public static Gate latency(double p50Millis, double p99Millis, int warmup, int calls) {
    Require.positive(p50Millis, "p50Millis");
    Require.positive(p99Millis, "p99Millis");
    Require.nonNegative(warmup, "warmup");
    Require.positive(calls, "calls");
    return new Gate(
        GateKind.LATENCY,
        "",
        p50Millis,
        Map.of("p99Millis", p99Millis, "warmup", (double) warmup, "calls", (double) calls));
  }

  /**
   * The version's artifact files must total at most {@code maxBytes}.
   *
   * @param maxBytes the budget in bytes
   * @return the gate
   */
  public static Gate sizeAtMost(long maxBytes) {
    return new Gate(
        GateKind.SIZE_MAX, "", (double) Require.nonNegative(maxBytes, "maxBytes"), Map.of());
  }

  /**
   * @param name a setting's name
   * @param fallback the value when the setting is absent
   * @return the setting
   */
  public double setting(String name, double fallback) {
    Double v = settings.get(name);
    return v == null ? fallback : v;
  }

  /**
   * @return the rule in words, e.g. {@code accuracy >= 0.8}
   */
  public String describe() {
    return switch (kind) {
      case METRIC_MIN, FAIRNESS_MIN -> subject + " >= " + num(threshold);
      case METRIC_MAX, FAIRNESS_MAX -> subject + " <= " + num(threshold);
      case MCNEMAR ->
          "McNemar: not significantly worse than current (alpha " + num(threshold) + ")";
      case BOOTSTRAP ->
          String.format(
              Locale.ROOT,
              "%s difference %.0f%% CI lower >= %s",
              subject,
              100 * setting("level", DEFAULT_LEVEL),
              num(threshold));
      case FOUR_FIFTHS -> "four-fifths rule passes";
      case DRIFT_SHARE_MAX -> "drifted share <= " + num(threshold);
      case LATENCY ->
          "latency p50 <= "
              + num(threshold)
              + " ms, p99 <= "
              + num(setting("p99Millis", threshold))
              + " ms";
      case SIZE_MAX -> "artifact bytes <= " + (long) threshold;
    };
  }

  static String num(double v) {
    return org.mlops4j.registry.internal.Fmt.num(v);
  }

  @Override
  public String toString() {
    return kind.key() + ": " + describe();
  }
}
