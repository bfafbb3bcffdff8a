package org.mlops4j.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlops4j.api.internal.Require;
import org.mlops4j.registry.ArtifactFile;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelVersion;
import org.mlops4j.registry.RegisteredModel;

/**
 * The {@link ModelInventory} of a {@link ModelRegistry}: every version of every registered model,
 * with the data hashes of its lineage ({@link ModelRegistry#lineage(String, int)}: those registered
 * with the version plus the inputs of every stage of its pipeline lock) and its artifacts' hashes;
 * a flag is the version tag {@value ModelInventory#RETRAIN_TAG} set to the receipt's id.
 *
 * <pre>{@code
 * Erasure erasure = Erasure.builder(root, key)
 *     .subjectColumn("customer_id")
 *     .models(RegistryInventory.of(ModelRegistry.open(root.resolve("mlruns"))))
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RegistryInventory implements ModelInventory {
  private final ModelRegistry registry;

  private RegistryInventory(ModelRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param registry the registry (opened for writing, to set the flags)
   * @return its inventory
   */
  public static RegistryInventory of(ModelRegistry registry) {
    return new RegistryInventory(Require.nonNull(registry, "registry"));
  }

  @Override
  public List<TrainedModel> models() {
    List<TrainedModel> out = new ArrayList<>();
    for (RegisteredModel m : registry.models()) {
      for (ModelVersion v : registry.versions(m.name())) {
        Set<String> data = new LinkedHashSet<>(v.dataHashes().values());
        data.addAll(registry.lineage(m.name(), v.version()).dataHashes().values());
        Set<String> files = new LinkedHashSet<>();
        for (ArtifactFile a : v.artifacts()) {
          files.add(a.sha256());
        }
        out.add(new TrainedModel(m.name(), v.version(), v.runId(), data, files));
      }
    }
    return out;
  }

  @Override
  public void flagForRetraining(TrainedModel model, String receiptId) {
    Require.nonNull(model, "model");
    Require.nonBlank(receiptId, "receiptId");
    registry.setVersionTag(model.name(), model.version(), RETRAIN_TAG, receiptId);
  }

  @Override
  public String toString() {
    return "RegistryInventory[" + registry + "]";
  }
}
