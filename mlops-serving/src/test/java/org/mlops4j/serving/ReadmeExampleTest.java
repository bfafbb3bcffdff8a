package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.serving.micrometer.ServingMetrics;

/** The scenario of docs/modules/serving.md, with its figures asserted, so that it cannot rot. */
class ReadmeExampleTest {

  @TempDir Path root;

  @Test
  void shadowThenCanaryWithSwapAndRollback() throws Exception {
    ModelRegistry registry = ModelRegistry.open(root.resolve("mlruns"));
    for (String threshold : new String[] {"0.5", "0.4", "0.9"}) {
      Path f = Files.writeString(root.resolve("threshold.txt"), threshold);
      registry.newVersion("fraud").artifact("threshold.txt", f).register();
    }
    registry.setAlias("fraud", "champion", 1, "first release");
    registry.setAlias("fraud", "challenger", 2, "candidate");
    ModelLoader<Predictor<double[], Integer>> loader =
        (dir, version) -> {
          double t = Double.parseDouble(Files.readString(dir.resolve("threshold.txt")));
          return x -> x[0] > t ? 1 : 0;
        };

    try (ModelService<double[], Integer> shadow =
        ModelService.builder(registry, "fraud", loader).shadow("challenger").build()) {
      for (int i = 0; i < 2_000; i++) {
        shadow.predict("r" + i, new double[] {(i * 0.618034) % 1.0});
      }
      while (shadow.stats().shadowCompared() + shadow.stats().shadowDropped() < 2_000) {
        Thread.sleep(10);
      }
      for (int i = 0; i < 2_000; i++) {
        shadow.feedback("r" + i, (i * 0.618034) % 1.0 > 0.45 ? 1 : 0);
      }
      ShadowReport r = shadow.shadowReport();
      // numpy: i=np.arange(2000); x=(i*0.618034)%1; a=x>0.5; b=x>0.4; y=x>0.45
      //   np.mean(a==b) 0.8995; (a!=y).mean() 0.05; (b!=y).mean() 0.0505; d=(b!=y)*1.-(a!=y)
      //   d.mean() -+ norm.ppf(.975)*d.std(ddof=1)/sqrt(2000) -> -0.01339710006629633,
      //   0.01439710006629633
      assertEquals(2_000, r.compared());
      assertEquals(0.8995, r.agreement(), 1e-12);
      assertEquals(0.05, r.championMetric(), 1e-12);
      assertEquals(0.0505, r.challengerMetric(), 1e-12);
      assertEquals(-0.01339710006629633, r.low(), 1e-12);
      assertEquals(0.01439710006629633, r.high(), 1e-12);
    }

    List<ServingEvent> events = new CopyOnWriteArrayList<>();
    CanaryPolicy canary = CanaryPolicy.builder().share(0.2).minRequests(200).build();
    try (ModelService<double[], Integer> service =
        ModelService.builder(registry, "fraud", loader)
            .canary("challenger", canary)
            .routingKey(x -> "user-" + (int) x[1])
            .listener(events::add)
            .build()) {
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      ServingMetrics.of(service).bindTo(meters);
      Runnable traffic =
          () ->
              IntStream.range(0, 100_000)
                  .parallel()
                  .forEach(i -> service.predict(new double[] {(i * 0.618034) % 1.0, i % 5_000}));
      Thread load = new Thread(traffic);
      load.start();
      registry.setAlias("fraud", "champion", 2, "promoted after the shadow run");
      assertEquals(2, service.refresh()); // swap v1 -> v2 during traffic
      load.join();
      registry.setAlias("fraud", "challenger", 3, "a bad candidate");
      service.refresh(); // a new canary: v3
      traffic.run();
      ServingStats st = service.stats();
      assertEquals(200_000, st.requests());
      assertEquals(0, st.failures());
      assertEquals(st.requests(), st.championAnswers() + st.canaryAnswers());
      assertFalse(service.canaryActive());
      assertEquals(1, st.rollbacks());
      assertEquals(200_000.0, meters.get("mlops.serving.requests").functionCounter().count());
      assertEquals(
          1.0,
          meters
              .get("mlops.serving.events")
              .tag("type", "canary_rollback")
              .functionCounter()
              .count());
      assertEquals(ServingEventType.CANARY_ROLLBACK, events.get(events.size() - 1).type());
    }
  }
}
