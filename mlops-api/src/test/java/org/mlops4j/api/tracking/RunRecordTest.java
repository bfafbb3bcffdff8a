package org.mlops4j.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRecordTest {

  private static RunRecord run(RunStatus status, Map<String, String> tags) {
    return new RunRecord(
        "a0000000000000000000000000000001",
        "1",
        "r",
        status,
        Instant.ofEpochMilli(1_000),
        Optional.empty(),
        "u",
        LifecycleStage.ACTIVE,
        "file:///x",
        Map.of(),
        tags,
        Map.of());
  }

  @Test
  void aRunningRunSilentForLongerThanTheSilence_isProbablyDeadSinceItsLastHeartbeat() {
    RunRecord r = run(RunStatus.RUNNING, Map.of(RunRecord.HEARTBEAT_TAG, "1800000000000"));
    Instant beat = Instant.ofEpochMilli(1_800_000_000_000L);
    assertThat(r.lastHeartbeat()).contains(beat);
    assertThat(r.probablyDeadSince(beat.plusSeconds(91), Duration.ofSeconds(90))).contains(beat);
    assertThat(r.probablyDeadSince(beat.plusSeconds(90), Duration.ofSeconds(90))).isEmpty();
  }

  @Test
  void anEndedRun_orOneWithoutAHeartbeat_isNeverProbablyDead() {
    Instant late = Instant.ofEpochMilli(9_000_000_000_000L);
    assertThat(
            run(RunStatus.KILLED, Map.of(RunRecord.HEARTBEAT_TAG, "1"))
                .probablyDeadSince(late, Duration.ofSeconds(1)))
        .isEmpty();
    assertThat(run(RunStatus.RUNNING, Map.of()).probablyDeadSince(late, Duration.ofSeconds(1)))
        .isEmpty();
    assertThat(run(RunStatus.RUNNING, Map.of(RunRecord.HEARTBEAT_TAG, "soon")).lastHeartbeat())
        .isEmpty();
  }
}
