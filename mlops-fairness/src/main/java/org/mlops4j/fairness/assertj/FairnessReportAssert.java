package org.mlops4j.fairness.assertj;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.fairness.Rate;
import org.mlops4j.fairness.RateMetric;

/**
 * Assertions on a {@link FairnessReport}. Only groups with at least the minimum group size ({@link
 * GroupStatus#OK}) and a defined rate are judged; an assertion that has fewer than two such groups
 * fails, saying so, rather than passing vacuously. Failure messages name the criterion, the
 * expected bound, the actual value, the groups and their sizes, e.g.
 *
 * <pre>
 * Expecting equalized-odds difference between groups "A" and "B" to be at most 0.05 but was 0.214
 * (FPR 0.448 vs 0.235; TPR 0.720 vs 0.523; n = 3696 / 2454)
 * </pre>
 *
 * (on one line). Bounds are printed as given, values with three decimals.
 *
 * @since 0.1.0
 */
public class FairnessReportAssert extends AbstractAssert<FairnessReportAssert, FairnessReport> {

  /**
   * @param actual the report under test
   */
  public FairnessReportAssert(FairnessReport actual) {
    super(actual, FairnessReportAssert.class);
  }

  private static String bound(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  /** A NaN bound would make every {@code value > bound} false: the assertion could never fail. */
  private static void requireBound(String name, double x) {
    Require.argument(!Double.isNaN(x), name, "a number", x);
  }

  private static String v(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }

  private List<GroupMetrics> judged(RateMetric... metrics) {
    List<GroupMetrics> out = new ArrayList<>();
    for (GroupMetrics g : actual.groups()) {
      boolean ok = g.status() == GroupStatus.OK;
      for (RateMetric m : metrics) {
        ok &= g.rate(m).defined();
      }
      if (ok) {
        out.add(g);
      }
    }
    return out;
  }

  private void failTooFew(String criterion, String what) {
    failWithMessage(
        "%s",
        "Expecting "
            + criterion
            + " to be judged but fewer than two groups have "
            + what
            + " and at least "
            + actual.minGroupSize()
            + " rows (groups: "
            + actual.groupNames()
            + ")");
  }

  /**
   * Verifies that for every two judged groups max(|TPR_a − TPR_b|, |FPR_a − FPR_b|) ≤ max; the
   * largest such value is Fairlearn's equalized_odds_difference.
   *
   * @return this
   * @throws IllegalArgumentException if max is NaN (as for every bound and tolerance here)
   */
  public FairnessReportAssert hasEqualizedOddsDifferenceAtMost(double max) {
    isNotNull();
    requireBound("max", max);
    List<GroupMetrics> gs = judged(RateMetric.TPR, RateMetric.FPR);
    if (gs.size() < 2) {
      failTooFew("equalized-odds difference", "a defined TPR and FPR");
      return this;
    }
    GroupMetrics worstA = null;
    GroupMetrics worstB = null;
    double worst = -1;
    for (int i = 0; i < gs.size(); i++) {
      for (int j = i + 1; j < gs.size(); j++) {
        GroupMetrics a = gs.get(i);
        GroupMetrics b = gs.get(j);
        double dt = Math.abs(a.tpr().value() - b.tpr().value());
        double df = Math.abs(a.fpr().value() - b.fpr().value());
        double d = Math.max(dt, df);
        if (d > worst) {
          worst = d;
          boolean fprDecides = df >= dt;
          double va = fprDecides ? a.fpr().value() : a.tpr().value();
          double vb = fprDecides ? b.fpr().value() : b.tpr().value();
          worstA = va >= vb ? a : b;
          worstB = va >= vb ? b : a;
        }
      }
    }
    if (worst > max) {
      failWithMessage(
          "%s",
          "Expecting equalized-odds difference between groups \""
              + worstA.name()
              + "\" and \""
              + worstB.name()
              + "\" to be at most "
              + bound(max)
              + " but was "
              + v(worst)
              + " (FPR "
              + v(worstA.fpr().value())
              + " vs "
              + v(worstB.fpr().value())
              + "; TPR "
              + v(worstA.tpr().value())
              + " vs "
              + v(worstB.tpr().value())
              + "; n = "
              + worstA.size()
              + " / "
              + worstB.size()
              + ")");
    }
    return this;
  }

  /**
   * Verifies that the largest difference of a rate between two judged groups is at most max.
   *
   * @return this
   */
  public FairnessReportAssert hasRateDifferenceAtMost(RateMetric metric, double max) {
    isNotNull();
    return rateDifference(metric, metric.label() + " difference", max);
  }

  /**
   * Verifies Fairlearn's demographic_parity_difference (selection rate max − min) ≤ max.
   *
   * @return this
   */
  public FairnessReportAssert hasDemographicParityDifferenceAtMost(double max) {
    isNotNull();
    return rateDifference(RateMetric.SELECTION_RATE, "demographic-parity difference", max);
  }

  /**
   * Verifies that the TPR difference between groups (equal opportunity) is at most max.
   *
   * @return this
   */
  public FairnessReportAssert hasEqualOpportunityDifferenceAtMost(double max) {
    isNotNull();
    return rateDifference(RateMetric.TPR, "equal-opportunity difference", max);
  }

  private FairnessReportAssert rateDifference(RateMetric m, String criterion, double max) {
    requireBound("max", max);
    List<GroupMetrics> gs = judged(m);
    if (gs.size() < 2) {
      failTooFew(criterion, "a defined " + m.label());
      return this;
    }
    GroupMetrics hi = gs.get(0);
    GroupMetrics lo = gs.get(0);
    for (GroupMetrics g : gs) {
      hi = g.rate(m).value() > hi.rate(m).value() ? g : hi;
      lo = g.rate(m).value() < lo.rate(m).value() ? g : lo;
    }
    double d = hi.rate(m).value() - lo.rate(m).value();
    if (d > max) {
      failWithMessage(
          "%s",
          "Expecting "
              + criterion
              + " between groups \""
              + hi.name()
              + "\" and \""
              + lo.name()
              + "\" to be at most "
              + bound(max)
              + " but was "
              + v(d)
              + " ("
              + m.label()
              + " "
              + v(hi.rate(m).value())
              + " vs "
              + v(lo.rate(m).value())
              + "; n = "
              + hi.size()
              + " / "
              + lo.size()
              + ")");
    }
    return this;
  }

  /**
   * Verifies that every judged group's FPR is within tolerance of the reference group's.
   *
   * @return this
   */
  public FairnessReportAssert hasEveryGroupFprWithinOfReference(double tolerance) {
    return hasEveryGroupRateWithinOfReference(RateMetric.FPR, tolerance);
  }

  /**
   * Verifies that every judged group's rate is within tolerance (absolute difference) of the
   * reference group's. Fails if the report has no reference group, the reference is not judged, or
   * no other group is judged.
   *
   * @return this
   */
  public FairnessReportAssert hasEveryGroupRateWithinOfReference(RateMetric m, double tolerance) {
    isNotNull();
    requireBound("tolerance", tolerance);
    if (actual.reference().isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting a reference group to compare "
              + m.label()
              + " with but the report has none (set it with"
              + " FairnessAuditor.builder().reference(group))");
      return this;
    }
    GroupMetrics ref = actual.group(actual.reference().get());
    Rate refRate = ref.rate(m);
    if (ref.status() != GroupStatus.OK || !refRate.defined()) {
      failWithMessage(
          "%s",
          "Expecting reference group \""
              + ref.name()
              + "\" to have a defined "
              + m.label()
              + " and at least "
              + actual.minGroupSize()
              + " rows but it has "
              + ref.size()
              + " rows"
              + (refRate.defined() ? "" : " and " + refRate.reason()));
      return this;
    }
    List<GroupMetrics> judged = judged(m);
    if (judged.size() < 2) {
      failTooFew(
          m.label() + " within " + bound(tolerance) + " of reference group \"" + ref.name() + "\"",
          "a defined " + m.label());
      return this;
    }
    for (GroupMetrics g : judged) {
      double d = Math.abs(g.rate(m).value() - refRate.value());
      if (d > tolerance) {
        failWithMessage(
            "%s",
            "Expecting "
                + m.label()
                + " of group \""
                + g.name()
                + "\" to be within "
                + bound(tolerance)
                + " of reference group \""
                + ref.name()
                + "\" ("
                + v(refRate.value())
                + ") but was "
                + v(g.rate(m).value())
                + " (difference "
                + v(d)
                + "; n = "
                + g.size()
                + " / "
                + ref.size()
                + ")");
      }
    }
    return this;
  }

