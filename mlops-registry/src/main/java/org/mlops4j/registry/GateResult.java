package org.mlops4j.registry;

import org.mlops4j.api.internal.Require;

/**
 * The outcome of one gate: passed or not, the measured value (NaN when nothing could be measured,
 * for example when the evidence is missing) and a detail in words.
 *
 * @param gate the gate
 * @param passed whether it passed
 * @param measured the measured value (a metric, a p-value, a lower bound, a p50 in ms, bytes)
 * @param detail what was measured or why it failed
 * @since 0.1.0
 */
public record GateResult(Gate gate, boolean passed, double measured, String detail) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public GateResult {
    Require.nonNull(gate, "gate");
    Require.nonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return (passed ? "PASS " : "FAIL ")
        + gate.describe()
        + ": "
        + (Double.isNaN(measured) ? "-" : org.mlops4j.report.internal.Numbers.format(measured))
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
