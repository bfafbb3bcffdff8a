package org.mlops4j.fairness.individual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.mlops4j.api.internal.Require;

/**
 * A sampled audit of the Lipschitz condition of Dwork et al. (2012), "Fairness Through Awareness"
 * (ITCS): a model f treats similar individuals similarly if {@code |f(x) - f(x')| <= L * d(x, x')}
 * for every pair. For pairs of the given points it reports the ratio
 *
 * <pre>
 *   ratio(x, x') = |f(x) - f(x')| / d(x, x')
 * </pre>
 *
 * the worst pairs, the largest ratio (a lower bound on the model's Lipschitz constant under d), and
 * the share of pairs whose ratio exceeds the bound L. A pair at distance 0 with different outputs
 * has an infinite ratio and is always a violation (reported, never NaN); a pair at distance 0 with
 * equal outputs has ratio 0.
 *
 * <p>Pairs: if n(n-1)/2 is at most {@link Builder#pairs(int)} every pair is examined ({@code
 * exhaustive}); otherwise that many pairs (i, j), i != j, are drawn independently and uniformly
 * with replacement from a seeded generator. f is called once per point.
 *
 * <p>Defaults: Euclidean distance, L = 1 (Dwork et al.'s condition with the output distance scaled
 * to the metric), 10,000 pairs, the 10 worst pairs kept, seed 42.
 *
 * <pre>{@code
 * LipschitzResult r = LipschitzAudit.defaults().audit(x -> model.score(x), points);
 * LipschitzResult strict = LipschitzAudit.builder().bound(2.0).build()
 *     .audit(x -> model.score(x), points);
 * strict.worstPairs().get(0);   // the most violating pair, with indices and values
 * }</pre>
 *
 * <p>An audit is immutable and thread-safe; {@link #toBuilder()} starts a builder from it.
 *
 * @since 0.1.0
 */
public final class LipschitzAudit {

  private static final LipschitzAudit DEFAULTS = new Builder().build();

  private final Distance distance;
  private final double bound;
  private final int pairs;
  private final int top;
  private final long seed;

  private LipschitzAudit(Builder b) {
    this.distance = b.distance;
    this.bound = b.bound;
    this.pairs = b.pairs;
    this.top = b.top;
    this.seed = b.seed;
  }

