package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.mlops4j.api.tracking.Tracker;
import org.mlops4j.core.tracking.LocalTracker;

class QuickStartTest {

  @Test
  void quickStart_logsThreeFinishedRunsThatReadBackFromTheStore(@TempDir Path dir)
      throws Exception {
    Path store = dir.resolve("mlruns");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    List<String> ids = QuickStart.run(store, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains(
            "Logged 3 runs",
            store.toString(),
            "mlflow ui --backend-store-uri",
            "Best run by accuracy");
    assertThat(Files.exists(store.resolve("0").resolve("meta.yaml"))).isTrue();
    try (Tracker tracker = LocalTracker.open(store)) {
      List<RunRecord> runs = tracker.runs(QuickStart.EXPERIMENT);
      assertThat(runs).extracting(RunRecord::runId).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(runs)
          .allSatisfy(
              r -> {
                assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
                assertThat(r.params()).containsEntry("epochs", "25").containsKey("learning_rate");
                assertThat(r.tags()).containsEntry("mlops4j.seed.data", "42");
                List<Metric> loss = tracker.metricHistory(r.runId(), "loss");
                assertThat(loss).hasSize(QuickStart.EPOCHS);
                assertThat(loss).extracting(Metric::step).startsWith(0L, 1L, 2L);
                // gradient descent on a convex loss with these step sizes never increases the loss
                for (int i = 1; i < loss.size(); i++) {
                  assertThat(loss.get(i).value()).isLessThanOrEqualTo(loss.get(i - 1).value());
                }
                // the first epoch is evaluated at w = 0, where the mean log-loss is exactly ln 2
                assertThat(loss.get(0).value())
                    .isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
              });
    }
  }
}
