package org.mlops4j.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.TextTable;

/**
 * One version of a registered model. The fields MLflow has are read from {@code
 * version-<n>/meta.yaml} and {@code tags/}; the rest (artifact hashes, metrics, schemas, the
 * pipeline lock's hash and the data hashes) from {@code version-<n>/mlops4j.json}, a file MLflow
 * ignores. A version written by MLflow itself has no such file: its artifacts, metrics and schemas
 * are empty.
 *
 * @param name the model's name
 * @param version the version number, from 1
 * @param stage the stage
 * @param description the description ("" if none)
 * @param runId the tracking run that produced it, if known
 * @param source MLflow's {@code source}: where the files are (a {@code file:} URI of the version's
 *     {@code artifacts/} folder for versions this library registers)
 * @param user who registered it ("" if unknown)
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param tags the tags, by key, in key order
 * @param aliases the aliases that point at it, in order
 * @param artifacts its files with their hashes, in path order
 * @param metrics its metrics, by key, in key order
 * @param inputSchema the input's fields
 * @param outputSchema the output's fields
 * @param pipelineLockSha256 the SHA-256 of the pipeline lock it was trained from, or ""
 * @param dataHashes the SHA-256 of each data file it was trained on, by path, in path order
 * @since 0.1.0
 */
public record ModelVersion(
    String name,
    int version,
    ModelStage stage,
    String description,
    Optional<String> runId,
    String source,
    String user,
    Instant createdAt,
    Instant updatedAt,
    Map<String, String> tags,
    List<String> aliases,
    List<ArtifactFile> artifacts,
    Map<String, Double> metrics,
    ModelSchema inputSchema,
    ModelSchema outputSchema,
    String pipelineLockSha256,
    Map<String, String> dataHashes) {

  /**
   * Copies the collections (maps sorted).
   *
   * @throws NullPointerException if a part is null
   */
  public ModelVersion {
    Require.nonNull(name, "name");
    Require.positive(version, "version");
    Require.nonNull(stage, "stage");
    Require.nonNull(description, "description");
    Require.nonNull(runId, "runId");
    Require.nonNull(source, "source");
    Require.nonNull(user, "user");
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(updatedAt, "updatedAt");
    tags = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(tags, "tags")));
    aliases = List.copyOf(Require.nonNull(aliases, "aliases"));
    artifacts = List.copyOf(Require.nonNull(artifacts, "artifacts"));
    metrics = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(metrics, "metrics")));
    Require.nonNull(inputSchema, "inputSchema");
    Require.nonNull(outputSchema, "outputSchema");
    Require.nonNull(pipelineLockSha256, "pipelineLockSha256");
    dataHashes =
        Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(dataHashes, "dataHashes")));
  }

  /**
   * @return the total size of the artifact files in bytes
   */
  public long totalBytes() {
    long sum = 0;
    for (ArtifactFile a : artifacts) {
      sum += a.size();
    }
    return sum;
  }

  /** A readable table: the fields, then one row per artifact file. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "ModelVersion %s v%d  stage %s  aliases %s%n",
            name,
            version,
            stage,
            aliases.isEmpty() ? "-" : String.join(",", aliases)));
    sb.append("  run:         ").append(runId.orElse("-")).append('\n');
    sb.append("  user:        ").append(user.isEmpty() ? "-" : user).append('\n');
    sb.append("  created:     ").append(createdAt).append('\n');
    if (!description.isEmpty()) {
      sb.append("  description: ").append(description).append('\n');
    }
    sb.append("  tags:        ").append(tags.isEmpty() ? "-" : tags).append('\n');
    sb.append("  metrics:     ").append(metrics.isEmpty() ? "-" : metrics).append('\n');
    sb.append("  input:       ").append(inputSchema).append('\n');
    sb.append("  output:      ").append(outputSchema).append('\n');
    if (!pipelineLockSha256.isEmpty()) {
      sb.append("  lock sha256: ").append(pipelineLockSha256).append('\n');
    }
    if (!artifacts.isEmpty()) {
      TextTable t = new TextTable("file", "bytes", "sha256");
      for (ArtifactFile a : artifacts) {
        t.row(a.path(), a.size(), a.sha256());
      }
      sb.append(t.toString().indent(2));
    }
    return sb.toString();
  }
}
