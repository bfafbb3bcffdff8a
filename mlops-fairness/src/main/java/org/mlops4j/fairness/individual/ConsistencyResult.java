package org.mlops4j.fairness.individual;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.fairness.internal.ResultFiles;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;

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

  /** Metric key of the score in {@link #logTo(Run)}. */
  public static final String METRIC = "fairness.individual.consistency";

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.consistency";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if distance or scaling is null
   */
  public ConsistencyResult {
    Require.nonNull(distance, "distance");
    Require.nonNull(scaling, "scaling");
  }

  /**
   * Logs {@value #METRIC} and, when approximate, {@code
   * fairness.individual.consistency.error_bound_95}.
   *
   * @param run the run to log to
   * @return this result
   * @throws NullPointerException if run is null
   */
  public ConsistencyResult logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric(METRIC, consistency);
    if (approximate) {
      run.logMetric(
          MetricKeys.key("fairness", "individual", "consistency", "error_bound_95"), errorBound95);
    }
    return this;
  }

  /**
   * @return the JSON document: the header ({@code format} {@value #FORMAT}, {@code formatVersion}
   *     1, {@code library}, {@code libraryVersion}, {@code createdAt}), then consistency, k, rows,
   *     distance, scaling, approximate, queries, errorBound95
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    Json.putNumber(m, "consistency", consistency, "not a finite number");
    m.put("k", k);
    m.put("rows", rows);
    m.put("distance", distance);
    m.put("scaling", scaling);
    m.put("approximate", approximate);
    m.put("queries", queries);
    Json.putNumber(m, "errorBound95", errorBound95, "not a finite number");
    return Json.write(m);
  }

  /**
   * @return one self-contained HTML page: what was scored and how (rows, k, distance, scaling,
   *     exact or sampled), the score, and, when approximate, its error bound
   */
  public String toHtml() {
    ResultPage page =
        new ResultPage("Consistency", toString())
            .about("rows", rows)
            .about("neighbours k", k + " (the row itself included)")
            .about("distance", distance)
            .about("scaling", scaling)
            .about(
                "computed",
                approximate ? "approximately, on " + queries + " sampled rows" : "exactly");
    page.figure(
        Figure.of(
            "consistency",
            ResultPage.number(consistency),
            "1 − mean |prediction − mean prediction of its k nearest neighbours|; 1 is consistent",
            Tone.NEUTRAL));
    if (approximate) {
      page.figure(
          Figure.of(
              "error bound (95%)",
              "± " + ResultPage.number(errorBound95),
              "Serfling's bound for " + queries + " of " + rows + " rows",
              Tone.NEUTRAL));
    }
    return page.end();
  }

  /**
   * Writes the result to a file, atomically: the HTML page when the file name ends in {@code .html}
   * (any case), else the JSON.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    ResultFiles.save(file, this::toJson, this::toHtml);
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
