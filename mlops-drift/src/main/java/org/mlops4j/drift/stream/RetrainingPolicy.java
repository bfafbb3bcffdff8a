package org.mlops4j.drift.stream;

import java.time.Duration;
import org.mlops4j.api.internal.Require;

/**
 * When a {@link DriftMonitor} asks for retraining (a {@link AlertType#RETRAINING} alert).
 *
 * <p>A window is <em>drifted</em> when at least one feature or the prediction scores drifted in it.
 * The policy fires after {@code consecutiveDriftedWindows} drifted windows in a row (0 disables
 * this rule), and, if {@code onConceptDrift}, whenever the concept-drift detector reports DRIFT.
 * After firing, the run of drifted windows starts again from zero, and the policy stays silent for
 * {@code cooldown} (measured on the monitor's clock); triggers during the cooldown are counted as
 * suppressed.
 *
 * <p>Defaults: 3 consecutive drifted windows, on concept drift, cooldown 1 hour.
 *
 * <pre>{@code
 * RetrainingPolicy p = RetrainingPolicy.builder()
 *     .consecutiveDriftedWindows(2).cooldown(Duration.ofMinutes(30)).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RetrainingPolicy {

  private final int consecutiveDriftedWindows;
  private final boolean onConceptDrift;
  private final Duration cooldown;

  private RetrainingPolicy(Builder b) {
    this.consecutiveDriftedWindows = b.consecutiveDriftedWindows;
    this.onConceptDrift = b.onConceptDrift;
    this.cooldown = b.cooldown;
  }

  /**
   * @return 3 consecutive drifted windows or a concept drift, cooldown 1 hour
   */
  public static RetrainingPolicy defaults() {
    return builder().build();
  }

  /**
   * @return a policy that never fires
   */
  public static RetrainingPolicy never() {
    return builder().consecutiveDriftedWindows(0).onConceptDrift(false).build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return drifted windows in a row that fire the policy; 0 = never on windows
   */
  public int consecutiveDriftedWindows() {
    return consecutiveDriftedWindows;
  }

  /**
   * @return whether a concept drift fires the policy
   */
  public boolean onConceptDrift() {
    return onConceptDrift;
  }

  /**
   * @return the silence after firing
   */
  public Duration cooldown() {
    return cooldown;
  }

  @Override
  public String toString() {
    return "RetrainingPolicy[consecutiveDriftedWindows="
        + consecutiveDriftedWindows
        + ", onConceptDrift="
        + onConceptDrift
        + ", cooldown="
        + cooldown
        + "]";
  }

  /**
   * Builder of {@link RetrainingPolicy}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int consecutiveDriftedWindows = 3;
    private boolean onConceptDrift = true;
    private Duration cooldown = Duration.ofHours(1);

    private Builder() {}

    /**
     * @param windows drifted windows in a row that fire the policy, 0 to disable; default 3
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder consecutiveDriftedWindows(int windows) {
      this.consecutiveDriftedWindows = Require.nonNegative(windows, "consecutiveDriftedWindows");
      return this;
    }

    /**
     * @param onConceptDrift whether a concept drift fires the policy; default true
     * @return this builder
     */
    public Builder onConceptDrift(boolean onConceptDrift) {
      this.onConceptDrift = onConceptDrift;
      return this;
    }

    /**
     * @param cooldown silence after firing, zero or positive; default 1 hour
     * @return this builder
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if negative
     */
    public Builder cooldown(Duration cooldown) {
      Require.nonNull(cooldown, "cooldown");
      Require.argument(!cooldown.isNegative(), "cooldown", "zero or positive", cooldown);
      this.cooldown = cooldown;
      return this;
    }

    /**
     * @return the policy
     */
    public RetrainingPolicy build() {
      return new RetrainingPolicy(this);
    }
  }
}
