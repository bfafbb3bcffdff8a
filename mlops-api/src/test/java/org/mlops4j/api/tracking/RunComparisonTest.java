package org.mlops4j.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

  private static RunRecord run(
      String id, String name, RunStatus status, Map<String, String> params, double loss) {
    return new RunRecord(
        id,
        "1",
        name,
        status,
        Instant.EPOCH,
        Optional.empty(),
        "u",
        LifecycleStage.ACTIVE,
        "file:///x",
        params,
        Map.of(),
        Map.of("loss", new Metric("loss", loss, 2, 5)));
  }

  @Test
  void toString_printsASideBySideTable() {
    RunComparison c =
        new RunComparison(
            List.of(
                run(
                    "0f90d402448544a18a627c7ff77b7637",
                    "run-one",
                    RunStatus.FINISHED,
                    Map.of("lr", "0.01", "epochs", "3"),
                    0.25),
                run(
                    "71a4dddb40ee40e093613948c1cb086a",
                    "run-two",
                    RunStatus.FAILED,
                    Map.of("lr", "0.1"),
                    3.0)));
    assertThat(c.toString())
        .isEqualTo(
            "key           run-one (0f90d402)  run-two (71a4dddb)\n"
                + "status        FINISHED            FAILED\n"
                + "param epochs  3                   -\n"
                + "param lr      0.01                0.1\n"
                + "metric loss   0.25                3.0\n");
    assertThat(c.paramKeys()).containsExactly("epochs", "lr");
    assertThat(c.differingParams()).containsExactly("epochs", "lr");
    assertThat(c.metricKeys()).containsExactly("loss");
  }

  @Test
  void recordsAreImmutableCopies() {
    RunRecord r = run("a", "n", RunStatus.RUNNING, new java.util.HashMap<>(Map.of("k", "v")), 1.0);
    assertThatThrownBy(() -> r.params().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(r.param("k")).hasValue("v");
    assertThat(r.metric("loss")).hasValue(1.0);
    assertThat(r.metric("nope")).isEmpty();
  }

  @Test
  void statusAndLifecycleCodes_matchMlflows() {
    assertThat(RunStatus.ofCode(4)).isEqualTo(RunStatus.FAILED);
    assertThat(LifecycleStage.ofLabel("deleted")).isEqualTo(LifecycleStage.DELETED);
    assertThatThrownBy(() -> LifecycleStage.ofLabel("gone"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifecycle stage must be 'active' or 'deleted', but was 'gone'");
  }
}
