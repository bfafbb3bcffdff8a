package org.mlops4j.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of {@link QuantileSketch}: merge equals (or approximates) the sketch of the
 * concatenation.
 */
class QuantileSketchPropertiesTest {

  private static double[] arr(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /**
   * The bell-shaped samples of the drift tests' {@code Samples.sample} (Irwin–Hall, SplitMix64).
   */
  private static double[] sample(long seed, int n, double shift, double scale) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2.0;
      out[i] = u * scale + shift;
    }
    return out;
  }

  @Property(tries = 100)
  void sketchMerge_belowK_equalsTheSketchOfTheConcatenation(
      @ForAll @Size(min = 1, max = 90) List<@DoubleRange(min = -100, max = 100) Double> a,
      @ForAll @Size(min = 1, max = 90) List<@DoubleRange(min = -100, max = 100) Double> b,
      @ForAll @DoubleRange(min = -120, max = 120) double probe) {
    QuantileSketch merged =
        QuantileSketch.create().addAll(arr(a)).merge(QuantileSketch.create().addAll(arr(b)));
    QuantileSketch whole = QuantileSketch.create().addAll(concat(arr(a), arr(b)));
    assertThat(merged.isExact()).isTrue();
    assertThat(merged.count()).isEqualTo(whole.count());
    assertThat(merged.rank(probe)).isEqualTo(whole.rank(probe));
    assertThat(merged.quantile(0.5)).isEqualTo(whole.quantile(0.5));
  }

  @Property(tries = 8)
  void sketchMerge_aboveK_staysWithinTheRankError(
      @ForAll @IntRange(min = 1, max = 1000) int seed,
      @ForAll @DoubleRange(min = -2, max = 2) double probe) {
    double[] a = sample(seed, 20_000, 0, 1);
    double[] b = sample(seed + 5000, 30_000, 0.3, 1);
    QuantileSketch merged =
        QuantileSketch.create().addAll(a).merge(QuantileSketch.create().addAll(b));
    double[] all = concat(a, b);
    long le = Arrays.stream(all).filter(x -> x <= probe).count();
    // KLL k=200: normalized rank error 1.33% at 99% confidence (DataSketches docs); allow 2%
    assertThat(merged.rank(probe))
        .isCloseTo((double) le / all.length, org.assertj.core.api.Assertions.within(0.02));
  }
}
