/**
 * Concept-drift detection on streams and production monitoring.
 *
 * <p>Detectors ({@link org.mlops4j.drift.stream.ConceptDriftDetector}, verb {@code update(x)}
 * returning a {@link org.mlops4j.drift.stream.DriftState}): {@link org.mlops4j.drift.stream.Adwin}
 * (Bifet &amp; Gavaldà 2007), {@link org.mlops4j.drift.stream.Ddm} (Gama et al. 2004), {@link
 * org.mlops4j.drift.stream.Eddm} (Baena-García et al. 2006), {@link
 * org.mlops4j.drift.stream.PageHinkley} (Page 1954) and {@link org.mlops4j.drift.stream.HddmA}
 * (Frías-Blanco et al. 2015). Each has {@code defaults()} and {@code builder()}.
 *
 * <p>{@link org.mlops4j.drift.stream.DriftMonitor} watches a deployed model: windows of inputs and
 * scores, concept drift on labelled feedback, latency percentiles, alerts and a retraining policy.
 * Every closed window yields a {@link org.mlops4j.drift.stream.WindowReport} holding the window's
 * {@link org.mlops4j.drift.DriftReport}, the same record as a batch comparison's.
 *
 * <p>Nullness: every parameter and return value is non-null unless annotated {@code @Nullable}; a
 * null argument fails with {@link java.lang.NullPointerException} {@code "<name> must not be
 * null"}, a bad value with {@link java.lang.IllegalArgumentException} {@code "<name> must be
 * <condition>, but was <value>"}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.drift.stream;

import org.jspecify.annotations.NullMarked;
