package org.mlops4j.drift.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.mlops4j.drift.stream.internal.ObservationBuffer;
import org.mlops4j.drift.stream.internal.ScorePsi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a deployed model: windows of its inputs and scores, labelled feedback, and the latency
 * of its predict call; raises {@link DriftAlert}s and asks for retraining by a {@link
 * RetrainingPolicy}.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder()
 *     .features("age", "income")
 *     .featureDriftCheck(check)                 // data drift of the inputs, per window
 *     .referenceScores(validationScores)        // prediction drift: PSI of the scores
 *     .tumblingWindow(1_000)                    // or slidingWindow(Duration.ofHours(1), ...)
 *     .alertListener(alert -> pager.send(alert.message()))
 *     .build();
 * double score = monitor.time(() -> model.predict(x));
 * monitor.observe(x, score);
 * monitor.feedback(label != (score > 0.5));   // error indicator, when the label arrives
 * }</pre>
 *
 * <p><b>Windows.</b> By count ({@code tumblingWindow(n)}, {@code slidingWindow(size, step)}: a
 * window of the last {@code size} observations every {@code step} observations) or by time on
 * the injected {@link Clock} ({@code tumblingWindow(Duration)}, {@code slidingWindow(Duration,
 * Duration)}: windows [origin + k·step, origin + k·step + size), origin = build time; a window
 * closes at the first {@link #observe} or {@link #poll()} at or after its end; empty windows are
 * skipped). Observation times are made non-decreasing. Default: tumbling windows of 1,000
 * observations.
 *
 * <p><b>Per window.</b> (1) Data drift: the {@link FeatureDriftCheck}, with one column per
 * feature. (2) Prediction drift: PSI of the window's scores against the reference scores, with
 * {@code psiBins} quantile bins of the reference (default 10; bins right-closed, numpy's linear
 * quantiles), shares floored at {@code psiEpsilon} (default 1e-4), {@code PSI = sum (c - r)
 * ln(c / r)} (the population stability index, Siddiqi, <i>Credit Risk Scorecards</i>, 2006);
 * drift when PSI &gt; {@code psiThreshold} (default 0.25, the "significant shift" cut-off of
 * {@link org.mlops4j.drift.PsiLevel}). (3) Feedback, errors and concept drifts since the previous report. (4)
 * Latency percentiles of the predict calls recorded since the previous report (HdrHistogram, 3
 * significant digits). A window with data or prediction drift counts as drifted for the policy.
 *
 * <p><b>Concept drift.</b> {@link #feedback(boolean)} feeds the error indicator (1 = the
 * prediction was wrong) to the detector, {@link Ddm} with its defaults unless configured; a DRIFT
 * raises an alert at once. The monitor owns the detector: do not update it elsewhere.
 *
 * <p><b>Alerts.</b> Listeners run synchronously, in order, on the thread that caused the alert;
 * every alert is also logged at WARN through SLF4J (logger {@code
 * org.mlops4j.drift.stream.DriftMonitor}). A listener that throws is logged and skipped.
 *
 * <p><b>Threads.</b> All methods are safe for concurrent callers. Observations and feedback are
 * recorded under one short lock; a closed window is copied out, queued, and evaluated after that
 * lock is released, under a second lock that keeps reports and alerts in window order: by
 * default on the thread whose observation closed it, or on an executor ({@link
 * Builder#evaluateAsync(Executor)}). Latency recording is wait-free.
 *
 * @since 0.1.0
 */
public final class DriftMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);
  private static final String PREDICTION = "prediction";
  private static final double[] NO_FEATURES = new double[0];

  private final List<String> features;
  private final int dims;
  private final FeatureDriftCheck check;
  private final ScorePsi psi;
  private final double psiThreshold;
  private final ConceptDriftDetector detector;
  private final RetrainingPolicy policy;
  private final List<AlertListener> listeners;
  private final List<Consumer<WindowReport>> reportListeners;
  private final Clock clock;
  private final LongSupplier ticker;
  private final boolean timeBased;
  private final int countSize;
  private final int countStep;
  private final long sizeMillis;
  private final long stepMillis;
  private final long origin;
  private final Executor executor;

  // guarded by dataLock
  private final ReentrantLock dataLock = new ReentrantLock();
  private final ObservationBuffer buffer;
  private int sinceClose;
  private long lastTime;
  private long windowK;
  private long nextIndex;
  private long observations;
  private long feedbackTotal;
  private long errorsTotal;
  private long conceptDriftsTotal;
  private long pendingFeedback;
  private long pendingErrors;
  private long pendingConceptDrifts;

  // closed windows in index order: offered under dataLock, polled under evalLock
  private final ConcurrentLinkedQueue<Snapshot> closed = new ConcurrentLinkedQueue<>();

  // guarded by evalLock
  private final ReentrantLock evalLock = new ReentrantLock();
  private int consecutiveDrifted;
  private boolean triggered;
  private long lastTriggerMillis;
  private long windows;
  private long driftedWindows;
  private long alerts;
  private long triggers;
  private long suppressed;
  private WindowReport lastReport;

  // latency: wait-free recorder, drained under latencyLock
  private final Recorder recorder = new Recorder(3);
  private final Object latencyLock = new Object();
  private final Histogram cumulative = new Histogram(3);
  private final Histogram pendingWindow = new Histogram(3);
  private Histogram recycled;

  private DriftMonitor(Builder b) {
    this.features = List.copyOf(b.features);
    this.dims = features.size();
    this.check = b.check;
    this.psi = b.referenceScores == null ? null
        : ScorePsi.fit(b.referenceScores, b.psiBins, b.psiEpsilon);
    this.psiThreshold = b.psiThreshold;
    this.detector = b.detector != null ? b.detector : Ddm.withDefaults();
    this.policy = b.policy;
    this.listeners = List.copyOf(b.listeners);
    this.reportListeners = List.copyOf(b.reportListeners);
    this.clock = b.clock;
    this.ticker = b.ticker;
    this.timeBased = b.sizeMillis > 0;
    this.countSize = b.countSize;
    this.countStep = b.countStep;
    this.sizeMillis = b.sizeMillis;
    this.stepMillis = b.stepMillis;
    this.origin = clock.millis();
    this.executor = b.executor;
    this.lastTime = origin;
    this.buffer = new ObservationBuffer(dims, timeBased ? 0 : countSize);
  }

  /** @return a builder: tumbling windows of 1,000, DDM, default retraining policy, UTC clock */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records one prediction of a model without input features.
   *
   * @param score the model's score
   * @throws IllegalArgumentException if features were configured or the score is not finite
   */
  public void observe(double score) {
    observe(NO_FEATURES, score);
  }

  /**
   * Records one prediction: the input features (in the configured order; NaN marks a missing
   * value) and the model's score. May close windows, evaluate them and raise alerts on this
   * thread.
   *
   * @param x the feature values (copied)
   * @param score the model's score
   * @throws IllegalArgumentException if x has the wrong length or the score is not finite
   */
  public void observe(double[] x, double score) {
    if (x == null || x.length != dims) {
      throw new IllegalArgumentException("features must hold " + dims + " values " + features
          + ", but held " + (x == null ? "null" : x.length));
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, but was " + score);
    }
    boolean due = false;
    dataLock.lock();
    try {
      long now = now();
      if (timeBased) {
        due = closeDueTimeWindows(now);
      }
      buffer.add(now, score, x);
      observations++;
      if (!timeBased) {
        sinceClose++;
        if (buffer.size() >= countSize && sinceClose >= countStep) {
          closed.add(snapshot(0, buffer.size(), buffer.time(0), buffer.time(buffer.size() - 1)));
          due = true;
          sinceClose = 0;
          if (countStep >= countSize) {
            buffer.clear();
          }
        }
      }
    } finally {
      dataLock.unlock();
    }
    if (due) {
      dispatch();
    }
  }

  /**
   * Closes the time windows whose end has passed, without a new observation: call it from a
   * scheduler when traffic may stop. Does nothing for count windows.
   *
   * @return the reports evaluated by this call (empty when evaluation is asynchronous, see {@link
   *     Builder#evaluateAsync(Executor)})
   */
  public List<WindowReport> poll() {
    if (!timeBased) {
      return List.of();
    }
    boolean due;
    dataLock.lock();
    try {
      due = closeDueTimeWindows(now());
    } finally {
      dataLock.unlock();
    }
    if (!due) {
      return List.of();
    }
    if (executor != null) {
      dispatch();
      return List.of();
    }
    return drain();
  }

  /**
   * Feeds labelled feedback to the concept-drift detector.
   *
   * @param error whether the prediction was wrong
   * @return the detector's state after this feedback
   */
  public DriftState feedback(boolean error) {
    DriftState state;
    long window;
    long detectorDrifts;
    long detectorUpdates;
    dataLock.lock();
    try {
      state = detector.update(error ? 1.0 : 0.0);
      feedbackTotal++;
      pendingFeedback++;
      if (error) {
        errorsTotal++;
        pendingErrors++;
      }
      if (state != DriftState.DRIFT) {
        return state;
      }
      conceptDriftsTotal++;
      pendingConceptDrifts++;
      window = nextIndex;
      detectorDrifts = detector.drifts();
      detectorUpdates = detector.updates();
    } finally {
      dataLock.unlock();
    }
    evalLock.lock();
    try {
      long now = clock.millis();
      raise(new DriftAlert(DriftAlert.Kind.CONCEPT_DRIFT, Instant.ofEpochMilli(now), window,
          detector.getClass().getSimpleName(), detectorDrifts, Double.NaN,
          "concept drift detected by " + detector.getClass().getSimpleName() + " after "
              + detectorUpdates + " labelled predictions"));
      if (policy.onConceptDrift()) {
        trigger(now, window, detectorDrifts, "concept drift");
      }
    } finally {
      evalLock.unlock();
    }
    return state;
  }

  /**
   * Records the latency of one predict call.
   *
   * @param latency the call's duration
   * @throws IllegalArgumentException if null or negative
   */
  public void recordLatency(Duration latency) {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive, but was " + latency);
    }
    recordLatencyNanos(latency.toNanos());
  }

  /**
   * Records the latency of one predict call, in nanoseconds.
   *
   * @param nanos the call's duration
   * @throws IllegalArgumentException if negative
   */
  public void recordLatencyNanos(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("latency must be zero or positive, but was " + nanos
          + " ns");
    }
    recorder.recordValue(nanos);
  }

  /**
   * Runs a predict call and records its latency (also when it throws).
   *
   * @param call the call
   * @param <T> its result type
   * @return the call's result
   */
  public <T> T time(Supplier<T> call) {
    long t0 = ticker.getAsLong();
    try {
      return call.get();
    } finally {
      recordLatencyNanos(Math.max(0, ticker.getAsLong() - t0));
    }
  }

  /** @return latency percentiles of every call recorded since the monitor was built */
  public LatencySummary latency() {
    synchronized (latencyLock) {
      drainLatency();
      return summarize(cumulative);
    }
  }

  /** @return the detector's current state */
  public DriftState conceptState() {
    dataLock.lock();
    try {
      return detector.state();
    } finally {
      dataLock.unlock();
    }
  }

  /** @return the report of the last closed window, if any */
  public Optional<WindowReport> lastWindow() {
    evalLock.lock();
    try {
      return Optional.ofNullable(lastReport);
    } finally {
      evalLock.unlock();
    }
  }

  /**
   * @return running totals (each group of counters is read atomically; observation and window
   *     counters may be a window apart under concurrent use)
   */
  public MonitorStats stats() {
    long obs;
    long fb;
    long err;
    long cd;
    dataLock.lock();
    try {
      obs = observations;
      fb = feedbackTotal;
      err = errorsTotal;
      cd = conceptDriftsTotal;
    } finally {
      dataLock.unlock();
    }
    evalLock.lock();
    try {
      return new MonitorStats(obs, fb, err, windows, driftedWindows, cd, alerts, triggers,
          suppressed, latency());
    } finally {
      evalLock.unlock();
    }
  }

  /** @return the configured feature names */
  public List<String> features() {
    return features;
  }

  @Override
  public String toString() {
    return "DriftMonitor[features=" + features + ", window="
        + (timeBased ? Duration.ofMillis(sizeMillis) + "/" + Duration.ofMillis(stepMillis)
            : countSize + "/" + countStep)
        + ", detector=" + detector.getClass().getSimpleName() + ", policy=" + policy + "]";
  }

  // ---------------------------------------------------------------- internals

  private long now() {
    long t = clock.millis();
    if (t < lastTime) {
      t = lastTime;
    }
    lastTime = t;
    return t;
  }

  /** Under dataLock: queues the closed windows; returns whether any was closed. */
  private boolean closeDueTimeWindows(long now) {
    boolean due = false;
    long start = origin + windowK * stepMillis;
    long end = start + sizeMillis;
    while (now >= end) {
      int to = 0;
      while (to < buffer.size() && buffer.time(to) < end) {
        to++;
      }
      if (to > 0) {
        closed.add(snapshot(0, to, start, end));
        due = true;
      }
      windowK++;
      start = origin + windowK * stepMillis;
      end = start + sizeMillis;
      int old = 0;
      while (old < buffer.size() && buffer.time(old) < start) {
        old++;
      }
      buffer.dropOldest(old);
      long target = buffer.size() == 0 ? now : Math.min(now, buffer.time(0));
      if (target >= end) {
        // skip windows that can hold no observation
        long k = Math.floorDiv(target - origin - sizeMillis, stepMillis) + 1;
        if (k > windowK) {
          windowK = k;
          start = origin + windowK * stepMillis;
          end = start + sizeMillis;
          old = 0;
          while (old < buffer.size() && buffer.time(old) < start) {
            old++;
          }
          buffer.dropOldest(old);
        }
      }
    }
    return due;
  }

  /** Under dataLock: copies observations from..to-1 and the pending feedback counters. */
  private Snapshot snapshot(int from, int to, long start, long end) {
    int n = to - from;
    double[] scores = new double[n];
    double[][] cols = new double[dims][n];
    buffer.copy(from, to, scores, cols);
    Snapshot s = new Snapshot(nextIndex++, start, end, scores, cols, pendingFeedback,
        pendingErrors, pendingConceptDrifts, detector.state());
    pendingFeedback = 0;
    pendingErrors = 0;
    pendingConceptDrifts = 0;
    return s;
  }

  /** Evaluates the queued windows inline or on the executor. */
  private void dispatch() {
    if (executor == null) {
      drain();
      return;
    }
    executor.execute(() -> {
      try {
        drain();
      } catch (RuntimeException e) {
        LOG.error("asynchronous window evaluation failed", e);
      }
    });
  }

  /** Evaluates every queued window, in index order, under evalLock. */
  private List<WindowReport> drain() {
    evalLock.lock();
    try {
      List<WindowReport> out = new ArrayList<>(1);
      for (Snapshot s = closed.poll(); s != null; s = closed.poll()) {
        out.add(evaluate(s));
      }
      return out;
    } finally {
      evalLock.unlock();
    }
  }

  /** Under evalLock. */
  private WindowReport evaluate(Snapshot s) {
    List<FeatureVerdict> verdicts = List.of();
    if (check != null) {
      Map<String, double[]> window = new LinkedHashMap<>();
      for (int d = 0; d < dims; d++) {
        window.put(features.get(d), s.columns[d]);
      }
      List<FeatureVerdict> got = check.check(Collections.unmodifiableMap(window));
      if (got == null) {
        throw new IllegalStateException("featureDriftCheck returned null for window " + s.index);
      }
      verdicts = got;
    }
    boolean dataDrift = false;
    for (FeatureVerdict v : verdicts) {
      dataDrift |= v.drifted();
    }
    OptionalDouble psiValue = OptionalDouble.empty();
    boolean predictionDrift = false;
    if (psi != null) {
      double value = psi.psi(s.scores, s.scores.length);
      psiValue = OptionalDouble.of(value);
      predictionDrift = value > psiThreshold;
    }
    LatencySummary latency;
    synchronized (latencyLock) {
      drainLatency();
      latency = summarize(pendingWindow);
      pendingWindow.reset();
    }
    WindowReport report = new WindowReport(s.index, Instant.ofEpochMilli(s.start),
        Instant.ofEpochMilli(s.end), s.scores.length, verdicts, dataDrift, psiValue,
        predictionDrift, s.feedback, s.errors, s.conceptDrifts, s.conceptState, latency);
    windows++;
    lastReport = report;
    LOG.debug("{}", report);
    long now = clock.millis();
    Instant at = Instant.ofEpochMilli(now);
    for (FeatureVerdict v : verdicts) {
      if (v.drifted()) {
        raise(new DriftAlert(DriftAlert.Kind.DATA_DRIFT, at, s.index, v.feature(), v.statistic(),
            Double.NaN, "feature '" + v.feature() + "' drifted in window " + s.index + ": " + v));
      }
    }
    if (predictionDrift) {
      raise(new DriftAlert(DriftAlert.Kind.PREDICTION_DRIFT, at, s.index, PREDICTION,
          psiValue.getAsDouble(), psiThreshold,
          String.format(java.util.Locale.ROOT, "score PSI %.4f > %.4f in window %d (n=%d)",
              psiValue.getAsDouble(), psiThreshold, s.index, s.scores.length)));
    }
    if (report.drifted()) {
      driftedWindows++;
      consecutiveDrifted++;
      int need = policy.consecutiveDriftedWindows();
      if (need > 0 && consecutiveDrifted >= need) {
        trigger(now, s.index, consecutiveDrifted, consecutiveDrifted + " consecutive drifted windows");
      }
    } else {
      consecutiveDrifted = 0;
    }
    for (Consumer<WindowReport> l : reportListeners) {
      try {
        l.accept(report);
      } catch (RuntimeException e) {
        LOG.error("window report listener {} failed on window {}", l, s.index, e);
      }
    }
    return report;
  }

  /** Under evalLock. */
  private void trigger(long now, long window, double statistic, String reason) {
    if (triggered && now - lastTriggerMillis < policy.cooldown().toMillis()) {
      suppressed++;
      LOG.info("retraining trigger ({}) suppressed: cooldown {} since {}", reason,
          policy.cooldown(), Instant.ofEpochMilli(lastTriggerMillis));
      return;
    }
    triggered = true;
    lastTriggerMillis = now;
    triggers++;
    consecutiveDrifted = 0;
    raise(new DriftAlert(DriftAlert.Kind.RETRAINING, Instant.ofEpochMilli(now), window, "model",
        statistic, Double.NaN, "retraining triggered: " + reason));
  }

  /** Under evalLock. */
  private void raise(DriftAlert alert) {
    alerts++;
    LOG.warn("{}", alert);
    for (AlertListener l : listeners) {
      try {
        l.onAlert(alert);
      } catch (RuntimeException e) {
        LOG.error("alert listener {} failed on {}", l, alert, e);
      }
    }
  }

  /** Under latencyLock. */
  private void drainLatency() {
    Histogram interval = recorder.getIntervalHistogram(recycled);
    cumulative.add(interval);
    pendingWindow.add(interval);
    recycled = interval;
  }

  private static LatencySummary summarize(Histogram h) {
    long n = h.getTotalCount();
    if (n == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(n, Duration.ofNanos(h.getValueAtPercentile(50)),
        Duration.ofNanos(h.getValueAtPercentile(95)), Duration.ofNanos(h.getValueAtPercentile(99)),
        Duration.ofNanos(h.getMaxValue()), Duration.ofNanos(Math.round(h.getMean())));
  }

  private static final class Snapshot {
    final long index;
    final long start;
    final long end;
    final double[] scores;
    final double[][] columns;
    final long feedback;
    final long errors;
    final long conceptDrifts;
    final DriftState conceptState;

    Snapshot(long index, long start, long end, double[] scores, double[][] columns, long feedback,
        long errors, long conceptDrifts, DriftState conceptState) {
      this.index = index;
      this.start = start;
      this.end = end;
      this.scores = scores;
      this.columns = columns;
      this.feedback = feedback;
      this.errors = errors;
      this.conceptDrifts = conceptDrifts;
      this.conceptState = conceptState;
    }
  }

  /**
   * Builder of {@link DriftMonitor}; setters validate their argument, {@link #build()} checks the
   * settings against each other.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private List<String> features = List.of();
    private FeatureDriftCheck check;
    private double[] referenceScores;
    private int psiBins = 10;
    private double psiThreshold = 0.25;
    private double psiEpsilon = 1e-4;
    private ConceptDriftDetector detector;
    private RetrainingPolicy policy = RetrainingPolicy.defaults();
    private final List<AlertListener> listeners = new ArrayList<>();
    private final List<Consumer<WindowReport>> reportListeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private int countSize = 1000;
    private int countStep = 1000;
    private long sizeMillis;
    private long stepMillis;
    private Executor executor;

    private Builder() {}

    /**
     * @param names the input features, in the order of {@link DriftMonitor#observe(double[],
     *     double)}'s array; default none
     * @return this builder
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    public Builder features(String... names) {
      LinkedHashSet<String> set = new LinkedHashSet<>();
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException("feature names must not be blank, but got '" + n
              + "'");
        }
        if (!set.add(n)) {
          throw new IllegalArgumentException("feature name '" + n + "' is repeated");
        }
      }
      this.features = List.copyOf(set);
      return this;
    }

    /**
     * Checks each window's features against a fitted baseline: sets {@link #features(String...)}
     * to the baseline's features (in its order) and the check to {@link
     * FeatureDriftCheck#against(org.mlops4j.drift.DriftBaseline)}.
     *
     * @param baseline a baseline of numeric features
     * @return this builder
     * @throws IllegalArgumentException if null or with a categorical feature
     */
    public Builder baseline(org.mlops4j.drift.DriftBaseline baseline) {
      this.check = FeatureDriftCheck.against(baseline);
      return features(baseline.features().toArray(new String[0]));
    }

    /**
     * @param check data-drift check of each window's features; default none
     * @return this builder
     */
    public Builder featureDriftCheck(FeatureDriftCheck check) {
      this.check = check;
      return this;
    }

    /**
     * @param scores reference scores (e.g. on validation data) for prediction drift; copied
     * @return this builder
     */
    public Builder referenceScores(double[] scores) {
      this.referenceScores = scores == null ? null : scores.clone();
      return this;
    }

    /**
     * @param bins quantile bins of the reference scores, at least 2; default 10
     * @return this builder
     * @throws IllegalArgumentException if &lt; 2
     */
    public Builder psiBins(int bins) {
      if (bins < 2) {
        throw new IllegalArgumentException("psiBins must be at least 2, but was " + bins);
      }
      this.psiBins = bins;
      return this;
    }

    /**
     * @param threshold PSI above which the scores drifted, positive; default 0.25
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder psiThreshold(double threshold) {
      this.psiThreshold = AbstractDetector.requirePositive("psiThreshold", threshold);
      return this;
    }

    /**
     * @param epsilon floor of a bin's share, in (0, 1); default 1e-4
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder psiEpsilon(double epsilon) {
      this.psiEpsilon = AbstractDetector.requireOpenUnit("psiEpsilon", epsilon);
      return this;
    }

    /**
     * @param size observations per window (tumbling: non-overlapping), at least 1
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder tumblingWindow(int size) {
      return slidingWindow(size, size);
    }

    /**
     * Count windows: once {@code max(size, step)} observations were seen and then every {@code
     * step} observations, a window of the last {@code size} observations closes. {@code step <
     * size} gives overlapping windows, {@code step == size} tumbling ones, {@code step > size}
     * hopping windows that leave observations out.
     *
     * @param size observations per window, at least 1
     * @param step observations between two windows, at least 1
     * @return this builder
     * @throws IllegalArgumentException if size or step &lt; 1
     */
    public Builder slidingWindow(int size, int step) {
      AbstractDetector.requireAtLeast("window size", size, 1);
      AbstractDetector.requireAtLeast("window step", step, 1);
      this.countSize = size;
      this.countStep = step;
      this.sizeMillis = 0;
      this.stepMillis = 0;
      return this;
    }

    /**
     * @param size window length on the clock, at least 1 ms
     * @return this builder
     * @throws IllegalArgumentException if null or shorter than 1 ms
     */
    public Builder tumblingWindow(Duration size) {
      return slidingWindow(size, size);
    }

    /**
     * @param size window length, at least 1 ms
     * @param step time between two window starts, at least 1 ms
     * @return this builder
     * @throws IllegalArgumentException if null or shorter than 1 ms
     */
    public Builder slidingWindow(Duration size, Duration step) {
      this.sizeMillis = millis("window size", size);
      this.stepMillis = millis("window step", step);
      return this;
    }

    private static long millis(String name, Duration d) {
      if (d == null || d.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms, but was " + d);
      }
      return d.toMillis();
    }

    /**
     * @param detector concept-drift detector fed by {@link DriftMonitor#feedback(boolean)}, owned
     *     by the monitor from now on; default {@code Ddm.withDefaults()}
     * @return this builder
     */
    public Builder conceptDriftDetector(ConceptDriftDetector detector) {
      this.detector = detector;
      return this;
    }

    /**
     * @param policy when to ask for retraining; default {@link RetrainingPolicy#defaults()}
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder retrainingPolicy(RetrainingPolicy policy) {
      if (policy == null) {
        throw new IllegalArgumentException("retrainingPolicy must not be null");
      }
      this.policy = policy;
      return this;
    }

    /**
     * @param listener receives every alert; may be called several times to add listeners
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder alertListener(AlertListener listener) {
      if (listener == null) {
        throw new IllegalArgumentException("alertListener must not be null");
      }
      listeners.add(listener);
      return this;
    }

    /**
     * @param listener receives every window report; may be called several times
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder reportListener(Consumer<WindowReport> listener) {
      if (listener == null) {
        throw new IllegalArgumentException("reportListener must not be null");
      }
      reportListeners.add(listener);
      return this;
    }

    /**
     * Evaluates closed windows on an executor instead of the observing thread, so that a slow
     * {@link FeatureDriftCheck} (an exact KS test on a large reference takes milliseconds) does
     * not stall {@link DriftMonitor#observe}. Windows are still evaluated one at a time, in
     * order; report and alert listeners then run on the executor's threads. Closed windows wait
     * in an unbounded queue: evaluation must keep up with the rate at which windows close.
     * Default: inline.
     *
     * @param executor where to evaluate windows
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder evaluateAsync(Executor executor) {
      if (executor == null) {
        throw new IllegalArgumentException("executor must not be null");
      }
      this.executor = executor;
      return this;
    }

    /**
     * @param clock time of observations, windows and alerts; default {@code Clock.systemUTC()}
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /**
     * @param ticker nanosecond ticker used by {@link DriftMonitor#time(Supplier)}; default {@code
     *     System::nanoTime}
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder ticker(LongSupplier ticker) {
      if (ticker == null) {
        throw new IllegalArgumentException("ticker must not be null");
      }
      this.ticker = ticker;
      return this;
    }

    /**
     * @return the monitor
     * @throws IllegalStateException if a feature check is set without features
     * @throws IllegalArgumentException if the reference scores are not usable (fewer than 2,
     *     non-finite)
     */
    public DriftMonitor build() {
      if (check != null && features.isEmpty()) {
        throw new IllegalStateException("featureDriftCheck needs features(...) to be set");
      }
      return new DriftMonitor(this);
    }
  }
}
