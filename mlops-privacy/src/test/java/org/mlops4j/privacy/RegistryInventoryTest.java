package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.Pipeline;
import org.mlops4j.pipeline.Stage;
import org.mlops4j.privacy.internal.ResultFiles;
import org.mlops4j.registry.ModelRegistry;

class RegistryInventoryTest {
  @TempDir Path root;

  @Test
  void erasure_flagsTheRegisteredVersionsTrainedOnTheSubjectsData_only() throws Exception {
    Files.createDirectories(root.resolve("data"));
    PersonalData.builder("customer_id", "spend")
        .row("bob", "10")
        .row("alice-0042", "20")
        .build()
        .writeCsv(root.resolve("data/train.csv"));
    Pipeline.builder(root)
        .stage(
            Stage.named("train")
                .input("data/train.csv")
                .output("models/model.bin")
                .work(ctx -> Files.writeString(ctx.output("models/model.bin"), "weights")))
        .build()
        .run();
    String trainHash = ResultFiles.sha256(Files.readAllBytes(root.resolve("data/train.csv")));
    ModelRegistry registry = ModelRegistry.open(root.resolve("mlruns"));
    registry.createModel("churn");
    // v1 through the pipeline lock (its stage inputs), v2 on other data, v3 by a data hash
    registry
        .newVersion("churn")
        .artifact(root.resolve("models/model.bin"))
        .pipelineLock(root.resolve("mlops.lock"))
        .register();
    Path other = root.resolve("other.bin");
    Files.writeString(other, "other weights");
    registry
        .newVersion("churn")
        .artifact(other)
        .dataHash("data/old.csv", "2".repeat(64))
        .register();
    registry.newVersion("churn").artifact(other).dataHash("data/train.csv", trainHash).register();

    RegistryInventory inventory = RegistryInventory.of(registry);
    List<TrainedModel> models = inventory.models();
    assertEquals(3, models.size());
    assertTrue(models.get(0).dataHashes().contains(trainHash), models.get(0).toString());

    ErasureReceipt receipt =
        Erasure.builder(root, PseudonymKey.generate())
            .subjectColumn("customer_id")
            .models(inventory)
            .build()
            .erase("alice-0042");
    assertEquals(List.of(1, 3), receipt.affectedModels().stream().map(m -> m.version()).toList());
    assertEquals(receipt.id(), registry.version("churn", 1).tags().get(ModelInventory.RETRAIN_TAG));
    assertNull(registry.version("churn", 2).tags().get(ModelInventory.RETRAIN_TAG));
    assertEquals(receipt.id(), registry.version("churn", 3).tags().get(ModelInventory.RETRAIN_TAG));
    assertFalse(Files.readString(root.resolve("data/train.csv")).contains("alice-0042"));
  }

  @Test
  void of_null_isRefused() {
    assertEquals(
        "registry must not be null",
        assertThrows(NullPointerException.class, () -> RegistryInventory.of(null)).getMessage());
  }
}
