package org.mlops4j.fairness.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The primitive fast path: confusion cell counts per group from code arrays in a single pass.
 * Internal.
 *
 * <p>Cell index {@code 4 * group + 2 * label + prediction}. Four independent count tables break the
 * store-to-load dependency between consecutive increments of the same cell.
 */
public final class CodeCounter {

  private CodeCounter() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Bytes that are 0 or 1, times this, hold the eight bits packed in the top byte. */
  private static final long PACK = 0x0102040810204080L;

  private static final long LOW_BITS = 0x0101010101010101L;

  /**
   * Counts byte codes. Labels and predictions must be 0 or 1 and group codes in [0, groups) (read
   * as unsigned bytes); violations are reported with the first offending index.
   *
   * <p>Up to 16 groups the rows are bit-sliced: 64 rows at a time, labels, predictions and each bit
   * of the group code are packed into 64-bit words (eight bytes read as one long, packed with one
   * multiplication), and the cells of each group are counted with popcounts of their masks. More
   * groups use a table of counters.
   *
   * @return long[groups * 4]
   */
  public static long[] count(byte[] labels, byte[] predictions, byte[] groupCodes, int groups) {
    if (groups <= 16) {
      return countSliced(labels, predictions, groupCodes, groups);
    }
    return countTable(labels, predictions, groupCodes, groups);
  }

  static long[] countSliced(byte[] labels, byte[] predictions, byte[] groupCodes, int groups) {
    int n = labels.length;
    int planes = groups <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(groups - 1);
    int combos = 1 << planes;
    long highBits = ~(LOW_BITS * ((1L << planes) - 1)); // bits of a code byte above the planes
    long[] cn = new long[16];
    long[] cy = new long[16];
    long[] cp = new long[16];
    long[] cyp = new long[16];
    long bad = 0;
    long high = 0;
    int i = 0;
    if (planes <= 2) {
      // the common case (up to 4 groups) without the two upper code planes
      for (; i + 64 <= n; i += 64) {
        long y = 0;
        long p = 0;
        long g0 = 0;
        long g1 = 0;
        for (int j = 0; j < 8; j++) {
          int off = i + 8 * j;
          long yw = (long) LONGS.get(labels, off);
          long pw = (long) LONGS.get(predictions, off);
          long gw = (long) LONGS.get(groupCodes, off);
          bad |= yw | pw;
          high |= gw & highBits;
          int shift = 8 * j;
          y |= ((yw * PACK) >>> 56) << shift;
          p |= ((pw * PACK) >>> 56) << shift;
          g0 |= (((gw & LOW_BITS) * PACK) >>> 56) << shift;
          g1 |= ((((gw >>> 1) & LOW_BITS) * PACK) >>> 56) << shift;
        }
        long yp = y & p;
        for (int c = 0; c < combos; c++) {
          long m = ((c & 1) != 0 ? g0 : ~g0) & ((c & 2) != 0 ? g1 : ~g1);
          cn[c] += Long.bitCount(m);
          cy[c] += Long.bitCount(m & y);
          cp[c] += Long.bitCount(m & p);
          cyp[c] += Long.bitCount(m & yp);
        }
      }
    } else {
      for (; i + 64 <= n; i += 64) {
        long y = 0;
        long p = 0;
        long g0 = 0;
        long g1 = 0;
        long g2 = 0;
        long g3 = 0;
        for (int j = 0; j < 8; j++) {
          int off = i + 8 * j;
          long yw = (long) LONGS.get(labels, off);
          long pw = (long) LONGS.get(predictions, off);
          long gw = (long) LONGS.get(groupCodes, off);
          bad |= yw | pw;
          high |= gw & highBits;
          int shift = 8 * j;
          y |= ((yw * PACK) >>> 56) << shift;
          p |= ((pw * PACK) >>> 56) << shift;
          g0 |= (((gw & LOW_BITS) * PACK) >>> 56) << shift;
          g1 |= ((((gw >>> 1) & LOW_BITS) * PACK) >>> 56) << shift;
          g2 |= ((((gw >>> 2) & LOW_BITS) * PACK) >>> 56) << shift;
          g3 |= ((((gw >>> 3) & LOW_BITS) * PACK) >>> 56) << shift;
        }
        long yp = y & p;
        for (int c = 0; c < combos; c++) {
          long m =
              ((c & 1) != 0 ? g0 : ~g0)
                  & ((c & 2) != 0 ? g1 : ~g1)
                  & ((c & 4) != 0 ? g2 : ~g2)
                  & ((c & 8) != 0 ? g3 : ~g3);
          cn[c] += Long.bitCount(m);
          cy[c] += Long.bitCount(m & y);
          cp[c] += Long.bitCount(m & p);
          cyp[c] += Long.bitCount(m & yp);
        }
      }
    }
    long[] out = new long[Math.max(combos, groups) * 4];
    for (int c = 0; c < combos; c++) {
      long tp = cyp[c];
      long fp = cp[c] - tp;
      long fn = cy[c] - tp;
      long tn = cn[c] - tp - fp - fn;
      out[4 * c] = tn;
      out[4 * c + 1] = fp;
      out[4 * c + 2] = fn;
      out[4 * c + 3] = tp;
    }
    int tailBits = 0;
    for (; i < n; i++) {
      int y = labels[i];
      int p = predictions[i];
      int g = groupCodes[i] & 0xFF;
      tailBits |= y | p;
      if (g >= groups) {
        high |= 1;
        continue;
      }
      out[g << 2 | (y & 1) << 1 | (p & 1)]++;
    }
    if (((bad & ~LOW_BITS) | (tailBits & ~1)) != 0) {
      checkBinary(labels, "labels");
      checkBinary(predictions, "predictions");
    }
    boolean phantom = high != 0;
    for (int k = groups * 4; k < out.length; k++) {
      phantom |= out[k] != 0;
    }
    if (phantom) {
      checkCodes(groupCodes, groups);
    }
    return out.length == groups * 4 ? out : java.util.Arrays.copyOf(out, groups * 4);
  }

