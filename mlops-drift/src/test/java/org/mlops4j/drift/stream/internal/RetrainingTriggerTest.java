package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.stream.AlertType;
import org.mlops4j.drift.stream.DriftAlert;
import org.mlops4j.drift.stream.RetrainingPolicy;

class RetrainingTriggerTest {

  private final List<DriftAlert> alerts = new ArrayList<>();
  private final MonitorEvents events = new MonitorEvents(List.of(alerts::add), List.of());

  @Test
  void consecutiveDriftedWindows_fire_andACleanWindowResetsTheRun() {
    RetrainingTrigger t =
        new RetrainingTrigger(
            RetrainingPolicy.builder()
                .consecutiveDriftedWindows(2)
                .onConceptDrift(false)
                .cooldown(Duration.ZERO)
                .build(),
            events);
    boolean[] drifted = {true, false, true, true, true, true};
    for (int i = 0; i < drifted.length; i++) {
      t.onWindow(drifted[i], 1_000L * i, i);
    }
    // by hand: runs of 2 drifted windows end at windows 3 and 5
    assertThat(alerts).extracting(DriftAlert::window).containsExactly(3L, 5L);
    assertThat(alerts).extracting(DriftAlert::type).containsOnly(AlertType.RETRAINING);
    assertThat(alerts.get(0).message())
        .isEqualTo("retraining triggered: 2 consecutive drifted windows");
    assertThat(alerts.get(0).statistic()).isEqualTo(2);
    assertThat(t.triggers()).isEqualTo(2);
    t.onConceptDrift(10_000, 6, 1); // not on concept drift
    assertThat(t.triggers()).isEqualTo(2);
  }

  @Test
  void aTriggerInsideTheCooldown_isSuppressed() {
    RetrainingTrigger t =
        new RetrainingTrigger(
            RetrainingPolicy.builder().cooldown(Duration.ofSeconds(10)).build(), events);
    t.onConceptDrift(0, 0, 1);
    t.onConceptDrift(9_999, 0, 2);
    t.onConceptDrift(10_000, 1, 3);
    assertThat(alerts).extracting(DriftAlert::statistic).containsExactly(1.0, 3.0);
    assertThat(alerts.get(0).message()).isEqualTo("retraining triggered: concept drift");
    assertThat(t.triggers()).isEqualTo(2);
    assertThat(t.suppressed()).isEqualTo(1);
  }

  @Test
  void theNeverPolicy_neverFires() {
    RetrainingTrigger t = new RetrainingTrigger(RetrainingPolicy.never(), events);
    for (int i = 0; i < 10; i++) {
      t.onWindow(true, i, i);
      t.onConceptDrift(i, i, i);
    }
    assertThat(alerts).isEmpty();
  }
}
