package org.mlops4j.cards;

import java.time.Instant;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * One promotion gate a version went through on its way to a stage or alias, as the registry's audit
 * log or a promotion result recorded it.
 *
 * @param target where the version was promoted, e.g. {@code Production} or {@code champion=3}
 * @param kind the gate's kind key, e.g. {@code metric_min} or {@code fairness_max}
 * @param rule the rule in words, e.g. {@code accuracy >= 0.8}
 * @param passed whether it passed
 * @param measured the measured value, NaN if nothing was measured
 * @param detail what was measured or why it failed, or {@code ""}
 * @param time when the promotion was attempted
 * @since 0.1.0
 */
public record CardGate(
    String target,
    String kind,
    String rule,
    boolean passed,
    double measured,
    String detail,
    Instant time) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public CardGate {
    Require.nonNull(target, "target");
    Require.nonNull(kind, "kind");
    Require.nonNull(rule, "rule");
    Require.nonNull(detail, "detail");
    Require.nonNull(time, "time");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s -> %s: %s%s",
        passed ? "PASS" : "FAIL",
        rule,
        target,
        Double.isNaN(measured) ? "-" : String.format(Locale.ROOT, "%.4g", measured),
        detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
