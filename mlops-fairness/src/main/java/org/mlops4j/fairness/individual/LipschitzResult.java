package org.mlops4j.fairness.individual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.tracking.Run;

/**
 * The outcome of a {@link LipschitzAudit}.
 *
 * @param points number of points audited
 * @param pairs number of pairs examined
 * @param exhaustive true if every pair was examined, false if pairs were sampled
 * @param distance name of the distance
 * @param bound the Lipschitz bound L
 * @param maxRatio the largest ratio {@code |f(x) - f(x')| / d(x, x')} seen (infinite if a pair at
 *     distance 0 has different outputs)
 * @param violations pairs with ratio &gt; L
 * @param violationShare violations / pairs
 * @param zeroDistanceViolations pairs at distance 0 with different outputs (counted in violations)
 * @param worstPairs the pairs with the largest ratios, worst first (ties: lower indices first)
 * @since 0.1.0
 */
public record LipschitzResult(
    int points,
    long pairs,
    boolean exhaustive,
    String distance,
    double bound,
    double maxRatio,
    long violations,
    double violationShare,
    long zeroDistanceViolations,
    List<PairRatio> worstPairs) {

  /** Prefix of the metric names logged by {@link #logTo(Run)}. */
  public static final String METRIC_PREFIX = "fairness.individual.lipschitz.";

  /** Copies worstPairs into an unmodifiable list. */
  public LipschitzResult {
    worstPairs = List.copyOf(worstPairs);
  }

  /**
   * One audited pair, i &lt; j.
   *
   * @param i index of the first point
   * @param j index of the second point
   * @param distance d(x_i, x_j)
   * @param outputI f(x_i)
   * @param outputJ f(x_j)
   * @param ratio |f(x_i) - f(x_j)| / d(x_i, x_j); infinite at distance 0 with different outputs
   * @since 0.1.0
   */
  public record PairRatio(
      int i, int j, double distance, double outputI, double outputJ, double ratio) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "(%d, %d): |%.6g - %.6g| / %.6g = %s",
          i,
          j,
          outputI,
          outputJ,
          distance,
          Double.isInfinite(ratio) ? "Infinity" : String.format(Locale.ROOT, "%.6g", ratio));
    }
  }

  /**
   * Logs {@code fairness.individual.lipschitz.max_ratio}, {@code .violation_share}, {@code
   * .violations} and {@code .pairs} as metrics.
   *
   * @return this result
   * @throws IllegalArgumentException if run is null
   */
  public LipschitzResult logTo(Run run) {
    Checks.notNull(run, "run");
    run.logMetric(METRIC_PREFIX + "max_ratio", maxRatio);
    run.logMetric(METRIC_PREFIX + "violation_share", violationShare);
    run.logMetric(METRIC_PREFIX + "violations", violations);
    run.logMetric(METRIC_PREFIX + "pairs", pairs);
    return this;
  }

  /**
   * @return a JSON object with the record's fields in declaration order; worstPairs as objects
   *     with i, j, distance, outputI, outputJ, ratio; an infinite ratio as the string "Infinity"
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("points", points);
    m.put("pairs", pairs);
    m.put("exhaustive", exhaustive);
    m.put("distance", distance);
    m.put("bound", bound);
    m.put("maxRatio", maxRatio);
    m.put("violations", violations);
    m.put("violationShare", violationShare);
    m.put("zeroDistanceViolations", zeroDistanceViolations);
    List<Map<String, Object>> worst = new ArrayList<>();
    for (PairRatio p : worstPairs) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("i", p.i());
      w.put("j", p.j());
      w.put("distance", p.distance());
      w.put("outputI", p.outputI());
      w.put("outputJ", p.outputJ());
      w.put("ratio", p.ratio());
      worst.add(w);
    }
    m.put("worstPairs", worst);
    return Json.write(m);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Lipschitz audit (%s distance, L = %s): max ratio %s; %d of %d %s pairs above L"
                    + " (%.2f%%), %d at distance 0 with different outputs",
                distance,
                bound,
                Double.isInfinite(maxRatio)
                    ? "Infinity"
                    : String.format(Locale.ROOT, "%.6g", maxRatio),
                violations,
                pairs,
                exhaustive ? "(all)" : "sampled",
                100 * violationShare,
                zeroDistanceViolations));
    if (!worstPairs.isEmpty()) {
      sb.append("; worst pairs:");
      for (PairRatio p : worstPairs) {
        sb.append("\n  ").append(p);
      }
    }
    return sb.toString();
  }
}