  private static void checkCodes(byte[] groupCodes, int groups) {
    for (int j = 0; j < groupCodes.length; j++) {
      int code = groupCodes[j] & 0xFF;
      if (code >= groups) {
        throw new IllegalArgumentException(
            "groupCodes["
                + j
                + "] must be in [0, "
                + groups
                + ") (one code per group name), but was "
                + code);
      }
    }
  }

  static long[] countTable(byte[] labels, byte[] predictions, byte[] groupCodes, int groups) {

    int n = labels.length;
    int[] c0 = new int[1024];
    int[] c1 = new int[1024];
    int[] c2 = new int[1024];
    int[] c3 = new int[1024];
    int bits = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      int y0 = labels[i];
      int y1 = labels[i + 1];
      int y2 = labels[i + 2];
      int y3 = labels[i + 3];
      int p0 = predictions[i];
      int p1 = predictions[i + 1];
      int p2 = predictions[i + 2];
      int p3 = predictions[i + 3];
      bits |= y0 | y1 | y2 | y3 | p0 | p1 | p2 | p3;
      c0[(groupCodes[i] & 0xFF) << 2 | (y0 & 1) << 1 | (p0 & 1)]++;
      c1[(groupCodes[i + 1] & 0xFF) << 2 | (y1 & 1) << 1 | (p1 & 1)]++;
      c2[(groupCodes[i + 2] & 0xFF) << 2 | (y2 & 1) << 1 | (p2 & 1)]++;
      c3[(groupCodes[i + 3] & 0xFF) << 2 | (y3 & 1) << 1 | (p3 & 1)]++;
    }
    for (; i < n; i++) {
      int y = labels[i];
      int p = predictions[i];
      bits |= y | p;
      c0[(groupCodes[i] & 0xFF) << 2 | (y & 1) << 1 | (p & 1)]++;
    }
    if ((bits & ~1) != 0) {
      checkBinary(labels, "labels");
      checkBinary(predictions, "predictions");
    }
    long[] out = new long[groups * 4];
    for (int k = 0; k < 1024; k++) {
      long total = (long) c0[k] + c1[k] + c2[k] + c3[k];
      if (total == 0) {
        continue;
      }
      if (k >= out.length) {
        int code = k >> 2;
        for (int j = 0; j < n; j++) {
          if ((groupCodes[j] & 0xFF) == code) {
            throw new IllegalArgumentException(
                "groupCodes["
                    + j
                    + "] must be in [0, "
                    + groups
                    + ") (one code per group name), but was "
                    + code);
          }
        }
      }
      out[k] = total;
    }
    return out;
  }

  /**
   * Counts int codes, as {@link #count(byte[], byte[], byte[], int)}.
   *
   * @return long[groups * 4]
   */
  public static long[] count(int[] labels, int[] predictions, int[] groupCodes, int groups) {
    int n = labels.length;
    long[] out = new long[groups * 4];
    int[] c = new int[groups * 4];
    for (int i = 0; i < n; i++) {
      int y = labels[i];
      int p = predictions[i];
      int g = groupCodes[i];
      if (((y | p) & ~1) != 0 || g < 0 || g >= groups) {
        if ((y & ~1) != 0) {
          throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, but was " + y);
        }
        if ((p & ~1) != 0) {
          throw new IllegalArgumentException("predictions[" + i + "] must be 0 or 1, but was " + p);
        }
        throw new IllegalArgumentException(
            "groupCodes["
                + i
                + "] must be in [0, "
                + groups
                + ") (one code per group name), but was "
                + g);
      }
      c[g << 2 | y << 1 | p]++;
    }
    for (int k = 0; k < c.length; k++) {
      out[k] = c[k];
    }
    return out;
  }

  private static void checkBinary(byte[] values, String name) {
    for (int j = 0; j < values.length; j++) {
      if ((values[j] & ~1) != 0) {
        throw new IllegalArgumentException(
            name + "[" + j + "] must be 0 or 1, but was " + values[j]);
      }
    }
  }
}
