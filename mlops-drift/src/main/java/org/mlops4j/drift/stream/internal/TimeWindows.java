package org.mlops4j.drift.stream.internal;

import java.time.Duration;

/**
 * Time windows [origin + k step, origin + k step + size) on the clock (ms): a window closes at the
 * first observation or poll at or after its end, holding the observations with a time inside it;
 * windows that can hold no observation are skipped.
 */
public final class TimeWindows implements Windowing {
  private final int dims;
  private final long origin;
  private final long sizeMillis;
  private final long stepMillis;
  private final ObservationBuffer buffer;
  private long windowK;

  TimeWindows(int dims, long origin, long sizeMillis, long stepMillis) {
    this.dims = dims;
    this.origin = origin;
    this.sizeMillis = sizeMillis;
    this.stepMillis = stepMillis;
    this.buffer = new ObservationBuffer(dims, 0);
  }

  @Override
  public boolean add(long now, double score, double[] x, int offset, Sink sink) {
    boolean due = closeDue(now, sink);
    buffer.add(now, score, x, offset);
    return due;
  }

  @Override
  public boolean closeDue(long now, Sink sink) {
    boolean due = false;
    long start = origin + windowK * stepMillis;
    long end = start + sizeMillis;
    while (now >= end) {
      int to = 0;
      while (to < buffer.size() && buffer.time(to) < end) {
        to++;
      }
      if (to > 0) {
        double[] scores = new double[to];
        double[][] columns = new double[dims][to];
        buffer.copy(0, to, scores, columns);
        sink.closed(start, end, scores, columns);
        due = true;
      }
      windowK++;
      start = origin + windowK * stepMillis;
      end = start + sizeMillis;
      dropBefore(start);
      long target = buffer.size() == 0 ? now : Math.min(now, buffer.time(0));
      if (target >= end) {
        // skip windows that can hold no observation
        long k = Math.floorDiv(target - origin - sizeMillis, stepMillis) + 1;
        if (k > windowK) {
          windowK = k;
          start = origin + windowK * stepMillis;
          end = start + sizeMillis;
          dropBefore(start);
        }
      }
    }
    return due;
  }

  private void dropBefore(long start) {
    int old = 0;
    while (old < buffer.size() && buffer.time(old) < start) {
      old++;
    }
    buffer.dropOldest(old);
  }

  @Override
  public boolean closesAt(long now) {
    return now >= origin + windowK * stepMillis + sizeMillis;
  }

  @Override
  public boolean isTimeBased() {
    return true;
  }

  @Override
  public String toString() {
    return Duration.ofMillis(sizeMillis) + "/" + Duration.ofMillis(stepMillis);
  }
}
