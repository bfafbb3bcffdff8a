package org.mlops4j.drift.stream;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a {@link DriftMonitor} found in one closed window.
 *
 * @param index 0 for the first window closed, then 1, 2...
 * @param start for time windows the window's start; for count windows the time of its first
 *     observation
 * @param end for time windows the window's end (exclusive); for count windows the time of its last
 *     observation
 * @param observations number of predictions in the window
 * @param features the feature verdicts (empty without a {@link FeatureDriftCheck})
 * @param dataDrift whether at least one feature drifted
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
    List<FeatureVerdict> features,
    boolean dataDrift,
    OptionalDouble predictionPsi,
    boolean predictionDrift,
    long feedback,
    long errors,
    long conceptDrifts,
    DriftState conceptState,
    LatencySummary latency) {

  /** Copies the verdicts. */
  public WindowReport {
    features = List.copyOf(features);
  }

  /** @return whether data or prediction drift was found (what the retraining policy counts) */
  public boolean drifted() {
    return dataDrift || predictionDrift;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "WindowReport[#%d %s..%s n=%d dataDrift=%s%s predictionDrift=%s psi=%s feedback=%d"
            + " errors=%d conceptDrifts=%d concept=%s latency=%s]",
        index, start, end, observations, dataDrift, features.isEmpty() ? "" : " " + features,
        predictionDrift,
        predictionPsi.isPresent() ? String.format(Locale.ROOT, "%.4f", predictionPsi.getAsDouble())
            : "n/a",
        feedback, errors, conceptDrifts, conceptState, latency);
  }
}
