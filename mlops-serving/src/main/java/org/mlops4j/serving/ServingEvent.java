package org.mlops4j.serving;

import java.time.Instant;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * An event of a {@link ModelService}, passed to its {@link ServingListener}s.
 *
 * @param type what happened
 * @param time when (the service's clock)
 * @param model the model's name
 * @param role {@code "champion"}, {@code "shadow"}, {@code "canary"} or {@code "service"}
 * @param version the version concerned (the new one for a swap, the failed one for a failed load,
 *     the serving one otherwise; 0 when unknown)
 * @param message a human-readable description
 * @since 0.1.0
 */
public record ServingEvent(
    ServingEventType type, Instant time, String model, String role, int version, String message) {

  /**
   * @throws NullPointerException if a component is null
   */
  public ServingEvent {
    Require.nonNull(type, "type");
    Require.nonNull(time, "time");
    Require.nonNull(model, "model");
    Require.nonNull(role, "role");
    Require.nonNull(message, "message");
  }

  /**
   * @return whether the event is an alert (a failed load, a rollback, a failed retraining, a
   *     monitor alert)
   */
  public boolean isAlert() {
    return type != ServingEventType.SWAPPED && type != ServingEventType.RETRAINING_STARTED;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ServingEvent[%s %s %s %s v%d: %s]",
        type,
        time,
        model,
        role,
        version,
        message);
  }
}
