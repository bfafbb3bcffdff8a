package org.mlops4j.serving;

import java.time.Instant;
import org.mlops4j.api.internal.Require;

/**
 * Why a {@link Retraining} rule fired.
 *
 * @param reason {@code "policy"} (the drift monitor's {@code RetrainingPolicy}: drifted windows or
 *     concept drift), {@code "schedule"} or {@code "labelled"} (enough new labelled feedback)
 * @param detail a description (the monitor's alert message, the period, the count)
 * @param time when it fired
 * @param model the model's name
 * @param servedVersion the champion version serving then
 * @param labelledSinceLast labelled feedback received since the previous request
 * @since 0.1.0
 */
public record RetrainingRequest(
    String reason,
    String detail,
    Instant time,
    String model,
    int servedVersion,
    long labelledSinceLast) {

  /**
   * @throws NullPointerException if a component is null
   */
  public RetrainingRequest {
    Require.nonNull(reason, "reason");
    Require.nonNull(detail, "detail");
    Require.nonNull(time, "time");
    Require.nonNull(model, "model");
  }
}