  /**
   * Verifies the four-fifths rule: every judged group's selection rate is at least 0.8 times that
   * of the reference group (or, without one, of the group with the highest rate).
   *
   * @return this
   */
  public FairnessReportAssert satisfiesFourFifthsRule() {
    isNotNull();
    var rule = actual.fourFifthsRule();
    if (!rule.defined()) {
      failWithMessage(
          "%s",
          "Expecting the four-fifths rule to hold but it could not be evaluated: " + rule.reason());
      return this;
    }
    if (!rule.failing().isEmpty()) {
      GroupMetrics ref = actual.group(rule.reference());
      GroupMetrics worst = null;
      for (String name : rule.failing()) {
        GroupMetrics g = actual.group(name);
        if (worst == null || rule.ratios().get(name) < rule.ratios().get(worst.name())) {
          worst = g;
        }
      }
      failWithMessage(
          "%s",
          "Expecting selection rate of group \""
              + worst.name()
              + "\" to be at least 4/5 of reference group \""
              + ref.name()
              + "\"'s but the ratio was "
              + v(rule.ratios().get(worst.name()))
              + " (selection rate "
              + v(worst.selectionRate().value())
              + " vs "
              + v(ref.selectionRate().value())
              + "; n = "
              + worst.size()
              + " / "
              + ref.size()
              + "; failing groups "
              + rule.failing()
              + ")");
    }
    return this;
  }

