package org.mlops4j.serving.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@code capacity} scores, written without a lock by many threads (a sample for a PSI; a
 * slot being overwritten during a snapshot gives either value, both real scores).
 */
public final class ScoreRing {
  private final double[] values;
  private final AtomicLong next = new AtomicLong();

  /**
   * @param capacity slots
   */
  public ScoreRing(int capacity) {
    this.values = new double[capacity];
  }

  /**
   * @param score a finite score
   */
  public void add(double score) {
    long i = next.getAndIncrement();
    values[(int) (i % values.length)] = score;
  }

  /**
   * @return the number of scores held
   */
  public int size() {
    return (int) Math.min(next.get(), values.length);
  }

  /**
   * @return a copy of the scores held
   */
  public double[] snapshot() {
    return Arrays.copyOf(values, size());
  }

  /** Forgets every score. */
  public void clear() {
    next.set(0);
  }
}
