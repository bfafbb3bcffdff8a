package org.mlops4j.drift.internal;

import org.jspecify.annotations.Nullable;

/**
 * The minimum sample sizes of the two-sample tests that need more than one value, in one place: the
 * check of the public tests ({@code Require.atLeast}: {@code "<name> must have at least <n> values,
 * but had <m>"}) and the note of a report's feature that could not be tested.
 */
public final class SampleSizes {

  /** Cramér–von Mises: values in each sample (Anderson 1962's mean and variance of T). */
  public static final int CRAMER_VON_MISES_EACH = 2;

  /**
   * Anderson–Darling: values in the two samples together (Scholz &amp; Stephens 1987 eq. 4 divides
   * by (N - 2)(N - 3)).
   */
  public static final int ANDERSON_DARLING_POOLED = 4;

  private SampleSizes() {}

  /**
   * @param sorted1 the first sample, sorted, non-empty
   * @param sorted2 the second sample, sorted, non-empty
   * @return whether every value of the two samples is the same
   */
  public static boolean constant(double[] sorted1, double[] sorted2) {
    double v = sorted1[0];
    return sorted1[sorted1.length - 1] == v && sorted2[0] == v && sorted2[sorted2.length - 1] == v;
  }

  /**
   * Why a report cannot apply the Cramér–von Mises test, or null when it can.
   *
   * @param reference the number of finite reference values
   * @param current the number of finite current values
   */
  public static @Nullable String cramerVonMisesNote(long reference, long current) {
    if (reference < CRAMER_VON_MISES_EACH || current < CRAMER_VON_MISES_EACH) {
      return "not tested: cvm needs at least "
          + CRAMER_VON_MISES_EACH
          + " values in each sample, but the "
          + (reference < CRAMER_VON_MISES_EACH
              ? "reference had " + reference
              : "current had " + current);
    }
    return null;
  }

  /**
   * Why a report cannot apply the Anderson–Darling test, or null when it can.
   *
   * @param reference the sorted finite reference values
   * @param current the sorted finite current values
   */
  public static @Nullable String andersonDarlingNote(double[] reference, double[] current) {
    if (constant(reference, current)) {
      return "not tested: ad needs at least two distinct values, but every value was "
          + reference[0];
    }
    long pooled = (long) reference.length + current.length;
    if (pooled < ANDERSON_DARLING_POOLED) {
      return "not tested: ad needs at least "
          + ANDERSON_DARLING_POOLED
          + " values in the two samples together, but they had "
          + pooled;
    }
    return null;
  }
}
