package org.mlops4j.drift.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.DriftBaseline;

/**
 * Builder of a {@link DriftMonitor}, from {@link DriftMonitor#builder()}; every setter validates
 * its argument, {@link #build()} checks the settings against each other.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><td>features</td><td>none</td><td>input feature names, the order of {@code observe}'s array</td></tr>
 *   <tr><td>featureDriftCheck / baseline</td><td>none</td><td>data drift of each window's features</td></tr>
 *   <tr><td>referenceScores</td><td>none</td><td>prediction drift: PSI of each window's scores</td></tr>
 *   <tr><td>psiBins, psiEpsilon, psiThreshold</td><td>10, 1e-4, 0.25</td><td>the score PSI</td></tr>
 *   <tr><td>window</td><td>tumbling, 1,000 observations</td><td>by count or by time</td></tr>
 *   <tr><td>conceptDriftDetector</td><td>{@link Ddm#defaults()}</td><td>fed by {@code feedback}</td></tr>
 *   <tr><td>retrainingPolicy</td><td>{@link RetrainingPolicy#defaults()}</td><td></td></tr>
 *   <tr><td>alertListener, reportListener</td><td>none</td><td>may be added several times</td></tr>
 *   <tr><td>evaluateAsync</td><td>inline</td><td>where windows are evaluated</td></tr>
 *   <tr><td>clock, ticker</td><td>{@code Clock.systemUTC()}, {@code System::nanoTime}</td><td></td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class DriftMonitorBuilder {
  List<String> features = List.of();
  @Nullable FeatureDriftCheck check;
  double @Nullable [] referenceScores;
  int psiBins = 10;
  double psiThreshold = 0.25;
  double psiEpsilon = 1e-4;
  @Nullable ConceptDriftDetector detector;
  RetrainingPolicy policy = RetrainingPolicy.defaults();
  final List<AlertListener> listeners = new ArrayList<>();
  final List<Consumer<WindowReport>> reportListeners = new ArrayList<>();
  Clock clock = Clock.systemUTC();
  LongSupplier ticker = System::nanoTime;
  int countSize = 1000;
  int countStep = 1000;
  long sizeMillis;
  long stepMillis;
  @Nullable Executor executor;

  DriftMonitorBuilder() {}

  /**
   * @param names the input features, in the order of {@link DriftMonitor#observe(double[],
   *     double)}'s array; default none
   * @return this builder
   * @throws NullPointerException if a name is null
   * @throws IllegalArgumentException if a name is blank or repeated
   */
  public DriftMonitorBuilder features(String... names) {
    Require.noNulls(names, "features");
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (int i = 0; i < names.length; i++) {
      Require.nonBlank(names[i], "features[" + i + "]");
      set.add(names[i]);
    }
    Require.argument(
        set.size() == names.length, "features", "distinct names", Arrays.toString(names));
    this.features = List.copyOf(set);
    return this;
  }

  /**
   * Compares each window's features with a fitted baseline: sets {@link #features(String...)} to
   * the baseline's features (in its order) and the check to {@link
   * FeatureDriftCheck#against(DriftBaseline)}.
   *
   * @param baseline a baseline of numeric features
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if the baseline has a categorical feature
   */
  public DriftMonitorBuilder baseline(DriftBaseline baseline) {
    this.check = FeatureDriftCheck.against(baseline);
    return features(baseline.features().toArray(new String[0]));
  }

  /**
   * @param check data-drift check of each window's features; default none
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder featureDriftCheck(FeatureDriftCheck check) {
    this.check = Require.nonNull(check, "featureDriftCheck");
    return this;
  }

  /**
   * @param scores reference scores (e.g. on validation data) for prediction drift, at least 2,
   *     finite (checked by {@link #build()}); copied
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder referenceScores(double[] scores) {
    this.referenceScores = Require.nonNull(scores, "referenceScores").clone();
    return this;
  }

  /**
   * @param bins quantile bins of the reference scores, at least 2; default 10
   * @return this builder
   * @throws IllegalArgumentException if &lt; 2
   */
  public DriftMonitorBuilder psiBins(int bins) {
    Require.argument(bins >= 2, "psiBins", "at least 2", bins);
    this.psiBins = bins;
    return this;
  }

  /**
   * @param threshold PSI above which the scores drifted, positive; default 0.25
   * @return this builder
   * @throws IllegalArgumentException if not positive and finite
   */
  public DriftMonitorBuilder psiThreshold(double threshold) {
    this.psiThreshold = Require.positive(threshold, "psiThreshold");
    return this;
  }

  /**
   * @param epsilon floor of a bin's share, in (0, 1); default 1e-4
   * @return this builder
   * @throws IllegalArgumentException if not in (0, 1)
   */
  public DriftMonitorBuilder psiEpsilon(double epsilon) {
    this.psiEpsilon = Require.openUnit(epsilon, "psiEpsilon");
    return this;
  }

  /**
   * @param size observations per window (tumbling: non-overlapping), at least 1
   * @return this builder
   * @throws IllegalArgumentException if &lt; 1
   */
  public DriftMonitorBuilder tumblingWindow(int size) {
    return slidingWindow(size, size);
  }

  /**
   * Count windows: once {@code max(size, step)} observations were seen and then every {@code step}
   * observations, a window of the last {@code size} observations closes. {@code step < size} gives
   * overlapping windows, {@code step == size} tumbling ones, {@code step > size} hopping windows
   * that leave observations out.
   *
   * @param size observations per window, at least 1
   * @param step observations between two windows, at least 1
   * @return this builder
   * @throws IllegalArgumentException if size or step &lt; 1
   */
  public DriftMonitorBuilder slidingWindow(int size, int step) {
    Require.argument(size >= 1, "window size", "at least 1", size);
    Require.argument(step >= 1, "window step", "at least 1", step);
    this.countSize = size;
    this.countStep = step;
    this.sizeMillis = 0;
    this.stepMillis = 0;
    return this;
  }

  /**
   * @param size window length on the clock, at least 1 ms
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if shorter than 1 ms
   */
  public DriftMonitorBuilder tumblingWindow(Duration size) {
    return slidingWindow(size, size);
  }

  /**
   * @param size window length, at least 1 ms
   * @param step time between two window starts, at least 1 ms
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if shorter than 1 ms
   */
  public DriftMonitorBuilder slidingWindow(Duration size, Duration step) {
    this.sizeMillis = millis("window size", size);
    this.stepMillis = millis("window step", step);
    return this;
  }

  private static long millis(String name, Duration d) {
    Require.nonNull(d, name);
    Require.argument(d.toMillis() >= 1, name, "at least 1 ms", d);
    return d.toMillis();
  }

  /**
   * @param detector concept-drift detector fed by {@link DriftMonitor#feedback(boolean)}, owned by
   *     the monitor from now on; default {@code Ddm.defaults()}
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder conceptDriftDetector(ConceptDriftDetector detector) {
    this.detector = Require.nonNull(detector, "conceptDriftDetector");
    return this;
  }

  /**
   * @param policy when to ask for retraining; default {@link RetrainingPolicy#defaults()}
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder retrainingPolicy(RetrainingPolicy policy) {
    this.policy = Require.nonNull(policy, "retrainingPolicy");
    return this;
  }

  /**
   * @param listener receives every alert; may be called several times to add listeners
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder alertListener(AlertListener listener) {
    listeners.add(Require.nonNull(listener, "alertListener"));
    return this;
  }

  /**
   * @param listener receives every window report; may be called several times
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder reportListener(Consumer<WindowReport> listener) {
    reportListeners.add(Require.nonNull(listener, "reportListener"));
    return this;
  }

  /**
   * Evaluates closed windows on an executor instead of the observing thread, so that a slow {@link
   * FeatureDriftCheck} (an exact KS test on a large reference takes milliseconds) does not stall
   * {@link DriftMonitor#observe}. Windows are still evaluated one at a time, in order; report and
   * alert listeners then run on the executor's threads. Closed windows wait in an unbounded queue:
   * evaluation must keep up with the rate at which windows close. Default: inline.
   *
   * @param executor where to evaluate windows
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder evaluateAsync(Executor executor) {
    this.executor = Require.nonNull(executor, "executor");
    return this;
  }

  /**
   * @param clock time of observations, windows and alerts; default {@code Clock.systemUTC()}
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder clock(Clock clock) {
    this.clock = Require.nonNull(clock, "clock");
    return this;
  }

  /**
   * @param ticker nanosecond ticker used by {@link DriftMonitor#time(Supplier)}; default {@code
   *     System::nanoTime}
   * @return this builder
   * @throws NullPointerException if null
   */
  public DriftMonitorBuilder ticker(LongSupplier ticker) {
    this.ticker = Require.nonNull(ticker, "ticker");
    return this;
  }

  /**
   * @return the monitor
   * @throws IllegalStateException if a feature check is set without features
   * @throws IllegalArgumentException if the reference scores are not usable (fewer than 2,
   *     non-finite)
   */
  public DriftMonitor build() {
    Require.state(
        check == null || !features.isEmpty(), "featureDriftCheck needs features(...) to be set");
    return new DriftMonitor(this);
  }
}
