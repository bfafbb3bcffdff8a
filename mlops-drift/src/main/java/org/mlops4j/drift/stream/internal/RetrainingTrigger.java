package org.mlops4j.drift.stream.internal;

import java.time.Instant;
import org.mlops4j.drift.stream.AlertType;
import org.mlops4j.drift.stream.DriftAlert;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.drift.stream.RetrainingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a {@link RetrainingPolicy}: the run of drifted windows, the last time it fired, the
 * cooldown; fires a {@link AlertType#RETRAINING} alert through the monitor's events. Not
 * thread-safe: the monitor calls it under its evaluation lock.
 */
public final class RetrainingTrigger {
  private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);

  private final RetrainingPolicy policy;
  private final MonitorEvents events;
  private int consecutiveDrifted;
  private boolean triggered;
  private long lastTriggerMillis;
  private long triggers;
  private long suppressed;

  /**
   * @param policy when to fire
   * @param events where the retraining alerts go
   */
  public RetrainingTrigger(RetrainingPolicy policy, MonitorEvents events) {
    this.policy = policy;
    this.events = events;
  }

  /**
   * Counts a closed window: a drifted one extends the run (and fires at {@link
   * RetrainingPolicy#consecutiveDriftedWindows()} in a row), a clean one resets it.
   */
  public void onWindow(boolean drifted, long nowMillis, long window) {
    if (!drifted) {
      consecutiveDrifted = 0;
      return;
    }
    consecutiveDrifted++;
    int need = policy.consecutiveDriftedWindows();
    if (need > 0 && consecutiveDrifted >= need) {
      fire(
          nowMillis,
          window,
          consecutiveDrifted,
          consecutiveDrifted + " consecutive drifted windows");
    }
  }

  /** Fires on a concept drift if the policy says so. */
  public void onConceptDrift(long nowMillis, long window, long conceptDrifts) {
    if (policy.onConceptDrift()) {
      fire(nowMillis, window, conceptDrifts, "concept drift");
    }
  }

  private void fire(long now, long window, double statistic, String reason) {
    if (triggered && now - lastTriggerMillis < policy.cooldown().toMillis()) {
      suppressed++;
      LOG.info(
          "retraining trigger ({}) suppressed: cooldown {} since {}",
          reason,
          policy.cooldown(),
          Instant.ofEpochMilli(lastTriggerMillis));
      return;
    }
    triggered = true;
    lastTriggerMillis = now;
    triggers++;
    consecutiveDrifted = 0;
    events.raise(
        new DriftAlert(
            AlertType.RETRAINING,
            Instant.ofEpochMilli(now),
            window,
            "model",
            statistic,
            Double.NaN,
            "retraining triggered: " + reason));
  }

  /**
   * @return the times the policy fired
   */
  public long triggers() {
    return triggers;
  }

  /**
   * @return the times it would have fired during a cooldown
   */
  public long suppressed() {
    return suppressed;
  }
}
