package org.mlops4j.serving;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.Psi;
import org.mlops4j.drift.stream.AlertType;
import org.mlops4j.drift.stream.DriftAlert;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.drift.stream.DriftMonitorBuilder;
import org.mlops4j.drift.stream.LatencySummary;
import org.mlops4j.drift.stream.RetrainingPolicy;
import org.mlops4j.features.FeaturePipeline;
import org.mlops4j.features.FeatureRow;
import org.mlops4j.features.SkewMonitor;
import org.mlops4j.features.SkewReport;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.serving.internal.Loaded;
import org.mlops4j.serving.internal.ModelSource;
import org.mlops4j.serving.internal.PairedDifference;
import org.mlops4j.serving.internal.RegistrySource;
import org.mlops4j.serving.internal.ScoreRing;
import org.mlops4j.serving.internal.StableHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process model service behind an alias of the {@link ModelRegistry}: {@link #predict} calls
 * the loaded model, records its latency, feeds the {@link DriftMonitor} (features and score), and
 * returns the answer; {@link #feedback} later matches a label to the request by its id.
 *
 * <pre>{@code
 * ModelService<double[], Double> service =
 *     ModelService.builder(registry, "fraud", loader)   // loader: ModelLoader<Predictor<I, O>>
 *         .alias("champion")
 *         .pollEvery(Duration.ofSeconds(30))
 *         .canary("challenger", CanaryPolicy.builder().share(0.05).build())
 *         .build();
 * double p = service.predict("req-42", x);
 * service.feedback("req-42", 1.0);
 * }</pre>
 *
 * <p><b>Hot swap.</b> At every poll (a daemon thread, {@code pollEvery}) or {@link #refresh()}, the
 * alias is resolved; when it points at another version, that version is loaded through {@link
 * ModelRegistry#load} (every file's SHA-256 checked first) on the refreshing thread and published
 * with one atomic reference write of an immutable holder. A request reads the holder once, so it
 * finishes on the version it started with; no request sees a half-loaded model. A version that
 * fails to resolve, verify or load leaves the old one serving and raises a {@link
 * ServingEventType#LOAD_FAILED} event (once per failing version).
 *
 * <p><b>Failures.</b> A champion that throws is counted ({@link ServingStats#failures()}), its
 * latency recorded, and the exception rethrown wrapped in a {@link PredictionException}. A canary
 * that throws is counted and the request is answered by the champion.
 *
 * <p><b>Shadow</b> ({@link Builder#shadow(String)}): after the champion answered, the request and
 * the answer are offered to a bounded queue (default 10,000; when full the copy is dropped and
 * counted, the caller never waits); a daemon thread calls the challenger, records its latency and
 * whether it agreed; {@link #shadowReport()} compares both.
 *
 * <p><b>Canary</b> ({@link Builder#canary(String, CanaryPolicy)}): a share of requests, sticky by
 * the routing key (see {@link CanaryPolicy}), is answered by the challenger, rolled back
 * automatically when a bound is crossed. A challenger alias that moves to a new version starts a
 * fresh canary.
 *
 * <p><b>Monitoring.</b> The champion's answers feed the drift monitor: {@code observe(features,
 * score)} when a feature extractor is set, else {@code observe(score)}; the score is the {@code
 * score} function of the answer (default: the answer itself when it is a {@code Number}; answers
 * without a finite score are not observed). Labelled feedback on a champion answer feeds {@code
 * monitor.feedback(loss > errorAbove)}. Latency is recorded for every champion call.
 *
 * <p><b>Threads.</b> All methods are safe for concurrent callers. One daemon thread polls and runs
 * retraining; one more runs the shadow. {@link #close()} stops both.
 *
 * @param <I> the input type
 * @param <O> the output type
 * @since 0.1.0
 */
public final class ModelService<I, O> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);

  private enum Role {
    CHAMPION,
    SHADOW,
    CANARY
  }

  private final ModelSource<Predictor<I, O>> source;
  private final String alias;
  private final @Nullable String challengerAlias;
  private final Role challengerRole;
  private final @Nullable CanaryPolicy canary;
  private final DriftMonitor monitor;
  private final DriftMonitor challengerMonitor;
  private final @Nullable Function<? super I, double[]> features;
  private final @Nullable DriftBaseline skewBaseline;
  private final @Nullable Function<? super I, FeatureRow> skewRow;
  private final List<SkewMonitor> skewMonitors = new CopyOnWriteArrayList<>();
  private final ThreadLocal<@Nullable SkewMonitor> skewMonitor = new ThreadLocal<>();
  private final @Nullable ToDoubleFunction<? super O> score;
  private final ToDoubleBiFunction<? super O, ? super O> loss;
  private final double errorAbove;
  private final BiPredicate<? super O, ? super O> agreement;
  private final @Nullable Function<? super I, String> routingKey;
  private final List<ServingListener> listeners;
  private final @Nullable Retraining retraining;
  private final Clock clock;
  private final int pendingCapacity;

  private final AtomicReference<Loaded<Predictor<I, O>>> champion = new AtomicReference<>();
  private final AtomicReference<@Nullable Loaded<Predictor<I, O>>> challenger =
      new AtomicReference<>();
  private final ReentrantLock refreshLock = new ReentrantLock();
  private int failedChampion;
  private int failedChallenger;

  private final LongAdder requests = new LongAdder();
  private final LongAdder championAnswers = new LongAdder();
  private final LongAdder canaryAnswers = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder canaryErrors = new LongAdder();
  private final LongAdder shadowSent = new LongAdder();
  private final LongAdder shadowDropped = new LongAdder();
  private final LongAdder shadowCompared = new LongAdder();
  private final LongAdder shadowAgreements = new LongAdder();
  private final LongAdder shadowErrors = new LongAdder();
  private final LongAdder labelled = new LongAdder();
  private final AtomicLong swaps = new AtomicLong();
  private final AtomicLong loadFailures = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private final Map<ServingEventType, LongAdder> events = new EnumMap<>(ServingEventType.class);
  private final Map<AlertType, LongAdder> monitorAlerts = new EnumMap<>(AlertType.class);

  private final ConcurrentHashMap<String, Pending<O>> pending = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> pendingOrder = new ConcurrentLinkedQueue<>();
  private final PairedDifference paired = new PairedDifference();

  private final AtomicBoolean canaryActive = new AtomicBoolean();
  private final AtomicLong canaryCalls = new AtomicLong();
  private final LongAdder canaryWrong = new LongAdder();
  private final ScoreRing championScores = new ScoreRing(1024);
  private final ScoreRing canaryScores = new ScoreRing(1024);
  private volatile DriftMonitor canaryMonitor;

  private final AtomicLong labelledSinceRetraining = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private final @Nullable BlockingQueue<ShadowTask<I, O>> shadowQueue;
  private final @Nullable Thread shadowThread;
  private volatile boolean closed;

  private ModelService(Builder<I, O> b, ModelSource<Predictor<I, O>> source) {
    this.source = source;
    this.alias = b.alias;
    this.challengerAlias = b.challengerAlias;
    this.challengerRole = b.challengerRole;
    this.canary = b.canary;
    this.features = b.features;
    this.skewBaseline = b.skewBaseline;
    this.skewRow = b.skewRow;
    this.score = b.score;
    this.loss = b.loss;
    this.errorAbove = b.errorAbove;
    this.agreement = b.agreement;
    this.routingKey = b.routingKey;
    this.listeners = List.copyOf(b.listeners);
    this.retraining = b.retraining;
    this.clock = b.clock;
    this.pendingCapacity = b.pendingCapacity;
    for (ServingEventType t : ServingEventType.values()) {
      events.put(t, new LongAdder());
    }
    for (AlertType t : AlertType.values()) {
      monitorAlerts.put(t, new LongAdder());
    }
    DriftMonitorBuilder mb = b.monitor != null ? b.monitor : DriftMonitor.builder();
    this.monitor = mb.alertListener(this::onMonitorAlert).build();
    this.challengerMonitor = latencyOnly();
    this.canaryMonitor = latencyOnly();
    String threadName = "mlops-serving-" + source.name();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    if (challengerRole == Role.SHADOW) {
      BlockingQueue<ShadowTask<I, O>> q = new ArrayBlockingQueue<>(b.shadowQueue);
      this.shadowQueue = q;
      Thread t = new Thread(() -> runShadow(q), threadName + "-shadow");
      t.setDaemon(true);
      this.shadowThread = t;
    } else {
      this.shadowQueue = null;
      this.shadowThread = null;
    }
  }

  private static DriftMonitor latencyOnly() {
    return DriftMonitor.builder().retrainingPolicy(RetrainingPolicy.never()).build();
  }

  /**
   * Starts a builder of a service over a registry's model.
   *
   * @param registry the registry
   * @param model the registered model's name
   * @param loader turns a verified version's files into a {@link Predictor}
   * @param <I> the input type
   * @param <O> the output type
   * @return a builder: alias {@code champion}, no polling, no challenger, a default monitor
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is blank
   */
  public static <I, O> Builder<I, O> builder(
      ModelRegistry registry, String model, ModelLoader<? extends Predictor<I, O>> loader) {
    return new Builder<>(new RegistrySource<>(registry, model, loader));
  }

  // ------------------------------------------------------------------ requests

  /**
   * Answers one request without an id: it cannot receive feedback later.
   *
   * @param input the input
   * @return the answer
   * @throws PredictionException if the model threw (counted)
   * @throws IllegalStateException if the service is closed
   */
  public O predict(I input) {
    return predict(null, input);
  }

  /**
   * Answers one request; with an id, {@link #feedback(String, Object)} can later give its label
   * (the last {@code pendingCapacity} identified requests are kept, default 100,000).
   *
   * @param requestId the request's id, or null
   * @param input the input
   * @return the answer
   * @throws PredictionException if the model threw (counted)
   * @throws IllegalStateException if the service is closed
   */
  public O predict(@Nullable String requestId, I input) {
    if (closed) {
      throw new IllegalStateException("the service is closed; build a new one");
    }
    requests.increment();
    Loaded<Predictor<I, O>> champ = champion.get();
    Loaded<Predictor<I, O>> ch = challenger.get();
    if (ch != null && challengerRole == Role.CANARY && canaryActive.get() && toCanary(input)) {
      DriftMonitor cm = canaryMonitor;
      long t0 = System.nanoTime();
      O out = null;
      boolean answered = false;
      try {
        out = ch.model().predict(input);
        answered = out != null; // a null answer counts as a canary error

      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
      cm.recordLatencyNanos(System.nanoTime() - t0);
      if (answered) {
        O answer = Objects.requireNonNull(out);
        canaryAnswers.increment();
        double s = scoreOf(answer);
        if (Double.isFinite(s)) {
          canaryScores.add(s);
        }
        remember(requestId, Role.CANARY, ch.version(), answer);
        afterCanaryCall(ch.version());
        return answer;
      }
      canaryErrors.increment();
      afterCanaryCall(ch.version());
      // the champion answers below
    }
    long t0 = System.nanoTime();
    O out;
    try {
      out = champ.model().predict(input);
    } catch (Exception e) {
      monitor.recordLatencyNanos(System.nanoTime() - t0);
      failures.increment();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new PredictionException(
          "predict of " + source.name() + " v" + champ.version() + " failed: " + e,
          champ.version(),
          e);
    }
    monitor.recordLatencyNanos(System.nanoTime() - t0);
    championAnswers.increment();
    observe(input, out);
    remember(requestId, Role.CHAMPION, champ.version(), out);
    if (ch != null && challengerRole == Role.SHADOW) {
      BlockingQueue<ShadowTask<I, O>> q = shadowQueue;
      if (q != null && q.offer(new ShadowTask<>(requestId, input, out, ch))) {
        shadowSent.increment();
      } else {
        shadowDropped.increment();
      }
    }
    return out;
  }

  private boolean toCanary(I input) {
    CanaryPolicy p = Objects.requireNonNull(canary);
    Function<? super I, String> key = routingKey;
    if (key == null) {
      return ThreadLocalRandom.current().nextDouble() < p.share();
    }
    return StableHash.bucket(key.apply(input)) < Math.round(p.share() * StableHash.BUCKETS);
  }

  private double scoreOf(O out) {
    ToDoubleFunction<? super O> f = score;
    if (f != null) {
      return f.applyAsDouble(out);
    }
    return out instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private void observe(I input, O out) {
    Function<? super I, FeatureRow> row = skewRow;
    if (row != null) {
      observeSkew(row.apply(input));
    }
    double s = scoreOf(out);
    if (!Double.isFinite(s)) {
      return;
    }
    if (challengerRole == Role.CANARY) {
      championScores.add(s);
    }
    Function<? super I, double[]> f = features;
    if (f == null) {
      monitor.observe(s);
    } else {
      monitor.observe(f.apply(input), s);
    }
  }

  private void observeSkew(FeatureRow row) {
    SkewMonitor m = skewMonitor.get();
    if (m == null) {
      m = SkewMonitor.create(Objects.requireNonNull(skewBaseline));
      skewMonitor.set(m);
      skewMonitors.add(m);
    }
    synchronized (m) {
      m.observe(row);
    }
  }

  /**
   * Training/serving skew of the champion's inputs so far: the per-thread {@link SkewMonitor}s (one
   * per request thread, each locked only by its own thread and by this call) merged and compared
   * with the baseline.
   *
   * @return the skew report
   * @throws IllegalStateException if no skew baseline was configured
   */
  public SkewReport skewReport() {
    DriftBaseline baseline = skewBaseline;
    if (baseline == null) {
      throw new IllegalStateException(
          "this service has no skew baseline; configure skew(baseline, row)");
    }
    SkewMonitor all = SkewMonitor.create(baseline);
    for (SkewMonitor m : skewMonitors) {
      synchronized (m) {
        all = all.merge(m);
      }
    }
    return all.report();
  }

  private void remember(@Nullable String requestId, Role role, int version, O out) {
    if (requestId == null) {
      return;
    }
    if (pending.put(requestId, new Pending<>(role, version, out)) == null) {
      pendingOrder.add(requestId);
      if (pending.size() > pendingCapacity) {
        String old = pendingOrder.poll();
        if (old != null) {
          pending.remove(old);
        }
      }
    }
  }

  // ------------------------------------------------------------------ feedback

  /**
   * Gives the label of an earlier request: the loss of its answer feeds the monitor's concept-drift
   * detector (champion answers), the canary's error rate (canary answers) and the shadow comparison
   * (both answers known); counts towards {@link Retraining#afterLabelled()}. A second label for the
   * same request is ignored.
   *
   * @param requestId the id given to {@link #predict(String, Object)}
   * @param label the true answer
   * @return whether the request was found (false when unknown, evicted or already labelled)
   * @throws NullPointerException if an argument is null
   */
  public boolean feedback(String requestId, O label) {
    Require.nonNull(requestId, "requestId");
    Require.nonNull(label, "label");
    Pending<O> p = pending.get(requestId);
    if (p == null) {
      return false;
    }
    double championLoss;
    synchronized (p) {
      if (p.label != null) {
        return false;
      }
      p.label = label;
      championLoss = loss.applyAsDouble(p.answer, label);
      if (p.challengerAnswer != null) {
        addPair(championLoss, loss.applyAsDouble(p.challengerAnswer, label));
      }
    }
    labelled.increment();
    boolean error = championLoss > errorAbove;
    if (p.role == Role.CANARY) {
      Loaded<Predictor<I, O>> ch = challenger.get();
      if (ch != null && ch.version() == p.version && error) {
        canaryWrong.increment();
      }
    } else {
      monitor.feedback(error);
    }
    Retraining r = retraining;
    if (r != null && r.afterLabelled() > 0) {
      long n = labelledSinceRetraining.incrementAndGet();
      if (n >= r.afterLabelled() && labelledSinceRetraining.compareAndSet(n, 0)) {
        requestRetraining("labelled", n + " labelled feedbacks since the last request", n);
      }
    }
    return true;
  }

  private void addPair(double championLoss, double challengerLoss) {
    synchronized (paired) {
      paired.add(championLoss, challengerLoss);
    }
  }

  // ------------------------------------------------------------------ shadow

  private void runShadow(BlockingQueue<ShadowTask<I, O>> q) {
    while (!closed) {
      ShadowTask<I, O> task;
      try {
        task = q.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (task == null) {
        continue;
      }
      long t0 = System.nanoTime();
      O out;
      try {
        out = task.challenger.model().predict(task.input);
      } catch (Exception e) {
        challengerMonitor.recordLatencyNanos(System.nanoTime() - t0);
        shadowErrors.increment();
        continue;
      }
      challengerMonitor.recordLatencyNanos(System.nanoTime() - t0);
      shadowCompared.increment();
      if (agreement.test(task.championAnswer, out)) {
        shadowAgreements.increment();
      }
      String id = task.requestId;
      Pending<O> p = id == null ? null : pending.get(id);
      if (p != null) {
        synchronized (p) {
          p.challengerAnswer = out;
          O label = p.label;
          if (label != null) {
            addPair(loss.applyAsDouble(p.answer, label), loss.applyAsDouble(out, label));
          }
        }
      }
    }
  }

  /**
   * Compares the shadow challenger with the champion so far.
   *
   * @return the report (sent, dropped, agreement, metric difference with its paired interval,
   *     latency of both)
   * @throws IllegalStateException if the service has no shadow challenger
   */
  public ShadowReport shadowReport() {
    Require.state(
        challengerRole == Role.SHADOW, "this service has no shadow; configure shadow(alias)");
    long compared = shadowCompared.sum();
    long n;
    double champ;
    double chall;
    double mean;
    double half;
    synchronized (paired) {
      n = paired.count();
      champ = paired.championMean();
      chall = paired.challengerMean();
      mean = paired.mean();
      half = paired.halfWidth();
    }
    Loaded<Predictor<I, O>> ch = challenger.get();
    return new ShadowReport(
        source.name(),
        champion.get().version(),
        ch == null ? 0 : ch.version(),
        shadowSent.sum(),
        shadowDropped.sum(),
        compared,
        shadowErrors.sum(),
        compared == 0 ? Double.NaN : (double) shadowAgreements.sum() / compared,
        n,
        champ,
        chall,
        mean,
        mean - half,
        mean + half,
        monitor.latency(),
        challengerMonitor.latency());
  }

  // ------------------------------------------------------------------ canary

  private void afterCanaryCall(int version) {
    CanaryPolicy p = Objects.requireNonNull(canary);
    long calls = canaryCalls.incrementAndGet();
    if (calls < p.minRequests() || calls % p.checkEvery() != 0) {
      return;
    }
    String reason = canaryBreach(p, calls);
    if (reason != null) {
      rollback(version, reason);
    }
  }

  private @Nullable String canaryBreach(CanaryPolicy p, long calls) {
    double errorRate = (double) (canaryErrors.sum() + canaryWrong.sum()) / calls;
    if (errorRate > p.maxErrorRate()) {
      return String.format(
          java.util.Locale.ROOT,
          "error rate %.4f > %.4f over %d canary requests",
          errorRate,
          p.maxErrorRate(),
          calls);
    }
    LatencySummary lat = canaryMonitor.latency();
    if (lat.p99().compareTo(p.maxP99Latency()) > 0) {
      return "p99 latency " + lat.p99() + " > " + p.maxP99Latency();
    }
    if (canaryScores.size() >= p.minRequests() && championScores.size() >= p.minRequests()) {
      double psi = Psi.numeric(championScores.snapshot(), canaryScores.snapshot());
      if (psi > p.maxScorePsi()) {
        return String.format(
            java.util.Locale.ROOT,
            "score PSI against the champion %.4f > %.4f",
            psi,
            p.maxScorePsi());
      }
    }
    return null;
  }

  private void rollback(int version, String reason) {
    if (canaryActive.compareAndSet(true, false)) {
      rollbacks.incrementAndGet();
      event(
          ServingEventType.CANARY_ROLLBACK,
          "canary",
          version,
          "canary v" + version + " rolled back: " + reason);
    }
  }

  private void startCanary() {
    canaryCalls.set(0);
    canaryWrong.reset();
    canaryErrors.reset();
    canaryScores.clear();
    canaryMonitor = latencyOnly();
    canaryActive.set(true);
  }

  /**
   * @return whether the canary receives traffic now (false before a challenger is loaded and after
   *     a rollback)
   */
  public boolean canaryActive() {
    return canaryActive.get();
  }

  // ------------------------------------------------------------------ swap

  /**
   * Resolves the alias (and the challenger's) now; loads and verifies a version that changed on
   * this thread, then swaps it in atomically. A version that fails leaves the old one serving and
   * raises a {@link ServingEventType#LOAD_FAILED} event. Requests keep being answered meanwhile.
   *
   * @return the champion version serving after the refresh
   */
  public int refresh() {
    refreshLock.lock();
    try {
      failedChampion = refreshOne(Role.CHAMPION, alias, champion, failedChampion, false);
      String ca = challengerAlias;
      if (ca != null) {
        failedChallenger = refreshOne(challengerRole, ca, challenger, failedChallenger, false);
      }
      return champion.get().version();
    } finally {
      refreshLock.unlock();
    }
  }

  /** Under refreshLock; returns the version that failed last (0 if none). */
  private int refreshOne(
      Role role,
      String which,
      AtomicReference<@Nullable Loaded<Predictor<I, O>>> ref,
      int failed,
      boolean initial) {
    String roleName = role.name().toLowerCase(java.util.Locale.ROOT);
    int version;
    try {
      version = source.resolve(which);
    } catch (RuntimeException e) {
      if (failed != -1) {
        loadFailed(
            roleName, 0, "alias '" + which + "' of " + source.name() + ": " + e.getMessage());
      }
      return -1;
    }
    Loaded<Predictor<I, O>> now = ref.get();
    if (now != null && now.version() == version) {
      return 0;
    }
    Predictor<I, O> model;
    try {
      model = source.load(version);
    } catch (RuntimeException e) {
      if (failed != version) {
        loadFailed(
            roleName,
            version,
            source.name() + " v" + version + " (" + which + ") failed to load: " + e.getMessage());
      }
      return version;
    }
    if (role == Role.CANARY) {
      canaryActive.set(false); // no canary traffic until its counters are reset
    }
    ref.set(new Loaded<>(version, model, clock.instant()));
    if (!initial) {
      swaps.incrementAndGet();
      event(
          ServingEventType.SWAPPED,
          roleName,
          version,
          source.name()
              + " "
              + which
              + " now serves v"
              + version
              + (now == null ? "" : " (was v" + now.version() + ")"));
    }
    if (role == Role.CANARY) {
      startCanary();
    }
    return 0;
  }

  private void loadFailed(String role, int version, String message) {
    loadFailures.incrementAndGet();
    event(ServingEventType.LOAD_FAILED, role, version, message + "; the old version keeps serving");
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.error("refresh of {} failed", source.name(), e);
    }
  }

  // ------------------------------------------------------------------ events, retraining

  private void onMonitorAlert(DriftAlert alert) {
    monitorAlerts.get(alert.type()).increment();
    Loaded<Predictor<I, O>> champ = champion.get();
    int v = champ == null ? 0 : champ.version();
    event(ServingEventType.MONITOR_ALERT, "champion", v, alert.toString());
    Retraining r = retraining;
    if (alert.type() == AlertType.RETRAINING && r != null && r.onMonitorPolicy()) {
      requestRetraining("policy", alert.message(), labelledSinceRetraining.get());
    }
  }

  private void requestRetraining(String reason, String detail, long labelledCount) {
    Retraining r = Objects.requireNonNull(retraining);
    int v = champion.get().version();
    RetrainingRequest req =
        new RetrainingRequest(reason, detail, clock.instant(), source.name(), v, labelledCount);
    if (!"labelled".equals(reason)) {
      labelledSinceRetraining.set(0);
    }
    try {
      scheduler.execute(
          () -> {
            event(ServingEventType.RETRAINING_STARTED, "service", v, reason + ": " + detail);
            try {
              r.callback().retrain(req);
            } catch (Exception e) {
              event(
                  ServingEventType.RETRAINING_FAILED,
                  "service",
                  v,
                  "retraining (" + reason + ") failed: " + e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.warn("retraining of {} not started: the service is closed", source.name());
    }
  }

  private void event(ServingEventType type, String role, int version, String message) {
    events.get(type).increment();
    ServingEvent e = new ServingEvent(type, clock.instant(), source.name(), role, version, message);
    if (e.isAlert()) {
      LOG.warn("{}", e);
    } else {
      LOG.info("{}", e);
    }
    for (ServingListener l : listeners) {
      try {
        l.onEvent(e);
      } catch (RuntimeException ex) {
        LOG.error("serving listener failed on {}", e, ex);
      }
    }
  }

  // ------------------------------------------------------------------ reads

  /**
   * @return running totals
   */
  public ServingStats stats() {
    Loaded<Predictor<I, O>> ch = challenger.get();
    return new ServingStats(
        source.name(),
        champion.get().version(),
        ch == null ? 0 : ch.version(),
        requests.sum(),
        championAnswers.sum(),
        canaryAnswers.sum(),
        failures.sum(),
        canaryErrors.sum(),
        shadowSent.sum(),
        shadowDropped.sum(),
        shadowCompared.sum(),
        shadowAgreements.sum(),
        labelled.sum(),
        swaps.get(),
        loadFailures.get(),
        rollbacks.get(),
        canaryActive.get());
  }

  /**
   * @return the champion version serving now
   */
  public int servedVersion() {
    return champion.get().version();
  }

  /**
   * @return the challenger version loaded now, if any
   */
  public Optional<Integer> challengerVersion() {
    Loaded<Predictor<I, O>> ch = challenger.get();
    return ch == null ? Optional.empty() : Optional.of(ch.version());
  }

  /**
   * @return the model's name
   */
  public String model() {
    return source.name();
  }

  /**
   * @return the drift monitor fed by the champion's answers
   */
  public DriftMonitor monitor() {
    return monitor;
  }

  /**
   * @return the latency of the challenger's calls (shadow or canary), empty without a challenger
   */
  public LatencySummary challengerLatency() {
    return challengerRole == Role.CANARY ? canaryMonitor.latency() : challengerMonitor.latency();
  }

  /**
   * @param type an event type
   * @return events of that type raised so far
   */
  public long eventCount(ServingEventType type) {
    return events.get(Require.nonNull(type, "type")).sum();
  }

  /**
   * @param type a monitor alert type
   * @return alerts of that type the monitor raised so far
   */
  public long monitorAlertCount(AlertType type) {
    return monitorAlerts.get(Require.nonNull(type, "type")).sum();
  }

  /**
   * @return the configured canary share, 0 without a canary or when rolled back
   */
  public double canaryShare() {
    CanaryPolicy p = canary;
    return p == null || !canaryActive.get() ? 0.0 : p.share();
  }

  /** Stops polling, retraining and the shadow thread; further predict calls throw. */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    Thread t = shadowThread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public String toString() {
    Loaded<Predictor<I, O>> ch = challenger.get();
    return "ModelService["
        + source.name()
        + " "
        + alias
        + "=v"
        + champion.get().version()
        + (challengerAlias == null
            ? ""
            : ", "
                + challengerRole.name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + challengerAlias
                + "="
                + (ch == null ? "-" : "v" + ch.version()))
        + "]";
  }

  private void start(@Nullable Duration pollEvery) {
    Loaded<Predictor<I, O>> first;
    int version = source.resolve(alias);
    first = new Loaded<>(version, source.load(version), clock.instant());
    champion.set(first);
    String ca = challengerAlias;
    if (ca != null) {
      failedChallenger = refreshOne(challengerRole, ca, challenger, 0, true);
    }
    Thread t = shadowThread;
    if (t != null) {
      t.start();
    }
    if (pollEvery != null) {
      long ms = pollEvery.toMillis();
      scheduler.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    Retraining r = retraining;
    if (r != null && r.every().isPresent()) {
      long ms = r.every().get().toMillis();
      scheduler.scheduleAtFixedRate(
          () -> requestRetraining("schedule", "every " + r.every().get(), 0),
          ms,
          ms,
          TimeUnit.MILLISECONDS);
    }
  }

  // ------------------------------------------------------------------ holders

  private static final class Pending<O> {
    final Role role;
    final int version;
    final O answer;
    @Nullable O challengerAnswer;
    @Nullable O label;

    Pending(Role role, int version, O answer) {
      this.role = role;
      this.version = version;
      this.answer = answer;
    }
  }

  private record ShadowTask<I, O>(
      @Nullable String requestId, I input, O championAnswer, Loaded<Predictor<I, O>> challenger) {}

  // ------------------------------------------------------------------ builder

  /**
   * Builder of a {@link ModelService}, from {@link ModelService#builder}.
   *
   * <table>
   *   <caption>Settings and defaults</caption>
   *   <tr><td>alias</td><td>{@code champion}</td><td>the alias served</td></tr>
   *   <tr><td>pollEvery</td><td>none</td><td>period of the alias check; {@link ModelService#refresh()} any time</td></tr>
   *   <tr><td>shadow / canary</td><td>none</td><td>the challenger's alias and role</td></tr>
   *   <tr><td>monitor</td><td>{@code DriftMonitor.builder()}</td><td>its builder: the service adds its alert listener</td></tr>
   *   <tr><td>features</td><td>none</td><td>the monitor's feature values of an input</td></tr>
   *   <tr><td>skew</td><td>none</td><td>training/serving skew of the raw inputs ({@code SkewMonitor})</td></tr>
   *   <tr><td>score</td><td>the answer when it is a Number</td><td>the monitor's score of an answer</td></tr>
   *   <tr><td>loss, errorAbove</td><td>0-1 loss, 0</td><td>feedback: loss(answer, label); an error when above</td></tr>
   *   <tr><td>agreement</td><td>{@code Objects.equals}</td><td>shadow agreement of two answers</td></tr>
   *   <tr><td>routingKey</td><td>none (random)</td><td>the canary's sticky key of an input</td></tr>
   *   <tr><td>shadowQueue</td><td>10,000</td><td>capacity of the shadow hand-off</td></tr>
   *   <tr><td>pendingCapacity</td><td>100,000</td><td>identified requests kept for feedback</td></tr>
   *   <tr><td>retraining</td><td>none</td><td>{@link Retraining}</td></tr>
   *   <tr><td>listener</td><td>none</td><td>may be added several times</td></tr>
   *   <tr><td>clock</td><td>{@code Clock.systemUTC()}</td><td>time of events</td></tr>
   * </table>
   *
   * @param <I> the input type
   * @param <O> the output type
   * @since 0.1.0
   */
  public static final class Builder<I, O> {
    private final ModelSource<Predictor<I, O>> source;
    private String alias = "champion";
    private @Nullable Duration pollEvery;
    private @Nullable String challengerAlias;
    private Role challengerRole = Role.CHAMPION;
    private @Nullable CanaryPolicy canary;
    private @Nullable DriftMonitorBuilder monitor;
    private @Nullable Function<? super I, double[]> features;
    private @Nullable DriftBaseline skewBaseline;
    private @Nullable Function<? super I, FeatureRow> skewRow;
    private @Nullable ToDoubleFunction<? super O> score;
    private ToDoubleBiFunction<? super O, ? super O> loss = (a, y) -> Objects.equals(a, y) ? 0 : 1;
    private double errorAbove;
    private BiPredicate<? super O, ? super O> agreement = Objects::equals;
    private @Nullable Function<? super I, String> routingKey;
    private int shadowQueue = 10_000;
    private int pendingCapacity = 100_000;
    private @Nullable Retraining retraining;
    private final List<ServingListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    Builder(ModelSource<Predictor<I, O>> source) {
      this.source = source;
    }

    /**
     * @param alias the alias served; default {@code champion}
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder<I, O> alias(String alias) {
      this.alias = Require.nonBlank(alias, "alias");
      return this;
    }

    /**
     * @param period how often the daemon thread checks the aliases, at least 1 ms; default never
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than 1 ms
     */
    public Builder<I, O> pollEvery(Duration period) {
      Require.nonNull(period, "pollEvery");
      Require.argument(period.toMillis() >= 1, "pollEvery", "at least 1 ms", period);
      this.pollEvery = period;
      return this;
    }

    /**
     * @param alias the challenger's alias: it receives a copy of every request on another thread
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder<I, O> shadow(String alias) {
      this.challengerAlias = Require.nonBlank(alias, "alias");
      this.challengerRole = Role.SHADOW;
      this.canary = null;
      return this;
    }

    /**
     * @param alias the challenger's alias: it answers a share of requests
     * @param policy the share and the rollback bounds
     * @return this builder
     * @throws NullPointerException if the policy is null
     * @throws IllegalArgumentException if the alias is blank
     */
    public Builder<I, O> canary(String alias, CanaryPolicy policy) {
      this.challengerAlias = Require.nonBlank(alias, "alias");
      this.canary = Require.nonNull(policy, "policy");
      this.challengerRole = Role.CANARY;
      return this;
    }

    /**
     * @param builder the drift monitor's builder (baseline, reference scores, windows, detector,
     *     retraining policy, listeners); the service adds its own alert listener and builds it
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> monitor(DriftMonitorBuilder builder) {
      this.monitor = Require.nonNull(builder, "monitor");
      return this;
    }

    /**
     * @param extractor the monitor's feature values of an input, in the monitor's feature order
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> features(Function<? super I, double[]> extractor) {
      this.features = Require.nonNull(extractor, "features");
      return this;
    }

    /**
     * The monitor's feature values through a fitted {@link FeaturePipeline}: {@code
     * pipeline.applyInto(row(input), buffer)}, one buffer per thread (the monitor copies it).
     *
     * @param pipeline a fitted pipeline whose output names are the monitor's features
     * @param row the pipeline's raw row of an input
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the pipeline is not fitted
     */
    public Builder<I, O> features(FeaturePipeline pipeline, Function<? super I, FeatureRow> row) {
      Require.nonNull(pipeline, "pipeline");
      Require.nonNull(row, "row");
      Require.argument(pipeline.isFitted(), "pipeline", "fitted", "a pipeline not fitted yet");
      ThreadLocal<double[]> buffer = ThreadLocal.withInitial(() -> new double[pipeline.width()]);
      this.features = input -> pipeline.applyInto(row.apply(input), buffer.get());
      return this;
    }

    /**
     * Training/serving skew: each champion request's raw row is added to a {@link SkewMonitor} of
     * the baseline (one per request thread, merged by {@link ModelService#skewReport()}).
     *
     * @param baseline the baseline fitted on the training inputs
     * @param row the raw row of an input (a {@link FeaturePipeline#newRow()} filled from it)
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder<I, O> skew(DriftBaseline baseline, Function<? super I, FeatureRow> row) {
      this.skewBaseline = Require.nonNull(baseline, "baseline");
      this.skewRow = Require.nonNull(row, "row");
      return this;
    }

    /**
     * @param score the monitor's score of an answer; default the answer when it is a {@code Number}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> score(ToDoubleFunction<? super O> score) {
      this.score = Require.nonNull(score, "score");
      return this;
    }

    /**
     * @param loss loss of an answer given the label, for feedback and the shadow metric; default
     *     0-1 loss ({@code Objects.equals})
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> loss(ToDoubleBiFunction<? super O, ? super O> loss) {
      this.loss = Require.nonNull(loss, "loss");
      return this;
    }

    /**
     * @param threshold loss above which an answer counts as an error (for the concept-drift
     *     detector and the canary's error rate); default 0
     * @return this builder
     * @throws IllegalArgumentException if not finite
     */
    public Builder<I, O> errorAbove(double threshold) {
      this.errorAbove = Require.finite(threshold, "errorAbove");
      return this;
    }

    /**
     * @param agreement whether a shadow answer agrees with the champion's; default {@code
     *     Objects.equals}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> agreement(BiPredicate<? super O, ? super O> agreement) {
      this.agreement = Require.nonNull(agreement, "agreement");
      return this;
    }

    /**
     * @param key the canary's sticky key of an input (a user or session id); default none: each
     *     request drawn at random
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> routingKey(Function<? super I, String> key) {
      this.routingKey = Require.nonNull(key, "routingKey");
      return this;
    }

    /**
     * @param capacity the shadow queue's capacity, at least 1; default 10,000
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder<I, O> shadowQueue(int capacity) {
      this.shadowQueue = Require.positive(capacity, "shadowQueue");
      return this;
    }

    /**
     * @param capacity identified requests kept for feedback, at least 1; default 100,000
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder<I, O> pendingCapacity(int capacity) {
      this.pendingCapacity = Require.positive(capacity, "pendingCapacity");
      return this;
    }

    /**
     * @param retraining when to retrain and what to run; default none
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> retraining(Retraining retraining) {
      this.retraining = Require.nonNull(retraining, "retraining");
      return this;
    }

    /**
     * @param listener receives every event; may be called several times
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> listener(ServingListener listener) {
      listeners.add(Require.nonNull(listener, "listener"));
      return this;
    }

    /**
     * @param clock time of events and loads; default {@code Clock.systemUTC()}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder<I, O> clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the service and loads the champion (and the challenger) before returning, then starts
     * the polling and shadow threads.
     *
     * @return the service, serving
     * @throws IllegalArgumentException if the alias is unknown
     * @throws org.mlops4j.registry.ArtifactIntegrityException if a file does not match its hash
     * @throws org.mlops4j.api.MlopsException if the champion fails to load
     */
    public ModelService<I, O> build() {
      ModelService<I, O> s = new ModelService<>(this, source);
      try {
        s.start(pollEvery);
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
      return s;
    }
  }
}
