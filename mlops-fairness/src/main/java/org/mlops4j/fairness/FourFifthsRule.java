package org.mlops4j.fairness;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four-fifths (80%) rule of the US Uniform Guidelines on Employee Selection Procedures (29 CFR
 * 1607.4(D)): adverse impact is indicated when a group's selection rate is less than four fifths of
 * the selection rate of the reference group (by default the group with the highest rate). The ratio
 * {@code selection_rate(g) / selection_rate(reference)} is AIF360's {@code disparate_impact}. A
 * group passes when its ratio is at least 0.8 (less 10^-12 of rounding slack, so that 0.4 / 0.5
 * passes). Groups that are TOO_SMALL are not judged.
 *
 * @param reference the group compared against ("" if undefined)
 * @param threshold the minimum ratio, 0.8
 * @param ratios each judged group's ratio to the reference, by group name
 * @param failing the groups whose ratio is below the threshold
 * @param defined false if the rule could not be evaluated (see reason)
 * @param reason why the rule is undefined, or ""
 * @since 0.1.0
 */
public record FourFifthsRule(
    String reference,
    double threshold,
    Map<String, Double> ratios,
    List<String> failing,
    boolean defined,
    String reason) {

  /** Copies the collections. */
  public FourFifthsRule {
    ratios = Map.copyOf(ratios);
    failing = List.copyOf(failing);
  }

  /**
   * @return true if defined and no group fails
   */
  public boolean passed() {
    return defined && failing.isEmpty();
  }

  @Override
  public String toString() {
    if (!defined) {
      return "four-fifths rule undefined (" + reason + ")";
    }
    StringBuilder sb =
        new StringBuilder("four-fifths rule ")
            .append(passed() ? "passed" : "FAILED")
            .append(" (reference \"")
            .append(reference)
            .append("\"; ratios");
    new java.util.TreeMap<>(ratios)
        .forEach((g, r) -> sb.append(String.format(Locale.ROOT, " %s=%.3f", g, r)));
    return sb.append(')').toString();
  }
}
