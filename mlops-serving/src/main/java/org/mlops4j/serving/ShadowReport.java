package org.mlops4j.serving;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.drift.stream.LatencySummary;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.internal.Json;

/**
 * The comparison of a shadow challenger with the champion, over the requests copied to it.
 *
 * <p><b>Agreement</b> is the share of compared requests on which the service's agreement predicate
 * (default {@code Objects.equals}) held. <b>Metric</b>: the mean of the service's loss (default 0-1
 * loss: 0 when the answer equals the label) over requests with labelled feedback and both answers;
 * the difference is challenger minus champion (negative: the challenger is better), with a 95%
 * interval by the normal approximation on the paired differences {@code d_i = loss_challenger_i -
 * loss_champion_i}: {@code mean(d) ± 1.959964 · sd(d) / sqrt(n)}, sd with n - 1 (as {@code
 * numpy.std(d, ddof=1)}); undefined (NaN) with fewer than 2 pairs.
 *
 * @param model the model's name
 * @param championVersion the champion's version now
 * @param challengerVersion the challenger's version now (0 if none is loaded)
 * @param sent requests handed to the shadow queue
 * @param dropped requests not handed because the queue was full
 * @param compared requests the challenger answered
 * @param challengerErrors requests on which the challenger threw
 * @param agreement share of compared requests on which both agreed, NaN if none
 * @param pairs labelled requests with both answers
 * @param championMetric the champion's mean loss on them
 * @param challengerMetric the challenger's mean loss on them
 * @param difference challengerMetric - championMetric
 * @param low lower end of the 95% interval of the difference
 * @param high upper end
 * @param championLatency the champion's predict latency (all its calls)
 * @param challengerLatency the challenger's predict latency (shadow calls)
 * @since 0.1.0
 */
