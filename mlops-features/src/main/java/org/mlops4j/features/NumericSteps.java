package org.mlops4j.features;

import org.mlops4j.api.internal.Require;
import org.mlops4j.features.internal.BuiltInSteps;

/**
 * The built-in {@link NumericStep}s. Fitting leaves missing (NaN) and infinite training values out;
 * a step fitted on a column without a finite value fails with {@link IllegalArgumentException}.
 * Every step maps NaN to NaN except the imputers. Logarithms and powers use {@link StrictMath}, so
 * outputs have the same bits in every JVM.
 *
 * <table>
 *   <caption>Built-in steps (key: fitted parameters: output)</caption>
 *   <tr><th>factory</th><th>key</th><th>fitted</th><th>output</th></tr>
 *   <tr><td>{@link #meanImputer()}</td><td>impute_mean</td><td>value = mean</td>
 *       <td>x, or value when x is NaN</td></tr>
 *   <tr><td>{@link #medianImputer()}</td><td>impute_median</td><td>value = median
 *       ({@code numpy.median})</td><td>idem</td></tr>
 *   <tr><td>{@link #mostFrequentImputer()}</td><td>impute_most_frequent</td><td>value = the most
 *       frequent value, the smallest among ties ({@code scipy.stats.mode})</td><td>idem</td></tr>
 *   <tr><td>{@link #constantImputer(double)}</td><td>impute_constant</td><td>value = the
 *       constant</td><td>idem</td></tr>
 *   <tr><td>{@link #standard()}</td><td>standard</td><td>mean, scale = population standard
 *       deviation (ddof 0; 1 when it is 0), as scikit-learn's StandardScaler</td>
 *       <td>(x - mean) / scale</td></tr>
 *   <tr><td>{@link #minMax()}</td><td>min_max</td><td>min, scale = max - min (1 when 0)</td>
 *       <td>(x - min) / scale</td></tr>
 *   <tr><td>{@link #log1p()}</td><td>log1p</td><td>none</td><td>ln(1 + x) (NaN below -1)</td></tr>
 *   <tr><td>{@link #yeoJohnson()}</td><td>yeo_johnson</td><td>lambda maximising the normal
 *       log-likelihood, as {@code scipy.stats.yeojohnson} (bounded Brent, xtol 1.48e-8)</td>
 *       <td>((x + 1)^λ - 1) / λ for x &ge; 0, -((1 - x)^(2-λ) - 1) / (2 - λ) for x &lt; 0 (Yeo
 *       &amp; Johnson 2000)</td></tr>
 *   <tr><td>{@link #quantileBuckets(int)}</td><td>quantile_buckets</td><td>edges = {@code
 *       numpy.quantile(x, k / n)}, k = 1 .. n-1, repeats removed</td><td>the number of edges at
 *       most x ({@code numpy.digitize}): 0 .. n-1</td></tr>
 *   <tr><td>{@link #equalWidthBuckets(int)}</td><td>equal_width_buckets</td><td>edges = min + k
 *       (max - min) / n, k = 1 .. n-1 ({@code numpy.linspace}), repeats removed</td>
 *       <td>idem</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class NumericSteps {
  private NumericSteps() {}

  /**
   * @return an imputer of the training mean
   */
  public static NumericStep meanImputer() {
    return new BuiltInSteps.Impute("impute_mean", 0);
  }

  /**
   * @return an imputer of the training median
   */
  public static NumericStep medianImputer() {
    return new BuiltInSteps.Impute("impute_median", 0);
  }

  /**
   * @return an imputer of the most frequent training value
   */
  public static NumericStep mostFrequentImputer() {
    return new BuiltInSteps.Impute("impute_most_frequent", 0);
  }

  /**
   * @param value the value put in place of a missing one
   * @return an imputer of a constant
   * @throws IllegalArgumentException if value is not finite
   */
  public static NumericStep constantImputer(double value) {
    return new BuiltInSteps.Impute("impute_constant", Require.finite(value, "value"));
  }

  /**
   * @return standard scaling
   */
  public static NumericStep standard() {
    return new BuiltInSteps.Standard();
  }

  /**
   * @return min-max scaling to [0, 1] on the training range
   */
  public static NumericStep minMax() {
    return new BuiltInSteps.MinMax();
  }

  /**
   * @return ln(1 + x)
   */
  public static NumericStep log1p() {
    return new BuiltInSteps.Log1p();
  }

  /**
   * @return the Yeo-Johnson power transform with a fitted lambda
   */
  public static NumericStep yeoJohnson() {
    return new BuiltInSteps.YeoJohnsonStep();
  }

  /**
   * @param buckets the number of buckets, at least 2
   * @return bucketing at the training quantiles
   * @throws IllegalArgumentException if buckets is below 2
   */
  public static NumericStep quantileBuckets(int buckets) {
    return new BuiltInSteps.Buckets("quantile_buckets", buckets);
  }

  /**
   * @param buckets the number of buckets, at least 2
   * @return bucketing into equal-width intervals of the training range
   * @throws IllegalArgumentException if buckets is below 2
   */
  public static NumericStep equalWidthBuckets(int buckets) {
    return new BuiltInSteps.Buckets("equal_width_buckets", buckets);
  }
}
