package org.mlops4j.drift.stream;

/**
 * A sequential change detector fed one value at a time: usually the error indicator of a model (1
 * when the prediction was wrong, 0 when it was right), or any real-valued statistic for {@link
 * Adwin} and {@link PageHinkley}.
 *
 * <pre>{@code
 * ConceptDriftDetector ddm = Ddm.defaults();
 * for (boolean wrong : errors) {
 *   if (ddm.update(wrong ? 1 : 0) == DriftState.DRIFT) {
 *     retrain();
 *   }
 * }
 * }</pre>
 *
 * <p>After a {@link DriftState#DRIFT} the detectors that keep running statistics (DDM, EDDM,
 * Page–Hinkley, HDDM_A) start again from scratch at the next update, as in MOA; {@link Adwin}
 * instead drops the older part of its window. Implementations are <em>not</em> thread-safe: one
 * instance per stream, or external synchronisation (as {@link DriftMonitor} does).
 *
 * <p><b>MOA.</b> Each detector has a configuration that gives the same drift and warning indices as
 * MOA 2024.07.0's class with its default options, checked against MOA itself on 37 reference
 * streams (docs/MOA.md): {@code Adwin.defaults()} (MOA's {@code ADWIN}), {@code
 * Adwin.builder().increasesOnly(true)} ({@code ADWINChangeDetector}), {@code Ddm.defaults()},
 * {@code Eddm.defaults()}, {@code HddmA.defaults()} and {@code
 * PageHinkley.builder().variant(DetectorVariant.MOA)} (the default Page–Hinkley is the textbook
 * test: {@link DetectorVariant}).
 *
 * @since 0.1.0
 */
public interface ConceptDriftDetector {

  /**
   * Feeds one value.
   *
   * @param value the next value of the stream; must be finite
   * @return the state after this value
   * @throws IllegalArgumentException if the value is NaN or infinite, or outside the domain the
   *     detector accepts (0/1 for DDM and EDDM, [0, 1] for HDDM_A)
   */
  DriftState update(double value);

  /**
   * @return the state returned by the last {@link #update(double)}, STABLE before any update
   */
  DriftState state();

  /** Forgets everything: statistics and counters, as a new instance. */
  void reset();

  /**
   * @return the number of values fed since creation or the last {@link #reset()}
   */
  long updates();

  /**
   * @return the number of updates that returned {@link DriftState#DRIFT}
   */
  long drifts();

  /**
   * @return the number of updates that returned {@link DriftState#WARNING}
   */
  long warnings();

  /**
   * @return a new detector with the same parameters and no history
   */
  ConceptDriftDetector freshCopy();
}
