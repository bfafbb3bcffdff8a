package org.mlops4j.drift.stream;

import org.mlops4j.api.internal.Require;

/**
 * ADWIN, ADaptive WINdowing (Bifet &amp; Gavaldà, "Learning from Time-Changing Data with Adaptive
 * Windowing", SIAM SDM 2007), in its ADWIN2 form: the window is summarised by an exponential
 * histogram of buckets, so memory and time per check are O(M log(W/M)) for a window of W values.
 *
 * <p><b>Algorithm.</b> Each value enters a new bucket of size 1. A row holds buckets of size 2^i;
 * when a row holds M + 1 buckets, its two oldest are merged into one bucket of the next row (sums
 * add; the sums of squared deviations combine with the parallel-variance formula {@code V = V1 + V2
 * + n1 n2 (mu1 - mu2)^2 / (n1 + n2)}). Every {@code clock} updates, once the window holds more than
 * {@code gracePeriod} values, every bucket boundary splits the window into an older part W0 (n0
 * values, mean mu0) and a newer part W1 (n1, mu1). With n the window width, sigma^2 the variance of
 * the window, {@code dd = ln(2 ln(n) / delta)} and {@code m = 1/(n0 - c + 1) + 1/(n1 - c + 1)} (c =
 * {@code minSubWindowLength}), the cut condition is
 *
 * <pre>   |mu0 - mu1| &gt; sqrt(2 m sigma^2 dd) + (2/3) dd m</pre>
 *
 * (the Bernstein-type bound of the paper's Theorem 3, in the form MOA and river use). If it holds
 * for a boundary with n0, n1 &gt; c + 1, the oldest bucket is dropped and the check starts again.
 * ADWIN never reports {@link DriftState#WARNING}. The values dropped are always the oldest, so the
 * window is at every moment exactly the last {@link #width()} values, and {@link #mean()} and
 * {@link #variance()} are their exact mean and population variance (up to rounding).
 *
 * <p><b>Which cuts are reported.</b> By default the update reports {@link DriftState#DRIFT} if at
 * least one bucket was dropped, whichever way the mean moved: the paper's ADWIN, MOA 2024.07.0's
 * {@code moa.classifiers.core.driftdetection.ADWIN} ({@code setInput} returns true) and river's
 * {@code drift.ADWIN}. With {@link Builder#increasesOnly(boolean) increasesOnly(true)} only a cut
 * after which the window's mean is higher than before the update is reported (a cut that lowers the
 * mean still shrinks the window, silently): MOA's {@code ADWINChangeDetector}, the wrapper its
 * classifiers use on error rates, where a falling error is no reason to retrain. Both give MOA's
 * drift indices.
 *
 * <p><b>Parameters and defaults</b> (those of MOA's {@code ADWINChangeDetector} and river's {@code
 * ADWIN}): {@code delta} = 0.002 (confidence; the paper bounds the probability of a false cut by
 * delta), {@code clock} = 32, {@code maxBuckets} M = 5, {@code minSubWindowLength} = 5, {@code
 * gracePeriod} = 10.
 *
 * <p><b>Implementation.</b> Buckets live in flat primitive arrays: 64 rows, each a ring of 2^k &ge;
 * M + 1 slots, so merging and dropping buckets move no data; the cut test uses neither a division
 * nor a square root per boundary. An update allocates nothing. Not thread-safe.
 *
 * <pre>{@code
 * Adwin adwin = Adwin.builder().delta(0.01).build();
 * if (adwin.update(x) == DriftState.DRIFT) { ... adwin.mean() ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Adwin extends AbstractDetector {

  /** Default confidence delta, 0.002. */
  public static final double DEFAULT_DELTA = 0.002;

  /** Default clock: check for cuts every 32 updates. */
  public static final int DEFAULT_CLOCK = 32;

  /** Default number M of buckets per row, 5. */
  public static final int DEFAULT_MAX_BUCKETS = 5;

  /** Default minimum length of each sub-window at a cut, 5. */
  public static final int DEFAULT_MIN_SUB_WINDOW_LENGTH = 5;

  /** Default number of values the window must exceed before it is checked, 10. */
  public static final int DEFAULT_GRACE_PERIOD = 10;

  private static final int MAX_ROWS = 64;

  private final double delta;
  private final int clock;
  private final int maxBuckets;
  private final int minSub;
  private final int gracePeriod;
  private final boolean increasesOnly;
  private final int shift;
  private final int mask;

  // row r occupies slots [r << shift, (r + 1) << shift) as a ring: bucket k (0 = oldest) of row r
  // is at (r << shift) + ((heads[r] + k) & mask)
  private final double[] sums;
  private final double[] vars;
  private final int[] counts;
  private final int[] heads;
  private int rows;
  private long width;
  private double total;
  private double sqDev;
  private int untilCheck;

  private Adwin(Builder b) {
    this.delta = b.delta;
    this.clock = b.clock;
    this.maxBuckets = b.maxBuckets;
    this.minSub = b.minSubWindowLength;
    this.gracePeriod = b.gracePeriod;
    this.increasesOnly = b.increasesOnly;
    this.shift = 32 - Integer.numberOfLeadingZeros(maxBuckets); // 2^shift >= maxBuckets + 1
    this.mask = (1 << shift) - 1;
    this.sums = new double[MAX_ROWS << shift];
    this.vars = new double[MAX_ROWS << shift];
    this.counts = new int[MAX_ROWS];
    this.heads = new int[MAX_ROWS];
    this.untilCheck = clock;
  }

  /**
   * @return an ADWIN with delta 0.002, clock 32, M = 5, sub-window 5, grace period 10, reporting
   *     cuts in both directions
   */
  public static Adwin defaults() {
    return builder().build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  DriftState step(double x) {
    // MOA's ADWINChangeDetector compares TOTAL / WIDTH before the value with the same after the cut
    long widthBefore = width;
    double totalBefore = total;
    insert(x);
    if (--untilCheck == 0) {
      untilCheck = clock;
      if (width > gracePeriod
          && cut()
          && (!increasesOnly || total / width > totalBefore / widthBefore)) {
        return DriftState.DRIFT;
      }
    }
    return DriftState.STABLE;
  }

  private void insert(double x) {
    long n = width;
    if (n > 0) {
      double d = x - total / n;
      sqDev += n * d * d / (n + 1);
    }
    total += x;
    width = n + 1;
    int c = counts[0];
    int slot = (heads[0] + c) & mask;
    sums[slot] = x;
    vars[slot] = 0.0;
    counts[0] = c + 1;
    if (rows == 0) {
      rows = 1;
    }
    if (c + 1 > maxBuckets) {
      compress();
    }
  }

  private void compress() {
    final int[] counts = this.counts;
    for (int r = 0; r < MAX_ROWS - 1 && counts[r] > maxBuckets; r++) {
      int base = r << shift;
      int h = heads[r];
      int i1 = base + h;
      int i2 = base + ((h + 1) & mask);
      double size = (double) (1L << r);
      double s1 = sums[i1];
      double s2 = sums[i2];
      double diff = (s1 - s2) / size;
      double merged = vars[i1] + vars[i2] + size * diff * diff / 2.0;
      int next = r + 1;
      if (next == rows) {
        rows++;
      }
      int nslot = (next << shift) + ((heads[next] + counts[next]) & mask);
      sums[nslot] = s1 + s2;
      vars[nslot] = merged;
      counts[next]++;
      heads[r] = (h + 2) & mask;
      counts[r] -= 2;
    }
  }

  private boolean cut() {
    boolean changed = false;
    boolean again = true;
    final double limit = minSub + 1;
    final double offset = minSub - 1;
    while (again) {
      again = false;
      double n = width;
      double v = sqDev / n;
      double dd = Math.log(2.0 * Math.log(n) / delta);
      double twoVdd = 2.0 * v * dd;
      double linear = 2.0 / 3.0 * dd;
      double n0 = 0;
      double n1 = n;
      double u0 = 0;
      double u1 = total;
      scan:
      for (int r = rows - 1; r >= 0; r--) {
        int base = r << shift;
        int h = heads[r];
        int c = counts[r];
        double size = (double) (1L << r);
        for (int k = 0; k < c; k++) {
          double s = sums[base + ((h + k) & mask)];
          n0 += size;
          n1 -= size;
          u0 += s;
          u1 -= s;
          if (r == 0 && k == c - 1) {
            break scan;
          }
          if (n1 > limit && n0 > limit) {
            // |u0/n0 - u1/n1| > sqrt(2 m v dd) + 2/3 dd m with m = (a + b) / (a b),
            // a = n0 - c + 1, b = n1 - c + 1. Multiplied through by n0 n1 a b > 0, with
            // E = |u0 n1 - u1 n0| a b - 2/3 dd (a + b) n0 n1, it reads
            // E > 0 and E^2 > 2 v dd (a + b) a b (n0 n1)^2: no division, no square root.
            double a = n0 - offset;
            double b = n1 - offset;
            double ab = a * b;
            double apb = a + b;
            double n01 = n0 * n1;
            double e = Math.abs(u0 * n1 - u1 * n0) * ab - linear * apb * n01;
            if (e > 0 && e * e > twoVdd * apb * ab * n01 * n01) {
              dropOldest();
              changed = true;
              again = true;
              break scan;
            }
          }
        }
      }
    }
    return changed;
  }

  private void dropOldest() {
    int r = rows - 1;
    int slot = (r << shift) + heads[r];
    long sizeL = 1L << r;
    double size = (double) sizeL;
    double s = sums[slot];
    double v = vars[slot];
    width -= sizeL;
    total -= s;
    if (width > 0) {
      double d = s / size - total / width;
      sqDev -= v + size * width * d * d / (size + width);
      if (sqDev < 0) {
        sqDev = 0;
      }
    } else {
      total = 0;
      sqDev = 0;
    }
    heads[r] = (heads[r] + 1) & mask;
    if (--counts[r] == 0) {
      rows--;
    }
  }

  @Override
  void clearStatistics() {
    java.util.Arrays.fill(counts, 0);
    java.util.Arrays.fill(heads, 0);
    rows = 0;
    width = 0;
    total = 0;
    sqDev = 0;
    untilCheck = clock;
  }

  /**
   * @return the number of values in the window (the last {@code width()} values fed)
   */
  public long width() {
    return width;
  }

  /**
   * @return the mean of the window; 0.0 when the window is empty (as MOA's estimation)
   */
  public double mean() {
    return width == 0 ? 0.0 : total / width;
  }

  /**
   * @return the sum of the values in the window
   */
  public double total() {
    return total;
  }

  /**
   * @return the population variance of the window; 0.0 when empty
   */
  public double variance() {
    return width == 0 ? 0.0 : Math.max(0.0, sqDev / width);
  }

  /**
   * @return the number of buckets summarising the window
   */
  public int bucketCount() {
    int b = 0;
    for (int r = 0; r < rows; r++) {
      b += counts[r];
    }
    return b;
  }

  /** Number of buckets in row r (buckets of size 2^r); for tests. */
  int bucketsInRow(int r) {
    return counts[r];
  }

  /**
   * @return the number of bucket rows in use
   */
  int rows() {
    return rows;
  }

  /**
   * @return the confidence delta
   */
  public double delta() {
    return delta;
  }

  /**
   * @return the clock (updates between checks)
   */
  public int clock() {
    return clock;
  }

  /**
   * @return whether only cuts that raise the mean are reported (MOA's ADWINChangeDetector)
   */
  public boolean increasesOnly() {
    return increasesOnly;
  }

  @Override
  public Adwin freshCopy() {
    return builder()
        .delta(delta)
        .clock(clock)
        .maxBuckets(maxBuckets)
        .minSubWindowLength(minSub)
        .gracePeriod(gracePeriod)
        .increasesOnly(increasesOnly)
        .build();
  }

  @Override
  public String toString() {
    return "Adwin[delta="
        + delta
        + ", clock="
        + clock
        + ", width="
        + width
        + ", mean="
        + mean()
        + ", state="
        + state()
        + ", updates="
        + updates()
        + ", drifts="
        + drifts()
        + "]";
  }

  /**
   * Builder of {@link Adwin}; every setter validates its argument.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double delta = DEFAULT_DELTA;
    private int clock = DEFAULT_CLOCK;
    private int maxBuckets = DEFAULT_MAX_BUCKETS;
    private int minSubWindowLength = DEFAULT_MIN_SUB_WINDOW_LENGTH;
    private int gracePeriod = DEFAULT_GRACE_PERIOD;
    private boolean increasesOnly;

    private Builder() {}

    /**
     * @param delta confidence in (0, 1); default 0.002
     * @return this builder
     * @throws IllegalArgumentException if delta is not in (0, 1)
     */
    public Builder delta(double delta) {
      this.delta = Require.openUnit(delta, "delta");
      return this;
    }

    /**
     * @param clock updates between two checks for cuts, at least 1; default 32
     * @return this builder
     * @throws IllegalArgumentException if clock &lt; 1
     */
    public Builder clock(int clock) {
      this.clock = requireAtLeast("clock", clock, 1);
      return this;
    }

    /**
     * @param maxBuckets M, buckets per row, in [2, 1024]; default 5
     * @return this builder
     * @throws IllegalArgumentException if maxBuckets is outside [2, 1024]
     */
    public Builder maxBuckets(int maxBuckets) {
      Require.argument(
          maxBuckets >= 2 && maxBuckets <= 1024, "maxBuckets", "in [2, 1024]", maxBuckets);
      this.maxBuckets = maxBuckets;
      return this;
    }

    /**
     * @param minSubWindowLength c: both sub-windows must hold more than c + 1 values; default 5
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder minSubWindowLength(int minSubWindowLength) {
      this.minSubWindowLength = requireAtLeast("minSubWindowLength", minSubWindowLength, 0);
      return this;
    }

    /**
     * @param gracePeriod the window is checked only when it holds more values; default 10
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder gracePeriod(int gracePeriod) {
      this.gracePeriod = requireAtLeast("gracePeriod", gracePeriod, 0);
      return this;
    }

    /**
     * @param increasesOnly report only the cuts after which the window's mean is higher than before
     *     the update, as MOA's {@code ADWINChangeDetector} (for error rates); default false, every
     *     cut is reported as MOA's {@code ADWIN} and river's
     * @return this builder
     */
    public Builder increasesOnly(boolean increasesOnly) {
      this.increasesOnly = increasesOnly;
      return this;
    }

    /**
     * @return a new detector
     */
    public Adwin build() {
      return new Adwin(this);
    }
  }
}
