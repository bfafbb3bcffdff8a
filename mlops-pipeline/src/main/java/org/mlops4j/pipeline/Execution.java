package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.Provenance;
import org.mlops4j.pipeline.internal.Checkout;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.Digester;
import org.mlops4j.pipeline.internal.LockFile;
import org.mlops4j.pipeline.internal.LockFile.LockDoc;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.pipeline.internal.LockFile.RunEntry;
import org.mlops4j.pipeline.internal.LockFile.StageLock;
import org.mlops4j.pipeline.internal.ObjectCache;
import org.mlops4j.pipeline.internal.OutputSandbox;
import org.mlops4j.pipeline.internal.ProjectSnapshot;
import org.mlops4j.pipeline.internal.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Pipeline#run()} or {@link Pipeline#status()}: takes the project's run lock, decides
 * per stage (in the order the {@link Scheduler} gives) whether it is skipped ({@link Staleness}
 * finds no reason to run), restored from the run cache, or run in its {@link OutputSandbox}; stores
 * new outputs in the cache, rewrites the {@link LockFile} after each stage and logs to a tracking
 * run.
 *
 * <p>Outputs, whether new or restored, are put in place as one set by {@link Checkout}; a restore
 * hashes again what it places (small objects) and falls back to running the work when an object
 * turns out corrupt. Sandboxes and staged outputs live in a folder of this run under {@code
 * .mlops/tmp}, named by {@code AtomicFiles.temporaryName}, and deleted when the run ends.
 *
 * <p>A stage fails when its work throws (checked or not), breaks the sandbox rules, a manifest it
 * would restore from is refused, or an input is missing; the stages downstream of it are NOT_RUN,
 * the others go on, and once all have finished a {@link PipelineException} names the first failed
 * stage, with its failure as the cause.
 */
final class Execution {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Pipeline p;
  private final boolean execute;
  private final @Nullable Run tracking;
  private final Path tmpDir;
  private final Path workDir;
  private final LockFile lock;
  private final Map<String, StageOutcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
  private final Map<String, StageLock> lockStages = new ConcurrentHashMap<>();
  private volatile @Nullable Provenance provenance;

  // set at the start of body(), before any stage is processed
  private Digester digester;
  private Staleness staleness;
  private Checkout checkout;
  private @Nullable ProjectSnapshot snapshot;

  /**
   * @param p the pipeline
   * @param execute true for a run, false for a status
   * @param tracking where a run logs to, or null
   */
  Execution(Pipeline p, boolean execute, @Nullable Run tracking) {
    this.p = p;
    this.execute = execute;
    this.tracking = tracking;
    this.tmpDir = p.mlopsDir().resolve("tmp");
    this.workDir = tmpDir.resolve(AtomicFiles.temporaryName("run"));
    this.lock = new LockFile(p.lockFile(), p.mlopsDir().resolve("locks"));
  }

  PipelineResult perform() {
    long t0 = System.nanoTime();
    StageGraph.checkLinks(p.root, p.order);
    p.ownFolder();
    if (!execute) {
      return body(t0);
    }
    return RunLock.hold(
        p,
        () -> {
          try {
            AtomicFiles.deleteRecursively(tmpDir);
            p.removeStaleTemporaries(false);
          } catch (IOException e) {
            throw new MlopsException("cannot clean " + tmpDir + ": " + e.getMessage(), e);
          }
          try {
            return body(t0);
          } finally {
            try {
              AtomicFiles.deleteRecursively(workDir);
            } catch (IOException e) {
              LOG.warn("cannot delete {}", workDir, e);
            }
          }
        });
  }

  private PipelineResult body(long t0) {
    StateStore state = p.state();
    digester = new Digester(p.root, state);
    LockDoc previous = lock.read().orElse(null);
    if (previous != null && previous.seed() == p.seed) {
      previous
          .stages()
          .forEach(
              (name, sl) -> {
                if (p.byName.containsKey(name)) {
                  lockStages.put(name, sl);
                }
              });
    }
    checkout =
        new Checkout(p.root, p.cache, workDir, p.mlopsDir().resolve("checkout"), p.linkOutputs);
    staleness = new Staleness(p.root, digester, previous, p.seed, checkout.interrupted());
    if (execute && p.checkUndeclaredWrites) {
      Set<String> skip = new HashSet<>(p.ignored);
      skip.add(Pipeline.MLOPS_DIR);
      skip.add(Pipeline.LOCK_FILE);
      p.order.forEach(s -> skip.addAll(s.outputs()));
      snapshot = new ProjectSnapshot(p.root, skip);
    }
    Scheduler.run(p.order, p.upstream, execute ? p.parallelism : 1, this::process);
    state.save();
    List<StageOutcome> list = new ArrayList<>();
    for (Stage s : p.order) {
      list.add(outcomes.get(s.name()));
    }
    PipelineResult result =
        new PipelineResult(list, Duration.ofNanos(System.nanoTime() - t0), p.lockFile());
    if (!execute) {
      return result;
    }
    lock.update(p.seed, lockStages);
    lock.archive();
    Run run = tracking;
    if (run != null) {
      logTo(run, result);
    }
    if (result.upToDate()) {
      LOG.debug("{}", result);
    } else {
      LOG.info("{}", result);
    }
    if (!failures.isEmpty()) {
      throw failure(result, list);
    }
    return result;
  }

