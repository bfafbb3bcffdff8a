package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.mlops4j.drift.internal.Sorting;

/** Invariants: merge equals computing on the concatenation; PSI >= 0; KS D in [0, 1]. */
class PropertiesTest {

  private static double[] arr(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Property(tries = 200)
  void histogramMerge_equalsCountsOfTheConcatenation(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -5, max = 5) Double> a,
      @ForAll @Size(max = 60) List<@DoubleRange(min = -5, max = 5) Double> b) {
    double[] edges = {-2, -1, -1, 0, 0.5, 3};
    HistogramCounts ha = HistogramCounts.over(edges).addAll(arr(a));
    HistogramCounts hb = HistogramCounts.over(edges).addAll(arr(b));
    assertThat(ha.merge(hb)).isEqualTo(HistogramCounts.over(edges).addAll(concat(arr(a), arr(b))));
  }

  @Property(tries = 200)
  void categoryMerge_equalsCountsOfTheConcatenation(
      @ForAll @Size(max = 40) List<@StringLength(max = 2) String> a,
      @ForAll @Size(max = 40) List<@StringLength(max = 2) String> b) {
    String[] sa = a.toArray(new String[0]);
    String[] sb = b.toArray(new String[0]);
    String[] all = Arrays.copyOf(sa, sa.length + sb.length);
    System.arraycopy(sb, 0, all, sa.length, sb.length);
    assertThat(CategoryCounts.create().addAll(sa).merge(CategoryCounts.create().addAll(sb)))
        .isEqualTo(CategoryCounts.create().addAll(all));
  }

  @Property(tries = 300)
  void psi_isNeverNegative(
      @ForAll @Size(8) List<@LongRange(min = 0, max = 1000) Long> r,
      @ForAll @Size(8) List<@LongRange(min = 0, max = 1000) Long> c,
      @ForAll @DoubleRange(min = 1e-9, max = 0.5) @Scale(12) double eps) {
    long[] ref = r.stream().mapToLong(Long::longValue).toArray();
    long[] cur = c.stream().mapToLong(Long::longValue).toArray();
    ref[0] += 1;
    cur[0] += 1;
    assertThat(Psi.fromCounts(ref, cur, eps)).isGreaterThanOrEqualTo(0.0).isNotNaN();
  }

  @Property(tries = 200)
  void ksStatistic_isInUnitIntervalAndSymmetric(
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -3, max = 3) Double> a,
      @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = -3, max = 3) Double> b) {
    KolmogorovSmirnovResult ab = KolmogorovSmirnov.test(arr(a), arr(b));
    KolmogorovSmirnovResult ba = KolmogorovSmirnov.test(arr(b), arr(a));
    assertThat(ab.statistic()).isBetween(0.0, 1.0);
    assertThat(ab.pValue()).isBetween(0.0, 1.0);
    assertThat(ab.statistic()).isEqualTo(ba.statistic());
    KolmogorovSmirnovResult g =
        KolmogorovSmirnov.test(
            arr(a), arr(b), KolmogorovSmirnov.Alternative.GREATER, KolmogorovSmirnov.Method.EXACT);
    KolmogorovSmirnovResult l =
        KolmogorovSmirnov.test(
            arr(b), arr(a), KolmogorovSmirnov.Alternative.LESS, KolmogorovSmirnov.Method.EXACT);
    assertThat(g.statistic()).isEqualTo(l.statistic());
    assertThat(g.pValue()).isCloseTo(l.pValue(), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Property(tries = 300)
  void gallopingSearchDeviations_equalTheMergeWalk(
      @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 40) Integer> a,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 40) Integer> b) {
    double[] s1 = a.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
    double[] s2 = b.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
    long[] walk =
        org.mlops4j.drift.internal.KolmogorovSmirnovMath.maxDeviations(
            s1, s1.length, s2, s2.length);
    long[] search =
        org.mlops4j.drift.internal.KolmogorovSmirnovMath.maxDeviationsSearch(
            s1, s1.length, s2, s2.length);
    assertThat(
            org.mlops4j.drift.internal.KolmogorovSmirnovMath.splitWalk(
                s1, s1.length, s2, s2.length))
        .containsExactly(walk);
    assertThat(search[0]).isEqualTo(walk[0]);
    assertThat(search[1]).isEqualTo(walk[1]);
    boolean cross =
        java.util.Arrays.stream(s2).anyMatch(v -> java.util.Arrays.binarySearch(s1, v) >= 0);
    assertThat(search[2] == 1).isEqualTo(cross);
    double[] pooled = concat(s1, s2);
    boolean anyTie = java.util.Arrays.stream(pooled).distinct().count() < pooled.length;
    assertThat(walk[2] == 1).isEqualTo(anyTie);
  }

  @Property(tries = 40)
  void radixSort_ordersAsArraysSort(
      @ForAll @IntRange(min = 4096, max = 9000) int n,
      @ForAll @IntRange(min = 0, max = 1 << 20) int seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(20);
      a[i] =
          kind == 0
              ? -0.0
              : kind == 1
                  ? 0.0
                  : kind == 2
                      ? Double.NEGATIVE_INFINITY
                      : kind == 3
                          ? Double.POSITIVE_INFINITY
                          : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-300, 300));
    }
    double[] expected = a.clone();
    Arrays.sort(expected);
    double[] copy = Sorting.sortedCopy(a);
    Sorting.sort(a);
    assertThat(a).containsExactly(expected);
    assertThat(copy).containsExactly(expected);
  }
}
