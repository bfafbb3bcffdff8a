package org.mlops4j.drift.internal;

import java.util.Arrays;

/** Sorting of doubles: LSD radix sort on the order-preserving bit pattern for large arrays. */
public final class Sorting {

  private static final int RADIX_MIN = 1 << 12;
  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;

  private Sorting() {}

  /** Sorts in place; the order is that of {@link Arrays#sort(double[])} for non-NaN values. */
  public static void sort(double[] a) {
    sort(a, 0, a.length);
  }

  /** A sorted copy of src (src unchanged), without an intermediate clone for large arrays. */
  public static double[] sortedCopy(double[] src) {
    int n = src.length;
    if (n < RADIX_MIN) {
      double[] a = src.clone();
      Arrays.sort(a);
      return a;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(src[i]);
      keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
    keys = radix(keys);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      out[i] = Double.longBitsToDouble(k ^ (((~k) >> 63) | Long.MIN_VALUE));
    }
    return out;
  }

  /** Sorts a[from..to) in place. */
  public static void sort(double[] a, int from, int to) {
    int n = to - from;
    if (n < RADIX_MIN) {
      Arrays.sort(a, from, to);
      return;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(a[from + i]);
      keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
    keys = radix(keys);
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      long bits = k ^ (((~k) >> 63) | Long.MIN_VALUE);
      a[from + i] = Double.longBitsToDouble(bits);
    }
  }

  /** LSD radix sort of order-preserving keys; returns the sorted array (keys or its buffer). */
  private static long[] radix(long[] keys) {
    int n = keys.length;
    long[] buf = new long[n];
    int[] count = new int[BUCKETS];
    for (int shift = 0; shift < 64; shift += BITS) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
      }
      // skip a pass where every key has the same digit
      int first = (int) (keys[0] >>> shift) & (BUCKETS - 1);
      if (count[first] == n) {
        continue;
      }
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int c = count[b];
        count[b] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long k = keys[i];
        buf[count[(int) (k >>> shift) & (BUCKETS - 1)]++] = k;
      }
      long[] t = keys;
      keys = buf;
      buf = t;
    }
    return keys;
  }
}
