package org.mlops4j.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.registry.internal.GateEvaluator;
import org.mlops4j.registry.internal.MetaYaml;
import org.mlops4j.registry.internal.ModelLock;
import org.mlops4j.registry.internal.ObjectStore;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * The model registry, in the tracking store's root folder ({@code mlruns/}) in MLflow's registry
 * FileStore layout, so that MLflow's own registry reader lists the models, versions, aliases and
 * stages written here, and this registry reads those MLflow wrote.
 *
 * <h2>Files</h2>
 *
 * <pre>
 * mlruns/models/&lt;name&gt;/meta.yaml             MLflow: name, description, timestamps, aliases
 *                       tags/&lt;key&gt;             MLflow: the value, as is
 *                       aliases/&lt;alias&gt;         MLflow: the version number, no newline
 *                       version-&lt;n&gt;/meta.yaml   MLflow: stage, run_id, source, user_id, ...
 *                       version-&lt;n&gt;/tags/&lt;key&gt;
 *                       version-&lt;n&gt;/mlops4j.json         ours: artifact hashes, metrics, schemas,
 *                                                       pipeline lock hash, data hashes
 *                       version-&lt;n&gt;/mlops4j-pipeline.lock  ours: the pipeline lock's text
 *                       version-&lt;n&gt;/artifacts/&lt;path&gt;   ours: the files (hard links to objects),
 *                                                       registered or attached later ({@link #attach})
 *                       mlops4j-objects/sha256/ab/cdef...  ours: content-addressed files
 *                       mlops4j-audit.jsonl               ours: append-only audit log
 *                       .mlops4j.lock                     ours: the model's lock
 * </pre>
 *
 * MLflow's reader reads only {@code meta.yaml}, {@code tags/}, {@code aliases/} and folders named
 * {@code version-*} of a model; the files of our own beside them are ignored (checked with MLflow
 * 2.17 and 3.11 by {@code scripts/mlflow/check-registry.sh}). A version's {@code source} and {@code
 * storage_location} are the {@code file:} URI of its {@code artifacts/} folder. The {@code
 * meta.yaml} files are written as MLflow 2.17 writes them (PyYAML's layout, keys sorted).
 *
 * <h2>Names</h2>
 *
 * A model name follows the store's name rules ({@code api.internal.Names}: MLflow's key pattern, no
 * invisible characters, NFC, no Windows device name) and, as in MLflow's registry, has no {@code
 * /}; an alias matches MLflow's {@code ^[\w\-]*$}, at most 255 characters, is not {@code latest}
 * (any case) and not {@code v<digits>}.
 *
 * <h2>Writes, locks, crashes</h2>
 *
 * Every file is written atomically ({@code AtomicFiles}: temporary file, then rename), never inside
 * {@code tags/} or {@code aliases/}, which MLflow lists. A new model is built in a staging folder
 * at the store's root and renamed to {@code models/<name>}; a new version is built in a hidden
 * folder of the model and renamed to {@code version-<n>}: a killed process leaves no half-made
 * model or version, only temporaries that the next registry opened for writing removes (once their
 * process is gone). Changes to one model hold its lock ({@code models/<name>/.mlops4j.lock}: an
 * operating-system file lock plus a lock within the JVM; the holder writes its pid, host and
 * operation into the file). Registrations, tags, aliases and transitions wait up to the lock wait
 * (default 10 s); a promotion does not wait: when another writer holds the model, it fails at once
 * with a {@link RegistryConflictException} naming the holder, so that of two promotions at once one
 * wins and the other is told. Stale-lock rule: the operating system releases the lock of a process
 * that dies, even by {@code kill -9}; the text it leaves is overwritten by the next holder.
 *
 * <h2>Promotion</h2>
 *
 * {@link #promoteToStage} and {@link #promoteToAlias} evaluate the declared {@link PromotionGates}
 * on the candidate, the version now at the target (the one in that stage, or behind that alias) and
 * the {@link PromotionEvidence}; the target moves only when every gate passes. Every attempt,
 * passed or refused, is a line of the audit log with every gate's result.
 *
 * @since 0.1.0
 */
public final class ModelRegistry {

  /** The registry's folder under the store's root, as MLflow's. */
  public static final String MODELS = "models";

  /** The audit log's file name in a model's folder. */
  public static final String AUDIT_FILE = "mlops4j-audit.jsonl";

  /** A version's file of what MLflow has no field for. */
  public static final String VERSION_FILE = "mlops4j.json";

  /** The {@code format} of {@link #VERSION_FILE}. */
  public static final String VERSION_FORMAT = "mlops4j.model-version";

  static final String OBJECTS = "mlops4j-objects";
  static final String ARTIFACTS = "artifacts";
  static final String PIPELINE_LOCK = "mlops4j-pipeline.lock";
  static final String LOCK = ".mlops4j.lock";
  private static final Pattern VERSION_DIR = Pattern.compile("version-([1-9][0-9]{0,8})");
  private static final Pattern ALIAS =
      Pattern.compile("^[\\w\\-]*$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern VERSION_ALIAS = Pattern.compile("^[vV]\\d+$");

  private final Path root;
  private final Path models;
  private final String user;
  private final Clock clock;
  private final Duration lockWait;
  private final boolean readOnly;
  private final @Nullable GitTagRegistry gitTags;

  private ModelRegistry(Builder b) {
    this.root = b.root.toAbsolutePath().normalize();
    this.models = root.resolve(MODELS);
    this.user = b.user;
    this.clock = b.clock;
    this.lockWait = b.lockWait;
    this.readOnly = b.readOnly;
    this.gitTags = b.gitTags;
    if (!readOnly) {
      try {
        Files.createDirectories(models);
        AtomicFiles.removeStaleTemporaries(models, 4);
        AtomicFiles.removeStaleTemporaries(root, 0);
      } catch (IOException e) {
        throw new MlopsException(models + ": cannot open the registry: " + e.getMessage(), e);
      }
      for (String name : modelNames()) {
        recoverAudit(name);
      }
    }
  }

  /**
   * Appends a {@code register_version} line, outcome {@code recovered}, for each version that has
   * none: the registering process died after renaming the version into place and before appending
   * its line (the version's own {@code mlops4j.json} still says who registered it and when).
   */
  private void recoverAudit(String name) {
    if (missingRegistrations(name).isEmpty() && missingAttachments(name).isEmpty()) {
      return;
    }
    ModelLock lock;
    try {
      lock =
          ModelLock.acquire(
              models.resolve(name).resolve(LOCK), "recover the audit log", Duration.ZERO);
    } catch (RegistryConflictException e) {
      return; // a live writer holds the model: it is writing that line now
    }
    try (lock) {
      for (int n : missingRegistrations(name)) {
        ModelVersion v = version(name, n);
        appendAudit(
            name,
            v.createdAt(),
            v.user(),
            "register_version",
            n,
            "",
            ModelStage.NONE.key(),
            "audit line recovered: the registering process stopped before writing it",
            "recovered",
            List.of());
      }
      for (AuditEntry a : missingAttachments(name)) {
        appendAudit(
            name,
            a.time(),
            a.user(),
            a.action(),
            a.version(),
            a.from(),
            a.to(),
            a.reason(),
            a.outcome(),
            List.of());
      }
    }
  }

  /**
   * The audit lines of attachments that a version's {@code mlops4j.json} records and the audit log
   * lacks (the attaching process died between replacing the file and appending its line), as they
   * are appended, outcome {@code recovered}.
   */
  private List<AuditEntry> missingAttachments(String name) {
    java.util.Set<String> logged = new java.util.HashSet<>();
    for (AuditEntry e : audit(name)) {
      if (e.action().equals("attach_artifact")) {
        logged.add(e.version() + " " + e.to());
      }
    }
    List<AuditEntry> missing = new ArrayList<>();
    for (int n : versionNumbers(models.resolve(name))) {
      Path json = models.resolve(name).resolve("version-" + n).resolve(VERSION_FILE);
      if (!Files.isRegularFile(json)) {
        continue;
      }
      String text = AtomicFiles.read(json);
      if (!text.contains("\"attachedAt\"")) {
        continue;
      }
      ObjectNode doc = Json.readDocument(text, VERSION_FORMAT, 1, json.toString());
      for (JsonNode a : doc.path("artifacts")) {
        if (!a.hasNonNull("attachedAt")) {
          continue;
        }
        String to = a.path("path").asText() + " sha256:" + a.path("sha256").asText();
        if (!logged.contains(n + " " + to)) {
          try {
            missing.add(
                new AuditEntry(
                    Instant.parse(a.path("attachedAt").asText()),
                    a.path("attachedBy").asText(""),
                    "attach_artifact",
                    n,
                    "",
                    to,
                    a.path("reason").asText(""),
                    "recovered",
                    List.of()));
          } catch (RuntimeException e) {
            throw new MlopsException(
                json + ": not a valid attachment record: " + e.getMessage(), e);
          }
        }
      }
    }
    return missing;
  }

  private List<Integer> missingRegistrations(String name) {
    java.util.Set<Integer> logged = new java.util.HashSet<>();
    for (AuditEntry e : audit(name)) {
      if (e.action().equals("register_version")) {
        logged.add(e.version());
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int n : versionNumbers(models.resolve(name))) {
      if (!logged.contains(n)
          && Files.isRegularFile(
              models.resolve(name).resolve("version-" + n).resolve(VERSION_FILE))) {
        missing.add(n);
      }
    }
    return missing;
  }

  /**
   * Opens the registry of the store at {@code root} (the tracking store's {@code mlruns}) for
   * reading and writing; creates {@code models/} and removes the temporaries of dead processes.
   *
   * @param root the store's root folder
   * @return the registry
   * @throws MlopsException if the folder cannot be created
   */
  public static ModelRegistry open(Path root) {
    return builder().root(root).build();
  }

  /**
   * Opens the registry of the store at {@code root} for reading only: nothing is written or removed
   * (for stores written by MLflow, shared fixtures, a CI job's checks).
   *
   * @param root the store's root folder
   * @return the registry
   */
  public static ModelRegistry openReadOnly(Path root) {
    return builder().root(root).readOnly().build();
  }

  /**
   * @return a builder: root {@code mlruns}, user the {@code user.name} system property, the system
   *     clock (UTC), lock wait 10 s
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the store's root folder
   */
  public Path root() {
    return root;
  }

  // ---------------------------------------------------------------- models

  /**
   * Registers a model.
   *
   * @param name the model's name (the store's name rules, no {@code /})
   * @param description its description ("" for none)
   * @param tags its tags
   * @return the model
   * @throws IllegalArgumentException if the name or a tag key is not valid
   * @throws IllegalStateException if the model is registered already
   */
  public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
    checkWritable();
    validateModelName(name);
    Require.nonNull(description, "description");
    Require.nonNull(tags, "tags");
    tags.forEach(
        (k, v) -> {
          Names.validateKey("tag key", k);
          Require.nonNull(v, "tags[" + k + "]");
        });
    try (ModelLock lock =
        ModelLock.acquire(models.resolve(LOCK), "register model " + name, lockWait)) {
      Require.state(
          !Files.exists(models.resolve(name), LinkOption.NOFOLLOW_LINKS),
          "model '"
              + name
              + "' is registered already; use newVersion(\""
              + name
              + "\") to add a version");
      createModelLocked(name, description, tags, user);
    }
    return model(name);
  }

  /**
   * Registers a model without description or tags.
   *
   * @param name the model's name
   * @return the model
   * @throws IllegalArgumentException if the name is not valid
   * @throws IllegalStateException if the model is registered already
   */
  public RegisteredModel createModel(String name) {
    return createModel(name, "", Map.of());
  }

  private void createModelLocked(
      String name, String description, Map<String, String> tags, String who) {
    Path staging = root.resolve(AtomicFiles.stagingName());
    Instant now = clock.instant();
    try {
      Files.createDirectories(staging);
      write(
          staging.resolve("meta.yaml"), modelMeta(name, description, now, now, Map.of()), staging);
      for (Map.Entry<String, String> t : tags.entrySet()) {
        write(staging.resolve("tags").resolve(t.getKey()), t.getValue(), staging);
      }
      write(
          staging.resolve(AUDIT_FILE),
          auditLine(now, who, "register_model", 0, "", name, description, "done", List.of()),
          staging);
      Files.move(staging, models.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MlopsException(
          models.resolve(name) + ": cannot register the model: " + e.getMessage(), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  /**
   * @param name a model's name
   * @return the model
   * @throws IllegalArgumentException if no such model is registered (naming the known ones)
   */
  public RegisteredModel model(String name) {
    Path dir = modelDir(name);
    Map<String, @Nullable Object> meta = readMeta(dir.resolve("meta.yaml"));
    Map<String, Integer> aliases = readAliases(dir);
    return new RegisteredModel(
        text(meta.get("name"), name),
        text(meta.get("description"), ""),
        readTags(dir.resolve("tags")),
        aliases,
        millis(meta.get("creation_timestamp")),
        millis(meta.get("last_updated_timestamp")));
  }

  /**
   * @param name a model's name
   * @return the model, or empty if it is not registered
   * @throws IllegalArgumentException if the name is not valid
   */
  public Optional<RegisteredModel> findModel(String name) {
    validateModelName(name);
    return Files.isRegularFile(models.resolve(name).resolve("meta.yaml"))
        ? Optional.of(model(name))
        : Optional.empty();
  }

  /**
   * @return the registered models, by name
   */
  public List<RegisteredModel> models() {
    List<RegisteredModel> out = new ArrayList<>();
    for (String n : modelNames()) {
      out.add(model(n));
    }
    return out;
  }

  private List<String> modelNames() {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(models)) {
      return names;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(models)) {
      for (Path p : ds) {
        String n = String.valueOf(p.getFileName());
        if (!n.startsWith(".")
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            && Files.isRegularFile(p.resolve("meta.yaml"))) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      throw new MlopsException(models + ": cannot list: " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  /**
   * Sets a tag of a model.
   *
   * @param name the model's name
   * @param key the tag's key
   * @param value the value
   * @throws IllegalArgumentException if the model is unknown or the key is not valid
   */
  public void setModelTag(String name, String key, String value) {
    checkWritable();
    Path dir = modelDir(name);
    Names.validateKey("tag key", key);
    Require.nonNull(value, "value");
    try (ModelLock lock = lock(name, "set tag " + key)) {
      write(dir.resolve("tags").resolve(key), value, dir);
      touchModel(name);
    }
  }

  // ---------------------------------------------------------------- versions

  /**
   * Starts the registration of a new version; {@link VersionRegistration#register()} writes it (and
   * registers the model first when it is new).
   *
   * @param name the model's name
   * @return the registration
   * @throws IllegalArgumentException if the name is not valid
   */
  public VersionRegistration newVersion(String name) {
    checkWritable();
    validateModelName(name);
    return new VersionRegistration(this, name);
  }

  ModelVersion registerVersion(String name, VersionRegistration r) {
    checkWritable();
    String who = r.user != null ? r.user : user;
    if (!Files.isRegularFile(models.resolve(name).resolve("meta.yaml"))) {
      try (ModelLock lock =
          ModelLock.acquire(models.resolve(LOCK), "register model " + name, lockWait)) {
        if (!Files.exists(models.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
          createModelLocked(name, "", Map.of(), who);
        }
      }
    }
    Path dir = models.resolve(name);
    ObjectStore objects = new ObjectStore(dir.resolve(OBJECTS));
    List<ArtifactFile> files = new ArrayList<>();
    Map<String, Path> stored = new TreeMap<>();
    for (Map.Entry<String, Path> a : r.artifacts.entrySet()) {
      try {
        ObjectStore.Stored s = objects.put(a.getValue());
        files.add(new ArtifactFile(a.getKey(), s.sha256(), s.size()));
        stored.put(a.getKey(), s.path());
      } catch (IOException e) {
        throw new MlopsException(
            a.getValue().toAbsolutePath()
                + ": cannot store the artifact '"
                + a.getKey()
                + "': "
                + e.getMessage(),
            e);
      }
    }
    String lockSha =
        r.pipelineLock.isEmpty()
            ? ""
            : ObjectStore.hash(r.pipelineLock.getBytes(StandardCharsets.UTF_8));
    int n;
    try (ModelLock lock = lock(name, "register a version")) {
      n = latestVersionNumber(dir) + 1;
      Path target = dir.resolve("version-" + n);
      Path staging = dir.resolve(AtomicFiles.temporaryName("version-" + n));
      Instant now = clock.instant();
      String source = target.resolve(ARTIFACTS).toUri().toString();
      try {
        Files.createDirectories(staging);
        for (Map.Entry<String, Path> s : stored.entrySet()) {
          AtomicFiles.linkOrCopy(
              s.getValue(), staging.resolve(ARTIFACTS).resolve(s.getKey()), true);
        }
        Map<String, @Nullable Object> meta =
            versionMeta(name, n, ModelStage.NONE, r.description, r.runId, source, who, now, now);
        write(staging.resolve("meta.yaml"), MetaYaml.emit(meta, null, List.of()), staging);
        for (Map.Entry<String, String> t : r.tags.entrySet()) {
          write(staging.resolve("tags").resolve(t.getKey()), t.getValue(), staging);
        }
        if (!r.pipelineLock.isEmpty()) {
          write(staging.resolve(PIPELINE_LOCK), r.pipelineLock, staging);
        }
        write(
            staging.resolve(VERSION_FILE),
            versionJson(
                now,
                r.runId,
                who,
                files,
                r.metrics,
                r.inputSchema,
                r.outputSchema,
                lockSha,
                r.dataHashes),
            staging);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new MlopsException(target + ": cannot register the version: " + e.getMessage(), e);
      } finally {
        deleteQuietly(staging);
      }
      touchModel(name);
      appendAudit(
          name,
          now,
          who,
          "register_version",
          n,
          "",
          ModelStage.NONE.key(),
          r.description,
          "done",
          List.of());
    }
    if (gitTags != null) {
      gitTags.register(name, n);
    }
    return version(name, n);
  }

  /**
   * @param name a model's name
   * @return its versions, by number (MLflow's deleted versions left out)
   * @throws IllegalArgumentException if the model is unknown
   */
  public List<ModelVersion> versions(String name) {
    Path dir = modelDir(name);
    List<ModelVersion> out = new ArrayList<>();
    Map<String, Integer> aliases = readAliases(dir);
    for (int n : versionNumbers(dir)) {
      ModelVersion v = readVersion(name, dir, n, aliases);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * @param name a model's name
   * @param version a version number
   * @return the version
   * @throws IllegalArgumentException if the model or the version is unknown
   */
  public ModelVersion version(String name, int version) {
    Path dir = modelDir(name);
    ModelVersion v =
        Files.isDirectory(dir.resolve("version-" + version))
            ? readVersion(name, dir, version, readAliases(dir))
            : null;
    if (v == null) {
      throw new IllegalArgumentException(
          Require.mustBe(
              "version",
              "a version of model '" + name + "' (" + versionNumbers(dir) + ")",
              version));
    }
    return v;
  }

  /**
   * Resolves a version by number ({@code "3"}), by alias ({@code "champion"}) or {@code "latest"}
   * (the highest number).
   *
   * @param name a model's name
   * @param aliasOrVersion a version number, an alias or {@code latest}
   * @return the version
   * @throws IllegalArgumentException if the model, version or alias is unknown
   */
  public ModelVersion version(String name, String aliasOrVersion) {
    Require.nonNull(aliasOrVersion, "aliasOrVersion");
    if (aliasOrVersion.matches("[1-9][0-9]{0,8}")) {
      return version(name, Integer.parseInt(aliasOrVersion));
    }
    if (aliasOrVersion.equalsIgnoreCase("latest")) {
      List<ModelVersion> all = versions(name);
      Require.argument(!all.isEmpty(), "name", "a model with versions", "'" + name + "' (none)");
      return all.get(all.size() - 1);
    }
    return versionByAlias(name, aliasOrVersion);
  }

  /**
   * @param name a model's name
   * @param alias an alias
   * @return the version it points at
   * @throws IllegalArgumentException if the model or the alias is unknown (naming the known ones)
   */
  public ModelVersion versionByAlias(String name, String alias) {
    Path dir = modelDir(name);
    Require.nonNull(alias, "alias");
    Path file = dir.resolve("aliases").resolve(alias);
    if (!alias.isEmpty()
        && ALIAS.matcher(alias).matches()
        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      String v = AtomicFiles.read(file);
      try {
        return version(name, Integer.parseInt(v));
      } catch (NumberFormatException e) {
        throw new MlopsException(
            file + ": an alias file must hold a version number, but holds '" + v + "'", e);
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe(
            "alias",
            "an alias of model '" + name + "' " + readAliases(dir).keySet(),
            "'" + Names.printable(alias) + "'"));
  }

  /**
   * @param name a model's name
   * @param stage a stage
   * @return the highest-numbered version in that stage, if any (MLflow's {@code
   *     get_latest_versions})
   * @throws IllegalArgumentException if the model is unknown
   */
  public Optional<ModelVersion> versionInStage(String name, ModelStage stage) {
    Require.nonNull(stage, "stage");
    ModelVersion found = null;
    for (ModelVersion v : versions(name)) {
      if (v.stage() == stage) {
        found = v;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * @param name a model's name
   * @param key a tag key
   * @param value the tag's value
   * @return the versions with that tag value, by number
   */
  public List<ModelVersion> versionsWithTag(String name, String key, String value) {
    Require.nonNull(key, "key");
    Require.nonNull(value, "value");
    List<ModelVersion> out = new ArrayList<>();
    for (ModelVersion v : versions(name)) {
      if (value.equals(v.tags().get(key))) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Sets a tag of a version.
   *
   * @param name the model's name
   * @param version the version
   * @param key the tag's key
   * @param value the value
   */
  public void setVersionTag(String name, int version, String key, String value) {
    checkWritable();
    version(name, version);
    Names.validateKey("tag key", key);
    Require.nonNull(value, "value");
    Path vdir = modelDir(name).resolve("version-" + version);
    try (ModelLock lock = lock(name, "set tag " + key + " of version " + version)) {
      write(vdir.resolve("tags").resolve(key), value, vdir);
      touchModel(name);
    }
  }

  /**
   * Attaches a file to an existing version (a model card, an evaluation report written after the
   * registration). The bytes are stored by SHA-256 as the registered artifacts are (one object per
   * content, hard-linked into {@code version-<n>/artifacts/<path>}), the hash and size are added to
   * the version's {@value #VERSION_FILE}, and an audit line {@code attach_artifact} says who, when,
   * what (the path and {@code sha256:<hex>}) and why. {@link #load} and {@link #verify} then check
   * the file like the others.
   *
   * <p>The version's record of the file also holds {@code attachedAt}, {@code attachedBy} and
   * {@code reason}: when the process dies after replacing the record and before appending the audit
   * line, the next registry opened for writing appends it (outcome {@code recovered}).
   *
   * <p>An attached path is never replaced: attaching the same bytes again changes nothing (no audit
   * line), other bytes are refused. MLflow's files ({@code meta.yaml}, {@code tags/}, {@code
   * aliases/}) are not touched. Holds the model's lock. Order of writes: the object, a link under a
   * temporary name in the version's folder, the rename to its path, then the version's {@value
   * #VERSION_FILE} replaced atomically last: a killed process leaves the version as it was (at most
   * a file under {@code artifacts/} that no record names, replaced by the next attach of that path)
   * or with the attachment complete.
   *
   * @param name the model's name
   * @param version the version
   * @param path the relative path in the version, {@code /} separated, e.g. {@code
   *     card/model_card.json}
   * @param file a regular file
   * @param reason why, for the audit log ("" for none)
   * @return the version, with the attached file among its artifacts
   * @throws IllegalArgumentException if the model or version is unknown, the path leaves the
   *     version or breaks the store's name rules, is a folder of an artifact or lies inside one, or
   *     the file is not a regular file
   * @throws IllegalStateException if the path is an artifact of the version with other bytes
   *     (naming the path and both hashes), or the version was not registered by mlops4j (no {@value
   *     #VERSION_FILE})
   * @throws MlopsException if the file cannot be read or the version written
   * @since 0.1.0
   */
  public ModelVersion attach(String name, int version, String path, Path file, String reason) {
    checkWritable();
    Names.validateKey("artifact path", path);
    Require.argument(
        Names.isNormalisedRelativePath(path),
        "artifact path",
        "a relative path inside the version (no leading '/', no '.' or '..' segment)",
        "'" + Names.printable(path) + "'");
    Require.nonNull(file, "file");
    Require.argument(
        Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS),
        "file",
        "a regular file (not a link or folder)",
        file);
    Require.nonNull(reason, "reason");
    version(name, version);
    Path dir = modelDir(name);
    Path vdir = dir.resolve("version-" + version);
    Path json = vdir.resolve(VERSION_FILE);
    ObjectStore.Stored stored;
    try {
      stored = new ObjectStore(dir.resolve(OBJECTS)).put(file);
    } catch (IOException e) {
      throw new MlopsException(
          file.toAbsolutePath() + ": cannot store the artifact '" + path + "': " + e.getMessage(),
          e);
    }
    try (ModelLock lock = lock(name, "attach " + path + " to version " + version)) {
      ModelVersion v = version(name, version);
      Require.state(
          Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS),
          "version "
              + version
              + " of model '"
              + name
              + "' was not registered by mlops4j (no "
              + VERSION_FILE
              + "; source "
              + v.source()
              + "): register its files as a new version, then attach to that");
      for (ArtifactFile a : v.artifacts()) {
        if (a.path().equals(path)) {
          if (a.sha256().equals(stored.sha256())) {
            return v;
          }
          throw new IllegalStateException(
              "artifact '"
                  + path
                  + "' of "
                  + name
                  + " v"
                  + version
                  + " exists with sha256 "
                  + a.sha256()
                  + ", the new file has sha256 "
                  + stored.sha256()
                  + ": an artifact is never replaced; attach it under another path or register a"
                  + " new version");
        }
        Require.argument(
            !a.path().startsWith(path + "/") && !path.startsWith(a.path() + "/"),
            "artifact path",
            "neither a folder of an artifact nor inside one ('" + a.path() + "')",
            "'" + path + "'");
      }
      Path artifacts = vdir.resolve(ARTIFACTS);
      Path target = artifacts.resolve(path).normalize();
      Require.argument(
          target.startsWith(artifacts),
          "artifact path",
          "a relative path inside the version",
          "'" + Names.printable(path) + "'");
      Instant now = clock.instant();
      Path tmp = vdir.resolve(AtomicFiles.temporaryName("attach"));
      try {
        ObjectNode doc =
            Json.readDocument(AtomicFiles.read(json), VERSION_FORMAT, 1, json.toString());
        ArrayNode arts =
            doc.get("artifacts") instanceof ArrayNode a ? a : doc.putArray("artifacts");
        int at = 0;
        while (at < arts.size() && arts.get(at).path("path").asText().compareTo(path) < 0) {
          at++;
        }
        arts.insert(
            at,
            doc.objectNode()
                .put("path", path)
                .put("sha256", stored.sha256())
                .put("size", stored.size())
                .put("attachedAt", now.toString())
                .put("attachedBy", user)
                .put("reason", reason));
        String text = Json.write(doc) + "\n";
        AtomicFiles.linkOrCopy(stored.path(), tmp, true);
        Files.createDirectories(target.getParent());
        AtomicFiles.moveAtomically(tmp, target);
        write(json, text, vdir);
      } catch (IOException e) {
        throw new MlopsException(
            target + ": cannot attach the artifact '" + path + "': " + e.getMessage(), e);
      } finally {
        deleteQuietly(tmp);
      }
      appendAudit(
          name,
          now,
          user,
          "attach_artifact",
          version,
          "",
          path + " sha256:" + stored.sha256(),
          reason,
          "done",
          List.of());
    }
    return version(name, version);
  }

  // ---------------------------------------------------------------- aliases and stages

  /**
   * Points an alias at a version, replacing where it pointed (one atomic rename of the alias file).
   *
   * @param name the model's name
   * @param alias the alias (MLflow's alias rules)
   * @param version the version
   * @param reason why, for the audit log
   * @return the version
   * @throws IllegalArgumentException if the model, version or alias name is not valid
   */
  public ModelVersion setAlias(String name, String alias, int version, String reason) {
    checkWritable();
    validateAlias(alias);
    Require.nonNull(reason, "reason");
    version(name, version);
    try (ModelLock lock = lock(name, "set alias " + alias)) {
      Integer before = readAliases(modelDir(name)).get(alias);
      moveAlias(name, alias, version);
      appendAudit(
          name,
          clock.instant(),
          user,
          "set_alias",
          version,
          before == null ? "" : alias + "=" + before,
          alias + "=" + version,
          reason,
          "done",
          List.of());
    }
    return version(name, version);
  }

  /**
   * Removes an alias.
   *
   * @param name the model's name
   * @param alias the alias
   * @param reason why, for the audit log
   * @throws IllegalArgumentException if the model or the alias is unknown
   */
  public void deleteAlias(String name, String alias, String reason) {
    checkWritable();
    Require.nonNull(reason, "reason");
    ModelVersion v = versionByAlias(name, alias);
    try (ModelLock lock = lock(name, "delete alias " + alias)) {
      Path dir = modelDir(name);
      try {
        Files.deleteIfExists(dir.resolve("aliases").resolve(alias));
      } catch (IOException e) {
        throw new MlopsException(
            dir.resolve("aliases").resolve(alias) + ": cannot delete: " + e.getMessage(), e);
      }
      rewriteMetas(name);
      appendAudit(
          name,
          clock.instant(),
          user,
          "delete_alias",
          v.version(),
          alias + "=" + v.version(),
          "",
          reason,
          "done",
          List.of());
    }
  }

  /**
   * Moves a version to a stage. At most one version is in Production: moving a second one there is
   * refused unless {@code archiveExisting} (then the current one is Archived first, as MLflow's
   * {@code archive_existing_versions}).
   *
   * @param name the model's name
   * @param version the version
   * @param stage the new stage
   * @param archiveExisting whether to archive the versions now in that stage (Staging or Production
   *     only)
   * @param reason why, for the audit log
   * @return the version
   * @throws IllegalArgumentException if the model or version is unknown
   * @throws IllegalStateException if another version is in Production and archiveExisting is false
   */
  public ModelVersion transition(
      String name, int version, ModelStage stage, boolean archiveExisting, String reason) {
    checkWritable();
    Require.nonNull(stage, "stage");
    Require.nonNull(reason, "reason");
    Require.argument(
        !archiveExisting || stage == ModelStage.STAGING || stage == ModelStage.PRODUCTION,
        "stage",
        "Staging or Production when archiveExisting is true",
        stage);
    version(name, version);
    try (ModelLock lock = lock(name, "move version " + version + " to " + stage)) {
      transitionLocked(
          name, version, stage, archiveExisting, reason, "transition_stage", "done", List.of());
    }
    return version(name, version);
  }

  private void transitionLocked(
      String name,
      int version,
      ModelStage stage,
      boolean archiveExisting,
      String reason,
      String action,
      String outcome,
      List<GateResult> gates) {
    ModelVersion v = version(name, version);
    List<ModelVersion> others = new ArrayList<>();
    for (ModelVersion o : versions(name)) {
      if (o.version() != version && o.stage() == stage) {
        others.add(o);
      }
    }
    if (stage == ModelStage.PRODUCTION && !others.isEmpty() && !archiveExisting) {
      throw new IllegalStateException(
          "version "
              + others.get(0).version()
              + " of model '"
              + name
              + "' is in Production; at most one"
              + " version is: archive it first (transition(\""
              + name
              + "\", "
              + others.get(0).version()
              + ", ARCHIVED, ...)) or pass archiveExisting = true");
    }
    Instant now = clock.instant();
    if (archiveExisting) {
      for (ModelVersion o : others) {
        writeStage(name, o, ModelStage.ARCHIVED, now);
        appendAudit(
            name,
            now,
            user,
            "transition_stage",
            o.version(),
            o.stage().key(),
            ModelStage.ARCHIVED.key(),
            "archived: version " + version + " moves to " + stage,
            "done",
            List.of());
      }
    }
    writeStage(name, v, stage, now);
    touchModel(name);
    if (gitTags != null && stage != ModelStage.NONE) {
      for (ModelVersion o : archiveExisting ? others : List.<ModelVersion>of()) {
        gitTags.assign(name, o.version(), ModelStage.ARCHIVED);
      }
      gitTags.assign(name, version, stage);
    }
    appendAudit(
        name, now, user, action, version, v.stage().key(), stage.key(), reason, outcome, gates);
  }

  // ---------------------------------------------------------------- promotion

  /**
   * Runs the gates and, when all pass, moves the version to the stage (archiving the version now in
   * that stage, which the promotion replaces). Does not wait for the model's lock: another writer
   * holding it is a {@link RegistryConflictException}. The attempt is audited whatever its outcome.
   *
   * @param name the model's name
   * @param version the candidate version
   * @param stage the target stage (Staging or Production)
   * @param gates the gates
   * @param evidence what the gates are judged on
   * @param reason why, for the audit log
   * @return the result with every gate's outcome; {@link PromotionResult#orThrow()} to throw on
   *     refusal
   * @throws IllegalArgumentException if the model or version is unknown
   * @throws RegistryConflictException if another writer holds the model
   */
  public PromotionResult promoteToStage(
      String name,
      int version,
      ModelStage stage,
      PromotionGates gates,
      PromotionEvidence evidence,
      String reason) {
    checkWritable();
    Require.nonNull(stage, "stage");
    Require.argument(
        stage == ModelStage.STAGING || stage == ModelStage.PRODUCTION,
        "stage",
        "Staging or Production",
        stage);
    Require.nonNull(gates, "gates");
    Require.nonNull(evidence, "evidence");
    Require.nonNull(reason, "reason");
    ModelVersion candidate = version(name, version);
    try (ModelLock lock =
        ModelLock.acquire(
            modelDir(name).resolve(LOCK),
            "promote version " + version + " to " + stage,
            Duration.ZERO)) {
      candidate = version(name, version);
      ModelVersion current =
          versionInStage(name, stage).filter(v -> v.version() != version).orElse(null);
      List<GateResult> results =
          GateEvaluator.evaluate(gates.gates(), candidate, current, evidence);
      boolean passed = results.stream().allMatch(GateResult::passed);
      Instant now = clock.instant();
      PromotionResult result =
          new PromotionResult(
              name,
              version,
              "stage " + stage.key(),
              current == null ? 0 : current.version(),
              passed,
              results,
              user,
              now,
              reason);
      if (passed) {
        transitionLocked(name, version, stage, true, reason, "promote", "passed", results);
      } else {
        appendAudit(
            name,
            now,
            user,
            "promote",
            version,
            candidate.stage().key(),
            stage.key(),
            reason,
            "refused",
            results);
      }
      return result;
    }
  }

  /**
   * Runs the gates and, when all pass, points the alias at the version. Does not wait for the
   * model's lock (see {@link #promoteToStage}). The attempt is audited whatever its outcome.
   *
   * @param name the model's name
   * @param version the candidate version
   * @param alias the target alias, e.g. {@code champion}
   * @param gates the gates
   * @param evidence what the gates are judged on (the current version is the alias's)
   * @param reason why, for the audit log
   * @return the result with every gate's outcome
   * @throws IllegalArgumentException if the model, version or alias name is not valid
   * @throws RegistryConflictException if another writer holds the model
   */
  public PromotionResult promoteToAlias(
      String name,
      int version,
      String alias,
      PromotionGates gates,
      PromotionEvidence evidence,
      String reason) {
    checkWritable();
    validateAlias(alias);
    Require.nonNull(gates, "gates");
    Require.nonNull(evidence, "evidence");
    Require.nonNull(reason, "reason");
    version(name, version);
    try (ModelLock lock =
        ModelLock.acquire(
            modelDir(name).resolve(LOCK),
            "promote version " + version + " to alias " + alias,
            Duration.ZERO)) {
      ModelVersion candidate = version(name, version);
      Integer at = readAliases(modelDir(name)).get(alias);
      ModelVersion current = at == null || at == version ? null : version(name, at);
      List<GateResult> results =
          GateEvaluator.evaluate(gates.gates(), candidate, current, evidence);
      boolean passed = results.stream().allMatch(GateResult::passed);
      Instant now = clock.instant();
      PromotionResult result =
          new PromotionResult(
              name,
              version,
              "alias " + alias,
              current == null ? 0 : current.version(),
              passed,
              results,
              user,
              now,
              reason);
      if (passed) {
        moveAlias(name, alias, version);
      }
      appendAudit(
          name,
          now,
          user,
          "promote",
          version,
          at == null ? "" : alias + "=" + at,
          alias + "=" + version,
          reason,
          passed ? "passed" : "refused",
          results);
      return result;
    }
  }

  // ---------------------------------------------------------------- lineage, audit, load

  /**
   * Where a version came from: its run (params and metrics, from this store's tracking data), the
   * pipeline lock and the data hashes.
   *
   * @param name the model's name
   * @param version the version
   * @return the lineage
   * @throws IllegalArgumentException if the model or version is unknown
   */
  public VersionLineage lineage(String name, int version) {
    ModelVersion v = version(name, version);
    Optional<RunRecord> run = Optional.empty();
    if (v.runId().isPresent()) {
      try (LocalTracker tracker = LocalTracker.openReadOnly(root)) {
        run = tracker.findRun(v.runId().get());
      } catch (MlopsException e) {
        run = Optional.empty();
      }
    }
    Path lockFile = modelDir(name).resolve("version-" + version).resolve(PIPELINE_LOCK);
    String lock = Files.isRegularFile(lockFile) ? AtomicFiles.read(lockFile) : "";
    Map<String, String> data = new TreeMap<>(v.dataHashes());
    if (!lock.isEmpty()) {
      lockInputs(lock, data);
    }
    return new VersionLineage(v, run, lock, data);
  }

  @SuppressWarnings("unchecked")
  private static void lockInputs(String lock, Map<String, String> into) {
    Object doc;
    try {
      doc = MetaYaml.readAny(lock);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("stages") instanceof Map<?, ?> stages)) {
      return;
    }
    for (Object stage : stages.values()) {
      if (stage instanceof Map<?, ?> s && s.get("inputs") instanceof Map<?, ?> inputs) {
        for (Map.Entry<?, ?> in : inputs.entrySet()) {
          if (in.getValue() instanceof Map<?, ?> h && h.get("sha256") instanceof String sha) {
            into.putIfAbsent(String.valueOf(in.getKey()), sha);
          }
        }
      }
    }
  }

  /**
   * @param name a model's name
   * @return its audit log, oldest first
   * @throws IllegalArgumentException if the model is unknown
   * @throws MlopsException if a line is not valid (naming the file and line)
   */
  public List<AuditEntry> audit(String name) {
    Path file = modelDir(name).resolve(AUDIT_FILE);
    List<AuditEntry> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    String[] lines = AtomicFiles.read(file).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        JsonNode n = Json.mapper().readTree(lines[i]);
        List<Map<String, Object>> gates = new ArrayList<>();
        for (JsonNode g : n.path("gates")) {
          gates.add(Json.mapper().convertValue(g, Map.class));
        }
        out.add(
            new AuditEntry(
                Instant.parse(n.path("time").asText()),
                n.path("user").asText(),
                n.path("action").asText(),
                n.path("version").asInt(),
                n.path("from").asText(),
                n.path("to").asText(),
                n.path("reason").asText(),
                n.path("outcome").asText(),
                gates));
      } catch (JsonProcessingException | RuntimeException e) {
        throw new MlopsException(
            file + ": line " + (i + 1) + " is not an audit entry: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Checks every artifact file of a version against its recorded SHA-256.
   *
   * @param name the model's name
   * @param version the version
   * @return the version
   * @throws ArtifactIntegrityException naming the file and both hashes on a mismatch or a missing
   *     file
   */
  public ModelVersion verify(String name, int version) {
    ModelVersion v = version(name, version);
    verifyFiles(v);
    return v;
  }

  private Path verifyFiles(ModelVersion v) {
    Path dir = modelDir(v.name()).resolve("version-" + v.version()).resolve(ARTIFACTS);
    for (ArtifactFile a : v.artifacts()) {
      Path f = artifactPath(dir, a.path());
      String actual;
      try {
        actual =
            Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? ObjectStore.hash(f) : "(missing)";
      } catch (IOException e) {
        actual = "(unreadable: " + e.getMessage() + ")";
      }
      if (!actual.equals(a.sha256())) {
        throw new ArtifactIntegrityException(
            f
                + ": artifact '"
                + a.path()
                + "' of "
                + v.name()
                + " v"
                + v.version()
                + " does not match its registered hash: expected sha256 "
                + a.sha256()
                + ", found "
                + actual
                + "; the version is not loaded");
      }
    }
    return dir;
  }

  private static Path artifactPath(Path dir, String path) {
    if (!Names.isNormalisedRelativePath(path)) {
      throw new ArtifactIntegrityException(
          dir + ": artifact path '" + Names.printable(path) + "' leaves the version's folder");
    }
    Path f = dir.resolve(path).normalize();
    if (!f.startsWith(dir)) {
      throw new ArtifactIntegrityException(
          dir + ": artifact path '" + Names.printable(path) + "' leaves the version's folder");
    }
    return f;
  }

  /**
   * Resolves a version (number, alias or {@code latest}), verifies every artifact's SHA-256 and
   * hands the files to the loader. A version whose bytes do not match is never loaded.
   *
   * @param name the model's name
   * @param aliasOrVersion a version number, an alias or {@code latest}
   * @param loader turns the files into a model
   * @param <T> the model type
   * @return the loader's model
   * @throws IllegalArgumentException if the model, version or alias is unknown
   * @throws ArtifactIntegrityException if a file does not match its hash
   * @throws IllegalStateException if the version has no artifacts registered here (one MLflow
   *     wrote)
   * @throws MlopsException if the loader fails, with its exception as the cause
   */
  public <T> T load(String name, String aliasOrVersion, ModelLoader<T> loader) {
    Require.nonNull(loader, "loader");
    ModelVersion v = version(name, aliasOrVersion);
    Require.state(
        !v.artifacts().isEmpty(),
        "version "
            + v.version()
            + " of model '"
            + name
            + "' has no artifacts registered by mlops4j (source "
            + v.source()
            + "); load it from its source");
    Path dir = verifyFiles(v);
    try {
      return loader.load(dir, v);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new MlopsException("loading " + name + " v" + v.version() + " failed: " + e, e);
    }
  }

  // ---------------------------------------------------------------- tables

  /**
   * @param name a model's name
   * @return a readable table of its versions
   */
  public String versionsTable(String name) {
    TextTable t =
        new TextTable(
            "version",
            "stage",
            "aliases",
            "run",
            "user",
            "created",
            "files",
            "bytes",
            "description");
    for (ModelVersion v : versions(name)) {
      t.row(
          v.version(),
          v.stage(),
          String.join(",", v.aliases()),
          v.runId().orElse(""),
          v.user(),
          v.createdAt(),
          v.artifacts().size(),
          v.totalBytes(),
          v.description());
    }
    return name + "\n" + t;
  }

  /** One row per model: versions, latest, Production version, aliases. */
  @Override
  public String toString() {
    TextTable t =
        new TextTable(
            "model", "versions", "latest", "production", "aliases", "updated", "description");
    for (RegisteredModel m : models()) {
      List<ModelVersion> vs = versions(m.name());
      String prod =
          vs.stream()
              .filter(v -> v.stage() == ModelStage.PRODUCTION)
              .map(v -> "v" + v.version())
              .reduce((a, b) -> b)
              .orElse("-");
      StringBuilder aliases = new StringBuilder();
      m.aliases()
          .forEach(
              (a, n) ->
                  aliases
                      .append(aliases.length() == 0 ? "" : ",")
                      .append(a)
                      .append("=v")
                      .append(n));
      t.row(
          m.name(),
          vs.size(),
          vs.isEmpty() ? "-" : "v" + vs.get(vs.size() - 1).version(),
          prod,
          aliases,
          m.updatedAt(),
          m.description());
    }
    return "ModelRegistry " + models + "\n" + t;
  }

  // ---------------------------------------------------------------- files

  private void checkWritable() {
    Require.state(
        !readOnly,
        "this registry was opened read-only; open it with ModelRegistry.open(root) to change it");
  }

  static void validateModelName(String name) {
    Names.validateKey("name", name);
    Require.argument(
        !name.contains("/"), "name", "a model name without '/'", "'" + Names.printable(name) + "'");
  }

  static void validateAlias(String alias) {
    Require.nonNull(alias, "alias");
    String p = "'" + Names.printable(alias) + "'";
    Require.argument(!alias.isEmpty() && alias.length() <= 255, "alias", "1 to 255 characters", p);
    Require.argument(
        ALIAS.matcher(alias).matches(), "alias", "letters, digits, '_' and '-' only", p);
    Require.argument(
        !alias.equalsIgnoreCase("latest"), "alias", "other than 'latest' (reserved)", p);
    Require.argument(
        !VERSION_ALIAS.matcher(alias).matches(), "alias", "other than v<number> (reserved)", p);
  }

  private Path modelDir(String name) {
    validateModelName(name);
    Path dir = models.resolve(name);
    if (!Files.isRegularFile(dir.resolve("meta.yaml"))) {
      throw new IllegalArgumentException(
          Require.mustBe(
              "name", "a registered model " + modelNames(), "'" + Names.printable(name) + "'"));
    }
    return dir;
  }

  private ModelLock lock(String name, String operation) {
    return ModelLock.acquire(modelDir(name).resolve(LOCK), operation, lockWait);
  }

  private static List<Integer> versionNumbers(Path dir) {
    List<Integer> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "version-*")) {
      for (Path p : ds) {
        java.util.regex.Matcher m = VERSION_DIR.matcher(String.valueOf(p.getFileName()));
        if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new MlopsException(dir + ": cannot list: " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  private static int latestVersionNumber(Path dir) {
    List<Integer> ns = versionNumbers(dir);
    return ns.isEmpty() ? 0 : ns.get(ns.size() - 1);
  }

  private @Nullable ModelVersion readVersion(
      String name, Path dir, int n, Map<String, Integer> aliases) {
    Path vdir = dir.resolve("version-" + n);
    Map<String, @Nullable Object> meta = readMeta(vdir.resolve("meta.yaml"));
    String stageText = text(meta.get("current_stage"), "None");
    if (stageText.equals("Deleted_Internal")) {
      return null;
    }
    ModelStage stage;
    try {
      stage = ModelStage.fromKey(stageText);
    } catch (IllegalArgumentException e) {
      throw new MlopsException(
          vdir.resolve("meta.yaml") + ": unknown current_stage '" + stageText + "'", e);
    }
    List<String> myAliases = new ArrayList<>();
    aliases.forEach(
        (a, v) -> {
          if (v == n) {
            myAliases.add(a);
          }
        });
    List<ArtifactFile> files = new ArrayList<>();
    Map<String, Double> metrics = new TreeMap<>();
    ModelSchema in = ModelSchema.EMPTY;
    ModelSchema out = ModelSchema.EMPTY;
    String lockSha = "";
    Map<String, String> data = new TreeMap<>();
    Path json = vdir.resolve(VERSION_FILE);
    if (Files.isRegularFile(json)) {
      ObjectNode doc =
          Json.readDocument(AtomicFiles.read(json), VERSION_FORMAT, 1, json.toString());
      try {
        for (JsonNode a : doc.path("artifacts")) {
          files.add(
              new ArtifactFile(
                  a.path("path").asText(), a.path("sha256").asText(), a.path("size").asLong()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("metrics").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          metrics.put(e.getKey(), e.getValue().asDouble());
        }
        in = schema(doc.path("inputSchema"));
        out = schema(doc.path("outputSchema"));
        lockSha = doc.path("pipelineLockSha256").asText("");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("dataHashes").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          data.put(e.getKey(), e.getValue().asText());
        }
      } catch (IllegalArgumentException e) {
        throw new MlopsException(json + ": " + e.getMessage(), e);
      }
    }
    String runId = text(meta.get("run_id"), "");
    return new ModelVersion(
        text(meta.get("name"), name),
        n,
        stage,
        text(meta.get("description"), ""),
        runId.isEmpty() ? Optional.empty() : Optional.of(runId),
        text(meta.get("source"), ""),
        text(meta.get("user_id"), ""),
        millis(meta.get("creation_timestamp")),
        millis(meta.get("last_updated_timestamp")),
        readTags(vdir.resolve("tags")),
        myAliases,
        files,
        metrics,
        in,
        out,
        lockSha,
        data);
  }

  private static ModelSchema schema(JsonNode list) {
    List<SchemaField> fields = new ArrayList<>();
    for (JsonNode f : list) {
      fields.add(new SchemaField(f.path("name").asText(), f.path("type").asText()));
    }
    return new ModelSchema(fields);
  }

  private static Map<String, @Nullable Object> readMeta(Path file) {
    try {
      return MetaYaml.read(AtomicFiles.read(file));
    } catch (IllegalArgumentException e) {
      throw new MlopsException(file + ": not a meta.yaml mapping: " + e.getMessage(), e);
    }
  }

  private static String text(@Nullable Object v, String fallback) {
    return v == null ? fallback : v.toString();
  }

  private static Instant millis(@Nullable Object v) {
    if (v instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    return Instant.EPOCH;
  }

  private static Map<String, String> readTags(Path dir) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !String.valueOf(p.getFileName()).startsWith(AtomicFiles.TMP_PREFIX))
          .forEach(
              p -> out.put(dir.relativize(p).toString().replace('\\', '/'), AtomicFiles.read(p)));
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException(dir + ": cannot read the tags: " + e.getMessage(), e);
    }
    return out;
  }

  private static Map<String, Integer> readAliases(Path modelDir) {
    Map<String, Integer> out = new TreeMap<>();
    Path dir = modelDir.resolve("aliases");
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String a = String.valueOf(p.getFileName());
        if (a.startsWith(AtomicFiles.TMP_PREFIX)
            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String v = AtomicFiles.read(p);
        try {
          out.put(a, Integer.parseInt(v));
        } catch (NumberFormatException e) {
          throw new MlopsException(
              p + ": an alias file must hold a version number, but holds '" + v + "'", e);
        }
      }
    } catch (IOException e) {
      throw new MlopsException(dir + ": cannot list: " + e.getMessage(), e);
    }
    return out;
  }

  private static void write(Path target, String text, Path tmpDir) {
    try {
      AtomicFiles.write(
          target,
          out -> out.write(text.getBytes(StandardCharsets.UTF_8)),
          AtomicFiles.Durability.ATOMIC,
          tmpDir);
    } catch (IOException e) {
      throw new MlopsException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      AtomicFiles.deleteRecursively(p);
    } catch (IOException e) {
      // a leftover temporary, removed by the next open
    }
  }

  private void moveAlias(String name, String alias, int version) {
    Path dir = modelDir(name);
    write(dir.resolve("aliases").resolve(alias), Integer.toString(version), dir);
    rewriteMetas(name);
  }

  /** Rewrites the model's meta.yaml (aliases, last update) and each version's alias list. */
  private void rewriteMetas(String name) {
    Path dir = modelDir(name);
    Map<String, Integer> aliases = readAliases(dir);
    for (ModelVersion v : versions(name)) {
      Path vdir = dir.resolve("version-" + v.version());
      Map<String, @Nullable Object> meta = readMeta(vdir.resolve("meta.yaml"));
      List<String> mine = new ArrayList<>();
      aliases.forEach(
          (a, n) -> {
            if (n == v.version()) {
              mine.add(a);
            }
          });
      meta.remove("aliases");
      Map<String, @Nullable Object> fields = new LinkedHashMap<>();
      meta.forEach((k, val) -> fields.put(k, scalar(val)));
      write(vdir.resolve("meta.yaml"), MetaYaml.emit(fields, null, mine), vdir);
    }
    touchModel(name);
  }

  private void touchModel(String name) {
    Path dir = models.resolve(name);
    Map<String, @Nullable Object> meta = readMeta(dir.resolve("meta.yaml"));
    write(
        dir.resolve("meta.yaml"),
        modelMeta(
            text(meta.get("name"), name),
            text(meta.get("description"), ""),
            millis(meta.get("creation_timestamp")),
            clock.instant(),
            readAliases(dir)),
        dir);
  }

  private static @Nullable Object scalar(@Nullable Object v) {
    if (v == null || v instanceof String) {
      return v;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    return v.toString();
  }

  private void writeStage(String name, ModelVersion v, ModelStage stage, Instant now) {
    Path vdir = modelDir(name).resolve("version-" + v.version());
    Map<String, @Nullable Object> meta = readMeta(vdir.resolve("meta.yaml"));
    meta.remove("aliases");
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    meta.forEach((k, val) -> fields.put(k, scalar(val)));
    fields.put("current_stage", stage.key());
    fields.put("last_updated_timestamp", now.toEpochMilli());
    write(vdir.resolve("meta.yaml"), MetaYaml.emit(fields, null, v.aliases()), vdir);
  }

  private static String modelMeta(
      String name,
      String description,
      Instant created,
      Instant updated,
      Map<String, Integer> aliases) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("creation_timestamp", created.toEpochMilli());
    m.put("description", description.isEmpty() ? null : description);
    m.put("last_updated_timestamp", updated.toEpochMilli());
    m.put("name", name);
    return MetaYaml.emit(m, aliases, null);
  }

  private static Map<String, @Nullable Object> versionMeta(
      String name,
      int n,
      ModelStage stage,
      String description,
      @Nullable String runId,
      String source,
      String user,
      Instant created,
      Instant updated) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("creation_timestamp", created.toEpochMilli());
    m.put("current_stage", stage.key());
    m.put("description", description.isEmpty() ? null : description);
    m.put("last_updated_timestamp", updated.toEpochMilli());
    m.put("name", name);
    m.put("run_id", runId);
    m.put("run_link", null);
    m.put("source", source);
    m.put("status", "READY");
    m.put("status_message", null);
    m.put("storage_location", source);
    m.put("user_id", user.isEmpty() ? null : user);
    m.put("version", n);
    return m;
  }

  private static String versionJson(
      Instant now,
      @Nullable String runId,
      String user,
      List<ArtifactFile> files,
      Map<String, Double> metrics,
      ModelSchema in,
      ModelSchema out,
      String lockSha,
      Map<String, String> data) {
    Map<String, Object> doc = Json.document(VERSION_FORMAT, 1, now);
    List<Map<String, Object>> arts = new ArrayList<>();
    for (ArtifactFile a : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", a.path());
      m.put("sha256", a.sha256());
      m.put("size", a.size());
      arts.add(m);
    }
    doc.put("artifacts", arts);
    doc.put("metrics", new TreeMap<>(metrics));
    doc.put("inputSchema", schemaJson(in));
    doc.put("outputSchema", schemaJson(out));
    doc.put("runId", runId);
    doc.put("user", user);
    doc.put("pipelineLockSha256", lockSha);
    doc.put("dataHashes", new TreeMap<>(data));
    return Json.write(doc) + "\n";
  }

  private static List<Map<String, String>> schemaJson(ModelSchema s) {
    List<Map<String, String>> out = new ArrayList<>();
    for (SchemaField f : s.fields()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("type", f.type());
      out.add(m);
    }
    return out;
  }

  private static String auditLine(
      Instant time,
      String user,
      String action,
      int version,
      String from,
      String to,
      String reason,
      String outcome,
      List<GateResult> gates) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", time.toString());
    m.put("user", user);
    m.put("action", action);
    m.put("version", version);
    m.put("from", from);
    m.put("to", to);
    m.put("reason", reason);
    m.put("outcome", outcome);
    m.put("gates", PromotionResult.gatesJson(gates));
    try {
      return Json.mapper()
              .writer()
              .without(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(m)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new MlopsException("cannot write an audit entry: " + e.getOriginalMessage(), e);
    }
  }

  private void appendAudit(
      String name,
      Instant time,
      String who,
      String action,
      int version,
      String from,
      String to,
      String reason,
      String outcome,
      List<GateResult> gates) {
    Path dir = models.resolve(name);
    Path file = dir.resolve(AUDIT_FILE);
    byte[] line =
        auditLine(time, who, action, version, from, to, reason, outcome, gates)
            .getBytes(StandardCharsets.UTF_8);
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        try {
          AtomicFiles.write(file, line, AtomicFiles.Durability.ATOMIC);
          return;
        } catch (FileAlreadyExistsException e) {
          // appended below
        }
      }
      AtomicFiles.append(file, line, AtomicFiles.Durability.ATOMIC);
    } catch (IOException e) {
      throw new MlopsException(file + ": cannot append to the audit log: " + e.getMessage(), e);
    }
  }

  /** Builds a {@link ModelRegistry}; each setter checks its argument at once. */
  public static final class Builder {
    private Path root = LocalTracker.DEFAULT_ROOT;
    private String user = System.getProperty("user.name", "unknown");
    private Clock clock = Clock.systemUTC();
    private Duration lockWait = ModelLock.DEFAULT_WAIT;
    private boolean readOnly;
    private @Nullable GitTagRegistry gitTags;

    private Builder() {}

    /**
     * Also writes DVC GTO's git tags ({@link GitTagRegistry}) in this git work tree: {@code
     * <name>@v<n>.0.0} for each registered version, {@code <name>#<stage>#<k>} for each stage
     * transition. Default: no git tags.
     *
     * @param workTree a git work tree
     * @return this
     * @throws IllegalArgumentException if it is not a git work tree
     */
    public Builder gitTags(Path workTree) {
      this.gitTags = GitTagRegistry.of(workTree);
      return this;
    }

    /**
     * @param root the store's root folder (default {@code mlruns})
     * @return this
     */
    public Builder root(Path root) {
      this.root = Require.nonNull(root, "root");
      return this;
    }

    /**
     * @param user who acts, for {@code user_id} and the audit log (default {@code user.name})
     * @return this
     */
    public Builder user(String user) {
      this.user = Require.nonBlank(user, "user");
      return this;
    }

    /**
     * @param clock the clock of timestamps (default the system clock, UTC)
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * @param wait how long writes other than promotions wait for a model's lock (default 10 s)
     * @return this
     */
    public Builder lockWait(Duration wait) {
      Require.nonNull(wait, "wait");
      Require.argument(!wait.isNegative(), "wait", "zero or positive", wait);
      this.lockWait = wait;
      return this;
    }

    /**
     * Opens the registry for reading only.
     *
     * @return this
     */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    /**
     * @return the registry
     * @throws MlopsException if it is opened for writing and {@code models/} cannot be created
     */
    public ModelRegistry build() {
      return new ModelRegistry(this);
    }
  }
}
