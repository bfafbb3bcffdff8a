package org.mlops4j.drift.stream;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.DriftReport;

/**
 * What a {@link DriftMonitor} found in one closed window.
 *
 * @param index 0 for the first window closed, then 1, 2...
 * @param start for time windows the window's start; for count windows the time of its first
 *     observation
 * @param end for time windows the window's end (exclusive); for count windows the time of its last
 *     observation
 * @param observations number of predictions in the window
 * @param driftReport the {@link DriftReport} of the window's features, the same record as a batch
 *     comparison's (empty without a {@link FeatureDriftCheck})
 * @param dataDrift whether at least one feature drifted ({@code driftReport}'s {@link
 *     DriftReport#drifted()} is not empty)
 * @param predictionPsi PSI of the window's scores against the reference scores (empty without
 *     reference scores)
 * @param predictionDrift whether the PSI exceeded the monitor's threshold
 * @param feedback labelled feedback received since the previous report
 * @param errors how many of them were errors
 * @param conceptDrifts concept drifts detected since the previous report
 * @param conceptState the detector's state when the window closed
 * @param latency latency of the predict calls recorded since the previous report
 * @since 0.1.0
 */
public record WindowReport(
    long index,
    Instant start,
    Instant end,
    int observations,
    Optional<DriftReport> driftReport,
    boolean dataDrift,
    OptionalDouble predictionPsi,
    boolean predictionDrift,
    long feedback,
    long errors,
    long conceptDrifts,
    DriftState conceptState,
    LatencySummary latency) {

  /**
   * @throws NullPointerException if a component is null
   */
  public WindowReport {
    Require.nonNull(start, "start");
    Require.nonNull(end, "end");
    Require.nonNull(driftReport, "driftReport");
    Require.nonNull(predictionPsi, "predictionPsi");
    Require.nonNull(conceptState, "conceptState");
    Require.nonNull(latency, "latency");
  }

  /**
   * @return whether data or prediction drift was found (what the retraining policy counts)
   */
  public boolean drifted() {
    return dataDrift || predictionDrift;
  }

  @Override
  public String toString() {
    StringBuilder drifted = new StringBuilder();
    driftReport.ifPresent(
        r ->
            r.drifted().forEach(f -> drifted.append(drifted.length() == 0 ? " " : ", ").append(f)));
    return String.format(
        Locale.ROOT,
        "WindowReport[#%d %s..%s n=%d dataDrift=%s%s predictionDrift=%s psi=%s feedback=%d"
            + " errors=%d conceptDrifts=%d concept=%s latency=%s]",
        index,
        start,
        end,
        observations,
        dataDrift,
        drifted,
        predictionDrift,
        predictionPsi.isPresent()
            ? String.format(Locale.ROOT, "%.4f", predictionPsi.getAsDouble())
            : "n/a",
        feedback,
        errors,
        conceptDrifts,
        conceptState,
        latency);
  }
}
