package org.mlops4j.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.SortedSearch;

/**
 * The mergeable state of one numeric column: rows, missing (null or NaN), infinite, the finite
 * values' count, minimum, maximum, mean and sum of squared deviations (Chan et al. 1979 pairwise
 * update), the counts of 0 and of 1, a KLL sketch of the finite values, optionally an HLL sketch of
 * the distinct values, optionally counts per bin over given edges (bins {@code [e[k-1], e[k])} as
 * {@code numpy.histogram}), and the finite values themselves while there are at most {@code limit}
 * of them. {@code a.merge(b)} equals the state of the concatenated rows (the sketches within their
 * error bounds; the kept values as a multiset).
 */
public final class NumericState implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** lg(k) of the HLL sketches: 12 gives a relative standard error of about 1.6%. */
  public static final int HLL_LG_K = 12;

  long rows;
  long missing;
  long infinite;
  long count;
  long zeros;
  long ones;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  double mean;
  double m2;
  final int limit;
  final int k;
  double @Nullable [] values;
  int size;
  final double @Nullable [] edges;
  final long @Nullable [] bins;
  transient KllDoublesSketch sketch;
  transient @Nullable HllSketch hll;

  /**
   * @param k the KLL parameter
   * @param limit keep the finite values while there are at most this many (0: never)
   * @param edges interior bin edges to count over, or null
   * @param distinct whether to keep an HLL sketch of the distinct values
   */
  public NumericState(int k, int limit, double @Nullable [] edges, boolean distinct) {
    this.k = k;
    this.limit = limit;
    this.values = limit > 0 ? new double[Math.min(limit, 1024)] : null;
    this.edges = edges;
    this.bins = edges == null ? null : new long[edges.length + 1];
    this.sketch = KllDoublesSketch.newHeapInstance(k);
    this.hll = distinct ? new HllSketch(HLL_LG_K) : null;
  }

  /** Adds a missing value (null). */
  public void addMissing() {
    rows++;
    missing++;
  }

  /** Adds a value: NaN is missing, an infinity is counted apart. */
  public void add(double x) {
    rows++;
    if (Double.isNaN(x)) {
      missing++;
      return;
    }
    if (Double.isInfinite(x)) {
      infinite++;
      return;
    }
    count++;
    if (x == 0.0) {
      zeros++;
    } else if (x == 1.0) {
      ones++;
    }
    min = Math.min(min, x);
    max = Math.max(max, x);
    double d = x - mean;
    mean += d / count;
    m2 += d * (x - mean);
    sketch.update(x);
    if (hll != null) {
      hll.update(x == 0.0 ? 0.0 : x); // -0.0 and 0.0 are one value
    }
    if (bins != null) {
      bins[binIndex(edges, x)]++;
    }
    double[] v = values;
    if (v != null) {
      if (size == limit) {
        values = null;
      } else {
        if (size == v.length) {
          v = Arrays.copyOf(v, (int) Math.min(limit, 2L * v.length));
          values = v;
        }
        v[size++] = x;
      }
    }
  }

  /** The bin of x over interior edges: the number of edges at or below x. */
  static int binIndex(double @Nullable [] edges, double x) {
    if (edges == null) {
      return 0;
    }
    return SortedSearch.countAtOrBelow(edges, x);
  }

  /** Merges other into this; returns this. */
  public NumericState merge(NumericState o) {
    long n = count + o.count;
    if (o.count > 0) {
      double d = o.mean - mean;
      mean = count == 0 ? o.mean : mean + d * o.count / n;
      m2 = m2 + o.m2 + d * d * ((double) count * o.count / n);
    }
    rows += o.rows;
    missing += o.missing;
    infinite += o.infinite;
    count = n;
    zeros += o.zeros;
    ones += o.ones;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    sketch.merge(o.sketch);
    if (hll != null && o.hll != null) {
      Union u = new Union(HLL_LG_K);
      u.update(hll);
      u.update(o.hll);
      hll = u.getResult();
    }
    if (bins != null && o.bins != null) {
      for (int i = 0; i < bins.length; i++) {
        bins[i] += o.bins[i];
      }
    }
    double[] a = values;
    double[] b = o.values;
    if (a == null || b == null || size + o.size > limit) {
      values = null;
    } else {
      if (size + o.size > a.length) {
        a = Arrays.copyOf(a, Math.max(size + o.size, Math.min(limit, 2 * a.length)));
        values = a;
      }
      System.arraycopy(b, 0, a, size, o.size);
      size += o.size;
    }
    return this;
  }

  /**
   * @return the finite values when all were kept (a copy, in no particular order), else null
   */
  public double @Nullable [] finiteValues() {
    return values == null ? null : Arrays.copyOf(values, size);
  }

  /**
   * @return every row as a double: the finite values, then NaN per missing and +Infinity per
   *     infinite row; null when the values were not all kept
   */
  public double @Nullable [] rowValues() {
    if (values == null) {
      return null;
    }
    double[] out = Arrays.copyOf(values, (int) rows);
    Arrays.fill(out, size, (int) (size + missing), Double.NaN);
    Arrays.fill(out, (int) (size + missing), (int) rows, Double.POSITIVE_INFINITY);
    return out;
  }

  /**
   * @return the KLL sketch (the state's own: do not modify)
   */
  public KllDoublesSketch sketch() {
    return sketch;
  }

  /**
   * @return the HLL sketch of distinct values, or null
   */
  public @Nullable HllSketch hll() {
    return hll;
  }

  public long rows() {
    return rows;
  }

  public long missing() {
    return missing;
  }

  public long infinite() {
    return infinite;
  }

  public long count() {
    return count;
  }

  public long zeros() {
    return zeros;
  }

  public long ones() {
    return ones;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public double mean() {
    return mean;
  }

  /** Population standard deviation (ddof = 0). */
  public double std() {
    return count == 0 ? Double.NaN : Math.sqrt(m2 / count);
  }

  public long @Nullable [] bins() {
    return bins;
  }

  public double @Nullable [] edges() {
    return edges;
  }

  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    writeBytes(out, sketch.toByteArray());
    writeBytes(out, hll == null ? null : hll.toCompactByteArray());
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    byte[] s = readBytes(in);
    sketch = KllDoublesSketch.heapify(Memory.wrap(s == null ? new byte[0] : s));
    byte[] h = readBytes(in);
    hll = h == null ? null : HllSketch.heapify(h);
  }

  static void writeBytes(ObjectOutputStream out, byte @Nullable [] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  static byte @Nullable [] readBytes(ObjectInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
