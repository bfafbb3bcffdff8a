package org.mlops4j.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunFilterTest {

  private static RunRecord run(Map<String, String> params, Map<String, Double> metrics) {
    Map<String, Metric> latest = new java.util.TreeMap<>();
    metrics.forEach((k, v) -> latest.put(k, new Metric(k, v, 0, 0)));
    return new RunRecord(
        "r",
        "1",
        "n",
        RunStatus.FINISHED,
        Instant.EPOCH,
        Optional.empty(),
        "u",
        LifecycleStage.ACTIVE,
        "file:///x",
        params,
        Map.of("team", "risk"),
        latest);
  }

  @Test
  void metricComparisons_followTheirOperators() {
    RunRecord r = run(Map.of(), Map.of("acc", 0.9));
    assertThat(RunFilter.metric("acc").greaterThan(0.9).test(r)).isFalse();
    assertThat(RunFilter.metric("acc").atLeast(0.9).test(r)).isTrue();
    assertThat(RunFilter.metric("acc").lessThan(0.95).test(r)).isTrue();
    assertThat(RunFilter.metric("acc").atMost(0.8).test(r)).isFalse();
    assertThat(RunFilter.metric("acc").eq(0.9).test(r)).isTrue();
    assertThat(RunFilter.metric("acc").exists().test(r)).isTrue();
  }

  @Test
  void missingOrNanMetric_failsEveryComparison() {
    RunRecord nan = run(Map.of(), Map.of("acc", Double.NaN));
    assertThat(RunFilter.metric("acc").greaterThan(0).test(nan)).isFalse();
    assertThat(RunFilter.metric("acc").lessThan(0).test(nan)).isFalse();
    assertThat(RunFilter.metric("loss").lessThan(10).test(nan)).isFalse();
    assertThat(RunFilter.metric("loss").lessThan(10).negate().test(nan)).isTrue();
  }

  @Test
  void paramAndTagConditions_andCombinations() {
    RunRecord r = run(Map.of("lr", "0.01"), Map.of("acc", 0.95));
    RunFilter f = RunFilter.metric("acc").greaterThan(0.9).and(RunFilter.param("lr").eq("0.01"));
    assertThat(f.test(r)).isTrue();
    assertThat(f).hasToString("(metric.acc > 0.9 and param.lr = '0.01')");
    assertThat(RunFilter.param("lr").notEq("0.1").test(r)).isTrue();
    assertThat(RunFilter.param("missing").notEq("0.1").test(r)).isFalse();
    assertThat(RunFilter.tag("team").eq("risk").or(RunFilter.param("x").exists()).test(r)).isTrue();
    assertThat(RunFilter.tag("team").exists().negate()).hasToString("not tag.team exists");
    assertThat(RunFilter.all().test(r)).isTrue();
  }

  @Test
  void aNanBound_isRejectedNamingTheMetricAndOperator() {
    // a NaN bound would silently exclude every run (and its negation would include every run)
    assertThatThrownBy(() -> RunFilter.metric("acc").greaterThan(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bound of metric.acc > must not be NaN");
    assertThatThrownBy(() -> RunFilter.metric("loss").atMost(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bound of metric.loss <= must not be NaN");
    assertThatThrownBy(() -> RunFilter.metric("loss").eq(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bound of metric.loss = must not be NaN");
  }
}
