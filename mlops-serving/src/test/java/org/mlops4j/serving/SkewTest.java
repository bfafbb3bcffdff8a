package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.features.FeaturePipeline;
import org.mlops4j.features.FeatureRow;
import org.mlops4j.features.FeatureSkew;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;

/** Training/serving skew through the features module's SkewMonitor, from several threads. */
class SkewTest {

  @TempDir Path tmp;

  @Test
  void skewReport_mergesEveryThreadsRows_andFindsTheShift() throws Exception {
    ModelRegistry registry = ModelRegistry.open(tmp.resolve("mlruns"));
    Path f = Files.writeString(tmp.resolve("m.txt"), "x");
    registry.newVersion("m").artifact("m.txt", f).register();
    registry.setAlias("m", "champion", 1, "t");
    ModelLoader<Predictor<Double, Double>> loader = (dir, v) -> x -> x;
    double[] training = new double[1000];
    for (int i = 0; i < training.length; i++) {
      training[i] = i / 1000.0; // uniform on [0, 1)
    }
    DriftBaseline baseline =
        DriftDetector.defaults().fit(Columns.builder().numeric("x", training).build());
    FeaturePipeline pipeline = FeaturePipeline.builder().numeric("x").build();
    ThreadLocal<FeatureRow> rows = ThreadLocal.withInitial(pipeline::newRow);
    try (ModelService<Double, Double> s =
        ModelService.builder(registry, "m", loader)
            .skew(baseline, x -> rows.get().set("x", x))
            .build()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      java.util.List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < 400; i += 4) {
                    s.predict(0.5 + i / 400.0); // served: uniform on [0.5, 1.5)
                  }
                }));
      }
      for (Future<?> fu : futures) {
        fu.get();
      }
      pool.shutdown();
      FeatureSkew x = s.skewReport().feature("x");
      assertEquals(400, x.served());
      assertTrue(x.skewed(), x.toString());
      // scipy 1.x: ks_2samp(np.arange(1000) / 1000.0, 0.5 + np.arange(400) / 400.0).statistic
      //   -> 0.501
      assertEquals(0.501, x.drift().statistic(), 1e-12, x.toString());
    }
  }

  @Test
  void skewReport_withoutBaseline_saysWhatToConfigure() throws Exception {
    ModelRegistry registry = ModelRegistry.open(tmp.resolve("mlruns"));
    Path f = Files.writeString(tmp.resolve("m.txt"), "x");
    registry.newVersion("m").artifact("m.txt", f).register();
    registry.setAlias("m", "champion", 1, "t");
    ModelLoader<Predictor<Double, Double>> loader = (dir, v) -> x -> x;
    try (ModelService<Double, Double> s = ModelService.builder(registry, "m", loader).build()) {
      assertEquals(
          "this service has no skew baseline; configure skew(baseline, row)",
          assertThrows(IllegalStateException.class, s::skewReport).getMessage());
    }
  }
}