  /**
   * Verifies that every judged group's expected calibration error is at most max. Fails if the
   * report has no calibration (it was built without scores) or no group is large enough to judge.
   *
   * @return this
   */
  public FairnessReportAssert hasEveryGroupEceAtMost(double max) {
    isNotNull();
    requireBound("max", max);
    if (actual.calibration().isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting per-group calibration but the report has none"
              + " (audit Decisions.ofScores(...), or Decisions with scores(...))");
      return this;
    }
    if (actual.calibration().stream().noneMatch(c -> c.status() == GroupStatus.OK)) {
      failWithMessage(
          "%s",
          "Expecting ECE of every group to be judged but no group has at least "
              + actual.minGroupSize()
              + " rows (groups: "
              + actual.groupNames()
              + ")");
      return this;
    }
    for (GroupCalibration c : actual.calibration()) {
      if (c.status() == GroupStatus.OK && c.ece() > max) {
        failWithMessage(
            "%s",
            "Expecting ECE of group \""
                + c.group()
                + "\" to be at most "
                + bound(max)
                + " but was "
                + v(c.ece())
                + " (n = "
                + c.size()
                + ", "
                + c.bins().size()
                + " non-empty "
                + c.binning().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " bins)");
      }
    }
    return this;
  }

  /**
   * Verifies that a named disparity of the report (a criterion such as {@code
   * "equalized_odds_difference_to_overall"}, a per-metric disparity or a calibration disparity such
   * as {@code "ece_difference_between_groups"}) is defined and at most max.
   *
   * @return this
   */
  public FairnessReportAssert hasDisparityAtMost(String name, double max) {
    isNotNull();
    requireBound("max", max);
    Disparity d;
    try {
      d = actual.disparity(name);
    } catch (IllegalArgumentException e) {
      failWithMessage(
          "%s", "Expecting the report to have a disparity named \"" + name + "\" but it has none");
      return this;
    }
    if (!d.defined()) {
      failWithMessage(
          "%s",
          "Expecting "
              + name
              + " to be at most "
              + bound(max)
              + " but it is undefined: "
              + d.reason());
    } else if (d.value() > max) {
      failWithMessage(
          "%s",
          "Expecting "
              + name
              + " (groups \""
              + d.groupA()
              + "\" and \""
              + d.groupB()
              + "\") to be at most "
              + bound(max)
              + " but was "
              + v(d.value()));
    }
    return this;
  }

  /**
   * Verifies that no group is TOO_SMALL to be judged.
   *
   * @return this
   */
  public FairnessReportAssert hasNoTooSmallGroups() {
    isNotNull();
    for (GroupMetrics g : actual.groups()) {
      if (g.status() == GroupStatus.TOO_SMALL) {
        failWithMessage(
            "%s",
            "Expecting every group to have at least "
                + actual.minGroupSize()
                + " rows but group \""
                + g.name()
                + "\" has "
                + g.size());
      }
    }
    return this;
  }
}
