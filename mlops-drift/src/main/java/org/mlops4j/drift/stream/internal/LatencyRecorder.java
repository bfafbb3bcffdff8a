package org.mlops4j.drift.stream.internal;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;
import org.mlops4j.drift.stream.LatencySummary;

/**
 * Latency of the predict calls: recording is wait-free (HdrHistogram's {@link Recorder}, 3
 * significant digits); readers drain it under this object's lock into a histogram of every call and
 * one of the calls since the last window.
 */
public final class LatencyRecorder {
  private final Recorder recorder = new Recorder(3);
  private final Histogram cumulative = new Histogram(3);
  private final Histogram pendingWindow = new Histogram(3);
  private @Nullable Histogram recycled;

  /** Records one call of {@code nanos} (at least 0) nanoseconds; wait-free. */
  public void record(long nanos) {
    recorder.recordValue(nanos);
  }

  /**
   * @return the percentiles of every call recorded since creation
   */
  public synchronized LatencySummary total() {
    drain();
    return summarize(cumulative);
  }

  /**
   * @return the percentiles of the calls since the previous call of this method
   */
  public synchronized LatencySummary takeWindow() {
    drain();
    LatencySummary s = summarize(pendingWindow);
    pendingWindow.reset();
    return s;
  }

  private void drain() {
    Histogram interval = recorder.getIntervalHistogram(recycled);
    cumulative.add(interval);
    pendingWindow.add(interval);
    recycled = interval;
  }

  static LatencySummary summarize(Histogram h) {
    long n = h.getTotalCount();
    if (n == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(
        n,
        Duration.ofNanos(h.getValueAtPercentile(50)),
        Duration.ofNanos(h.getValueAtPercentile(95)),
        Duration.ofNanos(h.getValueAtPercentile(99)),
        Duration.ofNanos(h.getMaxValue()),
        Duration.ofNanos(Math.round(h.getMean())));
  }
}
