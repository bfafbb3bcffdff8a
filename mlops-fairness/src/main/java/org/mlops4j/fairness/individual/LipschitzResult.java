package org.mlops4j.fairness.individual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.fairness.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;

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

  /** Prefix of the metric keys logged by {@link #logTo(Run)}. */
  public static final String METRIC_PREFIX = "fairness.individual.lipschitz.";

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.lipschitz";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /** Why an infinite ratio has no number in JSON. */
  private static final String INFINITE_RATIO =
      "infinite: a pair at distance 0 has different outputs";

  /**
   * Copies worstPairs into an unmodifiable list.
   *
   * @throws NullPointerException if distance or worstPairs is null
   */
  public LipschitzResult {
    Require.nonNull(distance, "distance");
    worstPairs = List.copyOf(Require.nonNull(worstPairs, "worstPairs"));
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
   * @param run the run to log to
   * @return this result
   * @throws NullPointerException if run is null
   */
  public LipschitzResult logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric(key("max_ratio"), maxRatio);
    run.logMetric(key("violation_share"), violationShare);
    run.logMetric(key("violations"), violations);
    run.logMetric(key("pairs"), pairs);
    return this;
  }

  private static String key(String measure) {
    return MetricKeys.key("fairness", "individual", "lipschitz", measure);
  }

  /**
   * @return the JSON document: the header ({@code format} {@value #FORMAT}, {@code formatVersion}
   *     1, {@code library}, {@code libraryVersion}, {@code createdAt}), then the record's fields in
   *     declaration order; worstPairs as objects with i, j, distance, outputI, outputJ, ratio. An
   *     infinite ratio (maxRatio or a pair's ratio) is {@code null} with a sibling {@code
   *     maxRatioReason} or {@code ratioReason}.
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("points", points);
    m.put("pairs", pairs);
    m.put("exhaustive", exhaustive);
    m.put("distance", distance);
    Json.putNumber(m, "bound", bound, "not a finite number");
    Json.putNumber(m, "maxRatio", maxRatio, INFINITE_RATIO);
    m.put("violations", violations);
    Json.putNumber(m, "violationShare", violationShare, "not a finite number");
    m.put("zeroDistanceViolations", zeroDistanceViolations);
    List<Map<String, Object>> worst = new ArrayList<>();
    for (PairRatio p : worstPairs) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("i", p.i());
      w.put("j", p.j());
      Json.putNumber(w, "distance", p.distance(), "not a finite number");
      Json.putNumber(w, "outputI", p.outputI(), "not a finite number");
      Json.putNumber(w, "outputJ", p.outputJ(), "not a finite number");
      Json.putNumber(w, "ratio", p.ratio(), INFINITE_RATIO);
      worst.add(w);
    }
    m.put("worstPairs", worst);
    return Json.write(m);
  }

  /**
   * @return one self-contained HTML page: the largest ratio against the bound, the pairs above it,
   *     and the worst pairs (the first ten shown, the rest folded)
   */
  public String toHtml() {
    ResultPage page =
        new ResultPage("Lipschitz audit", toString().lines().findFirst().orElse(""))
            .about("distance", distance)
            .about("bound L", ResultPage.number(bound))
            .about("points", points)
            .about("pairs", pairs + (exhaustive ? " (all)" : " (sampled)"));
    page.figure(
        Figure.of(
            "largest ratio",
            ResultPage.number(maxRatio),
            "|f(x) − f(x′)| / d(x, x′); the bound L is " + ResultPage.number(bound),
            maxRatio > bound ? Tone.BAD : Tone.GOOD));
    page.figure(
        Figure.of(
            "pairs above L",
            Long.toString(violations),
            "share " + ResultPage.number(violationShare) + " of " + pairs + " pairs",
            violations > 0 ? Tone.BAD : Tone.GOOD));
    page.figure(
        Figure.of(
            "at distance 0 with different outputs",
            Long.toString(zeroDistanceViolations),
            "counted among the pairs above L",
            zeroDistanceViolations > 0 ? Tone.BAD : Tone.GOOD));
    List<List<Object>> rows = new ArrayList<>();
    for (PairRatio p : worstPairs) {
      rows.add(
          List.of(
              p.i(),
              p.j(),
              ResultPage.number(p.distance()),
              ResultPage.number(p.outputI()),
              ResultPage.number(p.outputJ()),
              ResultPage.number(p.ratio())));
    }
    page.section(
        "Worst pairs",
        rows.isEmpty()
            ? Element.note("No pair was examined.")
            : ResultPage.table(
                List.of("i", "j", "d(x_i, x_j)", "f(x_i)", "f(x_j)", "ratio"),
                new int[] {0, 1, 2, 3, 4, 5},
                rows));
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
