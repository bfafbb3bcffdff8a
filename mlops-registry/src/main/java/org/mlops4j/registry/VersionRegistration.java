package org.mlops4j.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.PipelineResult;

/**
 * The registration of a new version of a model, from {@link ModelRegistry#newVersion(String)}: each
 * setter checks its argument at once, {@link #register()} writes the version and returns it.
 *
 * <pre>{@code
 * ModelVersion v = registry.newVersion("churn")
 *     .artifact(Path.of("model.onnx"))
 *     .runId(run.id())
 *     .metric("accuracy", 0.91)
 *     .inputSchema(ModelSchema.of(SchemaField.of("age", "long")))
 *     .description("gradient boosting, 200 trees")
 *     .register();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class VersionRegistration {

  private final ModelRegistry registry;
  private final String name;
  final Map<String, Path> artifacts = new TreeMap<>();
  @Nullable String runId;
  String pipelineLock = "";
  final Map<String, String> dataHashes = new TreeMap<>();
  ModelSchema inputSchema = ModelSchema.EMPTY;
  ModelSchema outputSchema = ModelSchema.EMPTY;
  final Map<String, Double> metrics = new TreeMap<>();
  final Map<String, String> tags = new LinkedHashMap<>();
  String description = "";
  @Nullable String user;

  VersionRegistration(ModelRegistry registry, String name) {
    this.registry = registry;
    this.name = name;
  }

  /**
   * Adds a file under its own file name.
   *
   * @param file a regular file
   * @return this
   * @throws IllegalArgumentException if it is not a regular file
   */
  public VersionRegistration artifact(Path file) {
    Require.nonNull(file, "file");
    Path fileName = file.getFileName();
    Require.argument(fileName != null, "file", "a file", file);
    return artifact(String.valueOf(fileName), file);
  }

  /**
   * Adds a file under a relative path of the version.
   *
   * @param path the relative path, {@code /} separated, e.g. {@code tokenizer/vocab.txt}
   * @param file a regular file
   * @return this
   * @throws IllegalArgumentException if the path leaves the version ({@code ..}, absolute) or
   *     breaks the store's name rules, or the file is not a regular file
   */
  public VersionRegistration artifact(String path, Path file) {
    Names.validateKey("artifact path", path);
    Require.nonNull(file, "file");
    Require.argument(
        Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS),
        "file",
        "a regular file (not a link or folder)",
        file);
    Require.argument(
        !artifacts.containsKey(path), "artifact path", "unique", "'" + path + "' twice");
    artifacts.put(path, file);
    return this;
  }

  /**
   * Adds every regular file below a folder, under its path relative to the folder (links are not
   * followed).
   *
   * @param dir the folder
   * @return this
   * @throws IllegalArgumentException if it is not a folder
   * @throws MlopsException if it cannot be listed
   */
  public VersionRegistration artifacts(Path dir) {
    Require.nonNull(dir, "dir");
    Require.argument(Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS), "dir", "a folder", dir);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new MlopsException(dir.toAbsolutePath() + ": cannot list: " + e.getMessage(), e);
    }
    for (Path f : files) {
      artifact(dir.relativize(f).toString().replace('\\', '/'), f);
    }
    return this;
  }

  /**
   * @param runId the tracking run that produced the version
   * @return this
   * @throws IllegalArgumentException if it is not a valid run id
   */
  public VersionRegistration runId(String runId) {
    this.runId = Names.validateRunId(runId);
    return this;
  }

  /**
   * Records the lock file of the pipeline run that trained the version (its text is kept with the
   * version; {@link ModelRegistry#lineage} lists its stages' input hashes).
   *
   * @param result a pipeline run's result
   * @return this
   * @throws MlopsException if the lock file cannot be read
   */
  public VersionRegistration pipeline(PipelineResult result) {
    Require.nonNull(result, "result");
    return pipelineLock(result.lockFile());
  }

  /**
   * @param lockFile a pipeline lock file ({@code mlops.lock})
   * @return this
   * @throws MlopsException if it cannot be read
   */
  public VersionRegistration pipelineLock(Path lockFile) {
    Require.nonNull(lockFile, "lockFile");
    this.pipelineLock = AtomicFiles.read(lockFile);
    return this;
  }

  /**
   * @param path a data file the version was trained on
   * @param sha256 its SHA-256, 64 lowercase hex digits
   * @return this
   */
  public VersionRegistration dataHash(String path, String sha256) {
    Require.nonBlank(path, "path");
    Require.nonNull(sha256, "sha256");
    Require.argument(
        sha256.matches("[0-9a-f]{64}"), "sha256", "64 lowercase hexadecimal digits", sha256);
    dataHashes.put(path, sha256);
    return this;
  }

  /**
   * @param schema the input's fields
   * @return this
   */
  public VersionRegistration inputSchema(ModelSchema schema) {
    this.inputSchema = Require.nonNull(schema, "schema");
    return this;
  }

  /**
   * @param schema the output's fields
   * @return this
   */
  public VersionRegistration outputSchema(ModelSchema schema) {
    this.outputSchema = Require.nonNull(schema, "schema");
    return this;
  }

  /**
   * @param key a metric key (the store's name rules)
   * @param value a finite value
   * @return this
   */
  public VersionRegistration metric(String key, double value) {
    Names.validateKey("metric key", key);
    metrics.put(key, Require.finite(value, "value"));
    return this;
  }

  /**
   * @param key a tag key (the store's name rules)
   * @param value the value
   * @return this
   */
  public VersionRegistration tag(String key, String value) {
    Names.validateKey("tag key", key);
    tags.put(key, Require.nonNull(value, "value"));
    return this;
  }

  /**
   * @param description the version's description
   * @return this
   */
  public VersionRegistration description(String description) {
    this.description = Require.nonNull(description, "description");
    return this;
  }

  /**
   * @param user who registers it (default: the registry's user)
   * @return this
   */
  public VersionRegistration user(String user) {
    this.user = Require.nonBlank(user, "user");
    return this;
  }

  /**
   * Writes the version: the files into the model's content-addressed store (read once, hashed while
   * copied), then the version folder, built under a temporary name and renamed to {@code
   * version-<n>} under the model's lock, then the audit line. Registers the model first when it is
   * not registered yet.
   *
   * @return the new version
   * @throws MlopsException if the store cannot be written
   * @throws RegistryConflictException if the model's lock stays held by another writer
   */
  public ModelVersion register() {
    return registry.registerVersion(name, this);
  }
}
