package org.mlops4j.slices;

import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.slices.internal.SearchSettings;
import org.mlops4j.slices.internal.SliceSearch;

/**
 * Finds the slices of the data where a model fails significantly more than on the rest, in the
 * spirit of Slice Finder (Chung, Kraska, Polyzotis, Tae and Whang, "Slice Finder: Automated Data
 * Slicing for Model Validation", ICDE 2019). An engine: configure it once, {@link
 * #audit(SliceData)} any data.
 *
 * <pre>{@code
 * SliceFinder finder = SliceFinder.builder().minSupport(100).maxDepth(2).build();
 * SliceReport report = finder.audit(SliceData.of(labels, predictions)
 *     .feature("country", country)
 *     .feature("age", age));
 * report.significant();              // ranked by effect size
 * report.slicesWorseThan(500, report.overall() + 0.05).isEmpty();   // for a test
 * }</pre>
 *
 * <p><b>Slices.</b> A slice is a conjunction of one to {@link Builder#maxDepth(int)} conditions on
 * distinct features: a categorical value ({@code country=DE}) or a range of a numeric feature cut
 * into {@link Builder#bins(int)} bins ({@code age=[30, 41)}; a numeric feature with no more
 * distinct values than bins gets one slice per value; NaN is the slice {@code age=missing}). Values
 * are grouped and counted by the fairness module's machinery (a sensitive group is a slice).
 *
 * <p><b>Test.</b> Each slice is compared with the rest of the rows (its complement), one-sided (is
 * the slice worse?): error rate by the pooled two-proportion z-test ({@code z = (p1 − p2) /
 * sqrt(p(1 − p)(1/n1 + 1/n2))}, p the pooled rate, p-value {@code 1 − Φ(z)}, as statsmodels' {@code
 * proportions_ztest(alternative='larger')}); mean loss by Welch's t-test ({@code t = (m1 − m2) /
 * sqrt(v1/n1 + v2/n2)}, Welch–Satterthwaite degrees of freedom, p-value {@code P(T > t)}, as
 * SciPy's {@code ttest_ind(equal_var=False, alternative='greater')}).
 *
 * <p><b>Multiple testing.</b> The p-values of every slice examined are adjusted by the
 * Benjamini–Hochberg procedure (Benjamini and Hochberg, 1995; SciPy's {@code
 * false_discovery_control}), which controls the false discovery rate at {@link
 * Builder#alpha(double)} for independent or positively dependent tests. A slice is <em>
 * significant</em> when its adjusted p-value is at most alpha and its effect size ({@code (value −
 * rest) / sqrt((s² + s²_rest) / 2)}, Slice Finder's) at least {@link
 * Builder#minEffectSize(double)}.
 *
 * <p><b>Search and pruning.</b> Level by level: all single conditions, then conjunctions of two,
 * then of three. A slice with fewer than {@link Builder#minSupport(int)} rows is not examined (nor,
 * then, extended); a significant slice is not extended (its sub-slices would restate it); a
 * conjunction is examined only when every one of its parents was examined and is not significant,
 * and when it selects fewer rows than each parent. Within a level, the largest candidates are
 * examined first, and the search stops once {@link Builder#budget(int)} slices have been examined.
 * The significance that decides pruning is the Benjamini–Hochberg decision over the slices examined
 * up to that level; the report shows the decision over every slice examined.
 *
 * <p>Defaults: alpha 0.05, min support 30, min effect size 0.2 (a "small" effect, Cohen 1988), max
 * depth 2, budget 100000 slices, 5 quantile bins, 95% intervals (Wilson score for an error rate,
 * Student's t for a mean loss), at most 50 values per feature.
 *
 * @since 0.1.0
 */
public final class SliceFinder {

  private final double alpha;
  private final int minSupport;
  private final double minEffectSize;
  private final int maxDepth;
  private final int budget;
  private final int bins;
  private final Binning binning;
  private final double confidenceLevel;
  private final int maxValues;

  private SliceFinder(Builder b) {
    this.alpha = b.alpha;
    this.minSupport = b.minSupport;
    this.minEffectSize = b.minEffectSize;
    this.maxDepth = b.maxDepth;
    this.budget = b.budget;
    this.bins = b.bins;
    this.binning = b.binning;
    this.confidenceLevel = b.confidenceLevel;
    this.maxValues = b.maxValues;
  }

  /**
   * @return a finder with the default settings
   */
  public static SliceFinder defaults() {
    return builder().build();
  }

  /**
   * @return a builder with the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from this finder's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.alpha = alpha;
    b.minSupport = minSupport;
    b.minEffectSize = minEffectSize;
    b.maxDepth = maxDepth;
    b.budget = budget;
    b.bins = bins;
    b.binning = binning;
    b.confidenceLevel = confidenceLevel;
    b.maxValues = maxValues;
    return b;
  }

  /**
   * Searches the data for slices that are worse than the rest.
   *
   * @param data the rows: errors or losses, and the features
   * @return the report; with no feature that can make a slice, a report whose notes say why nothing
   *     was examined
   * @throws NullPointerException if data is null
   */
  public SliceReport audit(SliceData data) {
    Require.nonNull(data, "data");
    SearchSettings settings = settings();
    SliceSearch.Result result =
        SliceSearch.run(settings, data.errorsNoCopy(), data.lossNoCopy(), data.columns());
    return new SliceReport(data.measure(), data.size(), settings, result);
  }

