package org.mlops4j.drift.stream.internal;

/**
 * How a monitor cuts its observations into windows: by count ({@link CountWindows}) or by time
 * ({@link TimeWindows}). Holds the observations of the windows still open. Not thread-safe: the
 * monitor calls it under its data lock.
 */
public sealed interface Windowing permits CountWindows, TimeWindows {

  /** Receives each window that closes, with copies of its observations, oldest first. */
  @FunctionalInterface
  interface Sink {
    /**
     * @param start start time (epoch ms), see {@link ClosedWindow#start()}
     * @param end end time (epoch ms), see {@link ClosedWindow#end()}
     * @param scores the window's scores
     * @param columns one array per feature
     */
    void closed(long start, long end, double[] scores, double[][] columns);
  }

  /**
   * Windows of the last {@code size} observations, closing once {@code max(size, step)}
   * observations were seen and then every {@code step} observations.
   */
  static Windowing byCount(int dims, int size, int step) {
    return new CountWindows(dims, size, step);
  }

  /**
   * Windows [origin + k step, origin + k step + size) on the clock (ms); a window closes at the
   * first observation or poll at or after its end; empty windows are skipped.
   */
  static Windowing byTime(int dims, long origin, long sizeMillis, long stepMillis) {
    return new TimeWindows(dims, origin, sizeMillis, stepMillis);
  }

  /**
   * Records one observation at time {@code now} (non-decreasing), passing every window that closes
   * to the sink.
   *
   * @return whether a window closed
   */
  default boolean add(long now, double score, double[] x, Sink sink) {
    return add(now, score, x, 0, sink);
  }

  /**
   * As {@link #add(long, double, double[], Sink)}, with the feature values at {@code x[offset]}
   * onwards.
   *
   * @return whether a window closed
   */
  boolean add(long now, double score, double[] x, int offset, Sink sink);

  /**
   * Closes the windows whose end has passed at {@code now}, without an observation (time windows
   * only; count windows close on observations alone).
   *
   * @return whether a window closed
   */
  boolean closeDue(long now, Sink sink);

  /**
   * @param now a time (epoch ms), not before the last observation's
   * @return whether an observation at {@code now} would close a window by its time (time windows
   *     only)
   */
  boolean closesAt(long now);

  /**
   * @return whether windows are cut by time
   */
  boolean isTimeBased();
}
