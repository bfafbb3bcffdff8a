/**
 * Data drift: two-sample tests and distances between a reference and a current sample, dataset
 * reports and fitted baselines.
 *
 * <ul>
 *   <li>The engine: {@link org.mlops4j.drift.DriftDetector} (settings, {@code compare(reference,
 *       current)} and {@code fit(reference)}) and its result {@link org.mlops4j.drift.DriftReport}
 *       of one {@link org.mlops4j.drift.FeatureDrift} per column of a {@link
 *       org.mlops4j.drift.Columns} table, decided by a {@link org.mlops4j.drift.DriftMethod}; each
 *       says what its column was taken for ({@link org.mlops4j.drift.ColumnKind}: numeric, binary,
 *       categorical, identifier-like, empty) and why.
 *   <li>Production: {@link org.mlops4j.drift.DriftBaseline} (fit once, save as JSON, {@code
 *       compare} windows), mergeable accumulators {@link org.mlops4j.drift.HistogramCounts} and
 *       {@link org.mlops4j.drift.CategoryCounts}.
 *   <li>Tests and distances as functions: {@link org.mlops4j.drift.KolmogorovSmirnov}, {@link
 *       org.mlops4j.drift.Psi}, {@link org.mlops4j.drift.ChiSquare}, {@link
 *       org.mlops4j.drift.JensenShannon}, {@link org.mlops4j.drift.Wasserstein}, {@link
 *       org.mlops4j.drift.CramerVonMises}, {@link org.mlops4j.drift.AndersonDarling}, {@link
 *       org.mlops4j.drift.TwoProportionZ}; each follows the conventions of the SciPy function named
 *       in its javadoc.
 * </ul>
 *
 * <p>Nullness: every parameter and return value is non-null unless annotated {@code @Nullable} (a
 * {@code null} label in a categorical column is a missing value). A null argument fails with {@link
 * java.lang.NullPointerException} {@code "<name> must not be null"}, a bad value with {@link
 * java.lang.IllegalArgumentException} {@code "<name> must be <condition>, but was <value>"}; I/O
 * and format failures with {@link org.mlops4j.api.MlopsException}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.drift;

import org.jspecify.annotations.NullMarked;
