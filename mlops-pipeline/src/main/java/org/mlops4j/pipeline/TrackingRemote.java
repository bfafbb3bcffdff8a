package org.mlops4j.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.pipeline.ParallelTransfers.Tally;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.SafePaths;
import org.mlops4j.report.internal.Json;

/**
 * Shares the runs and registered models of a tracking store (MLflow's FileStore layout, as {@code
 * LocalTracker} and the model registry write it) through the same remote as the data ({@link
 * Data}), so that a team sees each other's runs and models.
 *
 * <pre>{@code
 * TrackingRemote shared = TrackingRemote.builder(Path.of("mlruns"))
 *     .remote("s3://team-bucket/project").build();
 * shared.push(List.of(runId), List.of("churn"));          // a run and a registered model
 * // ... on another machine, in another store:
 * TrackingRemote.builder(Path.of("mlruns")).remote("s3://team-bucket/project").build()
 *     .pull(List.of(runId), List.of("churn"), false);
 * }</pre>
 *
 * <h2>On the remote</h2>
 *
 * <pre>
 * cache/ab/cdef...                  every file, named by its SHA-256: the objects of the data
 * tracking/runs/&lt;runId&gt;.json        a run's manifest
 * tracking/models/&lt;name&gt;.json       a registered model's manifest
 * </pre>
 *
 * A manifest is a JSON document ({@code format} {@code mlops4j.tracking-manifest}, {@code
 * formatVersion} 1, then {@code kind} ({@code run} or {@code model}), {@code name} (the run id or
 * the model's name), {@code experimentId} and {@code experimentName} (a run's), {@code title}
 * ({@code <experiment>/<run name>}, or the model's name), {@code rootUris} (the {@code file:} URIs
 * of the pushing store's root) and {@code files}: {@code path} (relative to the store root, with
 * {@code /}), {@code sha256}, {@code size}). A run's files are its folder {@code
 * <experimentId>/<runId>/} and its experiment's {@code meta.yaml} and {@code tags/}; a model's are
 * its folder {@code models/<name>/} (versions, aliases, tags, the registry's own objects and audit
 * log). Temporary files, lock files and symbolic links are not pushed.
 *
 * <h2>Push</h2>
 *
 * Hashes every file, uploads those the remote lacks ({@link Builder#transfers(int) 8 at a time}),
 * then the manifests, so a manifest on the remote implies its files are there. An object the data
 * already pushed is not sent again. Push a run once it has ended: the files of a running run change
 * under the push.
 *
 * <h2>Pull</h2>
 *
 * Reads the manifests and refuses one whose paths leave the run's or model's folders ({@code ..},
 * absolute paths, another run's folder): the remote is not trusted, and nothing is written outside
 * the store root. Downloads the files the store lacks into a hidden folder in the store root (which
 * the tracking reader skips), checks each one's SHA-256, and only then writes: a run, experiment or
 * model that is new to the store is built beside it and renamed into place in one step; files of
 * one that exists are renamed into place one by one, the {@code meta.yaml} files last. In every
 * {@code meta.yaml}, {@code artifact_location}, {@code artifact_uri}, {@code source} and {@code
 * storage_location} pointing into the pushing store are rewritten to this store's root, so the
 * run's artifacts and the model's versions are found here. A local file that differs from the
 * remote's is replaced only with {@code force}; otherwise the pull refuses and writes nothing. A
 * run whose experiment exists here under the same id keeps the local experiment's files; a run
 * whose experiment id is new here but whose experiment's name is taken by a local experiment goes
 * into that one (its {@code experiment_id} and {@code artifact_uri} rewritten), as MLflow's
 * export-import matches experiments by name, so the store never holds two experiments of one name.
 *
 * @since 0.1.0
 */
