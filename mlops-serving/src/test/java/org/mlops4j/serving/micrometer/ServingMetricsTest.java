package org.mlops4j.serving.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.serving.CanaryPolicy;
import org.mlops4j.serving.ModelService;
import org.mlops4j.serving.Predictor;

class ServingMetricsTest {

  @TempDir Path tmp;

  @Test
  void meters_showTheServicesFigures() throws Exception {
    ModelRegistry registry = ModelRegistry.open(tmp.resolve("mlruns"));
    Path f = tmp.resolve("w.txt");
    Files.writeString(f, "0");
    registry.newVersion("m").artifact("model.txt", f).register();
    Files.writeString(f, "10");
    registry.newVersion("m").artifact("model.txt", f).register();
    registry.setAlias("m", "champion", 1, "t");
    registry.setAlias("m", "challenger", 2, "t");
    ModelLoader<Predictor<double[], Double>> loader =
        (dir, v) -> {
          double shift = Double.parseDouble(Files.readString(dir.resolve("model.txt")));
          return x -> x[0] + shift;
        };
    try (ModelService<double[], Double> s =
        ModelService.builder(registry, "m", loader)
            .monitor(DriftMonitor.builder().features("x").tumblingWindow(10))
            .features(x -> x)
            .canary("challenger", CanaryPolicy.builder().share(0.3).minRequests(1000).build())
            .routingKey(x -> "k" + (int) x[0])
            .build()) {
      for (int i = 0; i < 100; i++) {
        s.predict(new double[] {i});
      }
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      ServingMetrics.of(s).bindTo(meters);
      assertEquals(100.0, meters.get("mlops.serving.requests").functionCounter().count());
      double champion =
          meters.get("mlops.serving.answers").tag("role", "champion").functionCounter().count();
      double canary =
          meters.get("mlops.serving.answers").tag("role", "canary").functionCounter().count();
      assertEquals(100.0, champion + canary);
      assertEquals(s.stats().canaryAnswers(), (long) canary);
      assertEquals(canary / 100, meters.get("mlops.serving.canary.share").gauge().value(), 1e-12);
      assertEquals(1.0, meters.get("mlops.serving.canary.active").gauge().value());
      assertEquals(
          1.0, meters.get("mlops.serving.version").tag("role", "champion").gauge().value());
      assertEquals(
          2.0, meters.get("mlops.serving.version").tag("role", "challenger").gauge().value());
      assertTrue(meters.get("mlops.serving.latency").tag("quantile", "0.99").gauge().value() > 0);
      assertEquals(0.0, meters.get("mlops.serving.concept.state").gauge().value());
      // no drift check configured: the feature's statistic is undefined
      assertTrue(
          Double.isNaN(
              meters.get("mlops.serving.drift.statistic").tag("feature", "x").gauge().value()));
      assertEquals(
          0.0,
          meters.get("mlops.serving.events").tag("type", "load_failed").functionCounter().count());
      assertEquals(
          0.0, meters.get("mlops.serving.events").tag("type", "swapped").functionCounter().count());
      registry.setAlias("m", "challenger", 1, "t");
      assertEquals(1, s.refresh());
      // a swap is an event; the gauge reads the new challenger at once
      assertEquals(
          1.0, meters.get("mlops.serving.events").tag("type", "swapped").functionCounter().count());
      assertEquals(
          1.0, meters.get("mlops.serving.version").tag("role", "challenger").gauge().value());
    }
  }
}
