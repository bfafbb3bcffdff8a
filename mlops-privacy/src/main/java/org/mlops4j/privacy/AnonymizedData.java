package org.mlops4j.privacy;

import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;

/**
 * What {@link Anonymizer#anonymize(PersonalData)} made.
 *
 * @param data the generalised table, without the suppressed rows
 * @param suppressedRows rows removed because their class stayed below k
 * @param reached whether the result is k-anonymous for the target k
 * @param report the audit of {@code data}
 * @since 0.1.0
 */
public record AnonymizedData(
    PersonalData data, int suppressedRows, boolean reached, KAnonymityReport report) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public AnonymizedData {
    Require.nonNull(data, "data");
    Require.nonNegative(suppressedRows, "suppressedRows");
    Require.nonNull(report, "report");
  }

  /**
   * Logs the report ({@link KAnonymityReport#logTo(Run)}) and the metric {@code
   * privacy.k_anonymity.suppressed_rows}.
   *
   * @param run the run
   * @return this
   */
  public AnonymizedData logTo(Run run) {
    Require.nonNull(run, "run");
    report.logTo(run);
    run.logMetric("privacy.k_anonymity.suppressed_rows", suppressedRows);
    return this;
  }

  /** The outcome line (target k reached or not, rows suppressed and kept), then the report. */
  @Override
  public String toString() {
    return "Anonymized: target k "
        + report.targetK()
        + (reached ? " reached" : " NOT reached")
        + ", "
        + suppressedRows
        + " of "
        + (data.size() + suppressedRows)
        + " rows suppressed, "
        + data.size()
        + " kept\n"
        + report;
  }
}
