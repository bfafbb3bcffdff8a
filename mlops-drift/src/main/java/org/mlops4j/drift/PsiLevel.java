package org.mlops4j.drift;

import org.mlops4j.api.internal.Require;

/**
 * The conventional reading of a population stability index: below 0.1 {@link #STABLE}, 0.1 to 0.25
 * {@link #MODERATE}, above 0.25 {@link #SIGNIFICANT} (Siddiqi, <i>Credit Risk Scorecards</i>,
 * 2006). The cut-offs are defaults of {@link DriftDetector} and can be changed.
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
    Require.argument(psi >= 0, "psi", "non-negative", psi);
    Require.argument(
        moderate > 0 && significant >= moderate,
        "PSI cut-offs",
        "0 < moderate <= significant",
        "moderate " + moderate + ", significant " + significant);
    if (psi > significant) {
      return SIGNIFICANT;
    }
    return psi >= moderate ? MODERATE : STABLE;
  }

  /** Reads a PSI value with the default cut-offs 0.1 and 0.25. */
  public static PsiLevel of(double psi) {
    return of(psi, 0.1, 0.25);
  }

  /**
   * @throws IllegalArgumentException unless 0 &lt; moderate &le; significant &lt; infinity
   */
  static void checkCutOffs(double moderate, double significant) {
    Require.argument(
        moderate > 0 && significant >= moderate && Double.isFinite(significant),
        "PSI cut-offs",
        "0 < moderate <= significant < infinity",
        "moderate " + moderate + ", significant " + significant);
  }
}
