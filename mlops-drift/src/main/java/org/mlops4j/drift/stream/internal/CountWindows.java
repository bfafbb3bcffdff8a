package org.mlops4j.drift.stream.internal;

/**
 * Count windows: once {@code max(size, step)} observations were seen and then every {@code step}
 * observations, a window of the last {@code size} observations closes ({@code step < size}:
 * overlapping; {@code step == size}: tumbling; {@code step > size}: hopping, leaving observations
 * out). A window's start and end are the times of its first and last observations.
 */
public final class CountWindows implements Windowing {
  private final int dims;
  private final int size;
  private final int step;
  private final ObservationBuffer buffer;
  private int sinceClose;

  CountWindows(int dims, int size, int step) {
    this.dims = dims;
    this.size = size;
    this.step = step;
    this.buffer = new ObservationBuffer(dims, size);
  }

  @Override
  public boolean add(long now, double score, double[] x, int offset, Sink sink) {
    buffer.add(now, score, x, offset);
    sinceClose++;
    if (buffer.size() < size || sinceClose < step) {
      return false;
    }
    int n = buffer.size();
    double[] scores = new double[n];
    double[][] columns = new double[dims][n];
    buffer.copy(0, n, scores, columns);
    sink.closed(buffer.time(0), buffer.time(n - 1), scores, columns);
    sinceClose = 0;
    if (step >= size) {
      buffer.clear();
    }
    return true;
  }

  @Override
  public boolean closeDue(long now, Sink sink) {
    return false;
  }

  @Override
  public boolean closesAt(long now) {
    return false;
  }

  @Override
  public boolean isTimeBased() {
    return false;
  }

  @Override
  public String toString() {
    return size + "/" + step;
  }
}