  SearchSettings settings() {
    return new SearchSettings(
        alpha,
        minSupport,
        minEffectSize,
        maxDepth,
        budget,
        bins,
        binning,
        confidenceLevel,
        maxValues);
  }

  /**
   * @return the false discovery rate of the Benjamini–Hochberg procedure
   */
  public double alpha() {
    return alpha;
  }

  /**
   * @return the fewest rows a slice must have to be examined
   */
  public int minSupport() {
    return minSupport;
  }

  /**
   * @return the smallest effect size of a significant slice
   */
  public double minEffectSize() {
    return minEffectSize;
  }

  /**
   * @return the most conditions in a slice
   */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * @return the most slices examined
   */
  public int budget() {
    return budget;
  }

  /**
   * @return the number of bins of a numeric feature
   */
  public int bins() {
    return bins;
  }

  /**
   * @return how numeric features are cut
   */
  public Binning binning() {
    return binning;
  }

  /**
   * @return the confidence level of the intervals
   */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * @return the most values of one feature that can make slices
   */
  public int maxValues() {
    return maxValues;
  }

  @Override
  public String toString() {
    return "SliceFinder[alpha="
        + alpha
        + ", minSupport="
        + minSupport
        + ", minEffectSize="
        + minEffectSize
        + ", maxDepth="
        + maxDepth
        + ", budget="
        + budget
        + ", bins="
        + bins
        + ", binning="
        + binning
        + ", confidenceLevel="
        + confidenceLevel
        + ", maxValues="
        + maxValues
        + "]";
  }

  /**
   * Settings of a {@link SliceFinder}; every setter checks its argument at once.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double alpha = 0.05;
    private int minSupport = 30;
    private double minEffectSize = 0.2;
    private int maxDepth = 2;
    private int budget = 100_000;
    private int bins = 5;
    private Binning binning = Binning.QUANTILE;
    private double confidenceLevel = 0.95;
    private int maxValues = 50;

    private Builder() {}

    /**
     * @param alpha the false discovery rate of the Benjamini–Hochberg procedure (default 0.05)
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder alpha(double alpha) {
      this.alpha = Require.openUnit(alpha, "alpha");
      return this;
    }

    /**
     * @param minSupport the fewest rows of a slice examined (default 30)
     * @return this builder
     * @throws IllegalArgumentException if less than 2
     */
    public Builder minSupport(int minSupport) {
      Require.argument(minSupport >= 2, "minSupport", "at least 2", minSupport);
      this.minSupport = minSupport;
      return this;
    }

    /**
     * @param minEffectSize the smallest effect size of a significant slice (default 0.2)
     * @return this builder
     * @throws IllegalArgumentException if negative, NaN or infinite
     */
    public Builder minEffectSize(double minEffectSize) {
      this.minEffectSize = Require.nonNegative(minEffectSize, "minEffectSize");
      return this;
    }

    /**
     * @param maxDepth the most conditions in a slice, 1 to 3 (default 2)
     * @return this builder
     * @throws IllegalArgumentException if not 1, 2 or 3
     */
    public Builder maxDepth(int maxDepth) {
      Require.argument(maxDepth >= 1 && maxDepth <= 3, "maxDepth", "1, 2 or 3", maxDepth);
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * @param budget the most slices examined (default 100000)
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder budget(int budget) {
      this.budget = Require.positive(budget, "budget");
      return this;
    }

    /**
     * @param bins the number of bins of a numeric feature, 2 to 100 (default 5)
     * @return this builder
     * @throws IllegalArgumentException if outside 2 to 100
     */
    public Builder bins(int bins) {
      Require.argument(bins >= 2 && bins <= 100, "bins", "in [2, 100]", bins);
      this.bins = bins;
      return this;
    }

    /**
     * @param binning how numeric features are cut (default {@link Binning#QUANTILE}: edges at the
     *     quantiles j/bins, numpy's linear interpolation)
     * @return this builder
     * @throws NullPointerException if binning is null
     */
    public Builder binning(Binning binning) {
      this.binning = Require.nonNull(binning, "binning");
      return this;
    }

    /**
     * @param confidenceLevel the level of the intervals, in (0, 1) (default 0.95)
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder confidenceLevel(double confidenceLevel) {
      this.confidenceLevel = Require.openUnit(confidenceLevel, "confidenceLevel");
      return this;
    }

    /**
     * A feature with more values of at least minSupport rows is skipped, with a note: count tables
     * grow as the product of the features' values.
     *
     * @param maxValues the most values of one feature that can make slices, 2 to 100 (default 50)
     * @return this builder
     * @throws IllegalArgumentException if outside 2 to 100
     */
    public Builder maxValues(int maxValues) {
      Require.argument(maxValues >= 2 && maxValues <= 100, "maxValues", "in [2, 100]", maxValues);
      this.maxValues = maxValues;
      return this;
    }

    /**
     * @return the finder
     */
    public SliceFinder build() {
      return new SliceFinder(this);
    }
  }
}
