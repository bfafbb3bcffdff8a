package org.mlops4j.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;
import org.mlops4j.registry.internal.Fmt;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * One version of a registered model. The fields MLflow has are read from {@code
 * version-<n>/meta.yaml} and {@code tags/}; the rest (artifact hashes, metrics, schemas, the
 * pipeline lock's hash and the data hashes) from {@code version-<n>/mlops4j.json}, a file MLflow
 * ignores. A version written by MLflow itself has no such file: its artifacts, metrics and schemas
 * are empty.
 *
 * <p>JSON ({@link #toJson()}): the header of {@value #FORMAT} version {@value #FORMAT_VERSION} (the
 * whole version as the registry reads it; not the file {@code version-<n>/mlops4j.json}, format
 * {@code mlops4j.model-version}, which holds only what MLflow has no field for) (its {@code
 * createdAt} is when the version was registered, so that the same version always gives the same
 * text), then {@code name}, {@code version}, {@code stage} ({@code None}, {@code Staging}, {@code
 * Production}, {@code Archived}), {@code aliases}, {@code description}, {@code runId} (null when
 * unknown), {@code source}, {@code user}, {@code updatedAt}, {@code tags}, {@code metrics} (key to
 * number; a NaN or infinite metric is null with a sibling {@code <key>Reason}), {@code artifacts}
 * (each {@code path}, {@code size} in bytes, {@code sha256}), {@code totalBytes}, {@code
 * inputSchema} and {@code outputSchema} (each field {@code name}, {@code type}), {@code
 * pipelineLockSha256} ("" when none) and {@code dataHashes} (path to SHA-256).
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

  /** The {@code format} of the JSON document. */
  public static final String FORMAT = "mlops4j.registry-version";

  /** The {@code formatVersion} of the JSON document written by this version of the library. */
  public static final int FORMAT_VERSION = 1;

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

  /**
   * @return the version as a JSON document (format in the class comment)
   */
  public String toJson() {
    Map<String, Object> doc = Json.document(FORMAT, FORMAT_VERSION, createdAt);
    doc.putAll(body());
    return Json.write(doc);
  }

  /** The fields of the JSON after the header. */
  Map<String, Object> body() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", name);
    o.put("version", version);
    o.put("stage", stage.key());
    o.put("aliases", aliases);
    o.put("description", description);
    o.put("runId", runId.orElse(null));
    o.put("source", source);
    o.put("user", user);
    o.put("updatedAt", Json.timestamp(updatedAt));
    o.put("tags", tags);
    Map<String, Object> ms = new LinkedHashMap<>();
    metrics.forEach((k, x) -> Json.putNumber(ms, k, x, "the logged value is " + x));
    o.put("metrics", ms);
    List<Map<String, Object>> files = new ArrayList<>();
    for (ArtifactFile a : artifacts) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", a.path());
      f.put("size", a.size());
      f.put("sha256", a.sha256());
      files.add(f);
    }
    o.put("artifacts", files);
    o.put("totalBytes", totalBytes());
    o.put("inputSchema", schemaJson(inputSchema));
    o.put("outputSchema", schemaJson(outputSchema));
    o.put("pipelineLockSha256", pipelineLockSha256);
    o.put("dataHashes", dataHashes);
    return o;
  }

  private static List<Map<String, Object>> schemaJson(ModelSchema schema) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SchemaField f : schema.fields()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("type", f.type());
      out.add(m);
    }
    return out;
  }

  /**
   * A readable block for JShell: the title line, the fields, then the metrics (up to six
   * significant digits) and the artifact files as tables.
   */
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
    sb.append("  created:     ").append(Json.timestamp(createdAt)).append('\n');
    if (!description.isEmpty()) {
      sb.append("  description: ").append(description).append('\n');
    }
    sb.append("  tags:        ").append(tags.isEmpty() ? "-" : pairs(tags)).append('\n');
    sb.append("  input:       ").append(inputSchema).append('\n');
    sb.append("  output:      ").append(outputSchema).append('\n');
    if (!pipelineLockSha256.isEmpty()) {
      sb.append("  lock sha256: ").append(pipelineLockSha256).append('\n');
    }
    if (metrics.isEmpty()) {
      sb.append("  metrics:     -\n");
    } else {
      TextTable t = new TextTable("metric", "value");
      metrics.forEach((k, x) -> t.row(k, Fmt.num(x)));
      sb.append(t.toString().indent(2));
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

  /** {@code k=v, k=v}. */
  static String pairs(Map<String, ?> map) {
    StringBuilder sb = new StringBuilder();
    map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
