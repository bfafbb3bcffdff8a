package org.mlops4j.serving.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.stream.AlertType;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.drift.stream.LatencySummary;
import org.mlops4j.drift.stream.WindowReport;
import org.mlops4j.serving.ModelService;
import org.mlops4j.serving.ServingEventType;

/**
 * Binds a {@link ModelService}'s figures to a Micrometer {@code MeterRegistry}, so that a Spring
 * Boot or Quarkus service exports them (to Prometheus, ...) with no more code:
 *
 * <pre>{@code
 * ServingMetrics.of(service).bindTo(meterRegistry);
 * }</pre>
 *
 * Every meter has the tag {@code model}. Counters are function counters and gauges read the service
 * when scraped; nothing is added to the predict path.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><td>{@code mlops.serving.requests}</td><td>counter</td><td>predict calls</td></tr>
 *   <tr><td>{@code mlops.serving.answers}</td><td>counter, {@code role=champion|canary}</td><td>answers by role</td></tr>
 *   <tr><td>{@code mlops.serving.failures}</td><td>counter</td><td>calls on which the champion threw</td></tr>
 *   <tr><td>{@code mlops.serving.canary.errors}</td><td>counter</td><td>calls on which the canary threw</td></tr>
 *   <tr><td>{@code mlops.serving.latency}</td><td>gauge (seconds), {@code quantile=0.5|0.95|0.99|1.0}</td><td>champion latency since start (the monitor's HdrHistogram)</td></tr>
 *   <tr><td>{@code mlops.serving.version}</td><td>gauge, {@code role=champion|challenger}</td><td>versions loaded (0: none)</td></tr>
 *   <tr><td>{@code mlops.serving.drift.statistic}</td><td>gauge, {@code feature}</td><td>the feature's drift statistic in the last window (NaN before one)</td></tr>
 *   <tr><td>{@code mlops.serving.drift.drifted}</td><td>gauge, {@code feature}</td><td>1 if it drifted in the last window</td></tr>
 *   <tr><td>{@code mlops.serving.prediction.psi}</td><td>gauge</td><td>PSI of the last window's scores (NaN if none)</td></tr>
 *   <tr><td>{@code mlops.serving.concept.state}</td><td>gauge</td><td>0 stable, 1 warning, 2 drift</td></tr>
 *   <tr><td>{@code mlops.serving.monitor.alerts}</td><td>counter, {@code type}</td><td>the monitor's alerts by type</td></tr>
 *   <tr><td>{@code mlops.serving.events}</td><td>counter, {@code type}</td><td>the service's events by type</td></tr>
 *   <tr><td>{@code mlops.serving.shadow.agreement}</td><td>gauge</td><td>share of shadow answers that agreed (NaN if none)</td></tr>
 *   <tr><td>{@code mlops.serving.shadow.dropped}</td><td>counter</td><td>copies dropped on a full queue</td></tr>
 *   <tr><td>{@code mlops.serving.canary.share}</td><td>gauge</td><td>share of answers given by the canary</td></tr>
 *   <tr><td>{@code mlops.serving.canary.active}</td><td>gauge</td><td>1 while the canary takes traffic</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class ServingMetrics implements MeterBinder {
  private final ModelService<?, ?> service;

  private ServingMetrics(ModelService<?, ?> service) {
    this.service = service;
  }

  /**
   * @param service the service to export
   * @return its binder
   * @throws NullPointerException if null
   */
  public static ServingMetrics of(ModelService<?, ?> service) {
    return new ServingMetrics(Require.nonNull(service, "service"));
  }

  /**
   * Registers the meters.
   *
   * @param registry the meter registry
   * @throws NullPointerException if null
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Require.nonNull(registry, "registry");
    ModelService<?, ?> s = service;
    Tags tags = Tags.of("model", s.model());
    counter(registry, "mlops.serving.requests", tags, "predict calls", x -> x.stats().requests());
    counter(
        registry,
        "mlops.serving.answers",
        tags.and("role", "champion"),
        "answers by the champion",
        x -> x.stats().championAnswers());
    counter(
        registry,
        "mlops.serving.answers",
        tags.and("role", "canary"),
        "answers by the canary",
        x -> x.stats().canaryAnswers());
    counter(
        registry,
        "mlops.serving.failures",
        tags,
        "calls on which the champion threw",
        x -> x.stats().failures());
    counter(
        registry,
        "mlops.serving.canary.errors",
        tags,
        "calls on which the canary threw",
        x -> x.stats().canaryErrors());
    latency(registry, tags, "0.5", LatencySummary::p50);
    latency(registry, tags, "0.95", LatencySummary::p95);
    latency(registry, tags, "0.99", LatencySummary::p99);
    latency(registry, tags, "1.0", LatencySummary::max);
    gauge(
        registry,
        "mlops.serving.version",
        tags.and("role", "champion"),
        "champion version",
        x -> x.servedVersion());
    gauge(
        registry,
        "mlops.serving.version",
        tags.and("role", "challenger"),
        "challenger version (0: none)",
        x -> x.challengerVersion().orElse(0));
    for (String feature : s.monitor().features()) {
      gauge(
          registry,
          "mlops.serving.drift.statistic",
          tags.and("feature", feature),
          "drift statistic of the feature in the last window",
          x -> feature(x.monitor(), feature).map(FeatureDrift::statistic).orElse(Double.NaN));
      gauge(
          registry,
          "mlops.serving.drift.drifted",
          tags.and("feature", feature),
          "1 if the feature drifted in the last window",
          x -> feature(x.monitor(), feature).map(f -> f.drifted() ? 1.0 : 0.0).orElse(0.0));
    }
    gauge(
        registry,
        "mlops.serving.prediction.psi",
        tags,
        "PSI of the last window's scores",
        x ->
            x.monitor()
                .lastWindow()
                .map(w -> w.predictionPsi().orElse(Double.NaN))
                .orElse(Double.NaN));
    gauge(
        registry,
        "mlops.serving.concept.state",
        tags,
        "concept-drift state: 0 stable, 1 warning, 2 drift",
        x -> x.monitor().conceptState().ordinal());
    for (AlertType t : AlertType.values()) {
      counter(
          registry,
          "mlops.serving.monitor.alerts",
          tags.and("type", t.name().toLowerCase(java.util.Locale.ROOT)),
          "drift monitor alerts",
          x -> x.monitorAlertCount(t));
    }
    for (ServingEventType t : ServingEventType.values()) {
      counter(
          registry,
          "mlops.serving.events",
          tags.and("type", t.name().toLowerCase(java.util.Locale.ROOT)),
          "service events",
          x -> x.eventCount(t));
    }
    gauge(
        registry,
        "mlops.serving.shadow.agreement",
        tags,
        "share of shadow answers that agreed with the champion",
        x -> x.stats().shadowAgreement());
    counter(
        registry,
        "mlops.serving.shadow.dropped",
        tags,
        "shadow copies dropped on a full queue",
        x -> x.stats().shadowDropped());
    gauge(
        registry,
        "mlops.serving.canary.share",
        tags,
        "share of answers given by the canary",
        x -> x.stats().canaryShare());
    gauge(
        registry,
        "mlops.serving.canary.active",
        tags,
        "1 while the canary takes traffic",
        x -> x.canaryActive() ? 1.0 : 0.0);
  }

  private static Optional<FeatureDrift> feature(DriftMonitor m, String feature) {
    return m.lastWindow()
        .flatMap(WindowReport::driftReport)
        .flatMap(r -> r.features().stream().filter(f -> f.feature().equals(feature)).findFirst());
  }

  private void latency(
      MeterRegistry registry, Tags tags, String quantile, Function<LatencySummary, Duration> q) {
    Gauge.builder(
            "mlops.serving.latency", service, x -> q.apply(x.monitor().latency()).toNanos() / 1e9)
        .tags(tags.and("quantile", quantile))
        .baseUnit("seconds")
        .description("champion predict latency since start")
        .strongReference(true)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry,
      String name,
      Tags tags,
      String description,
      java.util.function.ToDoubleFunction<ModelService<?, ?>> f) {
    FunctionCounter.builder(name, service, f)
        .tags(tags)
        .description(description)
        .register(registry);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      Tags tags,
      String description,
      java.util.function.ToDoubleFunction<ModelService<?, ?>> f) {
    Gauge.builder(name, service, f)
        .tags(tags)
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public String toString() {
    return "ServingMetrics[" + service.model() + "]";
  }
}
