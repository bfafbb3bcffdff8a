package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.ObjectCache;
import org.mlops4j.pipeline.internal.StateStore;

/**
 * A reproducible pipeline: a graph of {@link Stage}s under a project root. {@link #run()} executes
 * the stages in dependency order, independent stages in parallel, and does the work only of the
 * stages whose inputs, params or code version changed since the lock file was written or whose
 * outputs are missing or modified; outputs produced before by the same inputs are restored from
 * the content-addressed cache instead (a run cache, as in DVC).
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
 * every input and output, the code version, the seed, the duration and the provenance), written
 * atomically after each stage; its history in {@code .mlops/locks/}; objects in {@code
 * .mlops/cache/ab/cdef...}; the run cache in {@code .mlops/runs/}; known hashes by (size, mtime,
 * inode) in {@code .mlops/state.bin}, so that unchanged files are not read again.
 *
 * <p>Seeds: stage {@code s} of a pipeline with seed {@code n} gets {@link #deriveSeed(long,
 * String)}: the first 8 bytes, big-endian, of SHA-256(n as 8 bytes big-endian || UTF-8 bytes of
 * s), as a signed long. Defaults: seed 0, parallelism = available processors (at most 4), outputs
 * hard-linked to the cache where possible, undeclared writes checked.
 *
 * <p>Outputs hard-linked to the cache share the cached copy: replace such a file (write a new
 * file and rename it), do not edit it in place. Cache objects are made read-only to that end;
 * should one be edited anyway (root ignores the bit), its new mtime marks it for re-hashing, and
 * an object that no longer matches its name is deleted rather than restored, so the work runs
 * again. {@link Builder#linkOutputs(boolean) linkOutputs(false)} copies instead.
 *
 * <p>A pipeline object may be run many times; it keeps the known hashes in memory between runs.
 * Two runs of the same project at once (threads or processes) are refused through {@code
 * .mlops/run.lock}.
 *
 * @since 0.1.0
 */
public final class Pipeline {
  /** Name of the lock file at the project root. */
  public static final String LOCK_FILE = "mlops.lock";
  /** Name of mlops4j's directory at the project root. */
  public static final String MLOPS_DIR = ".mlops";

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
  private StateStore state;

  private Pipeline(Builder b, Path root, List<Stage> order, Map<String, List<String>> upstream) {
    this.root = root;
    this.seed = b.seed;
    this.order = List.copyOf(order);
    Map<String, Stage> m = new LinkedHashMap<>();
    order.forEach(s -> m.put(s.name(), s));
    this.byName = Collections.unmodifiableMap(m);
    this.upstream = upstream;
    this.parallelism = b.parallelism;
    this.listener = b.listener;
    this.linkOutputs = b.linkOutputs;
    this.checkUndeclaredWrites = b.checkUndeclaredWrites;
    this.ignored = List.copyOf(b.ignored);
    this.cache = new ObjectCache(root.resolve(MLOPS_DIR).resolve("cache"), root.resolve(MLOPS_DIR).resolve("runs"));
  }

