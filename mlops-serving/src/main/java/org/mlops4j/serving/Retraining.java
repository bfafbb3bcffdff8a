package org.mlops4j.serving;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * When a {@link ModelService} asks for retraining, and what it runs. Three rules, any of which
 * fires the {@link RetrainingCallback}:
 *
 * <ul>
 *   <li>{@code onMonitorPolicy}: the drift monitor's own {@code RetrainingPolicy} fired (so many
 *       drifted windows in a row, or a concept drift; configured on the {@code DriftMonitor}
 *       builder, with its cooldown); default on;
 *   <li>{@code every(period)}: on a schedule; default off;
 *   <li>{@code afterLabelled(n)}: once {@code n} labelled feedbacks arrived since the last request;
 *       default off.
 * </ul>
 *
 * The callback runs on the service's background thread, one request at a time; a request that
 * arrives while one runs waits for it.
 *
 * <pre>{@code
 * Retraining r = Retraining.builder()
 *     .afterLabelled(10_000)
 *     .callback(req -> pipeline.run())
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Retraining {
  private final boolean onMonitorPolicy;
  private final @Nullable Duration every;
  private final long afterLabelled;
  private final RetrainingCallback callback;

  private Retraining(Builder b, RetrainingCallback callback) {
    this.onMonitorPolicy = b.onMonitorPolicy;
    this.every = b.every;
    this.afterLabelled = b.afterLabelled;
    this.callback = callback;
  }

  /**
   * @return a builder: on the monitor's policy, no schedule, no labelled count; a callback is
   *     required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return whether the monitor's retraining policy fires the callback
   */
  public boolean onMonitorPolicy() {
    return onMonitorPolicy;
  }

  /**
   * @return the schedule's period, if any
   */
  public Optional<Duration> every() {
    return Optional.ofNullable(every);
  }

  /**
   * @return labelled feedbacks that fire the callback, 0 = never
   */
  public long afterLabelled() {
    return afterLabelled;
  }

  /**
   * @return the callback
   */
  public RetrainingCallback callback() {
    return callback;
  }

  @Override
  public String toString() {
    return "Retraining[onMonitorPolicy="
        + onMonitorPolicy
        + ", every="
        + (every == null ? "-" : every)
        + ", afterLabelled="
        + afterLabelled
        + "]";
  }

  /**
   * Builder of {@link Retraining}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private boolean onMonitorPolicy = true;
    private @Nullable Duration every;
    private long afterLabelled;
    private @Nullable RetrainingCallback callback;

    private Builder() {}

    /**
     * @param on whether the drift monitor's retraining policy fires the callback; default true
     * @return this builder
     */
    public Builder onMonitorPolicy(boolean on) {
      this.onMonitorPolicy = on;
      return this;
    }

    /**
     * @param period period of a scheduled retraining, at least 1 ms; default none
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than 1 ms
     */
    public Builder every(Duration period) {
      Require.nonNull(period, "every");
      Require.argument(period.toMillis() >= 1, "every", "at least 1 ms", period);
      this.every = period;
      return this;
    }

    /**
     * @param count labelled feedbacks since the last request that fire the callback, at least 1;
     *     default none
     * @return this builder
     * @throws IllegalArgumentException if &lt; 1
     */
    public Builder afterLabelled(long count) {
      this.afterLabelled = Require.positive(count, "afterLabelled");
      return this;
    }

    /**
     * @param callback what to run; required
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder callback(RetrainingCallback callback) {
      this.callback = Require.nonNull(callback, "callback");
      return this;
    }

    /**
     * @return the rule
     * @throws IllegalStateException if no callback was set
     */
    public Retraining build() {
      RetrainingCallback c = callback;
      if (c == null) {
        throw new IllegalStateException("set callback(...) to say what retraining runs");
      }
      return new Retraining(this, c);
    }
  }
}
