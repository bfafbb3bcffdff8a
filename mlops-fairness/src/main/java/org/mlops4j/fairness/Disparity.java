package org.mlops4j.fairness;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * A disparity of a rate across groups, on one of two {@link Scale scales} (a difference or a
 * ratio), in one of three bases (following Fairlearn's {@code
 * MetricFrame.difference/ratio(method=...)} and Aequitas' reference group disparities). With r_g
 * the rate of group g over the groups that are large enough ({@link GroupStatus#OK}) and where the
 * rate is defined:
 *
 * <ul>
 *   <li>{@link Basis#BETWEEN_GROUPS}: difference {@code max_g r_g − min_g r_g}, ratio {@code min_g
 *       r_g / max_g r_g} (Fairlearn {@code method='between_groups'});
 *   <li>{@link Basis#TO_OVERALL}: with r the rate over all rows, difference {@code max_g |r_g −
 *       r|}, ratio {@code min_g min(r_g / r, r / r_g)} (Fairlearn {@code method='to_overall'});
 *   <li>{@link Basis#TO_REFERENCE}: with r_ref the rate of the reference group, difference {@code
 *       max_g |r_g − r_ref|}, ratio {@code min_g min(r_g / r_ref, r_ref / r_g)} (Aequitas'
 *       disparity to a reference group, folded so that 1 is parity).
 * </ul>
 *
 * <p>{@link #groupA()} and {@link #groupB()} are the two groups that attain the value (for the
 * overall basis, groupB is {@code "overall"}). The optional {@link #interval()} is a seeded
 * percentile bootstrap interval. An undefined disparity (fewer than two groups to compare, a zero
 * denominator in a ratio) has {@link #defined()} false and a {@link #reason()}; {@link #value()}
 * then throws rather than returning NaN.
 *
 * <p>Two ratios of selection rates have names of their own, used nowhere else: {@code
 * demographic_parity_ratio} (Fairlearn), the smallest group's rate over the largest's, and {@code
 * disparate_impact} (AIF360), the smallest ratio of a group's rate to the reference group's, not
 * folded; see {@link FairnessReport#demographicParityRatio()} and {@link
 * FairnessReport#disparateImpact()}.
 *
 * @since 0.1.0
 */
public final class Disparity {

  /** What each group is compared with. */
  public enum Basis {
    /** Largest against smallest group. */
    BETWEEN_GROUPS,
    /** Each group against all rows. */
    TO_OVERALL,
    /** Each group against the reference group. */
    TO_REFERENCE
  }

  /** The scale a disparity is measured on: difference (0 is parity) or ratio (1 is parity). */
  public enum Scale {
    /** Absolute difference; 0 is parity. */
    DIFFERENCE,
    /** Ratio of the smaller to the larger; 1 is parity. */
    RATIO
  }

  private final String name;
  private final Basis basis;
  private final Scale scale;
  private final double value;
  private final @Nullable String reason;
  private final String groupA;
  private final String groupB;
  private final @Nullable Interval interval;

  private Disparity(
      String name,
      Basis basis,
      Scale scale,
      double value,
      @Nullable String reason,
      String groupA,
      String groupB,
      @Nullable Interval interval) {
    this.name = Require.nonNull(name, "name");
    this.basis = Require.nonNull(basis, "basis");
    this.scale = Require.nonNull(scale, "scale");
    this.value = value;
    this.reason = reason;
    this.groupA = groupA;
    this.groupB = groupB;
    this.interval = interval;
  }

  /**
   * A defined disparity.
   *
   * @param name the disparity's name, e.g. {@code "equalized_odds_difference"}
   * @param basis what each group is compared with
   * @param scale difference or ratio
   * @param value the value, a number
   * @param groupA the first group attaining the value
   * @param groupB the second group attaining the value
   * @param interval the bootstrap interval, or null
   * @return the disparity
   * @throws IllegalArgumentException if value is NaN
   */
  public static Disparity of(
      String name,
      Basis basis,
      Scale scale,
      double value,
      String groupA,
      String groupB,
      Interval interval) {
    Require.argument(!Double.isNaN(value), "value", "a number", value);
    Require.nonNull(groupA, "groupA");
    Require.nonNull(groupB, "groupB");
    return new Disparity(name, basis, scale, value, null, groupA, groupB, interval);
  }

  /**
   * An undefined disparity with the reason.
   *
   * @param name the disparity's name
   * @param basis what each group is compared with
   * @param scale difference or ratio
   * @param reason why it is undefined
   * @return the disparity
   */
  public static Disparity undefined(String name, Basis basis, Scale scale, String reason) {
    return new Disparity(
        name, basis, scale, Double.NaN, Require.nonNull(reason, "reason"), "", "", null);
  }

  /**
   * @return the disparity's name, e.g. {@code "equalized_odds_difference"}
   */
  public String name() {
    return name;
  }

  /**
   * @return what each group is compared with
   */
  public Basis basis() {
    return basis;
  }

  /**
   * @return difference or ratio
   */
  public Scale scale() {
    return scale;
  }

  /**
   * @return true if the disparity has a value
   */
  public boolean defined() {
    return reason == null;
  }

  /**
   * @return the value
   * @throws IllegalStateException if undefined, with the reason as message
   */
  public double value() {
    if (reason != null) {
      throw new IllegalStateException(reason);
    }
    return value;
  }

  /**
   * @return the value, or empty if undefined
   */
  public OptionalDouble asOptional() {
    return reason == null ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /**
   * @return why the disparity is undefined, or the empty string
   */
  public String reason() {
    return reason == null ? "" : reason;
  }

  /**
   * @return the first group attaining the value: for a difference the group with the larger rate
   *     (or the group farthest from overall/reference), for a ratio the numerator's group; "" if
   *     undefined
   */
  public String groupA() {
    return groupA;
  }

  /**
   * @return the second group attaining the value ({@code "overall"} for the overall basis, the
   *     reference for the reference basis); "" if undefined
   */
  public String groupB() {
    return groupB;
  }

  /**
   * @return the bootstrap percentile interval, if computed
   */
  public Optional<Interval> interval() {
    return Optional.ofNullable(interval);
  }

  Disparity withInterval(@Nullable Interval ci) {
    return new Disparity(name, basis, scale, value, reason, groupA, groupB, ci);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Disparity d
        && name.equals(d.name)
        && basis == d.basis
        && scale == d.scale
        && Double.compare(value, d.value) == 0
        && Objects.equals(reason, d.reason)
        && Objects.equals(groupA, d.groupA)
        && Objects.equals(groupB, d.groupB)
        && Objects.equals(interval, d.interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, basis, scale, value, reason, groupA, groupB);
  }

  @Override
  public String toString() {
    if (reason != null) {
      return name + " = undefined (" + reason + ")";
    }
    String s =
        String.format(Locale.ROOT, "%s = %.4f (\"%s\" vs \"%s\")", name, value, groupA, groupB);
    return interval == null ? s : s + " " + interval;
  }
}