  private PipelineException failure(PipelineResult result, List<StageOutcome> list) {
    List<String> failed = result.failed();
    String first = failed.get(0);
    Throwable cause = failures.get(first);
    StringBuilder msg = new StringBuilder("stage '" + first + "' failed: " + describe(cause));
    if (failed.size() > 1) {
      msg.append("; also failed: ").append(failed.subList(1, failed.size()));
    }
    List<String> notRun =
        list.stream()
            .filter(o -> o.action() == StageOutcome.Action.NOT_RUN)
            .map(StageOutcome::stage)
            .toList();
    if (!notRun.isEmpty()) {
      msg.append("; not run: ").append(notRun);
    }
    return new PipelineException(msg.toString(), cause, result);
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m != null ? m : t.toString();
  }

  /** Decides and does what the stage needs; never throws: a failure is recorded. */
  private void process(Stage s) {
    long t0 = System.nanoTime();
    StageOutcome o;
    try {
      o = decide(s, t0);
    } catch (Throwable t) {
      failures.put(s.name(), t);
      o =
          new StageOutcome(
              s.name(),
              StageOutcome.Action.FAILED,
              describe(t),
              Duration.ofNanos(System.nanoTime() - t0));
      LOG.warn("stage '{}' failed", s.name(), t);
    }
    outcomes.put(s.name(), o);
    try {
      p.listener.stageFinished(o);
    } catch (RuntimeException e) {
      LOG.warn("progress listener threw", e);
    }
  }

