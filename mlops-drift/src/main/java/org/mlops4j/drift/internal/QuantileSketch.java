package org.mlops4j.drift.internal;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.mlops4j.api.internal.Require;

/**
 * A mergeable quantile sketch of numeric values: the KLL sketch (Karnin, Lang &amp; Liberty 2016)
 * of Apache DataSketches, parameter k (default 200: normalized rank error about 1.3% with 99%
 * confidence, a few KB whatever the stream length). While fewer than k values have been added, the
 * sketch is exact and {@code merge(a, b)} equals the sketch of the concatenation exactly; beyond
 * that both stay within the rank error. NaN is ignored by the sketch and counted as missing. Not
 * thread-safe. Internal: baselines keep a {@code KllDoublesSketch} directly; this wrapper serves
 * the size benchmark and the tests of the sketch's merge and rank error.
 */
public final class QuantileSketch {
  /** Default k. */
  public static final int DEFAULT_K = 200;

  private final KllDoublesSketch sketch;
  private long missing;

  private QuantileSketch(KllDoublesSketch sketch, long missing) {
    this.sketch = sketch;
    this.missing = missing;
  }

  /**
   * @return an empty sketch with k = 200
   */
  public static QuantileSketch create() {
    return create(DEFAULT_K);
  }

  /**
   * @return an empty sketch
   * @throws IllegalArgumentException unless 8 &le; k &le; 65535
   */
  public static QuantileSketch create(int k) {
    Require.argument(k >= 8 && k <= 65535, "k", "in [8, 65535]", k);
    return new QuantileSketch(KllDoublesSketch.newHeapInstance(k), 0);
  }

  /** Adds a value (NaN counted as missing, not sketched). */
  public QuantileSketch add(double x) {
    if (Double.isNaN(x)) {
      missing++;
    } else {
      sketch.update(x);
    }
    return this;
  }

  /** Adds every value. */
  public QuantileSketch addAll(double[] xs) {
    Require.nonNull(xs, "xs");
    for (double x : xs) {
      add(x);
    }
    return this;
  }

  /**
   * @return a new sketch of both inputs; this and other are unchanged
   */
  public QuantileSketch merge(QuantileSketch other) {
    KllDoublesSketch m = KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));
    m.merge(other.sketch);
    return new QuantileSketch(m, missing + other.missing);
  }

  /**
   * @return the number of (non-NaN) values sketched
   */
  public long count() {
    return sketch.getN();
  }

  /**
   * @return the number of NaN values seen
   */
  public long missing() {
    return missing;
  }

  /**
   * @return whether the sketch still holds every value (exact ranks)
   */
  public boolean isExact() {
    return !sketch.isEstimationMode();
  }

  /**
   * @return the estimated share of values &le; x
   * @throws IllegalStateException if the sketch is empty
   */
  public double rank(double x) {
    requireNonEmpty();
    return sketch.getRank(x, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * @return the estimated quantile at normalized rank p in [0, 1]
   * @throws IllegalStateException if the sketch is empty
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public double quantile(double p) {
    requireNonEmpty();
    Require.closedUnit(p, "p");
    return sketch.getQuantile(p, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * @return the DataSketches serialization (compact)
   */
  public byte[] toBytes() {
    return sketch.toByteArray();
  }

  /**
   * @return the size in bytes of {@link #toBytes()}
   */
  public int serializedSize() {
    return sketch.getSerializedSizeBytes();
  }

  private void requireNonEmpty() {
    Require.state(!sketch.isEmpty(), "the sketch is empty: add values before asking for ranks");
  }

  @Override
  public String toString() {
    return "QuantileSketch[k="
        + sketch.getK()
        + ", n="
        + sketch.getN()
        + ", retained="
        + sketch.getNumRetained()
        + (missing > 0 ? ", missing=" + missing : "")
        + "]";
  }
}
