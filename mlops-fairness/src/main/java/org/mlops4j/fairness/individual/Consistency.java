package org.mlops4j.fairness.individual;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * The consistency score of Zemel et al. (2013), "Learning Fair Representations" (ICML), computed as
 * AIF360 computes it ({@code BinaryLabelDatasetMetric.consistency} and {@code
 * aif360.sklearn.metrics.consistency_score}):
 *
 * <pre>
 *   consistency = 1 - (1/n) * sum_i | yhat_i - (1/k) * sum_{j in kNN(x_i)} yhat_j |
 * </pre>
 *
 * <p>1 means every individual gets the same prediction as its k nearest neighbours; with 0/1
 * predictions the score lies in [0, 1].
 *
 * <p><b>The point itself is one of its k neighbours.</b> AIF360 fits scikit-learn's {@code
 * NearestNeighbors(n_neighbors=k)} on X and then queries {@code kneighbors(X)} with the same X
 * passed explicitly; scikit-learn excludes a point from its own neighbours only when {@code
 * kneighbors()} is called without X, so each row's neighbour set is itself plus its k - 1 nearest
 * other rows. This class does the same: row i always counts as its own first neighbour, whatever
 * the distance.
 *
 * <p><b>Ties.</b> Among other rows at equal distance, the lower row index is taken first. The
 * result is therefore deterministic (independent of threads), and equals AIF360's whenever the k-th
 * distance is not tied; with ties (duplicate rows, integer features) scikit-learn's ball tree picks
 * an unspecified one of the tied rows, so the two may differ.
 *
 * <p><b>Search.</b> {@link Distance#euclidean()} and {@link Distance#manhattan()} use an exact k-d
 * tree (queries in parallel on the common fork-join pool); a custom distance is searched by brute
 * force. Both are exact up to {@link Builder#exactUpTo(int)} rows (default 50,000 for the k-d tree,
 * 10,000 for a custom distance). Beyond that, {@link Builder#sampleSize(int)} query rows (default
 * 25,000 for the k-d tree, 5,000 for a custom distance) are drawn uniformly without replacement
 * (seeded) and each is searched exactly against all n rows, so the score is the mean over a simple
 * random sample of the n terms: an unbiased estimate of the exact score. By Serfling's inequality
 * for sampling without replacement (Serfling 1974; Bardenet and Maillard 2015, Corollary 1.1) it is
 * within
 *
 * <pre>
 *   errorBound95 = R * sqrt((1 - (m - 1) / n) * ln(2 / 0.05) / (2 m))
 * </pre>
 *
 * of the exact score with probability at least 95%, where m is the number of sampled rows and R =
 * max(yhat) - min(yhat) bounds each term (R = 1 for 0/1 predictions; 0.0074 at n = 100,000, m =
 * 25,000). {@link Builder#exact()} turns sampling off; {@link Builder#sampleQueries(int)} forces
 * it.
 *
 * <p>Defaults: k = 5, Euclidean distance, {@link Scaling#NONE}, parallel, seed 42.
 *
 * <pre>{@code
 * ConsistencyResult r = Consistency.defaults().audit(features, predictions);   // k = 5, Euclidean
 * ConsistencyResult s = Consistency.builder().k(10).distance(Distance.manhattan())
 *     .scaling(Scaling.STANDARDIZE).build().audit(features, predictions);
 * s.logTo(run);
 * }</pre>
 *
 * <p>An engine is immutable and thread-safe; {@link #toBuilder()} starts a builder from it.
 *
 * @since 0.1.0
 */
public final class Consistency {

  private static final int BLOCK = 512;

  private static final Consistency DEFAULTS = new Builder().build();

  private final int k;
  private final Distance distance;
  private final Scaling scaling;
  private final boolean parallel;
  private final @Nullable Integer exactUpTo;
  private final @Nullable Integer sampleSize;
  private final boolean alwaysSample;
  private final long seed;

  private Consistency(Builder b) {
    this.k = b.k;
    this.distance = b.distance;
    this.scaling = b.scaling;
    this.parallel = b.parallel;
    this.exactUpTo = b.exactUpTo;
    this.sampleSize = b.sampleSize;
    this.alwaysSample = b.alwaysSample;
    this.seed = b.seed;
  }

  /**
   * @return the engine with the defaults: k = 5 (the row itself included), Euclidean distance, no
   *     scaling, parallel, seed 42
   */
  public static Consistency defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder with the defaults (k = 5, Euclidean, no scaling)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from this engine's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.k = k;
    b.distance = distance;
    b.scaling = scaling;
    b.parallel = parallel;
    b.exactUpTo = exactUpTo;
    b.sampleSize = sampleSize;
    b.alwaysSample = alwaysSample;
    b.seed = seed;
    return b;
  }

  /**
   * Audits the consistency of predictions over features.
   *
   * @param features n rows of d finite features (not modified)
   * @param predictions the n model outputs yhat (0/1 labels or scores)
   * @return the score and how it was computed
   * @throws NullPointerException if features, a row of it, or predictions is null
   * @throws IllegalArgumentException if features is empty, ragged or not finite; if predictions is
   *     not finite or not of length n; if k is not less than n
   */
  public ConsistencyResult audit(double[][] features, double[] predictions) {
    FeatureRows.requireMatrix(features, "features");
    Require.finite(predictions, "predictions");
    int n = features.length;
    Require.sameLength(predictions.length, "predictions", n, "features");
    Require.argument(k < n, "k", "less than the number of rows (" + n + ")", k);
    double[][] x = scaling.apply(features);

    boolean builtIn = distance instanceof StandardDistance;
    int limit = exactUpTo != null ? exactUpTo : builtIn ? 50_000 : 10_000;
    int sampled = sampleSize != null ? sampleSize : builtIn ? 25_000 : 5_000;
    boolean sample = sampled < n && (alwaysSample || n > limit);
    int[] queries;
    if (sample) {
      queries = sampleRows(n, sampled, seed);
    } else {
      queries = null;
    }
    int m = sample ? queries.length : n;
    double[] deviation = new double[n]; // by row

    KdTree tree = builtIn ? new KdTree(x, (StandardDistance) distance) : null;
    int[] order; // the rows to search, in the order searched
    if (tree == null) {
      order = queries;
    } else if (!sample) {
      order = tree.treeOrder(); // neighbouring queries one after another: fewer cache misses
    } else {
      order = tree.inTreeOrder(queries);
    }
    int blocks = (m + BLOCK - 1) / BLOCK;
    IntStream range = IntStream.range(0, blocks);
    if (parallel) {
      range = range.parallel();
    }
    range.forEach(
        blk -> {
          int from = blk * BLOCK;
          int to = Math.min(m, from + BLOCK);
          KdTree.Scratch scratch = tree != null ? tree.scratch(k) : null;
          NeighbourHeap heap = tree != null ? scratch.heap : new NeighbourHeap(k);
          for (int t = from; t < to; t++) {
            int i = order == null ? t : order[t];
            if (tree != null) {
              tree.query(x, i, scratch);
            } else {
              bruteForce(x, i, heap);
            }
            deviation[i] = Math.abs(predictions[i] - heap.sumOf(predictions) / k);
          }
        });
    // summed in row order: independent of the thread schedule and of the search method
    double sum = 0;
    if (sample) {
      for (int i : queries) {
        sum += deviation[i];
      }
    } else {
      for (double v : deviation) {
        sum += v;
      }
    }
    double consistency = 1 - sum / m;
    double bound = 0;
    if (sample) {
      double min = Arrays.stream(predictions).min().orElseThrow();
      double max = Arrays.stream(predictions).max().orElseThrow();
      bound = (max - min) * Math.sqrt((1 - (m - 1.0) / n) * Math.log(2 / 0.05) / (2.0 * m));
    }
    return new ConsistencyResult(
        consistency, k, n, distance.name(), scaling.toString(), sample, m, bound);
  }

  private void bruteForce(double[][] x, int self, NeighbourHeap heap) {
    heap.reset(self);
    double[] q = x[self];
    for (int j = 0; j < x.length; j++) {
      if (j == self) {
        continue;
      }
      double dist = distance.between(q, x[j]);
      if (Double.isNaN(dist) || dist < 0) {
        throw new IllegalArgumentException(
            Require.mustBe(
                "distance " + distance.name() + " between rows " + self + " and " + j,
                "non-negative",
                dist));
      }
      heap.offer(dist, j);
    }
  }

  /** m distinct row indices, uniformly without replacement (partial Fisher-Yates), ascending. */
  static int[] sampleRows(int n, int m, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    int[] out = Arrays.copyOf(all, m);
    Arrays.sort(out);
    return out;
  }

  @Override
  public String toString() {
    return "Consistency[k="
        + k
        + ", distance="
        + distance.name()
        + ", scaling="
        + scaling
        + ", exactUpTo="
        + (exactUpTo == null ? "default" : exactUpTo)
        + ", sampleSize="
        + (sampleSize == null ? "default" : sampleSize)
        + (alwaysSample ? ", always sampled" : "")
        + ", seed="
        + seed
        + "]";
  }

  /**
   * Settings for {@link Consistency}; every setting has a default.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int k = 5;
    private Distance distance = Distance.euclidean();
    private Scaling scaling = Scaling.NONE;
    private boolean parallel = true;
    private @Nullable Integer exactUpTo;
    private @Nullable Integer sampleSize;
    private boolean alwaysSample;
    private long seed = 42;

    private Builder() {}

    /**
     * @param k neighbours per row, the row itself included (default 5, as AIF360)
     * @return this builder
     * @throws IllegalArgumentException if k &lt; 1
     */
    public Builder k(int k) {
      this.k = Require.positive(k, "k");
      return this;
    }

    /**
     * @param distance the distance between feature vectors (default {@link Distance#euclidean()})
     * @return this builder
     * @throws NullPointerException if distance is null
     */
    public Builder distance(Distance distance) {
      this.distance = Require.nonNull(distance, "distance");
      return this;
    }

    /**
     * @param scaling how features are rescaled first (default {@link Scaling#NONE})
     * @return this builder
     * @throws NullPointerException if scaling is null
     */
    public Builder scaling(Scaling scaling) {
      this.scaling = Require.nonNull(scaling, "scaling");
      return this;
    }

    /**
     * @param parallel whether to search on the common fork-join pool (default true)
     * @return this builder
     */
    public Builder parallel(boolean parallel) {
      this.parallel = parallel;
      return this;
    }

    /**
     * @param rows the largest n for which every row is searched (default 50,000 for Euclidean and
     *     Manhattan, 10,000 for a custom distance); above it, query rows are sampled
     * @return this builder
     * @throws IllegalArgumentException if rows &lt; 1
     */
    public Builder exactUpTo(int rows) {
      this.exactUpTo = Require.positive(rows, "exactUpTo");
      return this;
    }

    /**
     * Always searches every row, however large n is (no sampling).
     *
     * @return this builder
     */
    public Builder exact() {
      this.exactUpTo = Integer.MAX_VALUE;
      this.alwaysSample = false;
      return this;
    }

    /**
     * @param m number of query rows sampled when n is above {@link #exactUpTo(int)} (default 25,000
     *     for Euclidean and Manhattan, 5,000 for a custom distance)
     * @return this builder
     * @throws IllegalArgumentException if m &lt; 1
     */
    public Builder sampleSize(int m) {
      this.sampleSize = Require.positive(m, "sampleSize");
      return this;
    }

    /**
     * Samples m query rows whatever n is (when m &lt; n), for a quick estimate.
     *
     * @param m number of query rows
     * @return this builder
     * @throws IllegalArgumentException if m &lt; 1
     */
    public Builder sampleQueries(int m) {
      sampleSize(m);
      this.alwaysSample = true;
      return this;
    }

    /**
     * @param seed seed of the query-row sample (default 42)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @return the configured engine
     */
    public Consistency build() {
      return new Consistency(this);
    }
  }
}
