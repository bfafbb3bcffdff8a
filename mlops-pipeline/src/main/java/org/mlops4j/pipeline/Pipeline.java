package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.ObjectCache;
import org.mlops4j.pipeline.internal.StateStore;

/**
 * A reproducible pipeline: a graph of {@link Stage}s under a project root. {@link #run()} executes
 * the stages in dependency order, independent stages in parallel, and does the work only of the
 * stages whose inputs, params or code version changed since the lock file was written or whose
 * outputs are missing or modified; outputs produced before by the same inputs are restored from the
 * content-addressed cache instead (a run cache, as in DVC).
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder(Path.of("."))
 *     .seed(42)
 *     .stage(Stage.named("prepare").input("data/raw.csv").param("split", 0.2)
 *         .output("data/train.csv").codeVersion("v1").work(ctx -> ...))
 *     .stage(Stage.named("train").input("data/train.csv").output("model.bin").work(ctx -> ...))
 *     .build();
 * PipelineResult r = p.run();   // second call: every stage SKIPPED, in milliseconds
 * p.status();                   // what run() would do, without doing it
 * }</pre>
 *
 * <p>Files: {@code mlops.lock} (YAML, keys sorted; per stage the params, the SHA-256 and size of
 * every input and output, the code version, the seed, the duration and the provenance), rewritten
 * after each stage that ran or was restored; a copy of each new lock in {@code .mlops/locks/};
 * objects in {@code .mlops/cache/ab/cdef...}; the run cache (JSON, format {@code
 * mlops4j.pipeline-run}) in {@code .mlops/runs/}; known hashes by (size, mtime, inode) in {@code
 * .mlops/state.bin}, so that unchanged files are not read again.
 *
 * <p>Crash safety: no file is ever seen half-written; each is written to a temporary file that is
 * then renamed over it. The lock file and its copies, the cache objects and directory manifests,
 * the run-cache entries (also those copied by {@link #push(Path)} and {@link #pull(Path)}) and
 * {@code state.bin} are moreover durable: the file's bytes are forced to the device ({@code fsync})
 * before the rename, and the folder after it, so they survive a power loss once written. Every
 * cache object a lock refers to is durable before that lock is written. Outputs put in place in the
 * project are renamed into place but not forced: after a power loss the next run finds an output
 * missing or modified and restores it from the cache.
 *
 * <p>Seeds: stage {@code s} of a pipeline with seed {@code n} gets {@link #deriveSeed(long,
 * String)}: the first 8 bytes, big-endian, of SHA-256(n as 8 bytes big-endian || UTF-8 bytes of s),
 * as a signed long. Defaults: seed 0, parallelism = available processors (at most 4), outputs
 * hard-linked to the cache where possible, undeclared writes checked.
 *
 * <p>Hard links: by default an output is a hard link to its cache object, so the workspace file and
 * the cache share the same bytes on disk (no copy, no extra space). Replace such a file (write a
 * new file and rename it), do not edit it in place: an edit in place changes the cached copy too.
 * Cache objects are made read-only to that end; should one be edited anyway (root ignores the bit),
 * its new mtime marks it for re-hashing, and an object that no longer matches its name is moved to
 * the quarantine rather than restored, so the work runs again. Where users or tools edit outputs in
 * place, build with {@link Builder#linkOutputs(boolean) linkOutputs(false)}: every output is then a
 * private copy and the cache cannot be changed through the workspace.
 *
 * <p>What is trusted and what is checked. The pipeline's declaration (paths, stage names) is code
 * and trusted, but checked at {@link Builder#build()} and again when a run starts. Everything read
 * from disk is data: the lock, the run-cache entries, the manifests of directory outputs, and a
 * remote given to {@link #pull(Path)}. A manifest entry's path must be a normalised relative path
 * ({@code /} separators; no absolute path, {@code ..}, {@code .}, empty segment, backslash or NUL),
 * else the whole manifest is refused with a {@link MlopsException} naming it and the entry (a run
 * fails with a {@link PipelineException} naming the stage) and is moved to {@code
 * .mlops/cache-quarantine/}. The lock's and run entries' hashes must be 64 lowercase hex digits.
 * Outputs are placed in the project by renames into folders that are real folders or links that
 * resolve inside the root; a link at an output's own path is replaced, never followed. The lock
 * file and the run lock are never opened through a symbolic link, and {@code .mlops} and its
 * folders must not be links leading outside the project. What a restore places is hashed again when
 * the object is at most 1 MiB; a larger one is trusted if its size, mtime and inode are those
 * recorded when it was stored or last hashed. {@link #verify()} re-hashes everything. A copy from
 * or to a remote is hashed before it is renamed into place.
 *
 * <p>Interrupted restores: a stage's outputs are first all built in a staging folder (links or
 * copies, checked), then renamed into place one after the other, with a marker in {@code
 * .mlops/checkout/} for the time in between. A process killed between two renames leaves some
 * outputs new and some old, and the marker: {@link #status()} then reports the stage STALE with the
 * reason {@code outputs incomplete after an interrupted restore}, and the next {@link #run()} puts
 * its whole set in place again.
 *
 * <p>Temporary files: every temporary name records the process that made it (pid and start time).
 * The first {@link #run()} of a pipeline object, {@link #gc(int)}, {@link #verify()}, {@link
 * #push(Path)} and {@link #pull(Path)} remove those that processes no longer running left in the
 * project root and in {@code .mlops}; a push or pull also in the remote, where a temporary of
 * another machine is removed only once it has not changed for an hour.
 *
 * <p>A pipeline object may be run many times; it keeps the known hashes in memory between runs. Two
 * runs of the same project at once (threads or processes) are refused through {@code
 * .mlops/run.lock}; so is {@link #verify()} during a run.
 *
 * @since 0.1.0
 */
