package org.mlops4j.fairness.individual;

/**
 * A k-d tree over the rows of a matrix for exact k-nearest-neighbour queries under a {@link
 * StandardDistance}. Splits on the axis of widest spread at the median (leaf size 16); queries
 * descend to the nearer child first and visit a child only if the distance from the query to the
 * bounding box of that child's rows can still beat (or tie) the current k-th neighbour. Immutable
 * after construction and safe for concurrent queries, each with its own {@link Scratch}.
 */
final class KdTree {
  private static final int LEAF_SIZE = 16;

  /** Relative slack so rounding in a box bound never prunes a cell holding an exact tie. */
  private static final double SLACK = 1 + 1e-9;

  private final StandardDistance distance;
  private final int n;
  private final int d;

  /** Row-major coordinates, permuted into tree order. */
  private final double[] points;

  /** Original row index of each row in {@link #points}. */
  private final int[] rowOf;

  // Node arrays; node 0 is the root.
  private int[] start;
  private int[] end;
  private int[] left;
  private int[] right;
  private int[] axis;
  private double[] split;

  /** Per node, the bounding box of its rows: lo at [node * d + j], hi likewise. */
  private double[] boxLo;

  private double[] boxHi;
  private int nodes;

  KdTree(double[][] x, StandardDistance distance) {
    this.distance = distance;
    this.n = x.length;
    this.d = x[0].length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int capacity = n / 2 + 8;
    start = new int[capacity];
    end = new int[capacity];
    left = new int[capacity];
    right = new int[capacity];
    axis = new int[capacity];
    split = new double[capacity];
    boxLo = new double[capacity * d];
    boxHi = new double[capacity * d];
    build(x, perm, 0, n);
    this.points = new double[n * d];
    this.rowOf = perm;
    for (int p = 0; p < n; p++) {
      System.arraycopy(x[perm[p]], 0, points, p * d, d);
    }
  }

  private int build(double[][] x, int[] perm, int lo, int hi) {
    int node = nodes++;
    start[node] = lo;
    end[node] = hi;
    left[node] = -1;
    right[node] = -1;
    int best = 0;
    double bestSpread = -1;
    for (int j = 0; j < d; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int p = lo; p < hi; p++) {
        double v = x[perm[p]][j];
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
      boxLo[node * d + j] = min;
      boxHi[node * d + j] = max;
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = j;
      }
    }
    if (hi - lo <= LEAF_SIZE || bestSpread == 0) {
      return node; // a leaf; all rows identical makes a (large) leaf
    }
    int mid = (lo + hi) >>> 1;
    select(x, perm, lo, hi - 1, mid, best);
    axis[node] = best;
    split[node] = x[perm[mid]][best];
    int l = build(x, perm, lo, mid);
    int r = build(x, perm, mid, hi);
    left[node] = l;
    right[node] = r;
    return node;
  }

  /** Quickselect: afterwards perm[k] has rank k on axis j within [lo, hi]; left <= it <= right. */
  private static void select(double[][] x, int[] perm, int lo, int hi, int k, int j) {
    while (hi > lo) {
      int m = (lo + hi) >>> 1;
      // median of three as pivot
      double a = x[perm[lo]][j];
      double b = x[perm[m]][j];
      double c = x[perm[hi]][j];
      double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int i = lo;
      int t = hi;
      while (i <= t) {
        while (x[perm[i]][j] < pivot) {
          i++;
        }
        while (x[perm[t]][j] > pivot) {
          t--;
        }
        if (i <= t) {
          int tmp = perm[i];
          perm[i] = perm[t];
          perm[t] = tmp;
          i++;
          t--;
        }
      }
      if (k <= t) {
        hi = t;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  /** Per-thread query state. */
  static final class Scratch {
    final NeighbourHeap heap;
    final double[] query;

    Scratch(int k, int d) {
      heap = new NeighbourHeap(k);
      query = new double[d];
    }
  }

  Scratch scratch(int k) {
    return new Scratch(k, d);
  }

  /**
   * @return the original row indices in tree order (rows close in space are close here)
   */
  int[] treeOrder() {
    return rowOf.clone();
  }

  /**
   * @return the given rows sorted by their position in the tree
   */
  int[] inTreeOrder(int[] rows) {
    int[] pos = new int[n];
    for (int p = 0; p < n; p++) {
      pos[rowOf[p]] = p;
    }
    long[] keyed = new long[rows.length];
    for (int t = 0; t < rows.length; t++) {
      keyed[t] = ((long) pos[rows[t]] << 32) | rows[t];
    }
    java.util.Arrays.sort(keyed);
    int[] out = new int[rows.length];
    for (int t = 0; t < rows.length; t++) {
      out[t] = (int) keyed[t];
    }
    return out;
  }

  /** Finds the k nearest rows to row {@code self} (itself included) into {@code s.heap}. */
  void query(double[][] x, int self, Scratch s) {
    System.arraycopy(x[self], 0, s.query, 0, d);
    s.heap.reset(self);
    search(0, self, s);
  }

  /**
   * Lower bound of the reduced distance from q to the bounding box of node (branch-free, in two
   * accumulators: measurably faster than an early exit).
   */
  private double boxBound(int node, double[] q) {
    int base = node * d;
    boolean euclidean = distance == StandardDistance.EUCLIDEAN;
    double a0 = 0;
    double a1 = 0;
    int j = 0;
    for (; j + 1 < d; j += 2) {
      double e0 = Math.max(0, Math.max(boxLo[base + j] - q[j], q[j] - boxHi[base + j]));
      double e1 =
          Math.max(0, Math.max(boxLo[base + j + 1] - q[j + 1], q[j + 1] - boxHi[base + j + 1]));
      a0 += euclidean ? e0 * e0 : e0;
      a1 += euclidean ? e1 * e1 : e1;
    }
    if (j < d) {
      double e = Math.max(0, Math.max(boxLo[base + j] - q[j], q[j] - boxHi[base + j]));
      a0 += euclidean ? e * e : e;
    }
    return a0 + a1;
  }

  private void search(int node, int self, Scratch s) {
    NeighbourHeap heap = s.heap;
    double[] q = s.query;
    if (left[node] < 0) {
      boolean euclidean = distance == StandardDistance.EUCLIDEAN;
      double worst = heap.worst();
      for (int p = start[node]; p < end[node]; p++) {
        double acc =
            euclidean
                ? StandardDistance.squared(q, 0, points, p * d, d)
                : StandardDistance.absolute(q, 0, points, p * d, d);
        if (acc <= worst) {
          int row = rowOf[p];
          if (row != self) {
            heap.offer(acc, row);
            worst = heap.worst();
          }
        }
      }
      return;
    }
    int l = left[node];
    int r = right[node];
    double bl = boxBound(l, q);
    double br = boxBound(r, q);
    int near = bl <= br ? l : r;
    int far = bl <= br ? r : l;
    double farBound = bl <= br ? br : bl;
    if (Math.min(bl, br) <= heap.worst() * SLACK) {
      search(near, self, s);
    }
    if (farBound <= heap.worst() * SLACK) {
      search(far, self, s);
    }
  }
}
