package org.mlops4j.drift.stream;

/**
 * Running totals of a {@link DriftMonitor} since it was built.
 *
 * @param observations predictions observed
 * @param feedback labelled feedback received
 * @param errors feedback that reported an error
 * @param windows windows closed
 * @param driftedWindows windows with data or prediction drift
 * @param conceptDrifts concept drifts detected
 * @param alerts alerts raised (all kinds)
 * @param retrainingTriggers times the retraining policy fired
 * @param suppressedTriggers times it would have fired during a cooldown
 * @param latency latency of all recorded predict calls
 * @since 0.1.0
 */
public record MonitorStats(
    long observations,
    long feedback,
    long errors,
    long windows,
    long driftedWindows,
    long conceptDrifts,
    long alerts,
    long retrainingTriggers,
    long suppressedTriggers,
    LatencySummary latency) {}
