package org.mlops4j.fairness.individual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class KdTreeTest {

  /**
   * Invariant: the k-d tree returns exactly the first k rows of the full ordering by (self first,
   * distance, row index), computed here by sorting all rows, including data full of ties (small
   * integer coordinates) and duplicate rows.
   */
  @Property(tries = 60)
  void kNearest_equalTheFirstKOfTheSortedOrder_includingTies(
      @ForAll @IntRange(min = 2, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 5) int d,
      @ForAll @IntRange(min = 1, max = 8) int k,
      @ForAll boolean integerGrid,
      @ForAll boolean manhattan,
      @ForAll long seed) {
    int kk = Math.min(k, n);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = integerGrid ? random.nextInt(4) : random.nextDouble() * 10 - 5;
      }
    }
    StandardDistance distance = manhattan ? StandardDistance.MANHATTAN : StandardDistance.EUCLIDEAN;
    KdTree tree = new KdTree(x, distance);
    KdTree.Scratch scratch = tree.scratch(kk);
    int[] got = new int[kk];
    for (int q = 0; q < n; q++) {
      tree.query(x, q, scratch);
      scratch.heap.sortedIndices(got);
      assertThat(got).as("query %d", q).containsExactly(sortedOrder(x, q, distance, kk));
    }
  }

  static int[] sortedOrder(double[][] x, int q, StandardDistance distance, int k) {
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < x.length; j++) {
      order.add(j);
    }
    order.sort(
        (a, b) -> {
          double da = a == q ? -1 : distance.between(x[q], x[a]);
          double db = b == q ? -1 : distance.between(x[q], x[b]);
          return da != db ? Double.compare(da, db) : Integer.compare(a, b);
        });
    return order.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
  }
}
