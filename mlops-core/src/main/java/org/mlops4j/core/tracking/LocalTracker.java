package org.mlops4j.core.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.LifecycleStage;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.MetricGoal;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunAction;
import org.mlops4j.api.tracking.RunBuilder;
import org.mlops4j.api.tracking.RunComparison;
import org.mlops4j.api.tracking.RunFilter;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.mlops4j.api.tracking.RunWork;
import org.mlops4j.api.tracking.Tracker;
import org.mlops4j.core.Provenance;
import org.mlops4j.core.tracking.internal.DvcLiveWriter;
import org.mlops4j.core.tracking.internal.FileStoreReader;
import org.mlops4j.core.tracking.internal.MetricSink;
import org.mlops4j.core.tracking.internal.MetricWriter;
import org.mlops4j.core.tracking.internal.Yaml;
import org.mlops4j.report.internal.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Tracker} writing a local folder in MLflow's FileStore layout, so that {@code mlflow ui
 * --backend-store-uri ./mlruns} (MLflow 2.x and 3.x) shows its experiments and runs, and reading
 * such folders written by MLflow itself.
 *
 * <pre>{@code
 * try (LocalTracker tracker = LocalTracker.open(Path.of("mlruns"))) {
 *   try (Run run = tracker.newRun("churn").name("baseline").seed("split", 42L).start()) {
 *     run.logParam("lr", "0.01");
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *       run.logMetric("train/loss", loss[epoch], epoch);
 *     }
 *   }
 *   tracker.bestRun("churn", "train/loss", MetricGoal.MINIMIZE);
 * }
 * }</pre>
 *
 * <h2>File format (MLflow FileStore)</h2>
 *
 * <pre>
 * mlruns/
 *   .mlops4j.lock                  lock file for experiment creation (ignored by MLflow)
 *   0/meta.yaml                    experiment "Default", created when the store is opened
 *   &lt;experiment_id&gt;/
 *     meta.yaml                    artifact_location, creation_time, experiment_id ('quoted'),
 *                                  last_update_time, lifecycle_stage, name
 *     tags/&lt;key&gt;                   experiment tags (raw value)
 *     &lt;run_id&gt;/                     32 lowercase hex characters (uuid4 without dashes)
 *       meta.yaml                  artifact_uri, end_time (ms or null), entry_point_name '',
 *                                  experiment_id, lifecycle_stage, run_id, run_name, run_uuid
 *                                  (= run_id, for MLflow 2.x), source_name '', source_type 4,
 *                                  source_version '', start_time (ms), status (1 RUNNING,
 *                                  2 SCHEDULED, 3 FINISHED, 4 FAILED, 5 KILLED), tags [], user_id
 *       params/, metrics/, tags/, artifacts/   made with the run, as MLflow's writer makes them
 *                                  (MLflow 3 refuses a run folder without them)
 *       params/&lt;key&gt;               the value, exactly, no trailing newline
 *       tags/&lt;key&gt;                 the value, exactly; mlflow.runName, mlflow.user,
 *                                  mlflow.source.type = LOCAL, mlflow.source.git.commit, the
 *                                  run's provenance (mlops4j.*) and mlops4j.heartbeat (epoch ms
 *                                  of the latest heartbeat); setting mlflow.runName also
 *                                  rewrites run_name in meta.yaml, as MLflow's set_tag does
 *       metrics/&lt;key&gt;              one line per point: "&lt;timestamp ms&gt; &lt;value&gt; &lt;step&gt;\n",
 *                                  value in Python float syntax (0.1, 1e-05, nan, inf, -inf)
 *       artifacts/provenance.json  the run's provenance (format mlops4j.provenance, below)
 *       artifacts/...              logged files
 * </pre>
 *
 * Keys containing {@code /} become sub-folders. New experiment ids are random 18-digit numbers, as
 * MLflow's. YAML keys are sorted and scalars quoted as PyYAML quotes them.
 *
 * <p>{@code provenance.json} is mlops4j's own JSON document (docs/CONVENTIONS.md): the header
 * {@code format} = {@code "mlops4j.provenance"}, {@code formatVersion} = 1, {@code library}, {@code
 * libraryVersion} (the provenance's, which is the library that captured and wrote it) and {@code
 * createdAt} (the capture time, to the millisecond), then {@code jvmVersion}, {@code jvmVendor},
 * {@code osName}, {@code osArch}, {@code gitCommit} and {@code gitDirty} ({@code null} outside a
 * git work tree), {@code host}, {@code user}, {@code seeds} (name to seed), {@code capturedAt}
 * (ISO-8601, full precision) and {@code tags} (the {@code mlops4j.*} tags, as {@link
 * Provenance#asMap()}). Every other file keeps MLflow's format (and DVCLive's, below) exactly.
 *
 * <h2>Writing</h2>
 *
 * Every write but a metric append is atomic: the content goes to a temporary file ({@code
 * .mlops4j-tmp-<pid>-<process start>-<name>-<uuid>.m<machine>}, {@code AtomicFiles.temporaryName})
 * in the run's folder (for the files of a DVCLive folder outside the run: that folder), never
 * inside {@code params/}, {@code metrics/} or {@code tags/}, where MLflow would list it, and is
 * renamed over the target ({@code ATOMIC_MOVE}). A new experiment or run folder is built with its
 * {@code meta.yaml} under a hidden temporary name of the same form and renamed into place, so no
 * reader sees it half made. The reader skips experiment and run folders whose names start with
 * {@code .}, and lists no folder that holds temporary files, so one left by a killed process is
 * never read. A tracker opened for writing removes the temporaries that processes no longer running
 * left (at the root, in experiment folders and in run folders, active or in {@code .trash}):
 * MLflow's own reader would take a leftover folder at the root for an experiment and fail. A
 * temporary of another machine or container sharing the store is removed only once it has not
 * changed for an hour, as a pid says nothing about a process elsewhere. Metric points are appended
 * as whole lines, each batch in one write call. Files are created as a plain file write creates
 * them (0666 less the umask on POSIX systems), folders as a plain {@code mkdir}.
 *
 * <p>A running run records a heartbeat (tag {@code mlops4j.heartbeat}) when it starts and then
 * every {@link Builder#heartbeatInterval(Duration)} (default 30 s); {@link #probablyDeadSince} says
 * when a RUNNING run has been silent for three intervals (its process was killed with {@code kill
 * -9} or lost power). On SIGTERM, Ctrl-C or {@code System.exit} a shutdown hook ends the open runs
 * as KILLED. A tracker opened for writing cuts a torn last line (no newline, left by a kill in the
 * middle of a write) off the metric files of probably dead runs, so that MLflow's reader, which
 * would take it for a point, never sees it. A metric file that cannot be written fails its own
 * run's {@code flush()} and {@code close()}, never another run's.
 *
 * <p>The store promises atomicity, not durability: nothing is forced to the device (no {@code
 * fsync}; {@code AtomicFiles.Durability.ATOMIC}). A killed JVM never leaves a torn file and loses
 * nothing that was written before it died (a call to {@link Run#flush()} that returned, for
 * metrics); an operating-system crash or a power loss can lose the latest writes, and, depending on
 * the file system, leave a recently replaced file empty or a metric file with a partial last line
 * (which the reader ignores). {@code docs/PERFORMANCE.md} has the cost of forcing each write
 * (AtomicWriteBenchmark).
 *
 * <p>Metric points are queued by {@link Run#logMetric} and written by a background daemon thread,
 * batched per metric file, in whole lines: at the latest after {@link
 * Builder#flushInterval(Duration)} (default 1 s), on {@link Run#flush()} and {@link Run#close()}.
 * When the queue ({@link Builder#queueCapacity(int)}, default 65,536 points) is full, {@code
 * logMetric} blocks until there is room (back-pressure: memory is bounded). A metric file is
 * created with its first lines in one atomic step, so it is never empty. Experiment creation holds
 * a lock (in-process, and a {@link FileLock} on {@code .mlops4j.lock} across processes), so two
 * trackers on one store never create the same experiment twice.
 *
 * <h2>Reading</h2>
 *
 * Reading follows MLflow's reader: {@code meta.yaml} scalars are typed by PyYAML's YAML 1.1 rules
 * ({@code 1e3} is a string, {@code 1.5e+3} a float), an experiment's {@code models/} folder (MLflow
 * 3's logged models) is skipped, a metric step or timestamp beyond a {@code long} (MLflow writes a
 * step of 2^63) is clamped to {@code Long.MIN_VALUE..Long.MAX_VALUE} (both said once at debug
 * level); an experiment or run whose id does not match its folder is skipped; a folder without a
 * readable {@code meta.yaml} or a malformed metric line is an {@link MlopsException} naming the
 * path; a trailing partial metric line (left by a crash) is ignored with a warning. The latest
 * value of a metric is the point with the largest step, then timestamp, then value.
 *
 * <h2>What the store trusts and what it checks</h2>
 *
 * Every name that becomes a path in the store (param, metric and tag keys, seed names, artifact
 * paths, the file names of a logged folder) passes the one name check ({@code
 * api.internal.Names.validateKey}: MLflow's rule, plus no invisible characters, NFC, no Windows
 * device name and no segment ending in a dot or a space), before anything is written. Experiment
 * and run names are written into {@code meta.yaml} and tags only, never into paths; experiment and
 * run ids are generated and checked against MLflow's id patterns. Keys that only look something up
 * ({@link #metricHistory}, {@link #bestRun}) follow MLflow's rule alone, so that every store MLflow
 * writes can be read (exactly MLflow's POSIX rule, {@code \w} as Python 3.11 reads it). The store
 * follows no symbolic link below its root: the lock file is opened without following one (a link
 * there is an {@link MlopsException}), the reader skips links with a warning, and a write through a
 * linked folder of a run is refused. The store trusts the contents of its files (a {@code
 * meta.yaml} is parsed as YAML, values are read as they are) and that only its users can write into
 * it: it guards against mistakes and planted links, not against a writer that changes the files
 * while a tracker reads them.
 *
 * <p>Optionally ({@link Builder#dvcLive()}), each run also writes DVCLive's layout ({@code
 * metrics.json}, {@code params.yaml}, {@code plots/metrics/<key>.tsv}) into {@code
 * artifacts/dvclive/}, or into a folder of the caller's choice.
 *
 * @since 0.1.0
 */
public final class LocalTracker implements Tracker {

  /** The default root folder, {@code ./mlruns}, as MLflow's. */
  public static final Path DEFAULT_ROOT = Path.of("mlruns");

  /** The name of the lock file at the root of the store. */
  public static final String LOCK_FILE = ".mlops4j.lock";

  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private static final Logger LOG = LoggerFactory.getLogger(LocalTracker.class);

  /** The {@code format} of {@code provenance.json}. */
  static final String PROVENANCE_FORMAT = "mlops4j.provenance";

  /** The {@code formatVersion} of {@code provenance.json}. */
  static final int PROVENANCE_FORMAT_VERSION = 1;

  /** The folders of a run, made with it, as MLflow's writer makes them. */
  private static final String[] RUN_FOLDERS = {"artifacts", "metrics", "params", "tags"};

  private final Path root;
  private final String rootUri;
  private final boolean readOnly;
  private final Clock clock;
  private final String user;
  private final Supplier<String> experimentIds;
  private final Supplier<String> runIds;
  private final Function<Map<String, Long>, Provenance> provenance;
  private final @Nullable Function<Path, Path> dvcLiveDir;
  private final FileStoreReader reader;
  private final @Nullable MetricWriter writer;
  private final Set<LocalRun> active = ConcurrentHashMap.newKeySet();
  private final Duration heartbeatInterval;
  private final @Nullable ScheduledExecutorService heartbeats;
  private final @Nullable Thread shutdownHook;
  private volatile boolean closed;

  private LocalTracker(Builder b) {
    this.root = b.root.toAbsolutePath().normalize();
    String uri = root.toUri().toString();
    this.rootUri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    this.readOnly = b.readOnly;
    this.clock = b.clock;
    this.user = b.user;
    this.experimentIds = b.experimentIds;
    this.runIds = b.runIds;
    this.provenance = b.provenance;
    this.dvcLiveDir = b.dvcLiveDir;
    this.heartbeatInterval = b.heartbeatInterval;
    this.reader = new FileStoreReader(root);
    if (readOnly) {
      if (!Files.isDirectory(root)) {
        throw new MlopsException("not a tracking store: " + root + " is not a directory");
      }
      this.writer = null;
      this.heartbeats = null;
      this.shutdownHook = null;
    } else {
      try {
        Files.createDirectories(root);
      } catch (IOException e) {
        throw new MlopsException("cannot create the tracking store " + root, e);
      }
      removeStaleTemporaries(b.dvcLiveFolder);
      repairTornTailsOfDeadRuns();
      withStoreLock(
          () -> {
            if (reader.experimentDir("0").isEmpty()) {
              createExperiment("0", "Default");
            }
            return null;
          });
      this.writer =
          new MetricWriter(
              "mlops4j-metric-writer " + root,
              b.queueCapacity,
              b.flushInterval.toMillis(),
              b.maxPendingLines);
      MetricWriter w = this.writer;
      ScheduledExecutorService beats =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread t = new Thread(task, "mlops4j-heartbeat " + root);
                t.setDaemon(true);
                return t;
              });
      long every = heartbeatInterval.toMillis();
      beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
      this.heartbeats = beats;
      this.shutdownHook =
          new Thread(
              () -> {
                // SIGTERM, Ctrl-C or System.exit: the open runs end as KILLED (a kill -9 cannot
                // be caught: its runs stay RUNNING, and their heartbeat tells they are dead)
                for (LocalRun run : List.copyOf(active)) {
                  try {
                    run.end(RunStatus.KILLED);
                  } catch (RuntimeException | Error e) {
                    // the JVM is exiting; the next run gets its chance
                  }
                }
                try {
                  w.flush();
                } catch (RuntimeException e) {
                  // the JVM is exiting; nothing more to do
                }
              },
              "mlops4j-tracker-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /**
   * @return a tracker on {@code ./mlruns}, created if needed
   */
  public static LocalTracker open() {
    return builder().build();
  }

  /**
   * @return a tracker on the store at {@code root}, created if needed
   */
  public static LocalTracker open(Path root) {
    return builder().root(root).build();
  }

  /**
   * @return a tracker that only reads the store at {@code root} (starting runs or creating
   *     experiments throws {@link IllegalStateException}); nothing is written, not even a lock
   * @throws MlopsException if root is not a directory
   */
  public static LocalTracker openReadOnly(Path root) {
    return builder().root(root).readOnly().build();
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the root folder of the store (absolute)
   */
  public Path root() {
    return root;
  }

  // ---------------------------------------------------------------- experiments

  /**
   * @throws NullPointerException {@code "experiment name must not be null"}
   * @throws IllegalArgumentException {@code "experiment name must be non-blank, but was '<name>'"}
   */
  static String requireExperimentName(@Nullable String name) {
    return Require.nonBlank(name, "experiment name");
  }

  @Override
  public Experiment experiment(String name) {
    requireExperimentName(name);
    Optional<Experiment> found = findExperiment(name);
    if (found.isPresent()) {
      return found.get();
    }
    requireWritable("create experiment '" + name + "'");
    return withStoreLock(
        () -> {
          for (Experiment e : reader.experiments(true)) {
            if (e.name().equals(name)) {
              if (e.isActive()) {
                return e;
              }
              throw new IllegalStateException(
                  "experiment '"
                      + name
                      + "' exists in the deleted state (id "
                      + e.id()
                      + "); restore it or choose another name");
            }
          }
          String id;
          do {
            id = experimentIds.get();
            Require.state(
                Names.isExperimentId(id),
                "the experiment id source gave '" + id + "', not an id MLflow accepts");
          } while (reader.experimentDir(id).isPresent());
          return createExperiment(id, name);
        });
  }

  private Experiment createExperiment(String id, String name) {
    Path dir = root.resolve(id);
    long now = clock.millis();
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("artifact_location", rootUri + "/" + id);
    meta.put("creation_time", now);
    meta.put("experiment_id", id);
    meta.put("last_update_time", now);
    meta.put("lifecycle_stage", LifecycleStage.ACTIVE.label());
    meta.put("name", name);
    createFolderWithMeta(dir, Yaml.mapping(meta), "experiment");
    Experiment created = reader.readExperiment(dir);
    if (created == null) {
      throw new MlopsException(dir + ": its meta.yaml does not name experiment " + id);
    }
    return created;
  }

  /**
   * Creates a folder that appears complete: built with its meta.yaml under a staging name beside it
   * ({@link AtomicFiles#stagingName()}: a valid MLflow id, so MLflow's reader skips a leftover of a
   * killed process with a warning instead of failing), then renamed into place, so that no reader
   * ever sees it without its meta.yaml.
   */
  private static void createFolderWithMeta(
      Path dir, String metaYaml, String what, String... subfolders) {
    Path tmp = dir.resolveSibling(AtomicFiles.stagingName());
    try {
      Files.createDirectories(tmp);
      for (String sub : subfolders) {
        Files.createDirectory(tmp.resolve(sub));
      }
      AtomicFiles.write(tmp.resolve("meta.yaml"), metaYaml, Durability.ATOMIC);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        AtomicFiles.deleteRecursively(tmp);
      } catch (IOException ignored) {
        // best effort
      }
      throw new MlopsException("cannot create " + what + " folder " + dir, e);
    }
  }

  @Override
  public Optional<Experiment> findExperiment(String name) {
    requireExperimentName(name);
    return reader.experiments(false).stream().filter(e -> e.name().equals(name)).findFirst();
  }

  @Override
  public List<Experiment> experiments() {
    return reader.experiments(false);
  }

  @Override
  public List<Experiment> allExperiments() {
    return reader.experiments(true);
  }

  private <T> T withStoreLock(Supplier<T> action) {
    ReentrantLock lock = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
    lock.lock();
    try (FileChannel ch = openLockFile()) {
      FileLock fileLock = ch.lock();
      try {
        return action.get();
      } finally {
        fileLock.release();
      }
    } catch (IOException e) {
      throw new MlopsException("cannot lock " + root.resolve(LOCK_FILE), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Opens (creating it if needed) the store's lock file, never through a symbolic link: opened with
   * CREATE, a dangling link would create the file it points to, anywhere.
   *
   * @throws MlopsException {@code "<lock>: a symbolic link, which the tracker does not follow;
   *     ..."}
   */
  private FileChannel openLockFile() throws IOException {
    Path lockFile = root.resolve(LOCK_FILE);
    if (Files.isSymbolicLink(lockFile)) {
      throw lockIsALink(lockFile);
    }
    try {
      return FileChannel.open(
          lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(lockFile)) {
        throw lockIsALink(lockFile); // made between the check and the open
      }
      throw e;
    }
  }

  private static MlopsException lockIsALink(Path lockFile) {
    return new MlopsException(
        lockFile
            + ": a symbolic link, which the tracker does not follow; the store's lock file must"
            + " be a regular file (remove the link)");
  }

  /**
   * Removes the temporary files and folders ({@code .mlops4j-tmp-*}) that processes no longer
   * running left in the store: at its root (experiment folders being made), in experiment folders
   * (run folders being made) and in run folders (files being written), active or in {@code .trash},
   * and in a DVCLive folder outside the store. A failure is logged, never thrown: the store still
   * opens.
   */
  private void removeStaleTemporaries(@Nullable Path dvcLiveFolder) {
    List<Path> places = new ArrayList<>();
    try {
      Path real = root.toRealPath();
      places.add(real);
      places.add(real.resolve(FileStoreReader.TRASH));
    } catch (IOException e) {
      LOG.warn("Cannot remove stale temporary files in {}: {}", root, e.toString());
      return;
    }
    for (Path place : places) {
      removeStaleTemporaries(place, 2);
    }
    if (dvcLiveFolder != null) {
      removeStaleTemporaries(dvcLiveFolder, 0);
    }
  }

  private static void removeStaleTemporaries(Path folder, int depth) {
    try {
      int removed = AtomicFiles.removeStaleTemporaries(folder, depth);
      if (removed > 0) {
        LOG.info(
            "Removed {} temporary files and folders that stopped processes left in {}",
            removed,
            folder);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot remove stale temporary files in {}: {}", folder, e.toString());
    }
  }

  /** Records a heartbeat for every open run; a failure is logged, never thrown. */
  private void beat() {
    long now = clock.millis();
    for (LocalRun run : List.copyOf(active)) {
      try {
        run.heartbeat(now);
      } catch (RuntimeException e) {
        LOG.warn("Cannot record the heartbeat of run {}: {}", run.id(), e.toString());
      }
    }
  }

  /**
   * Cuts the torn last line off the metric files of runs whose process is probably dead (status
   * RUNNING, heartbeat older than three heartbeat intervals): such a line, left by a kill in the
   * middle of a write, would be read by MLflow as a point with a wrong value or step. Runs without
   * a heartbeat (MLflow's, older mlops4j's) are left alone. A failure is logged, never thrown.
   */
  private void repairTornTailsOfDeadRuns() {
    Duration silence = heartbeatInterval.multipliedBy(3);
    try (var experiments = Files.list(root)) {
      for (Path exp : (Iterable<Path>) experiments::iterator) {
        if (!Names.isExperimentId(exp.getFileName().toString())
            || !Files.isDirectory(exp, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (var runs = Files.list(exp)) {
          for (Path run : (Iterable<Path>) runs::iterator) {
            if (Names.isRunId(run.getFileName().toString())
                && Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)
                && probablyDead(run, clock, silence)) {
              for (Path metric : FileStoreReader.keyFiles(run.resolve("metrics")).values()) {
                MetricSink.repairTornTail(metric);
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot repair the metric files of stopped runs in {}: {}", root, e.toString());
    }
  }

  /** The clock is read only for a run with a heartbeat (a fixed clock of a test stays in step). */
  private static boolean probablyDead(Path run, Clock clock, Duration silence) throws IOException {
    Path beat = run.resolve("tags").resolve(RunRecord.HEARTBEAT_TAG);
    if (!Files.isRegularFile(beat, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(run.resolve("meta.yaml"), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    long millis;
    try {
      millis = Long.parseLong(Files.readString(beat).trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (!Instant.ofEpochMilli(millis).plus(silence).isBefore(clock.instant())) {
      return false;
    }
    Object meta = Yaml.read(Files.readString(run.resolve("meta.yaml")));
    return meta instanceof Map<?, ?> m
        && String.valueOf(m.get("status")).equals(Integer.toString(RunStatus.RUNNING.code()));
  }

  /**
   * Whether a run is probably dead: it says RUNNING but its process has recorded no heartbeat for
   * three of this tracker's heartbeat intervals ({@link Builder#heartbeatInterval(Duration)}).
   *
   * @param run a run of this store
   * @return the time of its last heartbeat if it is probably dead since then, else empty
   */
  public Optional<Instant> probablyDeadSince(RunRecord run) {
    Require.nonNull(run, "run");
    return run.probablyDeadSince(clock.instant(), heartbeatInterval.multipliedBy(3));
  }

  // ---------------------------------------------------------------- runs

  @Override
  public Run startRun(String experimentName, String runName) {
    return newRun(experimentName).name(runName).start();
  }

  @Override
  public RunBuilder newRun(String experimentName) {
    return new LocalRunBuilder(this, experimentName);
  }

  @Override
  public <T> T run(String experimentName, String runName, RunWork<T> work) {
    return newRun(experimentName).name(runName).run(work);
  }

  @Override
  public void runVoid(String experimentName, String runName, RunAction work) {
    newRun(experimentName).name(runName).runVoid(work);
  }

  /**
   * Runs the work in the run: ends it FINISHED when the work returns, FAILED when it throws. An
   * unchecked exception or error is rethrown as it is; a checked one is wrapped in an {@link
   * MlopsException} {@code "run '<name>' failed: <exception>"} with it as the cause.
   */
  static <T> T runWork(Run run, RunWork<T> work) {
    Require.nonNull(work, "work");
    T result;
    try {
      result = work.apply(run);
    } catch (RuntimeException | Error e) {
      failKeepingCause(run, e);
      throw e;
    } catch (Exception e) {
      failKeepingCause(run, e);
      throw new MlopsException("run '" + run.name() + "' failed: " + e, e);
    }
    run.end(RunStatus.FINISHED);
    return result;
  }

  /** Records the failure; if that fails too, the work's exception still wins, carrying it. */
  private static void failKeepingCause(Run run, Throwable cause) {
    try {
      run.fail(cause);
    } catch (RuntimeException | Error f) {
      cause.addSuppressed(f);
    }
  }

  LocalRun start(
      String experimentName,
      @Nullable String runName,
      Map<String, String> extraTags,
      Map<String, Long> seeds) {
    requireWritable("start a run in experiment '" + experimentName + "'");
    Experiment experiment = experiment(experimentName);
    String runId = Names.validateRunId(runIds.get());
    String name =
        runName == null ? "run-" + runId.substring(0, Math.min(8, runId.length())) : runName;
    long start = clock.millis();
    Provenance p = provenance.apply(Map.copyOf(seeds));
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("mlflow.runName", name);
    tags.put("mlflow.user", user);
    tags.put("mlflow.source.type", "LOCAL");
    tags.put(RunRecord.HEARTBEAT_TAG, Long.toString(start));
    p.gitCommit().ifPresent(c -> tags.put("mlflow.source.git.commit", c));
    tags.putAll(p.asMap());
    tags.putAll(extraTags);
    // every tag key becomes a file name: all are checked before the run's folder is made
    tags.keySet().forEach(k -> Names.validateKey("tag key", k));
    Path dir = root.resolve(experiment.id()).resolve(runId);
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("artifact_uri", rootUri + "/" + experiment.id() + "/" + runId + "/artifacts");
    meta.put("end_time", null);
    meta.put("entry_point_name", "");
    meta.put("experiment_id", experiment.id());
    meta.put("lifecycle_stage", LifecycleStage.ACTIVE.label());
    meta.put("run_id", runId);
    meta.put("run_name", name);
    meta.put("run_uuid", runId);
    meta.put("source_name", "");
    meta.put("source_type", 4);
    meta.put("source_version", "");
    meta.put("start_time", start);
    meta.put("status", RunStatus.RUNNING.code());
    meta.put("tags", List.of());
    meta.put("user_id", user);
    // MLflow's writer makes all four when it makes a run, and MLflow 3 refuses a run without them
    createFolderWithMeta(dir, Yaml.mapping(meta), "run", RUN_FOLDERS);
    Function<Path, Path> dvcDir = dvcLiveDir;
    DvcLiveWriter dvc = null;
    if (dvcDir != null) {
      Path dvcFolder = dvcDir.apply(dir);
      // inside the run, its temporaries go to the run's folder, where a later open removes them
      dvc = new DvcLiveWriter(dvcFolder, dvcFolder.startsWith(dir) ? dir : dvcFolder);
    }
    LocalRun run = new LocalRun(this, runId, experiment.id(), name, dir, meta, dvc);
    tags.forEach(run::writeTag);
    run.logText("provenance.json", provenanceJson(p));
    active.add(run);
    return run;
  }

  /**
   * The provenance as a {@code mlops4j.provenance} document. The header's {@code libraryVersion} is
   * the provenance's own (the library that captured it is the one writing it) and its {@code
   * createdAt} the capture time, so that the same provenance always gives the same bytes.
   */
  static String provenanceJson(Provenance p) {
    Map<String, Object> m =
        Json.document(PROVENANCE_FORMAT, PROVENANCE_FORMAT_VERSION, p.capturedAt());
    m.put("libraryVersion", p.libraryVersion());
    m.put("jvmVersion", p.jvmVersion());
    m.put("jvmVendor", p.jvmVendor());
    m.put("osName", p.osName());
    m.put("osArch", p.osArch());
    m.put("gitCommit", p.gitCommit().orElse(null));
    m.put("gitDirty", p.gitDirty().orElse(null));
    m.put("host", p.host());
    m.put("user", p.user());
    m.put("seeds", p.seeds());
    m.put("capturedAt", p.capturedAt().toString());
    m.put("tags", p.asMap());
    return Json.write(m) + "\n";
  }

  void ended(LocalRun run) {
    active.remove(run);
  }

  MetricWriter writer() {
    MetricWriter w = writer;
    if (w == null) {
      throw new IllegalStateException("tracker on " + root + " is read-only");
    }
    return w;
  }

  long millis() {
    return clock.millis();
  }

  private void requireWritable(String what) {
    if (readOnly) {
      throw new IllegalStateException("tracker on " + root + " is read-only; cannot " + what);
    }
    if (closed) {
      throw new IllegalStateException("tracker on " + root + " is closed; cannot " + what);
    }
  }

  // ---------------------------------------------------------------- queries

  @Override
  public List<RunRecord> runs(String experimentName) {
    return findExperiment(experimentName)
        .map(e -> reader.runs(root.resolve(e.id()), false))
        .orElse(List.of());
  }

  @Override
  public List<RunRecord> runs(String experimentName, RunFilter filter) {
    Require.nonNull(filter, "filter");
    return runs(experimentName).stream().filter(filter::test).toList();
  }

  @Override
  public List<RunRecord> allRuns(String experimentName) {
    requireExperimentName(experimentName);
    return reader.experiments(true).stream()
        .filter(e -> e.name().equals(experimentName))
        .findFirst()
        .flatMap(e -> reader.experimentDir(e.id()))
        .map(dir -> reader.runs(dir, true))
        .orElse(List.of());
  }

  @Override
  public Optional<RunRecord> findRun(String runId) {
    Require.nonNull(runId, "runId");
    return reader.findRunDir(runId).map(reader::readRun);
  }

  @Override
  public Optional<RunRecord> bestRun(String experimentName, String metricKey, MetricGoal goal) {
    Require.nonNull(goal, "goal");
    Names.validateLookupKey("metric key", metricKey);
    Comparator<RunRecord> byValue =
        Comparator.comparingDouble(r -> r.metric(metricKey).getAsDouble());
    if (goal == MetricGoal.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    return runs(experimentName).stream()
        .filter(
            r ->
                r.metric(metricKey).isPresent() && !Double.isNaN(r.metric(metricKey).getAsDouble()))
        .min(byValue.thenComparing(RunRecord::startTime).thenComparing(RunRecord::runId));
  }

  @Override
  public List<Metric> metricHistory(String runId, String metricKey) {
    Require.nonNull(runId, "runId");
    Names.validateLookupKey("metric key", metricKey);
    Optional<Path> dir = reader.findRunDir(runId);
    Require.argument(dir.isPresent(), "runId", "the id of a run in " + root, "'" + runId + "'");
    return reader.history(dir.get(), metricKey);
  }

  @Override
  public RunComparison compare(String... runIds) {
    Require.noNulls(runIds, "runIds");
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < runIds.length; i++) {
      Optional<RunRecord> run = findRun(runIds[i]);
      Require.argument(
          run.isPresent(),
          "runIds[" + i + "]",
          "the id of a run in " + root,
          "'" + runIds[i] + "'");
      runs.add(run.get());
    }
    return new RunComparison(runs);
  }

  /**
   * Writes every queued metric point of every run.
   *
   * @throws MlopsException if the writer stopped, or writing an open run's metrics failed (the
   *     first such run's failure, the others' suppressed)
   */
  @Override
  public void flush() {
    MetricWriter w = writer;
    if (w != null) {
      w.flush();
      RuntimeException first = null;
      for (LocalRun run : List.copyOf(active)) {
        try {
          run.sink().throwIfFailed();
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    MetricWriter w = writer;
    if (w == null) {
      return;
    }
    RuntimeException first = null;
    try {
      for (LocalRun run : List.copyOf(active)) {
        // every open run gets its chance to end, even when ending another one failed
        try {
          run.end(RunStatus.KILLED);
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
    } finally {
      ScheduledExecutorService beats = heartbeats;
      if (beats != null) {
        beats.shutdownNow();
      }
      w.close();
      try {
        Runtime.getRuntime().removeShutdownHook(Require.nonNull(shutdownHook, "shutdownHook"));
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "LocalTracker[" + root + (readOnly ? ", read-only" : "") + "]";
  }

  /**
   * Settings of a {@link LocalTracker}. Defaults: root {@code ./mlruns}, flush interval 1 s, queue
   * capacity 65,536 points, at most 65,536 lines gathered before a write, user {@code user.name},
   * the system UTC clock, no DVCLive output, read-write.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Path root = DEFAULT_ROOT;
    private Duration flushInterval = Duration.ofSeconds(1);
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private int queueCapacity = 65_536;
    private int maxPendingLines = 65_536;
    private String user = System.getProperty("user.name", "unknown");
    private Clock clock = Clock.systemUTC();
    private boolean readOnly;
    private @Nullable Function<Path, Path> dvcLiveDir;
    private @Nullable Path dvcLiveFolder;
    private Supplier<String> experimentIds =
        () ->
            Long.toString(
                ThreadLocalRandom.current()
                    .nextLong(100_000_000_000_000_000L, 1_000_000_000_000_000_000L));
    private Supplier<String> runIds = () -> UUID.randomUUID().toString().replace("-", "");
    private Function<Map<String, Long>, Provenance> provenance = Provenance::capture;

    private Builder() {}

    /**
     * @param root the store's root folder (default {@code ./mlruns})
     */
    public Builder root(Path root) {
      this.root = Require.nonNull(root, "root");
      return this;
    }

    /**
     * @param interval the longest a logged metric point waits before it is written (default 1 s)
     * @throws NullPointerException {@code "flushInterval must not be null"}
     * @throws IllegalArgumentException {@code "flushInterval must be positive, but was <interval>"}
     */
    public Builder flushInterval(Duration interval) {
      Require.nonNull(interval, "flushInterval");
      Require.argument(
          !interval.isNegative() && !interval.isZero(), "flushInterval", "positive", interval);
      this.flushInterval = interval;
      return this;
    }

    /**
     * @param interval how often an open run records a heartbeat (tag {@code mlops4j.heartbeat},
     *     default 30 s); a RUNNING run without one for three intervals is probably dead ({@link
     *     LocalTracker#probablyDeadSince})
     * @throws NullPointerException {@code "heartbeatInterval must not be null"}
     * @throws IllegalArgumentException {@code "heartbeatInterval must be positive, but was <d>"}
     */
    public Builder heartbeatInterval(Duration interval) {
      Require.nonNull(interval, "heartbeatInterval");
      Require.argument(
          !interval.isNegative() && !interval.isZero(), "heartbeatInterval", "positive", interval);
      this.heartbeatInterval = interval;
      return this;
    }

    /**
     * @param capacity how many metric points may wait for the writer before {@code logMetric}
     *     blocks (default 65,536)
     * @throws IllegalArgumentException {@code "queueCapacity must be at least 1, but was <n>"}
     */
    public Builder queueCapacity(int capacity) {
      Require.argument(capacity >= 1, "queueCapacity", "at least 1", capacity);
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * @param lines how many lines the writer gathers before writing them (default 65,536)
     * @throws IllegalArgumentException {@code "maxPendingLines must be at least 1, but was <n>"}
     */
    public Builder maxPendingLines(int lines) {
      Require.argument(lines >= 1, "maxPendingLines", "at least 1", lines);
      this.maxPendingLines = lines;
      return this;
    }

    /**
     * @param user the user recorded on runs (default {@code user.name})
     * @throws NullPointerException {@code "user must not be null"}
     * @throws IllegalArgumentException {@code "user must be non-blank, but was '<user>'"}
     */
    public Builder user(String user) {
      this.user = Require.nonBlank(user, "user");
      return this;
    }

    /**
     * @param clock the clock of start, end and metric times (default the system UTC clock)
     */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /** Only reads: no run can be started, no experiment created, nothing written. */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    /** Also writes DVCLive's layout, into each run's {@code artifacts/dvclive/}. */
    public Builder dvcLive() {
      this.dvcLiveDir = runDir -> runDir.resolve("artifacts").resolve("dvclive");
      this.dvcLiveFolder = null;
      return this;
    }

    /**
     * Also writes DVCLive's layout into {@code dir} (for example {@code dvclive} at the root of a
     * DVC repository); each run writes over the previous run's files.
     */
    public Builder dvcLive(Path dir) {
      Require.nonNull(dir, "dir");
      Path abs = dir.toAbsolutePath().normalize();
      this.dvcLiveDir = runDir -> abs;
      this.dvcLiveFolder = abs;
      return this;
    }

    /** For tests: the source of new experiment ids. */
    Builder experimentIds(Supplier<String> ids) {
      this.experimentIds = Require.nonNull(ids, "ids");
      return this;
    }

    /** For tests: the source of new run ids. */
    Builder runIds(Supplier<String> ids) {
      this.runIds = Require.nonNull(ids, "ids");
      return this;
    }

    /** For tests: how a run's provenance is captured from its seeds. */
    Builder provenance(Function<Map<String, Long>, Provenance> capture) {
      this.provenance = Require.nonNull(capture, "capture");
      return this;
    }

    /**
     * @return the tracker; the store's folder and its {@code Default} experiment are created if
     *     missing (unless read-only)
     * @throws MlopsException if the store cannot be created, or (read-only) does not exist
     */
    public LocalTracker build() {
      return new LocalTracker(this);
    }
  }
}