  /**
   * @param projectRoot an existing directory; every input and output lives under it
   * @return a builder
   */
  public static Builder builder(Path projectRoot) {
    return new Builder(Objects.requireNonNull(projectRoot, "projectRoot"));
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
   */
  public static long deriveSeed(long pipelineSeed, String stageName) {
    MessageDigest md = FileHasher.newDigest();
    md.update(ByteBuffer.allocate(8).putLong(pipelineSeed).array());
    md.update(stageName.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(md.digest(), 0, 8).getLong();
  }

  /** @return the project root (real path) */
  public Path projectRoot() {
    return root;
  }

  /** @return the lock file path */
  public Path lockFile() {
    return root.resolve(LOCK_FILE);
  }

  /** @return the pipeline seed */
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

  /** @return the stages in dependency order (ties in declaration order) */
  public List<Stage> stages() {
    return order;
  }

  /**
   * @param name a stage name
   * @return the named stage
   * @throws IllegalArgumentException if there is no such stage
   */
  public Stage stage(String name) {
    Stage s = byName.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no stage named '" + name + "'; stages are " + byName.keySet());
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
   * @throws PipelineException if a stage failed (after the others have finished)
   * @throws IllegalArgumentException if an input or output now leads outside the project root
   * @throws MlopsException if the cache, the lock or the state cannot be read or written, or
   *     another run of this project is in progress
   */
  public PipelineResult run() {
    return new Runner(this, true, null).go();
  }

  /**
   * Runs as {@link #run()}, then logs to {@code trackingRun}: params {@code pipeline.seed}, {@code
   * <stage>.seed}, {@code <stage>.codeVersion} and {@code <stage>.<param>}; metric {@code
   * <stage>.duration_ms}; tag {@code <stage>.action}; the provenance tags; and the lock file as
   * the artifact {@code pipeline/mlops.lock}. Logs also when a stage failed, before throwing.
   *
   * @param trackingRun the run to log to; it is not ended here
   * @return as {@link #run()}
   */
  public PipelineResult run(Run trackingRun) {
    return new Runner(this, true, Objects.requireNonNull(trackingRun, "trackingRun")).go();
  }

  /**
   * Says what {@link #run()} would do, without running any work or writing the lock. Stages
   * downstream of a stale stage are reported stale.
   *
   * @return per stage SKIPPED (up to date) or STALE, with the reason
   */
  public PipelineResult status() {
    return new Runner(this, false, null).go();
  }

  /**
   * Deletes cache objects that neither {@code mlops.lock} nor the last {@code keepLocks} lock files
   * in {@code .mlops/locks/} reference, older lock files, and run-cache entries of removed
   * objects.
   *
   * @param keepLocks how many of the most recent lock files to keep, at least 0
   * @return what was removed
   * @throws IllegalArgumentException if keepLocks is negative
   */
  public GcResult gc(int keepLocks) {
    if (keepLocks < 0) {
      throw new IllegalArgumentException("keepLocks must be at least 0, but was " + keepLocks);
    }
    return Maintenance.gc(this, keepLocks);
  }

  /**
   * Copies the objects and run-cache entries that {@code mlops.lock} references to a remote cache
   * directory (for example on a shared drive), skipping those already there.
   *
   * @param remote a directory; {@code cache/} and {@code runs/} are created in it
   * @return what was copied
   * @throws IllegalStateException if there is no lock file yet
   */
  public CacheTransfer push(Path remote) {
    return Maintenance.transfer(this, cache, remoteCache(remote));
  }

  /**
   * Copies the objects and run-cache entries that {@code mlops.lock} references from a remote cache
   * directory into the local cache; a following {@link #run()} then restores missing outputs
   * instead of recomputing them.
   *
   * @param remote a directory written by {@link #push(Path)}
   * @return what was copied; {@code missing} counts what the remote lacked
   * @throws IllegalStateException if there is no lock file yet
   */
  public CacheTransfer pull(Path remote) {
    return Maintenance.transfer(this, remoteCache(remote), cache);
  }

  private static ObjectCache remoteCache(Path remote) {
    Objects.requireNonNull(remote, "remote");
    Path r = remote.toAbsolutePath().normalize();
    return new ObjectCache(r.resolve("cache"), r.resolve("runs"));
  }

  synchronized StateStore state() {
    if (state == null) {
      state = StateStore.open(root.resolve(MLOPS_DIR).resolve("state.bin"));
    } else {
      state.reloadIfChanged();
    }
    return state;
  }

  /** @return the absolute path of a normalized relative path */
  Path abs(String rel) {
    return root.resolve(rel);
  }

  /** Checks that no declared path leads outside the root through a symbolic link. */
  void checkLinks() {
    for (Stage s : order) {
      for (String in : s.inputs()) {
        checkLink(s.name(), "input", in);
      }
      for (String out : s.outputs()) {
        checkLink(s.name(), "output", out);
      }
    }
  }

  private void checkLink(String stage, String kind, String rel) {
    Path p = root.resolve(rel);
    // the nearest existing ancestor (or the path itself) must resolve inside the root
    Path existing = p;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      // a dangling link: where does it point?
      try {
        real = existing.getParent().resolve(Files.readSymbolicLink(existing)).normalize();
      } catch (IOException | UnsupportedOperationException e2) {
        throw new MlopsException("cannot resolve " + existing, e);
      }
    }
    if (!real.startsWith(root)) {
      throw new IllegalArgumentException("stage '" + stage + "' " + kind + " '" + rel
          + "' leads through a symbolic link to " + real + ", outside the project root " + root);
    }
  }

  @Override
  public String toString() {
    return "Pipeline[" + root + ", seed=" + seed + ", stages=" + byName.keySet() + "]";
  }

  /**
   * Builds a {@link Pipeline}; {@link #build()} checks the graph.
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
     */
    public Builder stage(Stage stage) {
      stages.add(Objects.requireNonNull(stage, "stage"));
      return this;
    }

    /**
     * @param threads how many stages may run at once (default: available processors, at most 4)
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder parallelism(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, but was " + threads);
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * @param listener receives stage starts, progress and outcomes (default: none)
     * @return this builder
     */
    public Builder listener(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @param link whether outputs are hard links to the cache objects where the file system allows
     *     (default true); false always copies
     * @return this builder
     */
    public Builder linkOutputs(boolean link) {
      this.linkOutputs = link;
      return this;
    }

    /**
     * @param check whether files that a stage creates in the project tree outside its declared
     *     outputs fail the stage (default true). The check walks the project tree after each
     *     stage that runs, skipping {@code .mlops}, {@code .git} and {@link #ignore(String)}d paths.
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
     */
    public Builder ignore(String path) {
      ignored.add(Objects.requireNonNull(path, "path"));
      return this;
    }

    /**
     * @return the pipeline
     * @throws IllegalArgumentException if the root is not a directory; a stage has no work; two
     *     stages have the same name or declare the same output; a path is outside the root or
     *     leads outside it through a symbolic link; an input is neither an existing file nor an
     *     output of a stage; or the stages form a cycle (the messages name them)
     */
    public Pipeline build() {
      if (!Files.isDirectory(projectRoot)) {
        throw new IllegalArgumentException("projectRoot must be an existing directory, but was " + projectRoot);
      }
      Path root;
      try {
        root = projectRoot.toRealPath();
      } catch (IOException e) {
        throw new MlopsException("cannot resolve project root " + projectRoot, e);
      }
      if (stages.isEmpty()) {
        throw new IllegalArgumentException("a pipeline needs at least one stage");
      }
      Map<String, Stage> byName = new LinkedHashMap<>();
      List<Stage> normalized = new ArrayList<>();
      for (Stage s : stages) {
        if (byName.containsKey(s.name())) {
          throw new IllegalArgumentException("stage name '" + s.name() + "' is declared twice");
        }
        if (s.work().isEmpty()) {
          throw new IllegalArgumentException("stage '" + s.name() + "' has no work: call work(...)");
        }
        Stage n = Stage.named(s.name()).codeVersion(s.codeVersion()).work(s.work().get());
        for (String in : s.inputs()) {
          n = n.input(normalize(root, s.name(), "input", in));
        }
        for (Map.Entry<String, Object> p : s.params().entrySet()) {
          n = n.param(p.getKey(), p.getValue());
        }
        for (String out : s.outputs()) {
          String o = normalize(root, s.name(), "output", out);
          if (o.equals(LOCK_FILE) || o.equals(MLOPS_DIR) || o.startsWith(MLOPS_DIR + "/") || o.isEmpty()) {
            throw new IllegalArgumentException("stage '" + s.name() + "' output '" + out
                + "' would overwrite mlops4j's own files (" + LOCK_FILE + ", " + MLOPS_DIR + "/ or the root)");
          }
          n = n.output(o);
        }
        byName.put(s.name(), n);
        normalized.add(n);
      }
      // outputs: unique, not nested, not also an input of the same stage
      Map<String, String> producer = new LinkedHashMap<>();
      for (Stage s : normalized) {
        for (String o : s.outputs()) {
          for (Map.Entry<String, String> e : producer.entrySet()) {
            if (e.getKey().equals(o)) {
              throw new IllegalArgumentException("output '" + o + "' is declared by both stage '" + e.getValue()
                  + "' and stage '" + s.name() + "'");
            }
            if (nested(e.getKey(), o)) {
              throw new IllegalArgumentException("output '" + o + "' of stage '" + s.name() + "' and output '"
                  + e.getKey() + "' of stage '" + e.getValue() + "' overlap (one is inside the other)");
            }
          }
          producer.put(o, s.name());
        }
      }
      // dependencies
      Map<String, List<String>> upstream = new LinkedHashMap<>();
      for (Stage s : normalized) {
        Set<String> deps = new LinkedHashSet<>();
        for (String in : s.inputs()) {
          boolean provided = false;
          for (Map.Entry<String, String> e : producer.entrySet()) {
            if (e.getKey().equals(in) || nested(e.getKey(), in)) {
              provided = true;
              if (e.getValue().equals(s.name())) {
                throw new IllegalArgumentException("stage '" + s.name() + "' declares '" + in
                    + "' as an input and '" + e.getKey() + "' as an output");
              }
              deps.add(e.getValue());
            }
          }
          if (!provided && !Files.exists(root.resolve(in))) {
            throw new IllegalArgumentException("stage '" + s.name() + "' input '" + in
                + "' is neither an existing file or directory under the project root nor an output of any stage");
          }
        }
        upstream.put(s.name(), List.copyOf(deps));
      }
      List<Stage> order = topologicalOrder(normalized, upstream);
      Pipeline p = new Pipeline(this, root, order, Collections.unmodifiableMap(upstream));
      p.checkLinks();
      return p;
    }

    private static boolean nested(String a, String b) {
      return a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    private static String normalize(Path root, String stage, String kind, String path) {
      Path p = root.resolve(path).normalize();
      if (!p.startsWith(root)) {
        throw new IllegalArgumentException("stage '" + stage + "' " + kind + " '" + path
            + "' is outside the project root " + root);
      }
      String rel = root.relativize(p).toString();
      return rel.replace(p.getFileSystem().getSeparator(), "/");
    }

    private static List<Stage> topologicalOrder(List<Stage> stages, Map<String, List<String>> upstream) {
      // cycle detection by depth-first search, reporting the first cycle found
      Map<String, Integer> color = new HashMap<>();
      Deque<String> path = new ArrayDeque<>();
      for (Stage s : stages) {
        dfs(s.name(), upstream, color, path);
      }
      // Kahn's algorithm, ties by declaration order
      List<Stage> out = new ArrayList<>();
      Set<String> done = new HashSet<>();
      while (out.size() < stages.size()) {
        for (Stage s : stages) {
          if (!done.contains(s.name()) && done.containsAll(upstream.get(s.name()))) {
            out.add(s);
            done.add(s.name());
            break;
          }
        }
      }
      return out;
    }

    private static void dfs(String node, Map<String, List<String>> upstream, Map<String, Integer> color,
        Deque<String> path) {
      Integer c = color.get(node);
      if (c != null && c == 2) {
        return;
      }
      if (c != null && c == 1) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
          String n = it.next();
          if (n.equals(node)) {
            in = true;
          }
          if (in) {
            cycle.add(n);
          }
        }
        cycle.add(node);
        // the path follows "reads from" edges; print in data-flow order (producer first)
        Collections.reverse(cycle);
        throw new IllegalArgumentException("stages form a cycle: " + String.join(" -> ", cycle));
      }
      color.put(node, 1);
      path.push(node);
      for (String up : upstream.get(node)) {
        dfs(up, upstream, color, path);
      }
      path.pop();
      color.put(node, 2);
    }
  }
}
