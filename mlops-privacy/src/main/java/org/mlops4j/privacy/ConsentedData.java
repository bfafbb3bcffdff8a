package org.mlops4j.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.report.internal.Json;

/**
 * A table filtered down to the rows of subjects who consent to a purpose, with what the filter did,
 * for provenance.
 *
 * <p>{@link #logTo(Run)} writes the params {@code privacy.consent.purpose}, {@code
 * privacy.consent.subject_column}, {@code privacy.consent.as_of}, {@code
 * privacy.consent.log_sha256} (the SHA-256 of the consent log as read: which consents the filter
 * saw) and the metrics {@code privacy.consent.rows_in}, {@code privacy.consent.rows_kept}, {@code
 * privacy.consent.subjects_kept}, {@code privacy.consent.subjects_dropped}.
 *
 * @param data the rows kept
 * @param purpose the purpose
 * @param subjectColumn the column of subject identifiers
 * @param asOf the time the consents were evaluated at
 * @param logSha256 SHA-256 of the consent log's bytes when read
 * @param rowsIn rows before the filter
 * @param subjectsKept distinct subjects kept
 * @param subjectsDropped distinct subjects dropped (no consent, or withdrawn)
 * @since 0.1.0
 */
public record ConsentedData(
    PersonalData data,
    String purpose,
    String subjectColumn,
    Instant asOf,
    String logSha256,
    int rowsIn,
    int subjectsKept,
    int subjectsDropped) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public ConsentedData {
    Require.nonNull(data, "data");
    Require.nonNull(purpose, "purpose");
    Require.nonNull(subjectColumn, "subjectColumn");
    Require.nonNull(asOf, "asOf");
    Require.nonNull(logSha256, "logSha256");
  }

  /**
   * @return the rows kept
   */
  public int rowsKept() {
    return data.size();
  }

  /**
   * The provenance as pipeline stage params ({@code consent_purpose}, {@code consent_log_sha256},
   * {@code consent_rows_kept}), for a {@code Stage.param} or a run's params.
   *
   * @return the params, in that order
   */
  public Map<String, Object> provenance() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("consent_purpose", purpose);
    m.put("consent_subject_column", subjectColumn);
    m.put("consent_log_sha256", logSha256);
    m.put("consent_as_of", Json.timestamp(asOf));
    m.put("consent_rows_in", (long) rowsIn);
    m.put("consent_rows_kept", (long) rowsKept());
    return m;
  }

  /**
   * Logs the params and metrics of the class comment.
   *
   * @param run the run
   * @return this
   */
  public ConsentedData logTo(Run run) {
    Require.nonNull(run, "run");
    run.logParam("privacy.consent.purpose", purpose);
    run.logParam("privacy.consent.subject_column", subjectColumn);
    run.logParam("privacy.consent.as_of", Json.timestamp(asOf));
    run.logParam("privacy.consent.log_sha256", logSha256);
    run.logMetric("privacy.consent.rows_in", rowsIn);
    run.logMetric("privacy.consent.rows_kept", rowsKept());
    run.logMetric("privacy.consent.subjects_kept", subjectsKept);
    run.logMetric("privacy.consent.subjects_dropped", subjectsDropped);
    return this;
  }

  @Override
  public String toString() {
    return "Consent filter '"
        + purpose
        + "' on "
        + subjectColumn
        + " as of "
        + Json.timestamp(asOf)
        + ": kept "
        + rowsKept()
        + " of "
        + rowsIn
        + " rows ("
        + subjectsKept
        + (subjectsKept == 1 ? " subject" : " subjects")
        + " kept, "
        + subjectsDropped
        + " dropped); consent log sha256 "
        + logSha256;
  }
}
