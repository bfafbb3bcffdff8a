package org.mlops4j.registry;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.report.internal.Json;

/**
 * Writes a store for MLflow's own registry reader ({@code scripts/mlflow/check-registry.sh} sets
 * {@code -Dmlops.registry.mlflowStore=<dir>}; skipped otherwise): the golden scenario plus a
 * tracking run, a refused and a passed promotion (audit lines, archived version) and a pipeline
 * lock, and {@code expected.json}: what this registry reads there, which the script compares with
 * what MLflow reads.
 */
class MlflowReaderStoreTest {

  @Test
  void writesAStoreForMlflowsReader() throws Exception {
    String out = System.getProperty("mlops.registry.mlflowStore");
    assumeThat(out).as("system property mlops.registry.mlflowStore").isNotNull();
    Path root = Path.of(out, "mlruns");
    AtomicFiles.deleteRecursively(root);
    String runId;
    try (LocalTracker tracker = LocalTracker.open(root);
        Run run = tracker.startRun("churn", "train")) {
      run.logParam("trees", "200");
      run.logMetric("accuracy", 0.95);
      runId = run.id();
    }
    ModelRegistry registry = GoldenRegistryTest.writeScenario(root);
    registry.attach(
        "churn",
        1,
        "card/model_card.md",
        Files.writeString(Path.of(out, "card.md"), "# churn"),
        "a file attached after the registration");
    Path lock = Files.writeString(Path.of(out, "mlops.lock"), "schema: 1\nstages: {}\n");
    ModelVersion v3 =
        registry
            .newVersion("churn")
            .artifact("model.bin", Files.writeString(Path.of(out, "w3.bin"), "weights three"))
            .runId(runId)
            .metric("accuracy", 0.95)
            .pipelineLock(lock)
            .register();
    registry.promoteToStage(
        "churn",
        v3.version(),
        ModelStage.PRODUCTION,
        PromotionGates.builder().metricAtLeast("accuracy", 0.99).build(),
        PromotionEvidence.none(),
        "refused on purpose");
    registry.promoteToStage(
        "churn",
        v3.version(),
        ModelStage.PRODUCTION,
        PromotionGates.builder().metricAtLeast("accuracy", 0.9).build(),
        PromotionEvidence.none(),
        "better");
    registry.createModel("empty model", "", Map.of());

    List<Map<String, Object>> models = new ArrayList<>();
    for (RegisteredModel m : registry.models()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("name", m.name());
      mm.put("description", m.description());
      mm.put("tags", m.tags());
      mm.put("aliases", m.aliases());
      List<Map<String, Object>> vs = new ArrayList<>();
      for (ModelVersion v : registry.versions(m.name())) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("version", v.version());
        vm.put("stage", v.stage().key());
        vm.put("description", v.description());
        vm.put("runId", v.runId().orElse(null));
        vm.put("user", v.user());
        vm.put("source", v.source());
        vm.put("tags", v.tags());
        vm.put("aliases", v.aliases());
        vs.add(vm);
      }
      mm.put("versions", vs);
      models.add(mm);
    }
    Files.writeString(Path.of(out, "expected.json"), Json.write(Map.of("models", models)));
  }
}
