package org.mlops4j.fairness.individual;

import java.util.Arrays;

/**
 * A bounded max-heap of the k best (distance, index) candidates seen so far. Order: smaller
 * distance first; equal distances, smaller index first. The query row itself is seeded with
 * distance -infinity, so it is always kept (AIF360 counts each point among its own neighbours).
 */
final class NeighbourHeap {
  private final int capacity;
  private final double[] dist;
  private final int[] index;
  private int size;

  NeighbourHeap(int capacity) {
    this.capacity = capacity;
    this.dist = new double[capacity];
    this.index = new int[capacity];
  }

  void reset(int self) {
    size = 0;
    offer(Double.NEGATIVE_INFINITY, self);
  }

  /**
   * @return the worst kept distance, or +infinity while fewer than k are kept
   */
  double worst() {
    return size < capacity ? Double.POSITIVE_INFINITY : dist[0];
  }

  /**
   * @return true if (d, i) ranks after (d2, i2)
   */
  private static boolean after(double d, int i, double d2, int i2) {
    return d > d2 || (d == d2 && i > i2);
  }

  void offer(double d, int i) {
    if (size < capacity) {
      int c = size++;
      while (c > 0) {
        int p = (c - 1) >>> 1;
        if (!after(d, i, dist[p], index[p])) {
          break;
        }
        dist[c] = dist[p];
        index[c] = index[p];
        c = p;
      }
      dist[c] = d;
      index[c] = i;
      return;
    }
    if (!after(dist[0], index[0], d, i)) {
      return; // not better than the worst kept
    }
    int c = 0;
    while (true) {
      int l = 2 * c + 1;
      if (l >= size) {
        break;
      }
      int r = l + 1;
      int m = (r < size && after(dist[r], index[r], dist[l], index[l])) ? r : l;
      if (!after(dist[m], index[m], d, i)) {
        break;
      }
      dist[c] = dist[m];
      index[c] = index[m];
      c = m;
    }
    dist[c] = d;
    index[c] = i;
  }

  int size() {
    return size;
  }

  /** Copies the kept indices, nearest first, into out. */
  void sortedIndices(int[] out) {
    Integer[] order = new Integer[size];
    for (int t = 0; t < size; t++) {
      order[t] = t;
    }
    Arrays.sort(
        order, (a, b) -> after(dist[a], index[a], dist[b], index[b]) ? 1 : (a.equals(b) ? 0 : -1));
    for (int t = 0; t < size; t++) {
      out[t] = index[order[t]];
    }
  }

  /** Sums values[index] over the kept candidates. */
  double sumOf(double[] values) {
    double s = 0;
    for (int t = 0; t < size; t++) {
      s += values[index[t]];
    }
    return s;
  }
}
