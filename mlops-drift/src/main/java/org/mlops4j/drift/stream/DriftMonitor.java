package org.mlops4j.drift.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.stream.internal.ClosedWindow;
import org.mlops4j.drift.stream.internal.LatencyRecorder;
import org.mlops4j.drift.stream.internal.MonitorEvents;
import org.mlops4j.drift.stream.internal.ObservationStaging;
import org.mlops4j.drift.stream.internal.RetrainingTrigger;
import org.mlops4j.drift.stream.internal.ScorePsi;
import org.mlops4j.drift.stream.internal.WindowEvaluator;
import org.mlops4j.drift.stream.internal.Windowing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a deployed model: windows of its inputs and scores, labelled feedback, and the latency of
 * its predict call; raises {@link DriftAlert}s and asks for retraining by a {@link
 * RetrainingPolicy}. Built by {@link #builder()}; every closed window yields a {@link
 * WindowReport}, which holds the window's {@link org.mlops4j.drift.DriftReport}.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder()
 *     .baseline(baseline)                       // data drift of the inputs, per window
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
 * window of the last {@code size} observations every {@code step} observations) or by time on the
 * injected {@link Clock} ({@code tumblingWindow(Duration)}, {@code slidingWindow(Duration,
 * Duration)}: windows [origin + k·step, origin + k·step + size), origin = build time; a window
 * closes at the first {@link #observe} or {@link #poll()} at or after its end; empty windows are
 * skipped). Observation times are made non-decreasing. Default: tumbling windows of 1,000
 * observations.
 *
 * <p><b>Per window.</b> (1) Data drift: the {@link FeatureDriftCheck}, with one column per feature,
 * gives the window's {@link org.mlops4j.drift.DriftReport}; the window has data drift when at least
 * one feature drifted. (2) Prediction drift: PSI of the window's scores against the reference
 * scores, with {@code psiBins} quantile bins of the reference (default 10; numpy's linear
 * quantiles, repeated ones dropped, values counted as {@code numpy.histogram} counts them: the bins
 * of {@link org.mlops4j.drift.Psi}), shares floored at {@code psiEpsilon} (default 1e-4), {@code
 * PSI = sum (c - r) ln(c / r)} (the population stability index, Siddiqi, <i>Credit Risk
 * Scorecards</i>, 2006); drift when PSI &gt; {@code psiThreshold} (default 0.25, the "significant
 * shift" cut-off of {@link org.mlops4j.drift.PsiLevel}). (3) Feedback, errors and concept drifts
 * since the previous report. (4) Latency percentiles of the predict calls recorded since the
 * previous report (HdrHistogram, 3 significant digits). A window with data or prediction drift
 * counts as drifted for the policy.
 *
 * <p><b>Concept drift.</b> {@link #feedback(boolean)} feeds the error indicator (1 = the prediction
 * was wrong) to the detector, {@link Ddm} with its defaults unless configured; a DRIFT raises an
 * alert at once. The monitor owns the detector: do not update it elsewhere.
 *
 * <p><b>Alerts.</b> Listeners run synchronously, in order, on the thread that caused the alert (for
 * a window's alerts: the thread that evaluates it, see <i>Threads</i>); every alert is also logged
 * at WARN through SLF4J (logger {@code org.mlops4j.drift.stream.DriftMonitor}). A listener that
 * throws is logged and skipped.
 *
 * <p><b>Threads.</b> All methods are safe for concurrent callers. Observations and feedback are
 * recorded under one short lock; a closed window is copied out, queued, and evaluated after that
 * lock is released, under a second lock that keeps reports and alerts in window order: by default
 * on the thread whose observation closed it (or, if another caller is evaluating at that moment, on
 * that caller's thread, which evaluates every queued window before it returns), or on an executor
 * ({@link DriftMonitorBuilder#evaluateAsync(Executor)}). An {@link #observe} that finds the lock
 * taken does not wait: it stages the observation in a buffer of its thread (at most 64), and keeps
 * staging while other threads observe too (until its buffer is full and no other thread handed
 * observations over meanwhile, and for at most the millisecond after the last sign of contention on
 * the monitor's clock). The buffers are handed to the windows in batches, merged by time: by a full
 * buffer's own thread; by a caller that takes the lock (its own buffer and those of threads no
 * longer staging; all of them when a time window is about to close); and by {@link #stats()},
 * {@link #lastWindow()} and {@link #poll()}, which also end the staging. So without contention (one
 * thread, or threads taking turns) every observation reaches its window at once; under contention a
 * window may close a few staged observations later than its count alone says (its size stays
 * exact), and each thread's observations keep their call order. Latency is recorded into per-thread
 * stripes, merged when a window closes; it never waits on other callers.
 *
 * @since 0.1.0
 */
public final class DriftMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);
  private static final double[] NO_FEATURES = new double[0];

  private final List<String> features;
  private final ConceptDriftDetector detector;
  private final RetrainingPolicy policy;
  private final Clock clock;
  private final LongSupplier ticker;
  private final @Nullable Executor executor;
  private final WindowEvaluator evaluator;
  private final MonitorEvents events;
  private final RetrainingTrigger retraining;
  private final LatencyRecorder latency = new LatencyRecorder();
  private final Windowing.Sink sink = this::queue;
  private final ObservationStaging staging;
  private final ObservationStaging.Consumer staged = this::addStaged;

  // guarded by dataLock
  private final ReentrantLock dataLock = new ReentrantLock();
  private final Windowing windowing;
  private long lastTime;
  private long nextIndex;
  private long observations;
  private long feedbackTotal;
  private long errorsTotal;
  private long conceptDriftsTotal;
  private long pendingFeedback;
  private long pendingErrors;
  private long pendingConceptDrifts;

  // closed windows in index order: offered under dataLock, polled under evalLock
  private final ConcurrentLinkedQueue<ClosedWindow> closed = new ConcurrentLinkedQueue<>();

  // guarded by evalLock
  private final ReentrantLock evalLock = new ReentrantLock();
  private long windows;
  private long driftedWindows;
  private @Nullable WindowReport lastReport;

  DriftMonitor(DriftMonitorBuilder b) {
    this.features = List.copyOf(b.features);
    this.staging = new ObservationStaging(features.size());
    this.detector = b.detector != null ? b.detector : Ddm.defaults();
    this.policy = b.policy;
    this.clock = b.clock;
    this.ticker = b.ticker;
    this.executor = b.executor;
    double[] referenceScores = b.referenceScores;
    ScorePsi psi =
        referenceScores == null ? null : ScorePsi.fit(referenceScores, b.psiBins, b.psiEpsilon);
    this.evaluator = new WindowEvaluator(features, b.check, psi, b.psiThreshold);
    this.events = new MonitorEvents(b.listeners, b.reportListeners);
    this.retraining = new RetrainingTrigger(policy, events);
    long origin = clock.millis();
    this.lastTime = origin;
    this.windowing =
        b.sizeMillis > 0
            ? Windowing.byTime(features.size(), origin, b.sizeMillis, b.stepMillis)
            : Windowing.byCount(features.size(), b.countSize, b.countStep);
  }

  /**
   * @return a builder: no features, tumbling windows of 1,000 observations, DDM, the default
   *     retraining policy, UTC clock
   */
  public static DriftMonitorBuilder builder() {
    return new DriftMonitorBuilder();
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
   * Records one prediction: the input features (in the configured order; NaN marks a missing value)
   * and the model's score. May close windows, evaluate them and raise alerts on this thread.
   *
   * @param x the feature values (copied)
   * @param score the model's score
   * @throws NullPointerException if x is null
   * @throws IllegalArgumentException if x has the wrong length or the score is not finite
   */
  public void observe(double[] x, double score) {
    Require.nonNull(x, "x");
    if (x.length != features.size()) {
      Require.sameLength(x.length, "x", features.size(), "features " + features);
    }
    if (!Double.isFinite(score)) {
      Require.finite(score, "score");
    }
    long t = clock.millis();
    boolean due;
    boolean stage = staging.staging(t);
    if (!stage && dataLock.tryLock()) {
      try {
        // a time window about to close takes every staged observation first (their times may be
        // inside it); else only the caller's own and those of threads no longer staging
        due =
            windowing.closesAt(Math.max(t, lastTime))
                ? staging.drain(true, staged)
                : staging.drainIdle(t, staged);
        due |= windowing.add(monotonic(t), score, x, sink);
        observations++;
      } finally {
        dataLock.unlock();
      }
    } else if (staging.stage(t, score, x, !stage)) {
      dataLock.lock();
      try {
        long before = observations;
        due = staging.drain(true, staged);
        staging.handedOver(before, observations, t);
      } finally {
        dataLock.unlock();
      }
    } else {
      return;
    }
    if (due) {
      dispatch();
    }
  }

  /** Hands every staged observation to the windows, under dataLock; whether a window closed. */
  private boolean handOver() {
    dataLock.lock();
    try {
      return staging.drainAll(staged);
    } finally {
      dataLock.unlock();
    }
  }

  /**
   * Closes the time windows whose end has passed, without a new observation: call it from a
   * scheduler when traffic may stop. Also hands over the observations staged under contention (see
   * <i>Threads</i> above), which may close count windows too.
   *
   * @return the reports evaluated by this call (empty when evaluation is asynchronous, see {@link
   *     DriftMonitorBuilder#evaluateAsync(Executor)})
   */
  public List<WindowReport> poll() {
    long t = clock.millis();
    boolean due;
    dataLock.lock();
    try {
      due = staging.drainAll(staged);
      due |= windowing.closeDue(monotonic(t), sink);
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
      String name = detector.getClass().getSimpleName();
      events.raise(
          new DriftAlert(
              AlertType.CONCEPT_DRIFT,
              Instant.ofEpochMilli(now),
              window,
              name,
              detectorDrifts,
              Double.NaN,
              "concept drift detected by "
                  + name
                  + " after "
                  + detectorUpdates
                  + " labelled predictions"));
      retraining.onConceptDrift(now, window, detectorDrifts);
    } finally {
      evalLock.unlock();
    }
    return state;
  }

  /**
   * Records the latency of one predict call.
   *
   * @param latency the call's duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if negative
   */
  public void recordLatency(Duration latency) {
    Require.nonNull(latency, "latency");
    Require.argument(!latency.isNegative(), "latency", "zero or positive", latency);
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
      Require.argument(false, "latency", "zero or positive", nanos + " ns");
    }
    latency.record(nanos);
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

  /**
   * @return latency percentiles of every call recorded since the monitor was built
   */
  public LatencySummary latency() {
    return latency.total();
  }

  /**
   * @return the detector's current state
   */
  public DriftState conceptState() {
    dataLock.lock();
    try {
      return detector.state();
    } finally {
      dataLock.unlock();
    }
  }

  /**
   * @return the report of the last closed window, if any
   */
  public Optional<WindowReport> lastWindow() {
    if (handOver()) {
      dispatch();
    }
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
    boolean due;
    dataLock.lock();
    try {
      due = staging.drainAll(staged);
      obs = observations;
      fb = feedbackTotal;
      err = errorsTotal;
      cd = conceptDriftsTotal;
    } finally {
      dataLock.unlock();
    }
    if (due) {
      dispatch();
    }
    evalLock.lock();
    try {
      return new MonitorStats(
          obs,
          fb,
          err,
          windows,
          driftedWindows,
          cd,
          events.raised(),
          retraining.triggers(),
          retraining.suppressed(),
          latency());
    } finally {
      evalLock.unlock();
    }
  }

  /**
   * @return the configured feature names
   */
  public List<String> features() {
    return features;
  }

  @Override
  public String toString() {
    return "DriftMonitor[features="
        + features
        + ", window="
        + windowing
        + ", detector="
        + detector.getClass().getSimpleName()
        + ", policy="
        + policy
        + "]";
  }

  /** Under dataLock: adds one staged observation to the windows; whether a window closed. */
  private boolean addStaged(long time, double score, double[] x, int offset) {
    observations++;
    return windowing.add(monotonic(time), score, x, offset, sink);
  }

  /** Under dataLock: a time read from the clock, made non-decreasing. */
  private long monotonic(long millis) {
    long t = Math.max(millis, lastTime);
    lastTime = t;
    return t;
  }

  /** Under dataLock: queues a closed window with the feedback counters since the previous one. */
  private void queue(long start, long end, double[] scores, double[][] columns) {
    closed.add(
        new ClosedWindow(
            nextIndex++,
            start,
            end,
            scores,
            columns,
            pendingFeedback,
            pendingErrors,
            pendingConceptDrifts,
            detector.state()));
    pendingFeedback = 0;
    pendingErrors = 0;
    pendingConceptDrifts = 0;
  }

  /**
   * Evaluates the queued windows inline or on the executor. Inline, a caller that finds another
   * thread evaluating leaves its windows to it instead of waiting: that thread looks at the queue
   * again after releasing evalLock (a failed tryLock here comes before that release, so the window
   * queued before it is seen).
   */
  private void dispatch() {
    Executor ex = executor;
    if (ex == null) {
      while (!closed.isEmpty() && evalLock.tryLock()) {
        try {
          for (ClosedWindow w = closed.poll(); w != null; w = closed.poll()) {
            evaluate(w);
          }
        } finally {
          evalLock.unlock();
        }
      }
      return;
    }
    ex.execute(
        () -> {
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
      for (ClosedWindow w = closed.poll(); w != null; w = closed.poll()) {
        out.add(evaluate(w));
      }
      return out;
    } finally {
      evalLock.unlock();
    }
  }

  /** Under evalLock: the report, its alerts, the retraining policy, the report listeners. */
  private WindowReport evaluate(ClosedWindow w) {
    WindowReport report = evaluator.evaluate(w, latency.takeWindow());
    windows++;
    lastReport = report;
    long now = clock.millis();
    events.windowClosed(report, evaluator.psiThreshold(), Instant.ofEpochMilli(now));
    if (report.drifted()) {
      driftedWindows++;
    }
    retraining.onWindow(report.drifted(), now, w.index());
    events.report(report);
    return report;
  }
}
