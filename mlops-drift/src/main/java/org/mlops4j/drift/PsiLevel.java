package org.mlops4j.drift;

/**
 * The conventional reading of a population stability index: below 0.1 {@link #STABLE}, 0.1 to
 * 0.25 {@link #MODERATE}, above 0.25 {@link #SIGNIFICANT} (Siddiqi, <i>Credit Risk Scorecards</i>,
 * 2006). The cut-offs are defaults of {@link DriftConfig} and can be changed.
 *
 * @since 0.1.0
 */
public enum PsiLevel {
  /** PSI below the moderate cut-off. */
  STABLE,
  /** PSI at or above the moderate cut-off and at or below the significant one. */
  MODERATE,
  /** PSI above the significant cut-off. */
  SIGNIFICANT;

  /**
   * Reads a PSI value with the given cut-offs.
   *
   * @throws IllegalArgumentException if psi is NaN or negative, or the cut-offs are not ordered
   */
  public static PsiLevel of(double psi, double moderate, double significant) {
    if (!(psi >= 0)) {
      throw new IllegalArgumentException("psi must be >= 0 but was " + psi);
    }
    if (!(moderate > 0 && significant >= moderate)) {
      throw new IllegalArgumentException(
          "PSI cut-offs must satisfy 0 < moderate <= significant but were " + moderate + ", "
              + significant);
    }
    if (psi > significant) {
      return SIGNIFICANT;
    }
    return psi >= moderate ? MODERATE : STABLE;
  }

  /** Reads a PSI value with the default cut-offs 0.1 and 0.25. */
  public static PsiLevel of(double psi) {
    return of(psi, 0.1, 0.25);
  }
}
