package org.mlops4j.drift;

import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * The statistical test (or distance) that decides a feature's drift. Its {@link #key()} is the one
 * name of the method in JSON, metric keys and the CLI.
 *
 * <p>Automatic choice (see {@link DriftDetector}): numeric columns whose reference holds only the
 * values 0 and 1 use {@link #TWO_PROPORTION_Z}; other numeric columns use {@link
 * #KOLMOGOROV_SMIRNOV}; categorical columns use {@link #CHI_SQUARE}. Methods without a p-value
 * ({@link #PSI}, {@link #JENSEN_SHANNON}, {@link #WASSERSTEIN}) decide by their threshold alone.
 *
 * <p>Minimum sample sizes, counted in finite (numeric) or non-missing (categorical) values: one on
 * each side for every method, except {@link #CRAMER_VON_MISES} (2 on each side) and {@link
 * #ANDERSON_DARLING} (4 in the two samples together, at least two of them distinct). The static
 * tests refuse smaller samples with an {@code IllegalArgumentException} that names the minimum; a
 * report marks a feature below the minimum of its deciding test as not tested ({@link
 * FeatureDrift#tested()}) and says why in its note.
 *
 * @since 0.1.0
 */
public enum DriftMethod {
  /** Two-sample Kolmogorov–Smirnov, {@link KolmogorovSmirnov} (numeric); key {@code ks}. */
  KOLMOGOROV_SMIRNOV("ks", true, ColumnType.NUMERIC),
  /** Two-sample Cramér–von Mises, {@link CramerVonMises} (numeric); key {@code cvm}. */
  CRAMER_VON_MISES("cvm", true, ColumnType.NUMERIC),
  /**
   * Two-sample Anderson–Darling, midrank, {@link AndersonDarling} (numeric); p-value interpolated
   * in [0.001, 0.25]; key {@code ad}.
   */
  ANDERSON_DARLING("ad", true, ColumnType.NUMERIC),
  /**
   * Pooled two-proportion z-test of the share of ones, {@link TwoProportionZ} (numeric 0/1); key
   * {@code z}.
   */
  TWO_PROPORTION_Z("z", true, ColumnType.NUMERIC),
  /** Population stability index alone, {@link Psi} (numeric or categorical); key {@code psi}. */
  PSI("psi", false, null),
  /**
   * Wasserstein-1 distance divided by the reference standard deviation alone, {@link Wasserstein}
   * (numeric); key {@code wasserstein}.
   */
  WASSERSTEIN("wasserstein", false, ColumnType.NUMERIC),
  /** Chi-square test of homogeneity, {@link ChiSquare} (categorical); key {@code chi2}. */
  CHI_SQUARE("chi2", true, ColumnType.CATEGORICAL),
  /**
   * Jensen–Shannon distance (base 2) alone, {@link JensenShannon} (categorical); key {@code js}.
   */
  JENSEN_SHANNON("js", false, ColumnType.CATEGORICAL);

  private final String key;
  private final boolean hasPValue;
  private final @Nullable ColumnType only;

  DriftMethod(String key, boolean hasPValue, @Nullable ColumnType only) {
    this.key = key;
    this.hasPValue = hasPValue;
    this.only = only;
  }

  /**
   * @return the short stable name used in JSON and metric keys, e.g. {@code "ks"}
   */
  public String key() {
    return key;
  }

  /**
   * @return whether the method yields a p-value
   */
  public boolean hasPValue() {
    return hasPValue;
  }

  /**
   * @return whether the method applies to a column of this type
   */
  public boolean appliesTo(ColumnType type) {
    return only == null || only == type;
  }

  /**
   * Looks a method up by its {@link #key()} (or its constant name), case-insensitively.
   *
   * @throws NullPointerException if key is null
   * @throws IllegalArgumentException naming the unknown key and the known ones
   */
  public static DriftMethod fromKey(String key) {
    Require.nonNull(key, "key");
    for (DriftMethod m : values()) {
      if (m.key.equalsIgnoreCase(key) || m.name().equalsIgnoreCase(key)) {
        return m;
      }
    }
    StringBuilder known = new StringBuilder();
    for (DriftMethod m : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(m.key);
    }
    throw new IllegalArgumentException(
        Require.mustBe("drift method", "one of " + known, "'" + key + "'"));
  }
}