public record ShadowReport(
    String model,
    int championVersion,
    int challengerVersion,
    long sent,
    long dropped,
    long compared,
    long challengerErrors,
    double agreement,
    long pairs,
    double championMetric,
    double challengerMetric,
    double difference,
    double low,
    double high,
    LatencySummary championLatency,
    LatencySummary challengerLatency) {

  /** The JSON {@code format}. */
  public static final String FORMAT = "mlops4j.shadow-report";

  /**
   * @throws NullPointerException if a component is null
   */
  public ShadowReport {
    Require.nonNull(model, "model");
    Require.nonNull(championLatency, "championLatency");
    Require.nonNull(challengerLatency, "challengerLatency");
  }

  /**
   * @return the report as JSON ({@value #FORMAT}, version 1); undefined numbers are null with a
   *     reason
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, 1);
    m.put("model", model);
    m.put("championVersion", championVersion);
    m.put("challengerVersion", challengerVersion);
    m.put("sent", sent);
    m.put("dropped", dropped);
    m.put("compared", compared);
    m.put("challengerErrors", challengerErrors);
    Json.putNumber(m, "agreement", agreement, "no compared request");
    m.put("pairs", pairs);
    Json.putNumber(m, "championMetric", championMetric, "no labelled pair");
    Json.putNumber(m, "challengerMetric", challengerMetric, "no labelled pair");
    Json.putNumber(m, "difference", difference, "no labelled pair");
    Json.putNumber(m, "low", low, "fewer than 2 labelled pairs");
    Json.putNumber(m, "high", high, "fewer than 2 labelled pairs");
    m.put("interval", "normal approximation on paired differences, 95%");
    m.put("championLatency", latency(championLatency));
    m.put("challengerLatency", latency(challengerLatency));
    return Json.write(m);
  }

  /**
   * @return a self-contained HTML page: the comparison table and the latency of both
   */
  public String toHtml() {
    Table compare =
        Table.builder()
            .caption("Champion v" + championVersion + " vs challenger v" + challengerVersion)
            .columns("figure", "value")
            .numeric(1)
            .row("requests sent to the shadow", sent)
            .row("dropped (queue full)", dropped)
            .row("compared", compared)
            .row("challenger errors", challengerErrors)
            .row("agreement", fmt(agreement))
            .row("labelled pairs", pairs)
            .row("champion mean loss", fmt(championMetric))
            .row("challenger mean loss", fmt(challengerMetric))
            .row("difference (challenger - champion)", fmt(difference))
            .row("95% interval (normal approx., paired)", "[" + fmt(low) + ", " + fmt(high) + "]")
            .build();
    Table latency =
        Table.builder()
            .caption("Predict latency (HdrHistogram, microseconds)")
            .columns("model", "calls", "p50", "p95", "p99", "max")
            .numeric(1, 2, 3, 4, 5)
            .row(latencyRow("champion", championLatency))
            .row(latencyRow("challenger", challengerLatency))
            .build();
    return Page.builder()
        .title("Shadow release of " + model)
        .about("model", model)
        .about("champion", "v" + championVersion)
        .about("challenger", "v" + challengerVersion)
        .section("Comparison", compare)
        .section("Latency", latency)
        .build()
        .toHtml();
  }

  private static Object[] latencyRow(String who, LatencySummary s) {
    return new Object[] {
      who,
      s.count(),
      us(s.p50().toNanos()),
      us(s.p95().toNanos()),
      us(s.p99().toNanos()),
      us(s.max().toNanos())
    };
  }

  /**
   * Writes the report atomically: HTML when the name ends in {@code .html} (any case), else JSON.
   *
   * @param file the file
   * @throws NullPointerException if null
   * @throws org.mlops4j.api.MlopsException if it cannot be written
   */
  public void save(Path file) {
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * Logs the figures into a run: metrics {@code serving.shadow.agreement}, {@code
   * serving.shadow.dropped}, {@code serving.shadow.pairs}, {@code serving.shadow.difference},
   * {@code serving.shadow.difference_low}, {@code serving.shadow.difference_high} (undefined ones
   * are skipped), and the artifacts {@code serving/shadow-report.json} and {@code .html}.
   *
   * @param run the run
   * @return this report
   * @throws NullPointerException if run is null
   */
  public ShadowReport logTo(Run run) {
    Require.nonNull(run, "run");
    metric(run, "serving.shadow.agreement", agreement);
    metric(run, "serving.shadow.dropped", dropped);
    metric(run, "serving.shadow.pairs", pairs);
    metric(run, "serving.shadow.difference", difference);
    metric(run, "serving.shadow.difference_low", low);
    metric(run, "serving.shadow.difference_high", high);
    run.logText("serving/shadow-report.json", toJson());
    run.logText("serving/shadow-report.html", toHtml());
    return this;
  }

  private static void metric(Run run, String key, double value) {
    if (Double.isFinite(value)) {
      run.logMetric(key, value);
    }
  }

  private static Map<String, Object> latency(LatencySummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", s.count());
    m.put("p50Micros", s.p50().toNanos() / 1000.0);
    m.put("p95Micros", s.p95().toNanos() / 1000.0);
    m.put("p99Micros", s.p99().toNanos() / 1000.0);
    m.put("maxMicros", s.max().toNanos() / 1000.0);
    return m;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "ShadowReport %s: champion v%d vs challenger v%d%n",
            model,
            championVersion,
            challengerVersion));
    sb.append(
        String.format(
            Locale.ROOT,
            "  requests   sent %d  dropped %d  compared %d  challenger errors %d%n",
            sent,
            dropped,
            compared,
            challengerErrors));
    sb.append(String.format(Locale.ROOT, "  agreement  %s%n", fmt(agreement)));
    sb.append(
        String.format(
            Locale.ROOT,
            "  metric     champion %s  challenger %s  difference %s  95%% CI [%s, %s]  (n = %d"
                + " labelled pairs, normal approx.)%n",
            fmt(championMetric),
            fmt(challengerMetric),
            fmt(difference),
            fmt(low),
            fmt(high),
            pairs));
    sb.append(
        String.format(
            Locale.ROOT,
            "  latency    %-10s p50 %s  p99 %s  (n = %d)%n",
            "champion",
            us(championLatency.p50().toNanos()),
            us(championLatency.p99().toNanos()),
            championLatency.count()));
    sb.append(
        String.format(
            Locale.ROOT,
            "             %-10s p50 %s  p99 %s  (n = %d)%n",
            "challenger",
            us(challengerLatency.p50().toNanos()),
            us(challengerLatency.p99().toNanos()),
            challengerLatency.count()));
    return sb.toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String us(long nanos) {
    return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
  }
}
