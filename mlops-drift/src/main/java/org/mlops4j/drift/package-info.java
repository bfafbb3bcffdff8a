/**
 * Data drift: two-sample tests and distances between a reference and a current sample, dataset
 * reports and fitted baselines.
 *
 * <ul>
 *   <li>Tests and distances: {@link org.mlops4j.drift.KolmogorovSmirnov}, {@link
 *       org.mlops4j.drift.Psi}, {@link org.mlops4j.drift.ChiSquare}, {@link
 *       org.mlops4j.drift.JensenShannon}, {@link org.mlops4j.drift.Wasserstein}, {@link
 *       org.mlops4j.drift.CramerVonMises}, {@link org.mlops4j.drift.TwoProportionZ}; each follows
 *       the conventions of the SciPy function named in its javadoc.
 *   <li>Tables and reports: {@link org.mlops4j.drift.Columns}, {@link
 *       org.mlops4j.drift.DriftReport}, {@link org.mlops4j.drift.FeatureDrift}, {@link
 *       org.mlops4j.drift.DriftConfig}.
 *   <li>Production: {@link org.mlops4j.drift.DriftBaseline} (fit once, save as JSON, check
 *       windows), mergeable accumulators {@link org.mlops4j.drift.HistogramCounts}, {@link
 *       org.mlops4j.drift.CategoryCounts}, {@link org.mlops4j.drift.QuantileSketch}.
 * </ul>
 *
 * <p>Nullness: parameters and return values are non-null unless documented otherwise (a {@code
 * null} label in a categorical column is a missing value). Bad arguments fail with {@link
 * java.lang.IllegalArgumentException} naming the column or parameter; I/O and format failures
 * with {@link org.mlops4j.api.MlopsException}.
 *
 * @since 0.1.0
 */
package org.mlops4j.drift;
