package org.mlops4j.api.tracking;

import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.mlops4j.api.internal.Require;

/**
 * A condition on a run's params, tags and latest metrics, for {@link Tracker#runs(String,
 * RunFilter)}. Built fluently and combined with {@link #and(RunFilter)}, {@link #or(RunFilter)} and
 * {@link #negate()}:
 *
 * <pre>{@code
 * RunFilter f = RunFilter.metric("acc").greaterThan(0.9).and(RunFilter.param("lr").eq("0.01"));
 * tracker.runs("churn", f);
 * }</pre>
 *
 * <p>A metric condition is false for a run that never logged the metric and for a NaN latest value
 * (comparisons with NaN are false, as in SQL and in MLflow's search); a param or tag condition
 * other than {@link KeyCondition#exists()} is false for a run without the key. {@link #toString()}
 * prints the condition, for example {@code (metric.acc > 0.9 and param.lr = '0.01')}.
 *
 * @since 0.1.0
 */
public final class RunFilter {

  private final String description;
  private final Predicate<RunRecord> predicate;

  private RunFilter(String description, Predicate<RunRecord> predicate) {
    this.description = description;
    this.predicate = predicate;
  }

  /**
   * @return a filter that every run passes
   */
  public static RunFilter all() {
    return new RunFilter("all", r -> true);
  }

  /**
   * @return the start of a condition on the latest value of the metric {@code key}
   */
  public static MetricCondition metric(String key) {
    return new MetricCondition(Require.nonNull(key, "key"));
  }

  /**
   * @return the start of a condition on the param {@code key}
   */
  public static KeyCondition param(String key) {
    return new KeyCondition("param", Require.nonNull(key, "key"));
  }

  /**
   * @return the start of a condition on the tag {@code key}
   */
  public static KeyCondition tag(String key) {
    return new KeyCondition("tag", Require.nonNull(key, "key"));
  }

  /**
   * @return a filter passed by runs that pass both this one and {@code other}
   */
  public RunFilter and(RunFilter other) {
    Require.nonNull(other, "other");
    return new RunFilter(
        "(" + description + " and " + other.description + ")", predicate.and(other.predicate));
  }

  /**
   * @return a filter passed by runs that pass this one or {@code other}
   */
  public RunFilter or(RunFilter other) {
    Require.nonNull(other, "other");
    return new RunFilter(
        "(" + description + " or " + other.description + ")", predicate.or(other.predicate));
  }

  /**
   * @return a filter passed by runs that do not pass this one
   */
  public RunFilter negate() {
    return new RunFilter("not " + description, predicate.negate());
  }

  /**
   * @return whether the run passes this filter
   */
  public boolean test(RunRecord run) {
    return predicate.test(Require.nonNull(run, "run"));
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * A condition on the latest value of one metric; finish it with a comparison.
   *
   * @since 0.1.0
   */
  public static final class MetricCondition {
    private final String key;

    private MetricCondition(String key) {
      this.key = key;
    }

    /**
     * @return runs whose latest value is {@code > bound}
     * @throws IllegalArgumentException if bound is NaN (as for every comparison below)
     */
    public RunFilter greaterThan(double bound) {
      return compare(">", bound, v -> v > bound);
    }

    /**
     * @return runs whose latest value is {@code >= bound}
     */
    public RunFilter atLeast(double bound) {
      return compare(">=", bound, v -> v >= bound);
    }

    /**
     * @return runs whose latest value is {@code < bound}
     */
    public RunFilter lessThan(double bound) {
      return compare("<", bound, v -> v < bound);
    }

    /**
     * @return runs whose latest value is {@code <= bound}
     */
    public RunFilter atMost(double bound) {
      return compare("<=", bound, v -> v <= bound);
    }

    /**
     * @return runs whose latest value is {@code == value}
     */
    public RunFilter eq(double value) {
      return compare("=", value, v -> v == value);
    }

    /**
     * @return runs that logged the metric at all
     */
    public RunFilter exists() {
      return new RunFilter("metric." + key + " exists", r -> r.metrics().containsKey(key));
    }

    private RunFilter compare(String op, double bound, java.util.function.DoublePredicate test) {
      if (Double.isNaN(bound)) {
        // a NaN bound would make every comparison false, and its negation true: a silent filter
        throw new IllegalArgumentException(
            "bound of metric." + key + " " + op + " must not be NaN");
      }
      return new RunFilter(
          "metric." + key + " " + op + " " + bound,
          r -> {
            OptionalDouble v = r.metric(key);
            return v.isPresent() && test.test(v.getAsDouble());
          });
    }
  }

  /**
   * A condition on one param or tag; finish it with a comparison.
   *
   * @since 0.1.0
   */
  public static final class KeyCondition {
    private final String kind;
    private final String key;

    private KeyCondition(String kind, String key) {
      this.kind = kind;
      this.key = key;
    }

    /**
     * @return runs whose value for the key equals {@code value}
     */
    public RunFilter eq(String value) {
      Require.nonNull(value, "value");
      return new RunFilter(kind + "." + key + " = '" + value + "'", r -> value.equals(lookup(r)));
    }

    /**
     * @return runs that have the key with a value other than {@code value}
     */
    public RunFilter notEq(String value) {
      Require.nonNull(value, "value");
      return new RunFilter(
          kind + "." + key + " != '" + value + "'",
          r -> {
            String v = lookup(r);
            return v != null && !value.equals(v);
          });
    }

    /**
     * @return runs that have the key
     */
    public RunFilter exists() {
      return new RunFilter(kind + "." + key + " exists", r -> lookup(r) != null);
    }

    private String lookup(RunRecord r) {
      return kind.equals("param") ? r.params().get(key) : r.tags().get(key);
    }
  }
}
