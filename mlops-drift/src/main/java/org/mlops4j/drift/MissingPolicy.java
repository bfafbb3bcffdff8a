package org.mlops4j.drift;

/**
 * What to do with missing (numeric NaN, categorical {@code null}) and infinite (numeric ±Infinity)
 * values. They are never dropped silently: every {@link FeatureDrift} carries their counts and the
 * drift of their rate (a pooled two-proportion z-test of the missing rate, reference vs current).
 *
 * <p>Default in {@link DriftDetector}: {@link #IGNORE_AND_REPORT}.
 *
 * @since 0.1.0
 */
public enum MissingPolicy {
  /** Any missing or infinite value fails the check with an {@link IllegalArgumentException}. */
  FAIL,
  /**
   * Missing and infinite values are left out of the distribution tests, counted and reported; a
   * significant change of the missing-or-infinite rate marks the feature as drifted (except an
   * identifier-like one, {@link ColumnKind#IDENTIFIER}, whose change is only reported).
   */
  IGNORE_AND_REPORT,
  /**
   * As {@link #IGNORE_AND_REPORT}, but a change of the missing-or-infinite rate is only reported
   * ({@link FeatureDrift#missingRateDrifted()}); it does not mark the feature as drifted.
   */
  IGNORE_RATE_DRIFT
}
