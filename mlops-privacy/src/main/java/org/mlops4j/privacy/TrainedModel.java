package org.mlops4j.privacy;

import java.util.Optional;
import java.util.Set;
import org.mlops4j.api.internal.Require;

/**
 * A model version as the erasure sees it: which data it was trained on (by hash) and which files it
 * is made of.
 *
 * @param name the model's name
 * @param version its version number, from 1
 * @param runId the tracking run that produced it, if known
 * @param dataHashes the SHA-256 of the data it was trained on (files, folder manifests)
 * @param artifactHashes the SHA-256 of its own files
 * @since 0.1.0
 */
public record TrainedModel(
    String name,
    int version,
    Optional<String> runId,
    Set<String> dataHashes,
    Set<String> artifactHashes) {
  /**
   * Copies the sets.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if version is below 1
   */
  public TrainedModel {
    Require.nonBlank(name, "name");
    Require.positive(version, "version");
    Require.nonNull(runId, "runId");
    dataHashes = Set.copyOf(Require.nonNull(dataHashes, "dataHashes"));
    artifactHashes = Set.copyOf(Require.nonNull(artifactHashes, "artifactHashes"));
  }

  @Override
  public String toString() {
    return name + " v" + version + runId.map(r -> " (run " + r + ")").orElse("");
  }
}
