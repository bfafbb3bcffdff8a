package org.mlops4j.fairness;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.internal.Wilson;

/**
 * One rate of one group, such as the TPR of group {@code "race=Black"}: numerator / denominator of
 * (weighted) confusion counts, with a Wilson score interval.
 *
 * <p>A rate whose denominator is zero is <em>undefined</em>: {@link #defined()} is false, {@link
 * #reason()} says why (for example {@code "TPR undefined for group 'x': no positive labels"}) and
 * {@link #value()} throws. It is never represented as NaN.
 *
 * <p>Interval: Wilson score interval (Wilson, 1927), {@code (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²))
 * / (1 + z²/n)}, the same formula as statsmodels' {@code proportion_confint(method= 'wilson')}.
 * With sample weights, n is Kish's effective sample size {@code (Σw)² / Σw²} of the denominator
 * rows; without weights it is the row count.
 *
 * @since 0.1.0
 */
public final class Rate {

  private final RateMetric metric;
  private final String group;
  private final double numerator;
  private final double denominator;
  private final double effectiveSize;
  private final double value;
  private final @Nullable String reason;
  private final @Nullable Interval interval;

  private Rate(
      RateMetric metric,
      String group,
      double numerator,
      double denominator,
      double effectiveSize,
      double value,
      @Nullable String reason,
      @Nullable Interval interval) {
    this.metric = metric;
    this.group = group;
    this.numerator = numerator;
    this.denominator = denominator;
    this.effectiveSize = effectiveSize;
    this.value = value;
    this.reason = reason;
    this.interval = interval;
  }

  /**
   * Builds a rate from its numerator and denominator.
   *
   * @param metric which rate
   * @param group the group's name, used in the undefined reason
   * @param numerator sum of weights in the numerator cells
   * @param denominator sum of weights in the denominator cells (0 makes the rate undefined)
   * @param effectiveSize Kish's effective size of the denominator ((Σw)²/Σw²; the row count without
   *     weights)
   * @param level confidence level of the Wilson interval, in (0, 1)
   * @return the rate
   * @throws IllegalArgumentException if numerator &lt; 0, numerator &gt; denominator, level is not
   *     in (0, 1), or the denominator is positive and effectiveSize is not a finite number &gt; 0
   */
  public static Rate of(
      RateMetric metric,
      String group,
      double numerator,
      double denominator,
      double effectiveSize,
      double level) {
    Require.nonNull(metric, "metric");
    Require.nonNull(group, "group");
    Require.argument(
        numerator >= 0 && denominator >= 0 && numerator <= denominator * (1 + 1e-12),
        "numerator",
        "in [0, denominator]",
        numerator + " with denominator " + denominator);
    Require.openUnit(level, "level");
    // a Wilson interval from n <= 0 (or NaN) would have NaN bounds
    Require.argument(
        denominator == 0 || (effectiveSize > 0 && effectiveSize < Double.POSITIVE_INFINITY),
        "effectiveSize",
        "a finite number > 0 when the denominator is positive",
        effectiveSize);
    if (denominator == 0) {
      return new Rate(
          metric,
          group,
          numerator,
          denominator,
          0,
          Double.NaN,
          metric.label() + " undefined for group '" + group + "': " + metric.undefinedWhen(),
          null);
    }
    double p = Math.min(1.0, numerator / denominator);
    Interval ci = Wilson.interval(p, effectiveSize, level);
    return new Rate(metric, group, numerator, denominator, effectiveSize, p, null, ci);
  }

  /**
   * @return which rate this is
   */
  public RateMetric metric() {
    return metric;
  }

  /**
   * @return the group's name
   */
  public String group() {
    return group;
  }

  /**
   * @return true if the denominator is positive
   */
  public boolean defined() {
    return reason == null;
  }

  /**
   * @return the rate in [0, 1]
   * @throws IllegalStateException if the rate is undefined, with {@link #reason()} as message
   */
  public double value() {
    if (reason != null) {
      throw new IllegalStateException(reason);
    }
    return value;
  }

  /**
   * @return the value, or empty if undefined
   */
  public OptionalDouble asOptional() {
    return reason == null ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /**
   * @return the value, or {@code other} if undefined
   */
  public double orElse(double other) {
    return reason == null ? value : other;
  }

  /**
   * @return why the rate is undefined, or the empty string if it is defined
   */
  public String reason() {
    return reason == null ? "" : reason;
  }

  /**
   * @return the numerator (sum of weights)
   */
  public double numerator() {
    return numerator;
  }

  /**
   * @return the denominator (sum of weights)
   */
  public double denominator() {
    return denominator;
  }

  /**
   * @return the effective sample size used for the interval (0 when undefined)
   */
  public double effectiveSize() {
    return effectiveSize;
  }

  /**
   * @return the Wilson score interval
   * @throws IllegalStateException if the rate is undefined
   */
  public Interval interval() {
    if (reason != null) {
      throw new IllegalStateException(reason);
    }
    return interval;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Rate r
        && metric == r.metric
        && group.equals(r.group)
        && Double.compare(numerator, r.numerator) == 0
        && Double.compare(denominator, r.denominator) == 0
        && Double.compare(effectiveSize, r.effectiveSize) == 0
        && Objects.equals(interval, r.interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metric, group, numerator, denominator);
  }

  @Override
  public String toString() {
    if (reason != null) {
      return metric.label() + "=undefined (" + metric.undefinedWhen() + ")";
    }
    return String.format(
        Locale.ROOT,
        "%s=%.4f [%.4f, %.4f]",
        metric.label(),
        value,
        interval.lower(),
        interval.upper());
  }
}