  private StageOutcome decide(Stage s, long t0) throws Exception {
    for (String up : p.upstream.get(s.name())) {
      StageOutcome u = outcomes.get(up);
      if (u.action() == StageOutcome.Action.FAILED || u.action() == StageOutcome.Action.NOT_RUN) {
        return new StageOutcome(
            s.name(),
            StageOutcome.Action.NOT_RUN,
            "upstream stage '" + up + "' did not complete",
            Duration.ZERO);
      }
      if (u.action() == StageOutcome.Action.STALE) {
        return new StageOutcome(
            s.name(),
            StageOutcome.Action.STALE,
            "upstream stage '" + up + "' is stale",
            Duration.ZERO);
      }
    }
    long seed = Pipeline.deriveSeed(p.seed, s.name());
    Map<String, Digest> inputs = new TreeMap<>();
    for (String in : s.inputs()) {
      Optional<Digest> d = digester.digest(p.abs(in));
      if (d.isEmpty()) {
        if (!execute) {
          return new StageOutcome(
              s.name(), StageOutcome.Action.STALE, "input '" + in + "' is missing", Duration.ZERO);
        }
        throw new MlopsException("stage '" + s.name() + "' input '" + in + "' does not exist");
      }
      inputs.put(in, d.get());
    }
    Optional<String> why = staleness.reason(s, inputs);
    if (why.isEmpty()) {
      return new StageOutcome(s.name(), StageOutcome.Action.SKIPPED, "up to date", since(t0));
    }
    String reason = why.get();
    if (!execute) {
      return new StageOutcome(s.name(), StageOutcome.Action.STALE, reason, Duration.ZERO);
    }
    String key = Staleness.runKey(s, seed, inputs);
    Optional<StageLock> cached = fromRunCache(s, key);
    if (cached.isPresent()) {
      StageLock c = cached.get();
      try {
        checkout.place(s.name(), c.outputs(), true, digester.state());
      } catch (ObjectCache.CorruptObjectException e) {
        LOG.warn("stage '{}': {}; running the work", s.name(), e.getMessage());
        runWork(s, seed, key, inputs, reason);
        return new StageOutcome(s.name(), StageOutcome.Action.RAN, reason, since(t0));
      }
      StageLock restored =
          new StageLock(
              c.codeVersion(),
              c.seed(),
              c.params(),
              lockedInputs(inputs),
              c.outputs(),
              key,
              c.durationMs(),
              c.ranAt(),
              true,
              c.provenance());
      putLock(s.name(), restored);
      checkout.done(s.name());
      LOG.info("stage '{}' restored from the run cache ({})", s.name(), reason);
      return new StageOutcome(
          s.name(), StageOutcome.Action.RESTORED, reason + "; restored from run cache", since(t0));
    }
    runWork(s, seed, key, inputs, reason);
    return new StageOutcome(s.name(), StageOutcome.Action.RAN, reason, since(t0));
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /**
   * @return the stage's lock entry from the run cache, if every object it names is sound
   */
  private Optional<StageLock> fromRunCache(Stage s, String key) throws IOException {
    Optional<String> text = p.cache.readRun(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    RunEntry e = LockFile.parseRunEntry(text.get(), p.cache.run(key).toString());
    StageLock sl = e.lock();
    if (sl == null
        || !key.equals(e.runKey())
        || !sl.outputs().keySet().equals(new TreeSet<>(s.outputs()))) {
      return Optional.empty();
    }
    for (LockedPath lp : sl.outputs().values()) {
      if (!p.cache.verify(lp.sha256(), lp.directory(), digester.state())) {
        LOG.warn(
            "stage '{}': run-cache entry {} has missing or corrupt objects; running the work",
            s.name(),
            key);
        return Optional.empty();
      }
    }
    return Optional.of(sl);
  }

  private static Map<String, LockedPath> lockedInputs(Map<String, Digest> inputs) {
    Map<String, LockedPath> m = new TreeMap<>();
    inputs.forEach((k, v) -> m.put(k, LockedPath.of(v)));
    return m;
  }

  /**
   * Runs the work in a sandbox; once it passed the checks, moves its outputs into the cache
   * (durably), writes the run-cache entry, puts the outputs in place and updates the lock.
   */
  private void runWork(Stage s, long seed, String key, Map<String, Digest> inputs, String reason)
      throws Exception {
    LOG.info("stage '{}' runs: {}", s.name(), reason);
    try {
      p.listener.stageStarted(s.name(), reason);
    } catch (RuntimeException e) {
      LOG.warn("progress listener threw", e);
    }
    OutputSandbox box = OutputSandbox.create(workDir, s.name(), s.outputs());
    try {
      ProjectSnapshot tree = snapshot;
      if (tree != null) {
        tree.take();
      }
      StageWork work = s.work().orElseThrow();
      long w0 = System.nanoTime();
      work.run(new SandboxContext(s, seed, p.root, box, p.listener));
      long durationMs = (System.nanoTime() - w0) / 1_000_000;
      box.check();
      if (tree != null) {
        tree.check(s.name());
      }
      Digester fresh = new Digester(p.root, StateStore.inMemory());
      Map<String, LockedPath> outputs = new TreeMap<>();
      for (String o : s.outputs()) {
        Digest d = fresh.digest(box.output(o)).orElseThrow();
        outputs.put(o, LockedPath.of(d));
        if (d.directory()) {
          p.cache.storeDirectory(box.output(o), d, digester.state());
        } else {
          p.cache.storeFile(box.output(o), d.hash(), digester.state());
        }
      }
      StageLock sl =
          new StageLock(
              s.codeVersion(),
              seed,
              s.params(),
              lockedInputs(inputs),
              outputs,
              key,
              durationMs,
              DateTimeFormatter.ISO_INSTANT.format(Instant.now()),
              false,
              provenance().asMap());
      p.cache.writeRun(key, LockFile.runEntryJson(new RunEntry(key, s.name(), sl)));
      checkout.place(s.name(), outputs, false, digester.state());
      putLock(s.name(), sl);
      checkout.done(s.name());
      LOG.info("stage '{}' done in {} ms", s.name(), durationMs);
    } finally {
      try {
        box.delete();
      } catch (IOException e) {
        LOG.warn("cannot delete sandbox {}", box, e);
      }
    }
  }

  private void putLock(String stage, StageLock sl) {
    lockStages.put(stage, sl);
    lock.update(p.seed, lockStages);
  }

  private Provenance provenance() {
    Provenance pr = provenance;
    if (pr == null) {
      synchronized (this) {
        pr = provenance;
        if (pr == null) {
          Map<String, Long> seeds = new TreeMap<>();
          seeds.put("pipeline", p.seed);
          for (Stage s : p.order) {
            seeds.put("stage." + s.name(), Pipeline.deriveSeed(p.seed, s.name()));
          }
          pr = Provenance.capture(seeds, p.root);
          provenance = pr;
        }
      }
    }
    return pr;
  }

  private void logTo(Run run, PipelineResult result) {
    // One scheme for every key (docs/CONVENTIONS.md): pipeline.<stage>.<what>; a stage's own params
    // under pipeline.<stage>.param.<name>, so none can clash with seed or code_version.
    run.logParam("pipeline.seed", Long.toString(p.seed));
    for (Stage s : p.order) {
      run.logParam(
          MetricKeys.key("pipeline", s.name(), "seed"),
          Long.toString(Pipeline.deriveSeed(p.seed, s.name())));
      run.logParam(MetricKeys.key("pipeline", s.name(), "code_version"), s.codeVersion());
      s.params()
          .forEach(
              (k, v) ->
                  run.logParam(
                      MetricKeys.key("pipeline", s.name(), "param") + "." + k,
                      LockFile.canonicalParam(v)));
    }
    for (StageOutcome o : result.stages()) {
      run.logMetric(MetricKeys.key("pipeline", o.stage(), "seconds"), o.duration().toNanos() / 1e9);
      run.setTag(MetricKeys.key("pipeline", o.stage(), "action"), o.action().name());
    }
    provenance().asMap().forEach(run::setTag);
    if (Files.exists(p.lockFile())) {
      run.logArtifact(p.lockFile(), "pipeline");
    }
  }
}