public final class TrackingRemote {
  static final String RUNS = "tracking/runs/";
  static final String MODELS = "tracking/models/";
  static final String FORMAT = "mlops4j.tracking-manifest";
  static final int FORMAT_VERSION = 1;
  private static final String MODELS_DIR = "models";
  private static final String META = "meta.yaml";
  private static final String LOCK = ".mlops4j.lock";
  private static final Pattern URI_LINE =
      Pattern.compile("^(artifact_location|artifact_uri|source|storage_location): (.*)$");
  private static final Pattern EXPERIMENT_LINE = Pattern.compile("^experiment_id: (.*)$");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/:._~%!$&()*+,;=@-]*");

  private final Path root;
  private final String rootUri;
  private final @Nullable String remoteUrl;
  private final @Nullable RemoteStorage remoteGiven;
  private final int transfers;
  private final TransferListener listener;

  private TrackingRemote(Builder b) {
    this.root = b.storeRoot.toAbsolutePath().normalize();
    this.rootUri = uriOf(root);
    this.remoteUrl = b.remoteUrl;
    this.remoteGiven = b.remote;
    this.transfers = b.transfers;
    this.listener = b.listener;
  }

  /**
   * @param storeRoot the tracking store's root folder (such as {@code mlruns}); a pull creates it
   * @return a builder
   * @throws NullPointerException if storeRoot is null
   */
  public static Builder builder(Path storeRoot) {
    return new Builder(Require.nonNull(storeRoot, "storeRoot"));
  }

  /**
   * @return the tracking store's root folder, absolute
   */
  public Path storeRoot() {
    return root;
  }

  // ---------------------------------------------------------------- push

  /**
   * Uploads runs and registered models: the files the remote lacks, then one manifest each
   * (replacing an earlier push of the same run or model).
   *
   * @param runIds ids of runs of the store (32 hexadecimal characters, or any MLflow run id)
   * @param models names of registered models of the store
   * @return what was uploaded; {@code placed} lists {@code run <id>} and {@code model <name>}
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException {@code runIds must be runs of the store <root>, but was <id>}
   *     (or {@code models ...}) for one that is not there, or if both lists are empty
   * @throws MlopsException if a file cannot be read or an upload fails ({@code push <url> failed
   *     for <n> of <m> objects ...}); what was uploaded stays, so pushing again resumes
   */
  public DataTransfer push(List<String> runIds, List<String> models) {
    List<String> runs = names(runIds, "runIds");
    List<String> ms = names(models, "models");
    Require.argument(
        !runs.isEmpty() || !ms.isEmpty(), "runIds and models", "not both empty", "[] and []");
    Require.argument(Files.isDirectory(root), "storeRoot", "an existing folder", root);
    List<Manifest> manifests = new ArrayList<>();
    try {
      if (!runs.isEmpty()) {
        try (LocalTracker tracker = LocalTracker.openReadOnly(root)) {
          for (String id : runs) {
            manifests.add(runManifest(tracker, id));
          }
        }
      }
      for (String m : ms) {
        manifests.add(modelManifest(m));
      }
    } catch (IOException e) {
      throw new MlopsException(root + ": cannot read the files to push: " + e.getMessage(), e);
    }
    try (RemoteStorage r = openRemote()) {
      Set<String> there = r.list("cache/");
      Map<String, Path> send = new LinkedHashMap<>();
      Map<String, Long> sizes = new LinkedHashMap<>();
      Set<String> present = new LinkedHashSet<>();
      for (Manifest m : manifests) {
        for (FileEntry f : m.files()) {
          if (there.contains(Data.key(f.sha256(), false))) {
            present.add(f.sha256());
          } else {
            send.putIfAbsent(f.sha256(), root.resolve(f.path()));
            sizes.put(f.sha256(), f.size());
          }
        }
      }
      long bytes = sizes.values().stream().mapToLong(Long::longValue).sum();
      listener.planned("push", send.size() + manifests.size(), bytes);
      Tally tally = new Tally();
      ParallelTransfers.run(
          "push",
          r.url(),
          transfers,
          listener,
          List.copyOf(send.keySet()),
          h -> h,
          h -> Data.key(h, false),
          h -> {
            Path file = send.get(h);
            r.upload(file, Data.key(h, false));
            return sizes.get(h);
          },
          tally);
      List<String> placed = new ArrayList<>();
      Path tmp = Files.createTempFile("mlops4j-manifest", ".json");
      try {
        for (Manifest m : manifests) {
          byte[] json = m.toJson().getBytes(StandardCharsets.UTF_8);
          Files.write(tmp, json);
          r.upload(tmp, m.key());
          tally.count.incrementAndGet();
          tally.bytes.addAndGet(json.length);
          listener.transferred(FileHasher.sha256(json), json.length);
          placed.add(m.kind() + " " + m.name());
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return new DataTransfer(
          "push", r.url(), tally.count.get(), present.size(), tally.bytes.get(), placed);
    } catch (IOException e) {
      throw new MlopsException("push to " + remoteName() + " failed: " + e.getMessage(), e);
    }
  }

  private Manifest runManifest(LocalTracker tracker, String runId) throws IOException {
    Optional<RunRecord> found = Names.isRunId(runId) ? tracker.findRun(runId) : Optional.empty();
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          Require.mustBe("runIds", "runs of the store " + root, runId));
    }
    RunRecord run = found.get();
    String exp = run.experimentId();
    String expName =
        tracker.allExperiments().stream()
            .filter(e -> e.id().equals(exp))
            .map(Experiment::name)
            .findFirst()
            .orElse(exp);
    Path expDir = root.resolve(exp);
    Path runDir = expDir.resolve(runId);
    Require.argument(
        Files.isDirectory(runDir, LinkOption.NOFOLLOW_LINKS),
        "runIds",
        "runs in folders of the store " + root,
        runId);
    List<FileEntry> files = new ArrayList<>();
    Path meta = expDir.resolve(META);
    if (Files.isRegularFile(meta, LinkOption.NOFOLLOW_LINKS)) {
      files.add(entry(meta));
    }
    walk(expDir.resolve("tags"), files);
    walk(runDir, files);
    return new Manifest(
        "run", runId, exp, expName, expName + "/" + run.name(), rootUris(), files, Instant.now());
  }

  private static void checkModelName(String name) {
    Require.argument(
        !name.isEmpty() && !name.contains("/") && Names.isNormalisedRelativePath(name),
        "models",
        "names of registered models (no '/')",
        name);
  }

  private Manifest modelManifest(String name) throws IOException {
    checkModelName(name);
    Path dir = root.resolve(MODELS_DIR).resolve(name);
    Require.argument(
        Files.isRegularFile(dir.resolve(META), LinkOption.NOFOLLOW_LINKS),
        "models",
        "registered models of the store " + root,
        name);
    List<FileEntry> files = new ArrayList<>();
    walk(dir, files);
    return new Manifest("model", name, null, null, name, rootUris(), files, Instant.now());
  }

  private List<String> rootUris() {
    Set<String> uris = new LinkedHashSet<>();
    uris.add(rootUri);
    try {
      uris.add(uriOf(root.toRealPath()));
    } catch (IOException e) {
      // the absolute path is enough
    }
    return List.copyOf(uris);
  }

  private FileEntry entry(Path file) throws IOException {
    return new FileEntry(relative(file), FileHasher.sha256(file), Files.size(file));
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /** Adds every regular file below dir, no link followed, temporaries and locks left out. */
  private void walk(Path dir, List<FileEntry> out) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            return skipped(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !skipped(f)) {
              found.add(f);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(null);
    for (Path f : found) {
      out.add(entry(f));
    }
  }

  private static boolean skipped(Path p) {
    Path n = p.getFileName();
    String name = n == null ? "" : n.toString();
    return name.startsWith(AtomicFiles.TMP_PREFIX)
        || name.startsWith(AtomicFiles.STAGING_PREFIX)
        || name.equals(LOCK);
  }

  // ---------------------------------------------------------------- pull

  /**
   * Downloads runs and registered models into the store: the files it lacks, each checked against
   * its SHA-256 before anything is written (see the class comment).
   *
   * @param runIds ids of runs on the remote
   * @param models names of registered models on the remote
   * @param force whether local files that differ from the remote's are replaced (otherwise the pull
   *     refuses and writes nothing)
   * @return what was downloaded; {@code alreadyPresent} counts files the store had with the same
   *     content; {@code placed} lists {@code run <id>} and {@code model <name>} where a file was
   *     written
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if both lists are empty, a run id is not an MLflow run id or a
   *     model name has a {@code /}
   * @throws IllegalStateException if local files differ and force is not set (the message names
   *     them)
   * @throws MlopsException if a manifest is missing ({@code <url>: no run <id> on the remote ...}),
   *     malformed or names a path outside its folders, a download fails or does not match its
   *     SHA-256; nothing is written then
   */
  public DataTransfer pull(List<String> runIds, List<String> models, boolean force) {
    List<String> runs = names(runIds, "runIds");
    List<String> ms = names(models, "models");
    Require.argument(
        !runs.isEmpty() || !ms.isEmpty(), "runIds and models", "not both empty", "[] and []");
    for (String id : runs) {
      Require.argument(Names.isRunId(id), "runIds", "MLflow run ids", id);
    }
    for (String m : ms) {
      checkModelName(m);
    }
    Path real;
    Path scratch = null;
    try (RemoteStorage r = openRemote()) {
      Files.createDirectories(root);
      real = root.toRealPath();
      scratch = real.resolve(AtomicFiles.temporaryName("pull"));
      Files.createDirectory(scratch);
      List<Manifest> manifests = new ArrayList<>();
      for (String id : runs) {
        manifests.add(readManifest(r, "run", id, scratch));
      }
      for (String m : ms) {
        manifests.add(readManifest(r, "model", m, scratch));
      }
      return pullLocked(r, matchExperiments(manifests, real), force, real, scratch);
    } catch (IOException e) {
      throw new MlopsException("pull from " + remoteName() + " failed: " + e.getMessage(), e);
    } finally {
      if (scratch != null) {
        try {
          AtomicFiles.deleteRecursively(scratch);
        } catch (IOException e) {
          // a hidden temporary folder left in the store; the tracker removes it when stale
        }
      }
    }
  }

  /** A file of a manifest and what the store has of it. */
  private record Planned(
      Manifest manifest, FileEntry file, Path target, boolean meta, Rewrite rewrite) {}

  /**
   * How the {@code meta.yaml} files of a manifest are rewritten: URI prefixes (the first that
   * matches wins), and the experiment id of a run moved into a local experiment of the same name.
   */
  record Rewrite(
      List<Map.Entry<String, String>> prefixes,
      @Nullable String fromExperiment,
      @Nullable String toExperiment) {}

  /**
   * Each manifest with its rewrite: a run whose experiment id the store lacks, but which has an
   * experiment of the same name, goes into that experiment (as MLflow's own export and import match
   * experiments by name), so the store does not get two experiments of one name.
   */
  private Map<Manifest, Rewrite> matchExperiments(List<Manifest> manifests, Path real) {
    Map<String, String> localByName = null;
    Map<Manifest, Rewrite> out = new LinkedHashMap<>();
    for (Manifest m : manifests) {
      List<Map.Entry<String, String>> prefixes = new ArrayList<>();
      String exp = m.experimentId();
      String expName = m.experimentName();
      if (m.kind().equals("run")
          && exp != null
          && expName != null
          && !Files.exists(real.resolve(exp), LinkOption.NOFOLLOW_LINKS)) {
        if (localByName == null) {
          localByName = new LinkedHashMap<>();
          try (LocalTracker tracker = LocalTracker.openReadOnly(real)) {
            for (Experiment e : tracker.allExperiments()) {
              localByName.putIfAbsent(e.name(), e.id());
            }
          }
        }
        String local = localByName.get(expName);
        if (local != null && !local.equals(exp)) {
          for (String u : m.rootUris()) {
            prefixes.add(
                Map.entry(u + "/" + exp + "/" + m.name(), rootUri + "/" + local + "/" + m.name()));
          }
          m.rootUris().forEach(u -> prefixes.add(Map.entry(u, rootUri)));
          out.put(m.movedTo(local), new Rewrite(prefixes, exp, local));
          continue;
        }
      }
      m.rootUris().forEach(u -> prefixes.add(Map.entry(u, rootUri)));
      out.put(m, new Rewrite(prefixes, null, null));
    }
    return out;
  }

  private DataTransfer pullLocked(
      RemoteStorage r, Map<Manifest, Rewrite> manifests, boolean force, Path real, Path scratch)
      throws IOException {
    List<Planned> todo = new ArrayList<>();
    Map<String, Long> get = new LinkedHashMap<>();
    int same = 0;
    for (Map.Entry<Manifest, Rewrite> e : manifests.entrySet()) {
      Manifest m = e.getKey();
      for (FileEntry f : m.files()) {
        Path target = real.resolve(f.path());
        boolean meta = target.getFileName().toString().equals(META);
        if (!meta
            && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
            && FileHasher.sha256(target).equals(f.sha256())) {
          same++;
          continue;
        }
        todo.add(new Planned(m, f, target, meta, e.getValue()));
        get.put(f.sha256(), f.size());
      }
    }
    Path objects = scratch.resolve("objects");
    Files.createDirectories(objects);
    listener.planned("pull", get.size(), get.values().stream().mapToLong(Long::longValue).sum());
    Tally tally = new Tally();
    ParallelTransfers.run(
        "pull",
        r.url(),
        transfers,
        listener,
        List.copyOf(get.keySet()),
        h -> h,
        h -> Data.key(h, false),
        h -> {
          Path tmp = objects.resolve(h);
          r.download(Data.key(h, false), tmp);
          String actual = FileHasher.sha256(tmp);
          if (!actual.equals(h)) {
            Files.deleteIfExists(tmp);
            throw new MlopsException(
                r.url()
                    + ": "
                    + Data.key(h, false)
                    + ": content does not match its name (SHA-256 "
                    + actual
                    + "); nothing was written to the store");
          }
          return Files.size(tmp);
        },
        tally);
    // what each file will hold, and which local files it replaces
    Map<Planned, byte[]> rewritten = new LinkedHashMap<>();
    List<Planned> write = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    for (Planned p : todo) {
      Path object = objects.resolve(p.file().sha256());
      byte[] content = null;
      if (p.meta()) {
        content = rewrite(Files.readAllBytes(object), p.rewrite());
        rewritten.put(p, content);
      }
      if (Files.exists(p.target(), LinkOption.NOFOLLOW_LINKS)) {
        if (p.meta()
            && Files.isRegularFile(p.target(), LinkOption.NOFOLLOW_LINKS)
            && java.util.Arrays.equals(Files.readAllBytes(p.target()), content)) {
          same++;
          continue;
        }
        if (isExperimentFile(p)) {
          continue; // the local experiment keeps its own files
        }
        conflicts.add(p.file().path());
      }
      write.add(p);
    }
    if (!conflicts.isEmpty() && !force) {
      throw new IllegalStateException(
          root
              + ": "
              + conflicts.size()
              + " local file(s) differ from the remote's ("
              + String.join(", ", conflicts.subList(0, Math.min(5, conflicts.size())))
              + (conflicts.size() > 5 ? ", ..." : "")
              + "): pull with force to replace them; nothing was written");
    }
    Set<String> placed = new LinkedHashSet<>();
    // new units (an experiment, a run, a model) are built in the scratch folder and renamed in one
    // step; the files of existing ones are renamed one by one, meta.yaml files last, deepest first
    Map<Path, List<Planned>> units = new TreeMap<>();
    List<Planned> single = new ArrayList<>();
    for (Planned p : write) {
      Path unit = newUnit(p, real);
      if (unit != null) {
        units.computeIfAbsent(unit, u -> new ArrayList<>()).add(p);
      } else {
        single.add(p);
      }
    }
    int n = 0;
    for (Map.Entry<Path, List<Planned>> u : units.entrySet()) {
      Path stage = scratch.resolve("unit-" + n++);
      for (Planned p : u.getValue()) {
        Path inStage = stage.resolve(u.getKey().relativize(p.target()).toString());
        Files.createDirectories(inStage.getParent());
        fill(p, inStage, objects, rewritten);
      }
      Path place = SafePaths.placeInside(real, u.getKey());
      Files.move(stage, place, StandardCopyOption.ATOMIC_MOVE);
      u.getValue().forEach(p -> placed.add(p.manifest().kind() + " " + p.manifest().name()));
    }
    single.sort(
        Comparator.comparing(Planned::meta)
            .thenComparing(p -> -p.target().getNameCount())
            .thenComparing(p -> p.file().path()));
    for (Planned p : single) {
      Path place = SafePaths.placeInside(real, p.target());
      Path tmp = scratch.resolve("file-" + n++);
      fill(p, tmp, objects, rewritten);
      AtomicFiles.moveAtomically(tmp, place);
      placed.add(p.manifest().kind() + " " + p.manifest().name());
    }
    return new DataTransfer(
        "pull", r.url(), tally.count.get(), same, tally.bytes.get(), List.copyOf(placed));
  }

  private static boolean isExperimentFile(Planned p) {
    return p.manifest().kind().equals("run")
        && !p.file()
            .path()
            .startsWith(p.manifest().experimentId() + "/" + p.manifest().name() + "/");
  }

  private static void fill(Planned p, Path to, Path objects, Map<Planned, byte[]> rewritten)
      throws IOException {
    byte[] content = rewritten.get(p);
    if (content != null) {
      Files.write(to, content);
    } else {
      Files.copy(objects.resolve(p.file().sha256()), to);
    }
  }

  /**
   * The folder a file belongs to that the store lacks as a whole (the experiment's, else the run's,
   * for a run; the model's for a model), or null when its run or model folder exists.
   */
  private static @Nullable Path newUnit(Planned p, Path real) {
    Manifest m = p.manifest();
    if (m.kind().equals("run")) {
      Path exp = real.resolve(String.valueOf(m.experimentId()));
      if (!Files.exists(exp, LinkOption.NOFOLLOW_LINKS)) {
        return exp;
      }
      Path run = exp.resolve(m.name());
      if (p.target().startsWith(run) && !Files.exists(run, LinkOption.NOFOLLOW_LINKS)) {
        return run;
      }
      return null;
    }
    Path model = real.resolve(MODELS_DIR).resolve(m.name());
    return Files.exists(model, LinkOption.NOFOLLOW_LINKS) ? null : model;
  }

  private Manifest readManifest(RemoteStorage r, String kind, String name, Path scratch)
      throws IOException {
    String key = (kind.equals("run") ? RUNS : MODELS) + name + ".json";
    Path tmp = scratch.resolve(AtomicFiles.temporaryName("manifest"));
    try {
      r.download(key, tmp);
    } catch (NoSuchFileException e) {
      throw new MlopsException(
          r.url() + ": no " + kind + " " + name + " on the remote (" + key + "): push it first");
    }
    try {
      return Manifest.parse(Files.readString(tmp, StandardCharsets.UTF_8), r.url() + "/" + key)
          .checked(kind, name, r.url() + "/" + key);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ---------------------------------------------------------------- list

  /**
   * Lists the runs and registered models on the remote, reading their manifests.
   *
   * @return one item per run and model, runs first, each sorted by name
   * @throws MlopsException if the remote cannot be listed or a manifest is malformed
   */
  public TrackingListing list() {
    try (RemoteStorage r = openRemote()) {
      List<TrackingListing.Item> items = new ArrayList<>();
      Path tmp = Files.createTempFile("mlops4j-manifest", ".json");
      try {
        for (String key : r.list("tracking/")) {
          boolean run = key.startsWith(RUNS);
          if (!key.endsWith(".json") || !(run || key.startsWith(MODELS))) {
            continue;
          }
          r.download(key, tmp);
          Manifest m = Manifest.parse(Files.readString(tmp), r.url() + "/" + key);
          long bytes = m.files().stream().mapToLong(FileEntry::size).sum();
          items.add(
              new TrackingListing.Item(
                  m.kind(), m.name(), m.title(), m.files().size(), bytes, m.createdAt()));
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      items.sort(
          Comparator.comparing((TrackingListing.Item i) -> !i.kind().equals("run"))
              .thenComparing(TrackingListing.Item::name));
      return new TrackingListing(r.url(), items);
    } catch (IOException e) {
      throw new MlopsException("list of " + remoteName() + " failed: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- meta.yaml

  /**
   * Rewrites the top-level {@code artifact_location}, {@code artifact_uri}, {@code source} and
   * {@code storage_location} of a {@code meta.yaml} that start with one of {@code from} (a store
   * root's URI) to start with {@code to}; every other byte is kept.
   */
  static byte[] rewrite(byte[] yaml, List<String> from, String to) {
    List<Map.Entry<String, String>> prefixes = new ArrayList<>();
    from.forEach(f -> prefixes.add(Map.entry(f, to)));
    return rewrite(yaml, new Rewrite(prefixes, null, null));
  }

  /**
   * As {@link #rewrite(byte[], List, String)} with several prefixes (the first that matches wins),
   * and a top-level {@code experiment_id} equal to {@code fromExperiment} set to {@code
   * toExperiment} (quoted, as MLflow writes it).
   */
  static byte[] rewrite(byte[] yaml, Rewrite how) {
    String text = new String(yaml, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    boolean changed = false;
    String fromExp = how.fromExperiment();
    String toExp = how.toExperiment();
    for (int i = 0; i < lines.length; i++) {
      Matcher id = EXPERIMENT_LINE.matcher(lines[i]);
      if (fromExp != null && toExp != null && id.matches()) {
        if (fromExp.equals(unquote(id.group(1)))) {
          lines[i] = "experiment_id: '" + toExp + "'";
          changed = true;
        }
        continue;
      }
      Matcher m = URI_LINE.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      String value = unquote(m.group(2));
      if (value == null) {
        continue;
      }
      for (Map.Entry<String, String> p : how.prefixes()) {
        String f = p.getKey();
        if (value.equals(f) || value.startsWith(f + "/")) {
          lines[i] = m.group(1) + ": " + quote(p.getValue() + value.substring(f.length()));
          changed = true;
          break;
        }
      }
    }
    return changed ? String.join("\n", lines).getBytes(StandardCharsets.UTF_8) : yaml;
  }

  private static @Nullable String unquote(String raw) {
    String v = raw.strip();
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("''", "'");
    }
    if (v.startsWith("'") || v.startsWith("\"")) {
      return null; // a form MLflow does not write for these keys: left as it is
    }
    return v;
  }

  private static String quote(String value) {
    return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "''") + "'";
  }

  /** The URI of a folder as the tracking store writes it: {@code file:///...}, no final slash. */
  static String uriOf(Path dir) {
    String uri = dir.toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> names(List<String> names, String what) {
    Require.nonNull(names, what);
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(Require.nonNull(n, what + " element"));
    }
    return out;
  }

  private RemoteStorage openRemote() {
    RemoteStorage given = remoteGiven;
    if (given != null) {
      return new RemoteStorage() {
        @Override
        public String url() {
          return given.url();
        }

        @Override
        public Set<String> list(String prefix) throws IOException {
          return given.list(prefix);
        }

        @Override
        public void upload(Path file, String key) throws IOException {
          given.upload(file, key);
        }

        @Override
        public void download(String key, Path target) throws IOException {
          given.download(key, target);
        }
        // close() does nothing: the caller owns the store it gave
      };
    }
    return RemoteStorage.open(String.valueOf(remoteUrl));
  }

  private String remoteName() {
    RemoteStorage g = remoteGiven;
    return g != null ? g.url() : String.valueOf(remoteUrl);
  }

  @Override
  public String toString() {
    return "TrackingRemote[" + root + ", remote=" + remoteName() + "]";
  }

  /** A file of a manifest. */
  record FileEntry(String path, String sha256, long size) {}

  /** A run's or model's manifest on the remote. */
  record Manifest(
      String kind,
      String name,
      @Nullable String experimentId,
      @Nullable String experimentName,
      String title,
      List<String> rootUris,
      List<FileEntry> files,
      Instant createdAt) {

    String key() {
      return (kind.equals("run") ? RUNS : MODELS) + name + ".json";
    }

    String toJson() {
      Map<String, Object> doc = Json.document(FORMAT, FORMAT_VERSION, createdAt);
      doc.put("kind", kind);
      doc.put("name", name);
      doc.put("experimentId", experimentId);
      doc.put("experimentName", experimentName);
      doc.put("title", title);
      doc.put("rootUris", rootUris);
      List<Map<String, Object>> fs = new ArrayList<>();
      for (FileEntry f : files) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", f.path());
        o.put("sha256", f.sha256());
        o.put("size", f.size());
        fs.add(o);
      }
      doc.put("files", fs);
      return Json.write(doc) + "\n";
    }

    static Manifest parse(String text, String source) {
      ObjectNode doc = Json.readDocument(text, FORMAT, FORMAT_VERSION, source);
      String kind = doc.path("kind").asText("");
      if (!kind.equals("run") && !kind.equals("model")) {
        throw new MlopsException(
            source + ": kind must be 'run' or 'model', but was '" + kind + "'");
      }
      List<String> uris = new ArrayList<>();
      doc.path("rootUris").forEach(u -> uris.add(u.asText()));
      List<FileEntry> files = new ArrayList<>();
      for (JsonNode f : doc.path("files")) {
        String sha = f.path("sha256").asText("");
        long size = f.path("size").asLong(-1);
        if (!FileHasher.isSha256(sha) || size < 0) {
          throw new MlopsException(
              source + ": file " + f.path("path").asText("?") + " has no valid sha256 and size");
        }
        files.add(new FileEntry(f.path("path").asText(""), sha, size));
      }
      Instant created;
      try {
        created = Instant.parse(doc.path("createdAt").asText(""));
      } catch (java.time.format.DateTimeParseException e) {
        throw new MlopsException(source + ": createdAt is not an ISO-8601 time", e);
      }
      JsonNode exp = doc.get("experimentId");
      JsonNode expName = doc.get("experimentName");
      return new Manifest(
          kind,
          doc.path("name").asText(""),
          exp == null || exp.isNull() ? null : exp.asText(),
          expName == null || expName.isNull() ? null : expName.asText(),
          doc.path("title").asText(""),
          uris,
          files,
          created);
    }

    /**
     * This run's manifest moved into the local experiment {@code localId} (of the same name): the
     * experiment's own files left out, the run's files under {@code <localId>/<runId>/}.
     */
    Manifest movedTo(String localId) {
      String from = experimentId + "/" + name + "/";
      List<FileEntry> moved = new ArrayList<>();
      for (FileEntry f : files) {
        if (f.path().startsWith(from)) {
          moved.add(
              new FileEntry(
                  localId + "/" + name + "/" + f.path().substring(from.length()),
                  f.sha256(),
                  f.size()));
        }
      }
      return new Manifest(kind, name, localId, experimentName, title, rootUris, moved, createdAt);
    }

    /**
     * This manifest if it is the one asked for and every path stays in its folders: a run's
     * experiment's {@code meta.yaml} and {@code tags/}, and its own folder; a model's folder.
     */
    Manifest checked(String wantKind, String wantName, String source) {
      if (!kind.equals(wantKind) || !name.equals(wantName)) {
        throw new MlopsException(
            source
                + ": holds "
                + kind
                + " '"
                + Names.printable(name)
                + "', not the "
                + wantKind
                + " asked for; nothing was pulled");
      }
      String exp = experimentId;
      List<String> allowed = new ArrayList<>();
      if (kind.equals("run")) {
        if (exp == null
            || !Names.isExperimentId(exp)
            || exp.equals(MODELS_DIR)
            || !Names.isRunId(name)) {
          throw new MlopsException(
              source
                  + ": experimentId must be an experiment id, but was '"
                  + (exp == null ? "null" : Names.printable(exp))
                  + "'; nothing was pulled");
        }
        allowed.add(exp + "/tags/");
        allowed.add(exp + "/" + name + "/");
      } else {
        allowed.add(MODELS_DIR + "/" + name + "/");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (FileEntry f : files) {
        String p = f.path();
        Optional<String> problem = SafePaths.problem(p);
        boolean inside =
            problem.isEmpty()
                && (allowed.stream().anyMatch(p::startsWith)
                    || (kind.equals("run") && p.equals(exp + "/" + META)));
        if (!inside || skipped(Path.of(p)) || !seen.add(p)) {
          throw new MlopsException(
              source
                  + ": file path must be inside "
                  + String.join(" or ", allowed)
                  + ", but was '"
                  + Names.printable(p)
                  + "'"
                  + problem.map(x -> " (" + x + ")").orElse("")
                  + "; nothing was pulled");
        }
      }
      return this;
    }
  }

  /**
   * Configures a {@link TrackingRemote}; each setter checks its argument.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Path storeRoot;
    private @Nullable String remoteUrl;
    private @Nullable RemoteStorage remote;
    private int transfers = 8;
    private TransferListener listener = TransferListener.NONE;

    private Builder(Path storeRoot) {
      this.storeRoot = storeRoot;
    }

    /**
     * @param url the remote (no default): a folder path, a {@code file:} URL, or a URL of a scheme
     *     a {@link RemoteStorageProvider} serves, such as {@code s3://bucket/prefix}
     * @return this builder
     * @throws NullPointerException if url is null
     * @throws IllegalArgumentException if no provider serves its scheme
     */
    public Builder remote(String url) {
      Require.nonNull(url, "url");
      RemoteStorage.open(url).close(); // fails now for an unknown scheme
      this.remoteUrl = url;
      this.remote = null;
      return this;
    }

    /**
     * @param storage a remote opened by the caller, which stays the caller's to close
     * @return this builder
     * @throws NullPointerException if storage is null
     */
    public Builder remote(RemoteStorage storage) {
      this.remote = Require.nonNull(storage, "storage");
      this.remoteUrl = null;
      return this;
    }

    /**
     * @param parallel how many files are transferred at once (default 8)
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder transfers(int parallel) {
      Require.argument(parallel >= 1, "transfers", "at least 1", parallel);
      this.transfers = parallel;
      return this;
    }

    /**
     * @param listener receives the progress of transfers (default: none)
     * @return this builder
     * @throws NullPointerException if listener is null
     */
    public Builder listener(TransferListener listener) {
      this.listener = Require.nonNull(listener, "listener");
      return this;
    }

    /**
     * @return the engine; nothing is read or sent yet
     * @throws IllegalStateException if no remote was given
     */
    public TrackingRemote build() {
      Require.state(
          remoteUrl != null || remote != null,
          "no remote configured: give remote(\"s3://bucket/prefix\") or a folder");
      return new TrackingRemote(this);
    }
  }
}
