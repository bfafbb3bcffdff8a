/**
 * Concept-drift detection on streams and production monitoring.
 *
 * <p>Detectors ({@link org.mlops4j.drift.stream.ConceptDriftDetector}): {@link
 * org.mlops4j.drift.stream.Adwin} (Bifet &amp; Gavaldà 2007), {@link org.mlops4j.drift.stream.Ddm}
 * (Gama et al. 2004), {@link org.mlops4j.drift.stream.Eddm} (Baena-García et al. 2006), {@link
 * org.mlops4j.drift.stream.PageHinkley} (Page 1954) and {@link org.mlops4j.drift.stream.HddmA}
 * (Frías-Blanco et al. 2015). Each has {@code withDefaults()} and {@code builder()}.
 *
 * <p>{@link org.mlops4j.drift.stream.DriftMonitor} watches a deployed model: windows of inputs and
 * scores, concept drift on labelled feedback, latency percentiles, alerts and a retraining policy.
 *
 * <p>Nullness: no parameter or return value in this package is null unless documented.
 *
 * @since 0.1.0
 */
package org.mlops4j.drift.stream;
