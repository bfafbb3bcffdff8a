package org.mlops4j.drift.stream.internal;

/**
 * A FIFO of observations (time, score, feature vector) in flat primitive ring arrays: appending
 * copies the features and allocates only when the buffer grows. Not thread-safe. Internal.
 */
public final class ObservationBuffer {

  private final int dims;
  private final int fixedCapacity;
  private long[] times;
  private double[] scores;
  private double[] features;
  private int head;
  private int size;

  /**
   * @param dims number of features per observation (0 allowed)
   * @param fixedCapacity if positive, a ring of that capacity where appending to a full buffer
   *     overwrites the oldest; if 0, the buffer grows
   */
  public ObservationBuffer(int dims, int fixedCapacity) {
    this.dims = dims;
    this.fixedCapacity = fixedCapacity;
    int cap = fixedCapacity > 0 ? fixedCapacity : 64;
    this.times = new long[cap];
    this.scores = new double[cap];
    this.features = new double[cap * dims];
  }

  /**
   * @return number of observations held
   */
  public int size() {
    return size;
  }

  /** Appends one observation; {@code x} must have {@code dims} values. */
  public void add(long time, double score, double[] x) {
    add(time, score, x, 0);
  }

  /** Appends one observation whose {@code dims} feature values start at {@code x[offset]}. */
  public void add(long time, double score, double[] x, int offset) {
    int cap = times.length;
    if (size == cap) {
      if (fixedCapacity > 0) {
        head = (head + 1) % cap;
        size--;
      } else {
        grow();
        cap = times.length;
      }
    }
    int slot = head + size;
    if (slot >= cap) {
      slot -= cap;
    }
    times[slot] = time;
    scores[slot] = score;
    if (dims > 0) {
      System.arraycopy(x, offset, features, slot * dims, dims);
    }
    size++;
  }

  private void grow() {
    int cap = times.length;
    int ncap = cap * 2;
    long[] t = new long[ncap];
    double[] s = new double[ncap];
    double[] f = new double[ncap * dims];
    for (int i = 0; i < size; i++) {
      int from = (head + i) % cap;
      t[i] = times[from];
      s[i] = scores[from];
      if (dims > 0) {
        System.arraycopy(features, from * dims, f, i * dims, dims);
      }
    }
    times = t;
    scores = s;
    features = f;
    head = 0;
  }

  private int slot(int i) {
    int s = head + i;
    return s >= times.length ? s - times.length : s;
  }

  /**
   * @return the time of the i-th oldest observation
   */
  public long time(int i) {
    return times[slot(i)];
  }

  /** Removes the oldest {@code n} observations. */
  public void dropOldest(int n) {
    int k = Math.min(n, size);
    head = (head + k) % times.length;
    size -= k;
    if (size == 0) {
      head = 0;
    }
  }

  /** Removes everything. */
  public void clear() {
    head = 0;
    size = 0;
  }

  /**
   * Copies observations {@code from..to-1} (in age order) into columns.
   *
   * @param scoresOut receives the scores (length at least to - from)
   * @param columnsOut one array per feature (each of length at least to - from)
   */
  public void copy(int from, int to, double[] scoresOut, double[][] columnsOut) {
    for (int i = from; i < to; i++) {
      int s = slot(i);
      scoresOut[i - from] = scores[s];
      for (int d = 0; d < dims; d++) {
        columnsOut[d][i - from] = features[s * dims + d];
      }
    }
  }
}