public final class Pipeline {
  /** Name of the lock file at the project root. */
  public static final String LOCK_FILE = "mlops.lock";

  /** Name of mlops4j's directory at the project root. */
  public static final String MLOPS_DIR = ".mlops";

  /** Name of the folder in {@value #MLOPS_DIR} where corrupt cache objects are moved. */
  static final String QUARANTINE_DIR = "cache-quarantine";

  final Path root;
  final long seed;
  final List<Stage> order;
  final Map<String, Stage> byName;
  final Map<String, List<String>> upstream;
  final int parallelism;
  final ProgressListener listener;
  final boolean linkOutputs;
  final boolean checkUndeclaredWrites;
  final List<String> ignored;
  final ObjectCache cache;
  private @Nullable StateStore state;
  private volatile boolean opened;

  private Pipeline(Builder b, Path root, StageGraph graph) {
    this.root = root;
    this.seed = b.seed;
    this.order = graph.order();
    this.byName = graph.byName();
    this.upstream = graph.upstream();
    this.parallelism = b.parallelism;
    this.listener = b.listener;
    this.linkOutputs = b.linkOutputs;
    this.checkUndeclaredWrites = b.checkUndeclaredWrites;
    this.ignored = List.copyOf(b.ignored);
    this.cache =
        new ObjectCache(
            mlopsDir().resolve("cache"),
            mlopsDir().resolve("runs"),
            mlopsDir().resolve(QUARANTINE_DIR));
  }

  /**
   * @param projectRoot an existing directory; every input and output lives under it
   * @return a builder
   * @throws NullPointerException if projectRoot is null
   */
  public static Builder builder(Path projectRoot) {
    return new Builder(Require.nonNull(projectRoot, "projectRoot"));
  }

