package org.mlops4j.drift;

/**
 * The statistical test (or distance) that decides a feature's drift.
 *
 * <p>Automatic choice (see {@link DriftConfig}): numeric columns whose reference holds only the
 * values 0 and 1 use {@link #Z_PROPORTION}; other numeric columns use {@link #KS}; categorical
 * columns use {@link #CHI_SQUARE}. Tests without a p-value ({@link #PSI}, {@link
 * #JENSEN_SHANNON}, {@link #WASSERSTEIN}) decide by their threshold alone.
 *
 * @since 0.1.0
 */
public enum DriftTest {
  /** Two-sample Kolmogorov–Smirnov (numeric). */
  KS("ks", true, ColumnType.NUMERIC),
  /** Two-sample Cramér–von Mises (numeric). */
  CRAMER_VON_MISES("cvm", true, ColumnType.NUMERIC),
  /** Two-sample Anderson–Darling, midrank (numeric); p-value interpolated in [0.001, 0.25]. */
  ANDERSON_DARLING("ad", true, ColumnType.NUMERIC),
  /** Pooled two-proportion z-test of the share of ones (numeric 0/1). */
  Z_PROPORTION("z", true, ColumnType.NUMERIC),
  /** Population stability index alone (numeric or categorical). */
  PSI("psi", false, null),
  /** Wasserstein-1 distance divided by the reference standard deviation alone (numeric). */
  WASSERSTEIN("wasserstein", false, ColumnType.NUMERIC),
  /** Chi-square test of homogeneity (categorical). */
  CHI_SQUARE("chi2", true, ColumnType.CATEGORICAL),
  /** Jensen–Shannon distance (base 2) alone (categorical). */
  JENSEN_SHANNON("js", false, ColumnType.CATEGORICAL);

  private final String key;
  private final boolean hasPValue;
  private final ColumnType only;

  DriftTest(String key, boolean hasPValue, ColumnType only) {
    this.key = key;
    this.hasPValue = hasPValue;
    this.only = only;
  }

  /** @return the short stable name used in JSON and metric keys, e.g. {@code "ks"} */
  public String key() {
    return key;
  }

  /** @return whether the test yields a p-value */
  public boolean hasPValue() {
    return hasPValue;
  }

  /** @return whether the test applies to a column of this type */
  public boolean appliesTo(ColumnType type) {
    return only == null || only == type;
  }

  /**
   * Looks a test up by its {@link #key()} or enum name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the unknown test and the known ones
   */
  public static DriftTest of(String name) {
    if (name == null) {
      throw new IllegalArgumentException("test name must not be null");
    }
    for (DriftTest t : values()) {
      if (t.key.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown drift test '" + name + "'; known: ks, cvm, ad, z, psi, wasserstein, chi2, js");
  }
}
