package org.mlops4j.drift.stream;

/**
 * Which reading of a published detector a {@link Ddm}, {@link Eddm} or {@link PageHinkley} follows,
 * where MOA's implementation and the published description give different alarms.
 *
 * <ul>
 *   <li>{@link #MOA}: the same drift and warning indices as MOA 2024.07.0's class ({@code DDM},
 *       {@code EDDM}, {@code PageHinkleyDM}) on every stream, checked against MOA itself on the
 *       reference streams of {@code docs/MOA.md};
 *   <li>{@link #TEXTBOOK}: the rule as the paper states it (each class's javadoc says what differs
 *       and why).
 * </ul>
 *
 * <p>The default is {@link #MOA} for {@link Ddm} and {@link Eddm}, whose papers leave the
 * difference open, and {@link #TEXTBOOK} for {@link PageHinkley}, whose published test subtracts
 * the running minimum of the cumulative sum while MOA's does not. {@link Adwin} and {@link HddmA}
 * have no variant: their defaults are MOA's ({@code ADWIN}; {@code HDDM_A_Test}), with settings for
 * MOA's other configurations ({@code Adwin.Builder.increasesOnly} for {@code ADWINChangeDetector},
 * {@code HddmA.Builder.twoSided}).
 *
 * @since 0.1.0
 */
public enum DetectorVariant {
  /** MOA 2024.07.0's implementation, index for index. */
  MOA,
  /** The rule as published. */
  TEXTBOOK
}