  /**
   * The seed of stage {@code stageName} in a pipeline with seed {@code pipelineSeed}: the first 8
   * bytes, big-endian, of SHA-256(pipelineSeed as 8 bytes big-endian || UTF-8 bytes of stageName),
   * as a signed long. In Python: {@code int.from_bytes(hashlib.sha256(struct.pack('>q', seed) +
   * name.encode()).digest()[:8], 'big', signed=True)}.
   *
   * @param pipelineSeed the pipeline's seed
   * @param stageName the stage's name
   * @return the stage's seed
   * @throws NullPointerException if stageName is null
   */
  public static long deriveSeed(long pipelineSeed, String stageName) {
    Require.nonNull(stageName, "stageName");
    MessageDigest md = FileHasher.newDigest();
    md.update(ByteBuffer.allocate(8).putLong(pipelineSeed).array());
    md.update(stageName.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(md.digest(), 0, 8).getLong();
  }

  /**
   * @return the project root (real path)
   */
  public Path projectRoot() {
    return root;
  }

  /**
   * @return the lock file path
   */
  public Path lockFile() {
    return root.resolve(LOCK_FILE);
  }

  /**
   * @return the pipeline seed
   */
  public long seed() {
    return seed;
  }

  /**
   * @param stageName a stage of this pipeline
   * @return the seed of a stage, see {@link #deriveSeed(long, String)}
   * @throws IllegalArgumentException if there is no such stage
   */
  public long stageSeed(String stageName) {
    stage(stageName);
    return deriveSeed(seed, stageName);
  }

  /**
   * @return the stages in dependency order (ties in declaration order)
   */
  public List<Stage> stages() {
    return order;
  }

  /**
   * @param name a stage name
   * @return the named stage
   * @throws IllegalArgumentException if there is no such stage
   */
  public Stage stage(String name) {
    Require.nonNull(name, "name");
    Stage s = byName.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          Require.mustBe("name", "one of " + byName.keySet(), "'" + name + "'"));
    }
    return s;
  }

  /**
   * @param name a stage name
   * @return the names of the stages the named stage reads outputs of
   * @throws IllegalArgumentException if there is no such stage
   */
  public List<String> upstreamOf(String name) {
    stage(name);
    return upstream.get(name);
  }

  /**
   * Runs the stages that are not up to date.
   *
   * @return what ran, what was restored from the cache, what was skipped and why
   * @throws PipelineException if a stage failed (after the others have finished); the message names
   *     the failed stages and those not run, the cause is the first stage's failure
   * @throws IllegalArgumentException if an input or output now leads outside the project root
   * @throws MlopsException if the cache, the lock or the state cannot be read or written (a lock
   *     that is a symbolic link or names a malformed hash included), {@code .mlops} or the run lock
   *     is a symbolic link (see the class comment), or another run of this project is in progress
   */
  public PipelineResult run() {
    return new Execution(this, true, null).perform();
  }

  /**
   * Runs as {@link #run()}, then logs to {@code trackingRun}, every key in the one scheme {@code
   * pipeline.<stage>.<what>} (the stage name with every character but letters, digits, {@code _}
   * and {@code -} replaced by {@code _}): params {@code pipeline.seed}, {@code
   * pipeline.<stage>.seed}, {@code pipeline.<stage>.code_version} and {@code
   * pipeline.<stage>.param.<name>}; per stage the metric {@code pipeline.<stage>.seconds} (the time
   * the stage took in this run, in seconds) and the tag {@code pipeline.<stage>.action}; the
   * provenance tags; and the lock file as the artifact {@code pipeline/mlops.lock}. Logs also when
   * a stage failed, before throwing.
   *
   * @param trackingRun the run to log to; it is not ended here
   * @return as {@link #run()}
   * @throws NullPointerException if trackingRun is null
   * @throws PipelineException if a stage failed, as {@link #run()}
   */
  public PipelineResult run(Run trackingRun) {
    return new Execution(this, true, Require.nonNull(trackingRun, "trackingRun")).perform();
  }

  /**
   * Says what {@link #run()} would do, without running any work or writing the lock. Stages
   * downstream of a stale stage are reported stale.
   *
   * @return per stage SKIPPED (up to date) or STALE, with the reason
   */
  public PipelineResult status() {
    return new Execution(this, false, null).perform();
  }

  /**
   * Deletes cache objects that neither {@code mlops.lock} nor the last {@code keepLocks} lock files
   * in {@code .mlops/locks/} reference, older lock files, and run-cache entries of removed objects;
   * empties {@code .mlops/cache-quarantine/}; removes the temporary files that killed processes
   * left (see the class comment). Deletions are not forced to the device: after a power loss an
   * object may come back, which costs disk space only.
   *
   * @param keepLocks how many of the most recent lock files to keep, at least 0
   * @return what was removed
   * @throws IllegalArgumentException if keepLocks is negative
   */
  public GcResult gc(int keepLocks) {
    Require.nonNegative(keepLocks, "keepLocks");
    return Maintenance.gc(this, keepLocks);
  }

  /**
   * Checks the whole local cache: as {@link #verify(double) verify(1.0)}.
   *
   * @return what was checked, and what is corrupt or missing
   * @throws MlopsException if the cache cannot be read, or a run of this project is in progress
   */
  public VerifyResult verify() {
    return verify(1.0);
  }

  /**
   * Hashes the objects and manifests of the local cache again, reading every byte whatever the
   * recorded sizes and modification times say, and moves each one that no longer matches its name
   * (or is not a regular file, or is a manifest that is refused) to {@code
   * .mlops/cache-quarantine/}. Nothing restores it from there: a run-cache entry that names it is
   * no longer used, so the next run that needs it runs the stage's work again; records of outputs
   * that are hard links to it are dropped, so a damaged output shows as modified. Then lists the
   * objects and manifests that the lock, the kept earlier locks, the run-cache entries or a
   * manifest name but that are missing. Takes the run lock, and first removes the temporary files
   * that killed processes left in {@code .mlops}. {@link #gc(int)} empties the quarantine.
   *
   * @param fraction the chance, in (0, 1], that each object is checked, independently; 1 checks all
   * @return what was checked, and what is corrupt or missing
   * @throws IllegalArgumentException if fraction is not in (0, 1]
   * @throws MlopsException if the cache cannot be read, or a run of this project is in progress
   */
  public VerifyResult verify(double fraction) {
    Require.argument(fraction > 0 && fraction <= 1, "fraction", "in (0, 1]", fraction);
    return RunLock.hold(this, () -> Maintenance.verify(this, fraction));
  }

  /**
   * Copies the objects and run-cache entries that {@code mlops.lock} references to a remote cache
   * directory (for example on a shared drive), skipping those already there. Each copy is written
   * under a temporary name in the remote, hashed, forced to the device and renamed (see the class
   * comment) before it is counted, so a push killed midway leaves no partial object under an
   * object's name, and the next push or pull removes its temporary file.
   *
   * @param remote a directory; {@code cache/} and {@code runs/} are created in it
   * @return what was copied
   * @throws IllegalStateException if there is no lock file yet
   * @throws MlopsException if a local object does not match its name, a manifest is refused, or a
   *     copy fails
   */
  public CacheTransfer push(Path remote) {
    ObjectCache r = remoteCache(remote);
    return Maintenance.transfer(this, cache, r, r);
  }

  /**
   * Copies the objects and run-cache entries that {@code mlops.lock} references from a remote cache
   * directory into the local cache; a following {@link #run()} then restores missing outputs
   * instead of recomputing them. The remote is not trusted: every manifest is checked before
   * anything is copied (one with a path leading outside its folder refuses the pull, naming the
   * manifest and the entry), every run entry must parse and belong to its key, and every object and
   * manifest copied must hash to its name.
   *
   * @param remote a directory written by {@link #push(Path)}
   * @return what was copied; {@code missing} counts what the remote lacked
   * @throws IllegalStateException if there is no lock file yet
   * @throws MlopsException {@code <remote file>: <what is wrong>} if the remote holds a refused
   *     manifest, a run entry that does not parse, or an object that does not match its name; or if
   *     a copy fails
   */
  public CacheTransfer pull(Path remote) {
    ObjectCache r = remoteCache(remote);
    return Maintenance.transfer(this, r, cache, r);
  }

  private static ObjectCache remoteCache(Path remote) {
    Path r = Require.nonNull(remote, "remote").toAbsolutePath().normalize();
    return new ObjectCache(r.resolve("cache"), r.resolve("runs"));
  }

  /**
   * Removes the temporary files and folders that processes no longer running left in the project
   * root (its own entries) and in {@code .mlops} (two folders deep: the cache shards): once per
   * pipeline object unless {@code always}.
   *
   * @return how many were removed
   */
  int removeStaleTemporaries(boolean always) throws IOException {
    if (opened && !always) {
      return 0;
    }
    opened = true;
    return AtomicFiles.removeStaleTemporaries(root, 0)
        + AtomicFiles.removeStaleTemporaries(mlopsDir(), 2);
  }

  /**
   * Checks that neither {@code .mlops} nor a folder mlops4j keeps in it ({@code cache}, {@code
   * runs}, {@code locks}, {@code tmp}, {@code checkout}, {@code cache-quarantine}) is a symbolic
   * link that leads outside the project (as a repository could ship one), so that nothing mlops4j
   * writes or deletes there lands elsewhere. A link that resolves inside the project is accepted.
   *
   * @return {@code .mlops}
   * @throws MlopsException {@code <path>: is a symbolic link to <where>, outside the project root
   *     <root>; ...}
   */
  Path ownFolder() {
    return ownFolder(root);
  }

  /** As {@link #ownFolder()}, for the project at {@code root} (a real path). */
  static Path ownFolder(Path root) {
    Path dir = root.resolve(MLOPS_DIR);
    checkNotLinkedOutside(root, dir);
    for (String sub : OWN_FOLDERS) {
      checkNotLinkedOutside(root, dir.resolve(sub));
    }
    return dir;
  }

  private static final List<String> OWN_FOLDERS =
      List.of("cache", "runs", "locks", "tmp", "checkout", QUARANTINE_DIR);

  private static void checkNotLinkedOutside(Path root, Path dir) {
    if (!Files.isSymbolicLink(dir)) {
      return;
    }
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw new MlopsException(
          dir
              + ": is a symbolic link that leads nowhere; mlops4j keeps its files in a folder"
              + " there");
    }
    if (!real.startsWith(root)) {
      throw new MlopsException(
          dir
              + ": is a symbolic link to "
              + real
              + ", outside the project root "
              + root
              + "; mlops4j keeps its cache and locks inside the project: remove the link");
    }
  }

  synchronized StateStore state() {
    StateStore s = state;
    if (s == null) {
      s = StateStore.open(mlopsDir().resolve("state.bin"));
      state = s;
    } else {
      s.reloadIfChanged();
    }
    return s;
  }

  /**
   * @return mlops4j's own directory, {@code <root>/.mlops}
   */
  Path mlopsDir() {
    return root.resolve(MLOPS_DIR);
  }

  /**
   * @return the absolute path of a normalized relative path
   */
  Path abs(String rel) {
    return root.resolve(rel);
  }

  @Override
  public String toString() {
    return "Pipeline[" + root + ", seed=" + seed + ", stages=" + byName.keySet() + "]";
  }

  /**
   * Builds a {@link Pipeline}; each setter checks its argument, {@link #build()} checks the graph.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Path projectRoot;
    private long seed;
    private final List<Stage> stages = new ArrayList<>();
    private int parallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private ProgressListener listener = ProgressListener.NONE;
    private boolean linkOutputs = true;
    private boolean checkUndeclaredWrites = true;
    private final List<String> ignored = new ArrayList<>(List.of(".git"));

    private Builder(Path projectRoot) {
      this.projectRoot = projectRoot;
    }

    /**
     * @param seed the pipeline seed (default 0), from which every stage's seed is derived
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param stage a stage to add (it must have its work)
     * @return this builder
     * @throws NullPointerException if stage is null
     */
    public Builder stage(Stage stage) {
      stages.add(Require.nonNull(stage, "stage"));
      return this;
    }

    /**
     * @param threads how many stages may run at once (default: available processors, at most 4)
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder parallelism(int threads) {
      Require.argument(threads >= 1, "parallelism", "at least 1", threads);
      this.parallelism = threads;
      return this;
    }

    /**
     * @param listener receives stage starts, progress and outcomes (default: none)
     * @return this builder
     * @throws NullPointerException if listener is null
     */
    public Builder listener(ProgressListener listener) {
      this.listener = Require.nonNull(listener, "listener");
      return this;
    }

    /**
     * @param link whether outputs are hard links to the cache objects where the file system allows
     *     (default true): fast and free of extra space, but the workspace file and the cached
     *     object are then the same bytes, so an output must be replaced, never edited in place;
     *     false always copies, for projects where users or tools edit outputs in place
     * @return this builder
     */
    public Builder linkOutputs(boolean link) {
      this.linkOutputs = link;
      return this;
    }

    /**
     * @param check whether files that a stage creates in the project tree outside its declared
     *     outputs fail the stage (default true). The check walks the project tree after each stage
     *     that runs, skipping {@code .mlops}, {@code .git} and {@link #ignore(String)}d paths.
     * @return this builder
     */
    public Builder checkUndeclaredWrites(boolean check) {
      this.checkUndeclaredWrites = check;
      return this;
    }

    /**
     * @param path a path relative to the root (file or directory) that the undeclared-write check
     *     skips, e.g. {@code "target"} or {@code "logs"}; {@code .git} is skipped by default
     * @return this builder
     * @throws NullPointerException if path is null
     */
    public Builder ignore(String path) {
      ignored.add(Require.nonNull(path, "path"));
      return this;
    }

    /**
     * Checks the declaration and returns the pipeline; runs nothing.
     *
     * @return the pipeline
     * @throws IllegalStateException if no stage was added
     * @throws IllegalArgumentException if the root is not a directory; a stage has no work; two
     *     stages have the same name or declare the same output; a path is outside the root or leads
     *     outside it through a symbolic link; an input is neither an existing file nor an output of
     *     a stage; or the stages form a cycle (the messages name them)
     * @throws MlopsException if the root's real path cannot be resolved
     */
    public Pipeline build() {
      Require.argument(
          Files.isDirectory(projectRoot), "projectRoot", "an existing directory", projectRoot);
      Path root;
      try {
        root = projectRoot.toRealPath();
      } catch (IOException e) {
        throw new MlopsException("cannot resolve project root " + projectRoot, e);
      }
      Require.state(
          !stages.isEmpty(), "a pipeline needs at least one stage: add one with stage(...)");
      return new Pipeline(this, root, StageGraph.of(root, stages));
    }
  }
}
