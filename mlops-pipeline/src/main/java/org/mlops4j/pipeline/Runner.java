package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.Provenance;
import org.mlops4j.pipeline.internal.AtomicFiles;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.Digester;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.LockIo;
import org.mlops4j.pipeline.internal.LockIo.LockDoc;
import org.mlops4j.pipeline.internal.LockIo.LockedPath;
import org.mlops4j.pipeline.internal.LockIo.RunEntry;
import org.mlops4j.pipeline.internal.LockIo.StageLock;
import org.mlops4j.pipeline.internal.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run (or status) of a pipeline. */
final class Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final DateTimeFormatter HISTORY_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Pipeline p;
  private final boolean execute;
  private final Run tracking;
  private final Path mlopsDir;
  private final Path tmpDir;
  private final Map<String, StageOutcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
  private final Map<String, StageLock> lockStages = new ConcurrentHashMap<>();
  private LockDoc oldLock;
  private String lastLockText;
  private Digester digester;
  private volatile Provenance provenance;
  private Set<String> snapshot;

  Runner(Pipeline p, boolean execute, Run tracking) {
    this.p = p;
    this.execute = execute;
    this.tracking = tracking;
    this.mlopsDir = p.root.resolve(Pipeline.MLOPS_DIR);
    this.tmpDir = mlopsDir.resolve("tmp");
  }

  PipelineResult go() {
    long t0 = System.nanoTime();
    p.checkLinks();
    if (!execute) {
      return body(t0);
    }
    try {
      Files.createDirectories(mlopsDir);
    } catch (IOException e) {
      throw new MlopsException("cannot create " + mlopsDir, e);
    }
    Path lockPath = mlopsDir.resolve("run.lock");
    try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new MlopsException("another run of this pipeline holds " + lockPath);
      }
      try {
        AtomicFiles.deleteRecursively(tmpDir);
        return body(t0);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new MlopsException("cannot lock " + lockPath + ": " + e.getMessage(), e);
    }
  }

  private PipelineResult body(long t0) {
    StateStore state = p.state();
    digester = new Digester(p.root, state);
    oldLock = LockIo.readLock(p.lockFile()).orElse(null);
    if (oldLock != null) {
      oldLock.stages().forEach((name, sl) -> {
        if (p.byName.containsKey(name) && oldLock.seed() == p.seed) {
          lockStages.put(name, sl);
        }
      });
      lastLockText = readLockText();
    }
    if (!execute || p.parallelism == 1) {
      for (Stage s : p.order) {
        process(s);
      }
    } else {
      AtomicInteger n = new AtomicInteger();
      ExecutorService ex = Executors.newFixedThreadPool(p.parallelism, r -> {
        Thread t = new Thread(r, "mlops-pipeline-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      try {
        Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
        for (Stage s : p.order) {
          CompletableFuture<?>[] deps = p.upstream.get(s.name()).stream().map(futures::get).toArray(CompletableFuture[]::new);
          futures.put(s.name(), CompletableFuture.allOf(deps).thenRunAsync(() -> process(s), ex));
        }
        CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
      } finally {
        ex.shutdownNow();
      }
    }
    state.save();
    List<StageOutcome> list = new ArrayList<>();
    for (Stage s : p.order) {
      list.add(outcomes.get(s.name()));
    }
    PipelineResult result = new PipelineResult(list, Duration.ofNanos(System.nanoTime() - t0), p.lockFile());
    if (execute) {
      writeLock(true);
      if (tracking != null) {
        logTo(tracking, result);
      }
      if (result.upToDate()) {
        LOG.debug("{}", result);
      } else {
        LOG.info("{}", result);
      }
      if (!failures.isEmpty()) {
        String first = result.failed().get(0);
        StringBuilder msg = new StringBuilder("stage '" + first + "' failed: " + failures.get(first).getMessage());
        if (result.failed().size() > 1) {
          msg.append("; also failed: ").append(result.failed().subList(1, result.failed().size()));
        }
        List<String> notRun = list.stream().filter(o -> o.action() == StageOutcome.Action.NOT_RUN)
            .map(StageOutcome::stage).toList();
        if (!notRun.isEmpty()) {
          msg.append("; not run: ").append(notRun);
        }
        throw new PipelineException(msg.toString(), failures.get(first), result);
      }
    }
    return result;
  }

  private void process(Stage s) {
    long t0 = System.nanoTime();
    StageOutcome o;
    try {
      o = decide(s, t0);
    } catch (Throwable t) {
      failures.put(s.name(), t);
      o = new StageOutcome(s.name(), StageOutcome.Action.FAILED, String.valueOf(t.getMessage()),
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
        return new StageOutcome(s.name(), StageOutcome.Action.NOT_RUN, "upstream stage '" + up + "' did not complete",
            Duration.ZERO);
      }
      if (u.action() == StageOutcome.Action.STALE) {
        return new StageOutcome(s.name(), StageOutcome.Action.STALE, "upstream stage '" + up + "' is stale",
            Duration.ZERO);
      }
    }
    long seed = Pipeline.deriveSeed(p.seed, s.name());
    Map<String, Digest> inputs = new TreeMap<>();
    for (String in : s.inputs()) {
      Optional<Digest> d = digester.digest(p.abs(in));
      if (d.isEmpty()) {
        if (!execute) {
          return new StageOutcome(s.name(), StageOutcome.Action.STALE, "input '" + in + "' is missing", Duration.ZERO);
        }
        throw new MlopsException("stage '" + s.name() + "' input '" + in + "' does not exist");
      }
      inputs.put(in, d.get());
    }
    String key = runKey(s, seed, inputs);
    StageLock prev = lockStages.get(s.name());
    String reason = staleReason(s, seed, prev, inputs);
    if (reason == null) {
      return new StageOutcome(s.name(), StageOutcome.Action.SKIPPED, "up to date", Duration.ofNanos(System.nanoTime() - t0));
    }
    if (!execute) {
      return new StageOutcome(s.name(), StageOutcome.Action.STALE, reason, Duration.ZERO);
    }
    Optional<StageLock> cached = fromRunCache(s, key);
    if (cached.isPresent()) {
      for (Map.Entry<String, LockedPath> e : cached.get().outputs().entrySet()) {
        p.cache.checkout(e.getValue().sha256(), e.getValue().directory(), p.abs(e.getKey()), tmpDir, p.linkOutputs,
            digester.state());
      }
      StageLock c = cached.get();
      StageLock restored = new StageLock(c.codeVersion(), c.seed(), c.params(), lockedInputs(inputs), c.outputs(),
          key, c.durationMs(), c.ranAt(), true, c.provenance());
      putLock(s.name(), restored);
      LOG.info("stage '{}' restored from the run cache ({})", s.name(), reason);
      return new StageOutcome(s.name(), StageOutcome.Action.RESTORED, reason + "; restored from run cache",
          Duration.ofNanos(System.nanoTime() - t0));
    }
    runWork(s, seed, key, inputs, reason);
    return new StageOutcome(s.name(), StageOutcome.Action.RAN, reason, Duration.ofNanos(System.nanoTime() - t0));
  }

  private Optional<StageLock> fromRunCache(Stage s, String key) throws IOException {
    Optional<String> text = p.cache.readRun(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    RunEntry e = LockIo.parseRun(text.get(), p.cache.run(key).toString());
    if (e.lock() == null || !e.lock().outputs().keySet().equals(new TreeSet<>(s.outputs()))) {
      return Optional.empty();
    }
    for (LockedPath lp : e.lock().outputs().values()) {
      if (!p.cache.verify(lp.sha256(), lp.directory(), digester.state())) {
        LOG.warn("stage '{}': run-cache entry {} has missing or corrupt objects; running the work", s.name(), key);
        return Optional.empty();
      }
    }
    return Optional.of(e.lock());
  }

  /** @return why the stage must run, or null if it is up to date */
  private String staleReason(Stage s, long seed, StageLock prev, Map<String, Digest> inputs) throws IOException {
    if (prev == null) {
      return oldLock != null && oldLock.seed() != p.seed && oldLock.stages().containsKey(s.name())
          ? "pipeline seed changed: " + oldLock.seed() + " -> " + p.seed
          : "not in the lock file (never ran)";
    }
    List<String> why = new ArrayList<>();
    if (!s.codeVersion().equals(prev.codeVersion())) {
      why.add("code version changed: " + prev.codeVersion() + " -> " + s.codeVersion());
    }
    Set<String> names = new TreeSet<>(s.params().keySet());
    names.addAll(prev.params().keySet());
    for (String n : names) {
      Object now = s.params().get(n);
      Object was = prev.params().get(n);
      if (was == null) {
        why.add("param '" + n + "' added");
      } else if (now == null) {
        why.add("param '" + n + "' removed");
      } else if (!typed(now).equals(typed(was))) {
        why.add("param '" + n + "' changed: " + display(was) + " -> " + display(now));
      }
    }
    Set<String> ins = new TreeSet<>(inputs.keySet());
    ins.addAll(prev.inputs().keySet());
    for (String in : ins) {
      Digest now = inputs.get(in);
      LockedPath was = prev.inputs().get(in);
      if (was == null) {
        why.add("input '" + in + "' added");
      } else if (now == null) {
        why.add("input '" + in + "' removed");
      } else if (!now.hash().equals(was.sha256())) {
        why.add("input '" + in + "' changed");
      }
    }
    Set<String> outs = new TreeSet<>(s.outputs());
    outs.addAll(prev.outputs().keySet());
    for (String out : outs) {
      LockedPath was = prev.outputs().get(out);
      if (was == null) {
        why.add("output '" + out + "' added");
      } else if (!s.outputs().contains(out)) {
        why.add("output '" + out + "' removed");
      } else {
        Optional<Digest> now = digester.digest(p.abs(out));
        if (now.isEmpty()) {
          why.add("output '" + out + "' is missing");
        } else if (!now.get().hash().equals(was.sha256())) {
          why.add("output '" + out + "' was modified");
        }
      }
    }
    return why.isEmpty() ? null : String.join("; ", why);
  }

  /** Strings in single quotes, numbers and booleans bare: {@code 'a'}, {@code 0.2}, {@code true}. */
  private static String display(Object v) {
    return v instanceof String ? "'" + v + "'" : LockIo.canonicalParam(v);
  }

  private static String typed(Object v) {
    String type = v instanceof String ? "s" : v instanceof Boolean ? "b"
        : (v instanceof Float || v instanceof Double) ? "f" : "i";
    return type + ":" + LockIo.canonicalParam(v);
  }

  /**
   * The run-cache key: SHA-256 of the canonical description of the stage (name, code version,
   * seed, typed params, input hashes, output paths), one field per line, sorted.
   */
  static String runKey(Stage s, long seed, Map<String, Digest> inputs) {
    StringBuilder sb = new StringBuilder("mlops4j-stage-v1\n");
    sb.append("name=").append(s.name()).append('\n');
    sb.append("code=").append(s.codeVersion()).append('\n');
    sb.append("seed=").append(seed).append('\n');
    new TreeMap<>(s.params()).forEach((k, v) -> sb.append("param ").append(k).append('=').append(typed(v)).append('\n'));
    new TreeMap<>(inputs).forEach((k, v) -> sb.append("input ").append(k).append('=').append(v.hash()).append('\n'));
    new TreeSet<>(s.outputs()).forEach(o -> sb.append("output ").append(o).append('\n'));
    return FileHasher.sha256(sb.toString());
  }

  private static Map<String, LockedPath> lockedInputs(Map<String, Digest> inputs) {
    Map<String, LockedPath> m = new TreeMap<>();
    inputs.forEach((k, v) -> m.put(k, LockedPath.of(v)));
    return m;
  }

  private void runWork(Stage s, long seed, String key, Map<String, Digest> inputs, String reason) throws Exception {
    LOG.info("stage '{}' runs: {}", s.name(), reason);
    try {
      p.listener.stageStarted(s.name(), reason);
    } catch (RuntimeException e) {
      LOG.warn("progress listener threw", e);
    }
    Path sandbox = tmpDir.resolve(s.name() + "-" + UUID.randomUUID());
    Path outDir = sandbox.resolve("out");
    Path scratch = sandbox.resolve("scratch");
    try {
      Files.createDirectories(scratch);
      for (String o : s.outputs()) {
        Files.createDirectories(outDir.resolve(o).getParent());
      }
      if (p.checkUndeclaredWrites) {
        ensureSnapshot();
      }
      Ctx ctx = new Ctx(s, seed, outDir, scratch);
      long w0 = System.nanoTime();
      s.work().orElseThrow().run(ctx);
      long durationMs = (System.nanoTime() - w0) / 1_000_000;
      checkSandbox(s, outDir);
      if (p.checkUndeclaredWrites) {
        checkProjectTree(s);
      }
      Digester fresh = new Digester(p.root, StateStore.inMemory());
      Map<String, LockedPath> outputs = new TreeMap<>();
      Map<String, Digest> digests = new LinkedHashMap<>();
      for (String o : s.outputs()) {
        Digest d = fresh.digest(outDir.resolve(o)).orElseThrow();
        digests.put(o, d);
        outputs.put(o, LockedPath.of(d));
        if (d.directory()) {
          p.cache.storeDirectory(outDir.resolve(o), d, digester.state());
        } else {
          p.cache.storeFile(outDir.resolve(o), d.hash(), digester.state());
        }
      }
      StageLock sl = new StageLock(s.codeVersion(), seed, s.params(), lockedInputs(inputs), outputs, key, durationMs,
          DateTimeFormatter.ISO_INSTANT.format(Instant.now()), false, provenance().asMap());
      p.cache.writeRun(key, LockIo.runText(new RunEntry(key, s.name(), sl)));
      for (Map.Entry<String, Digest> e : digests.entrySet()) {
        p.cache.checkout(e.getValue().hash(), e.getValue().directory(), p.abs(e.getKey()), tmpDir, p.linkOutputs,
            digester.state());
      }
      putLock(s.name(), sl);
      LOG.info("stage '{}' done in {} ms", s.name(), durationMs);
    } finally {
      try {
        AtomicFiles.deleteRecursively(sandbox);
      } catch (IOException e) {
        LOG.warn("cannot delete sandbox {}", sandbox, e);
      }
    }
  }

  private void checkSandbox(Stage s, Path outDir) throws IOException {
    List<String> undeclared = new ArrayList<>();
    Files.walkFileTree(outDir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String rel = Digester.relative(outDir, dir);
        return s.outputs().contains(rel) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = Digester.relative(outDir, file);
        if (!s.outputs().contains(rel)) {
          undeclared.add(rel);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    if (!undeclared.isEmpty()) {
      Collections.sort(undeclared);
      throw new IllegalStateException("stage '" + s.name() + "' wrote undeclared output(s) " + undeclared
          + "; declare them with output(...) or write temporary files to scratchDir()");
    }
    for (String o : s.outputs()) {
      if (!Files.exists(outDir.resolve(o))) {
        throw new IllegalStateException("stage '" + s.name() + "' did not write its declared output '" + o
            + "' (write it to ctx.output(\"" + o + "\"))");
      }
    }
  }

  private synchronized void ensureSnapshot() throws IOException {
    if (snapshot == null) {
      snapshot = Collections.synchronizedSet(new HashSet<>(projectFiles()));
    }
  }

  private void checkProjectTree(Stage s) throws IOException {
    List<String> created = new ArrayList<>();
    synchronized (this) {
      for (String f : projectFiles()) {
        if (snapshot.add(f)) {
          created.add(f);
        }
      }
    }
    if (!created.isEmpty()) {
      Collections.sort(created);
      throw new IllegalStateException("stage '" + s.name() + "' wrote undeclared file(s) in the project: " + created
          + "; write outputs to ctx.output(...) and declare them with output(...)");
    }
  }

  /** Files under the root, except mlops4j's own, ignored paths and every stage's declared outputs. */
  private Set<String> projectFiles() throws IOException {
    Set<String> skip = new HashSet<>(p.ignored);
    skip.add(Pipeline.MLOPS_DIR);
    skip.add(Pipeline.LOCK_FILE);
    for (Stage st : p.order) {
      skip.addAll(st.outputs());
    }
    Set<String> files = new HashSet<>();
    Files.walkFileTree(p.root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(p.root) && skip.contains(Digester.relative(p.root, dir))
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = Digester.relative(p.root, file);
        if (!skip.contains(rel)) {
          files.add(rel);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
  }

  private Provenance provenance() {
    Provenance pr = provenance;
    if (pr == null) {
      synchronized (this) {
        if (provenance == null) {
          Map<String, Long> seeds = new TreeMap<>();
          seeds.put("pipeline", p.seed);
          for (Stage s : p.order) {
            seeds.put("stage." + s.name(), Pipeline.deriveSeed(p.seed, s.name()));
          }
          provenance = Provenance.capture(seeds, p.root);
        }
        pr = provenance;
      }
    }
    return pr;
  }

  private void putLock(String stage, StageLock sl) {
    lockStages.put(stage, sl);
    writeLock(false);
  }

  private synchronized void writeLock(boolean endOfRun) {
    String text = LockIo.lockText(new LockDoc(1, p.seed, new TreeMap<>(lockStages)));
    try {
      if (!text.equals(lastLockText) && !lockStages.isEmpty()) {
        AtomicFiles.writeString(p.lockFile(), text);
        lastLockText = text;
      }
      if (endOfRun && lastLockText != null) {
        Path hist = mlopsDir.resolve("locks");
        String hash = FileHasher.sha256(lastLockText);
        try (var names = Files.exists(hist) ? Files.list(hist) : java.util.stream.Stream.<Path>empty()) {
          boolean known = names.anyMatch(f -> f.getFileName().toString().endsWith("-" + hash.substring(0, 16) + ".lock"));
          if (!known) {
            AtomicFiles.writeString(hist.resolve(HISTORY_NAME.format(Instant.now()) + "-" + hash.substring(0, 16) + ".lock"),
                lastLockText);
          }
        }
      }
    } catch (IOException e) {
      throw new MlopsException("cannot write lock file " + p.lockFile() + ": " + e.getMessage(), e);
    }
  }

  private String readLockText() {
    try {
      return Files.readString(p.lockFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private void logTo(Run run, PipelineResult result) {
    run.logParam("pipeline.seed", Long.toString(p.seed));
    for (Stage s : p.order) {
      run.logParam(s.name() + ".seed", Long.toString(Pipeline.deriveSeed(p.seed, s.name())));
      run.logParam(s.name() + ".codeVersion", s.codeVersion());
      s.params().forEach((k, v) -> run.logParam(s.name() + "." + k, LockIo.canonicalParam(v)));
    }
    for (StageOutcome o : result.stages()) {
      run.logMetric(o.stage() + ".duration_ms", o.duration().toNanos() / 1e6);
      run.setTag(o.stage() + ".action", o.action().name());
    }
    provenance().asMap().forEach(run::setTag);
    if (Files.exists(p.lockFile())) {
      run.logArtifact(p.lockFile(), "pipeline");
    }
  }

  /** The context handed to a stage's work. */
  private final class Ctx implements StageContext {
    private final Stage s;
    private final long seed;
    private final Path outDir;
    private final Path scratch;

    Ctx(Stage s, long seed, Path outDir, Path scratch) {
      this.s = s;
      this.seed = seed;
      this.outDir = outDir;
      this.scratch = scratch;
    }

    @Override
    public String stageName() {
      return s.name();
    }

    @Override
    public long seed() {
      return seed;
    }

    @Override
    public Path projectRoot() {
      return p.root;
    }

    @Override
    public Path input(String path) {
      String n = normalize(path);
      if (!s.inputs().contains(n)) {
        throw new IllegalArgumentException("stage '" + s.name() + "' has no input '" + path + "'; inputs are " + s.inputs());
      }
      return p.abs(n);
    }

    @Override
    public Path output(String path) {
      String n = normalize(path);
      if (!s.outputs().contains(n)) {
        throw new IllegalArgumentException("stage '" + s.name() + "' has no output '" + path + "'; outputs are " + s.outputs());
      }
      return outDir.resolve(n);
    }

    @Override
    public Path scratchDir() {
      return scratch;
    }

    @Override
    public Object param(String name) {
      Object v = s.params().get(name);
      if (v == null) {
        throw new IllegalArgumentException("stage '" + s.name() + "' has no param '" + name + "'; params are "
            + s.params().keySet());
      }
      return v;
    }

    @Override
    public Map<String, Object> params() {
      return s.params();
    }

    @Override
    public void progress(double fraction, String message) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("fraction must be in [0, 1], but was " + fraction);
      }
      LOG.info("stage '{}' {}%: {}", s.name(), Math.round(fraction * 100), message);
      try {
        p.listener.progress(s.name(), fraction, message);
      } catch (RuntimeException e) {
        LOG.warn("progress listener threw", e);
      }
    }

    private String normalize(String path) {
      Path abs = p.root.resolve(path).normalize();
      return abs.startsWith(p.root) ? Digester.relative(p.root, abs) : path;
    }
  }
}
