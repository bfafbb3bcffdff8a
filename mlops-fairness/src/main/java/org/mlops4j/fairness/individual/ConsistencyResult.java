package org.mlops4j.fairness.individual;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.tracking.Run;

/**
 * The consistency score of a set of predictions, see {@link Consistency}.
 *
 * @param consistency {@code 1 - mean_i |yhat_i - mean of yhat over the k nearest neighbours of
 *     x_i|}, the row itself among its k neighbours
 * @param k neighbours per row, the row itself included
 * @param rows n, the number of rows scored
 * @param distance name of the distance ("euclidean", "manhattan" or a custom name)
 * @param scaling the feature scaling ("none", "standardize", "min-max")
 * @param approximate true if query rows were sampled
 * @param queries rows whose neighbours were searched (n when exact)
 * @param errorBound95 when approximate, the Serfling (Hoeffding without replacement) half-width at
 *     95%; 0 when exact
 * @since 0.1.0
 */
public record ConsistencyResult(
    double consistency,
    int k,
    int rows,
    String distance,
    String scaling,
    boolean approximate,
    int queries,
    double errorBound95) {

  /** Metric name of the score in {@link #logTo(Run)}. */
  public static final String METRIC = "fairness.individual.consistency";

  /**
   * Logs {@value #METRIC} and, when approximate, {@code fairness.individual.consistency.error_bound_95}.
   *
   * @param run the run to log to
   * @return this result
   * @throws IllegalArgumentException if run is null
   */
  public ConsistencyResult logTo(Run run) {
    Checks.notNull(run, "run");
    run.logMetric(METRIC, consistency);
    if (approximate) {
      run.logMetric(METRIC + ".error_bound_95", errorBound95);
    }
    return this;
  }

  /**
   * @return a JSON object with the fields, in this order: consistency, k, rows, distance, scaling,
   *     approximate, queries, errorBound95
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("consistency", consistency);
    m.put("k", k);
    m.put("rows", rows);
    m.put("distance", distance);
    m.put("scaling", scaling);
    m.put("approximate", approximate);
    m.put("queries", queries);
    m.put("errorBound95", errorBound95);
    return Json.write(m);
  }

  @Override
  public String toString() {
    String how =
        approximate
            ? String.format(
                Locale.ROOT,
                "approximate: %d sampled rows, +/- %.4f at 95%%",
                queries,
                errorBound95)
            : "exact";
    return String.format(
        Locale.ROOT,
        "Consistency %.4f (k = %d incl. self, n = %d, %s distance, scaling %s, %s)",
        consistency,
        k,
        rows,
        distance,
        scaling,
        how);
  }
}