  /**
   * @return the audit with the defaults (Euclidean, L = 1, 10,000 pairs, top 10, seed 42)
   */
  public static LipschitzAudit defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from this audit's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.distance = distance;
    b.bound = bound;
    b.pairs = pairs;
    b.top = top;
    b.seed = seed;
    return b;
  }

  /**
   * Audits a model on points.
   *
   * @param model the model f, called once per point with a copy of the row
   * @param points at least two finite rows of equal length
   * @return worst pairs and violation share
   * @throws NullPointerException if model, points or a row is null
   * @throws IllegalArgumentException if points has fewer than two rows, is ragged or not finite; if
   *     the model returns NaN or the distance a negative or NaN value
   */
  public LipschitzResult audit(ToDoubleFunction<double[]> model, double[][] points) {
    Require.nonNull(model, "model");
    FeatureRows.requireMatrix(points, "points");
    int n = points.length;
    Require.argument(n >= 2, "points.length", "at least 2", n);
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = model.applyAsDouble(points[i].clone());
      if (Double.isNaN(f[i])) {
        throw new IllegalArgumentException(
            Require.mustBe("model(points[" + i + "])", "a number", f[i]));
      }
    }
    long all = (long) n * (n - 1) / 2;
    boolean exhaustive = all <= pairs;
    Comparator<LipschitzResult.PairRatio> worstLast =
        Comparator.comparingDouble(LipschitzResult.PairRatio::ratio)
            .reversed()
            .thenComparingInt(LipschitzResult.PairRatio::i)
            .thenComparingInt(LipschitzResult.PairRatio::j);
    // a heap whose head is the least bad of the kept pairs
    PriorityQueue<LipschitzResult.PairRatio> kept = new PriorityQueue<>(worstLast.reversed());
    long examined = 0;
    long violations = 0;
    long zeroDistance = 0;
    double max = 0;
    SplittableRandom random = new SplittableRandom(seed);
    long count = exhaustive ? all : pairs;
    int i = 0;
    int j = 0;
    for (long t = 0; t < count; t++) {
      if (exhaustive) {
        // next pair in (0,1), (0,2), ..., (1,2), ... order
        if (t == 0) {
          i = 0;
          j = 1;
        } else if (++j == n) {
          i++;
          j = i + 1;
        }
      } else {
        i = random.nextInt(n);
        j = random.nextInt(n - 1);
        if (j >= i) {
          j++;
        }
      }
      double d = distance.between(points[i], points[j]);
      if (Double.isNaN(d) || d < 0) {
        throw new IllegalArgumentException(
            Require.mustBe(
                "distance " + distance.name() + " between points[" + i + "] and points[" + j + "]",
                "non-negative",
                d));
      }
      double diff = Math.abs(f[i] - f[j]);
      double ratio;
      if (d == 0) {
        ratio = diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        if (diff != 0) {
          zeroDistance++;
        }
      } else {
        ratio = diff / d;
      }
      examined++;
      if (ratio > bound) {
        violations++;
      }
      max = Math.max(max, ratio);
      LipschitzResult.PairRatio pr =
          new LipschitzResult.PairRatio(
              Math.min(i, j), Math.max(i, j), d, f[Math.min(i, j)], f[Math.max(i, j)], ratio);
      if (kept.size() < top) {
        kept.add(pr);
      } else if (top > 0 && worstLast.compare(pr, kept.peek()) < 0) {
        kept.poll();
        kept.add(pr);
      }
    }
    List<LipschitzResult.PairRatio> worst = new ArrayList<>(kept);
    worst.sort(worstLast);
    return new LipschitzResult(
        n,
        examined,
        exhaustive,
        distance.name(),
        bound,
        max,
        violations,
        (double) violations / examined,
        zeroDistance,
        List.copyOf(worst));
  }

  @Override
  public String toString() {
    return "LipschitzAudit[distance="
        + distance.name()
        + ", bound="
        + bound
        + ", pairs="
        + pairs
        + ", top="
        + top
        + ", seed="
        + seed
        + "]";
  }

  /**
   * Settings for {@link LipschitzAudit}; every setting has a default.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Distance distance = Distance.euclidean();
    private double bound = 1.0;
    private int pairs = 10_000;
    private int top = 10;
    private long seed = 42;

    private Builder() {}

    /**
     * @param distance the distance d between points (default Euclidean)
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder distance(Distance distance) {
      this.distance = Require.nonNull(distance, "distance");
      return this;
    }

    /**
     * @param bound the Lipschitz bound L; a pair violates it if its ratio is greater (default 1)
     * @return this builder
     * @throws IllegalArgumentException if L is negative, NaN or infinite
     */
    public Builder bound(double bound) {
      this.bound = Require.nonNegative(bound, "bound");
      return this;
    }

    /**
     * @param pairs the number of pairs to sample; all pairs if there are no more (default 10,000)
     * @return this builder
     * @throws IllegalArgumentException if pairs &lt; 1
     */
    public Builder pairs(int pairs) {
      this.pairs = Require.positive(pairs, "pairs");
      return this;
    }

    /**
     * @param top how many of the worst pairs to keep (default 10)
     * @return this builder
     * @throws IllegalArgumentException if top &lt; 0
     */
    public Builder top(int top) {
      this.top = Require.nonNegative(top, "top");
      return this;
    }

    /**
     * @param seed seed of the pair sample (default 42)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @return the configured audit
     */
    public LipschitzAudit build() {
      return new LipschitzAudit(this);
    }
  }
}
