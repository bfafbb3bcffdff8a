package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;

class PromotionTest {

  @TempDir Path tmp;
  ModelRegistry registry;

  @BeforeEach
  void setUp() throws Exception {
    registry = ModelRegistry.builder().root(tmp.resolve("mlruns")).user("carol").build();
    registry
        .newVersion("churn")
        .artifact(Files.writeString(tmp.resolve("m1"), "model one"))
        .metric("accuracy", 0.80)
        .register();
    registry
        .newVersion("churn")
        .artifact(Files.writeString(tmp.resolve("m2"), "model two, larger"))
        .metric("accuracy", 0.86)
        .register();
    registry.transition("churn", 1, ModelStage.PRODUCTION, false, "first");
  }

  @Test
  void aPassedPromotionMovesTheStage_andArchivesTheReplacedVersion() {
    PromotionResult r =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.PRODUCTION,
            PromotionGates.builder().metricAtLeast("accuracy", 0.85).sizeAtMost(100).build(),
            PromotionEvidence.none(),
            "better accuracy");
    assertThat(r.passed()).isTrue();
    assertThat(r.from()).isEqualTo(1);
    assertThat(r.toHtml())
        .contains("Promoted", "All 2 gates passed. Stage Production now holds v2 (it held v1).")
        .contains("17\u00a0bytes", "artifact size");
    assertThat(r.gates()).extracting(GateResult::measured).containsExactly(0.86, 17.0);
    assertThat(registry.version("churn", 2).stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(registry.version("churn", 1).stage()).isEqualTo(ModelStage.ARCHIVED);
    AuditEntry last = registry.audit("churn").get(registry.audit("churn").size() - 1);
    assertThat(last.action()).isEqualTo("promote");
    assertThat(last.outcome()).isEqualTo("passed");
    assertThat(last.user()).isEqualTo("carol");
    assertThat(last.reason()).isEqualTo("better accuracy");
    assertThat(last.gates()).hasSize(2);
  }

  @Test
  void aRefusedPromotionChangesNothing_butIsAuditedWithEveryGate() {
    PromotionResult r =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.PRODUCTION,
            PromotionGates.builder()
                .metricAtLeast("accuracy", 0.9)
                .metricAtMost("accuracy", 1)
                .build(),
            PromotionEvidence.none(),
            "try");
    assertThat(r.passed()).isFalse();
    assertThat(r.failed()).extracting(g -> g.gate().kind()).containsExactly(GateKind.METRIC_MIN);
    assertThat(registry.version("churn", 2).stage()).isEqualTo(ModelStage.NONE);
    assertThat(registry.version("churn", 1).stage()).isEqualTo(ModelStage.PRODUCTION);
    AuditEntry last = registry.audit("churn").get(registry.audit("churn").size() - 1);
    assertThat(last.outcome()).isEqualTo("refused");
    assertThat(last.gates()).hasSize(2);
    assertThat(last.gates().get(0)).containsEntry("passed", false).containsEntry("measured", 0.86);
    assertThat(r.toString())
        .startsWith(
            "Promotion of churn v2 to stage Production (replacing v1): REFUSED (1 of 2 gates"
                + " failed)")
        .contains("accuracy >= 0.9", "0.86", "FAIL");
    assertThatThrownBy(r::orThrow)
        .isInstanceOf(PromotionRefusedException.class)
        .hasMessageContaining("REFUSED");
    // the page says what failed, by how much, and that nothing moved
    assertThat(r.toHtml())
        .contains(
            "Promotion refused",
            "1 of 2 gates failed (below). Nothing moved: stage Production still holds v1",
            "metric_min: accuracy &gt;= 0.9, but logged metric was 0.86 (logged with v2, below"
                + " the minimum)",
            "✖\u00a0FAIL",
            "✔\u00a0pass");
  }

  @Test
  void promotionToAnAliasComparesWithTheAliasedVersion_McNemarAndBootstrap() {
    registry.setAlias("churn", "champion", 1, "");
    // 60 examples: the candidate gets all right; the champion gets the first 12 wrong.
    // b = 12, c = 0: exact (n < 25), p = binomtest(0, 12, 0.5).pvalue = 0.000488281 (SciPy).
    int n = 60;
    double[] y = new double[n];
    double[] cand = new double[n];
    double[] champ = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      cand[i] = y[i];
      champ[i] = i < 12 ? 1 - y[i] : y[i];
    }
    PromotionResult r =
        registry.promoteToAlias(
            "churn",
            2,
            "champion",
            PromotionGates.builder().mcnemar(0.05).bootstrap("accuracy", 0.05).build(),
            PromotionEvidence.builder().evaluation(y, cand, champ).build(),
            "challenger wins");
    assertThat(r.passed()).isTrue();
    assertThat(r.gates().get(0).measured()).isCloseTo(0.00048828125, within(1e-12));
    assertThat(r.gates().get(0).detail()).contains("b=12 c=0", "exact binomial");
    // the accuracy difference is 12/60 = 0.2 on the whole data
    assertThat(r.gates().get(1).detail()).startsWith("difference 0.2,");
    assertThat(registry.versionByAlias("churn", "champion").version()).isEqualTo(2);

    // the other way round, the old version is significantly worse: refused
    PromotionResult back =
        registry.promoteToAlias(
            "churn",
            1,
            "champion",
            PromotionGates.builder().mcnemar(0.05).build(),
            PromotionEvidence.builder().evaluation(y, champ, cand).build(),
            "roll back");
    assertThat(back.passed()).isFalse();
    assertThat(registry.versionByAlias("churn", "champion").version()).isEqualTo(2);
  }

  @Test
  void missingEvidenceFailsTheGate_neverSkipsIt() {
    registry.setAlias("churn", "champion", 1, "");
    PromotionResult r =
        registry.promoteToAlias(
            "churn",
            2,
            "champion",
            PromotionGates.builder()
                .mcnemar(0.05)
                .fourFifths()
                .driftShareAtMost(0.3)
                .latency(10, 50)
                .metricAtLeast("auc", 0.7)
                .build(),
            PromotionEvidence.none(),
            "");
    assertThat(r.passed()).isFalse();
    assertThat(r.gates()).allMatch(g -> !g.passed() && Double.isNaN(g.measured()));
    assertThat(r.gates())
        .extracting(GateResult::detail)
        .containsExactly(
            "no evaluation data with the current version's predictions given",
            "no fairness report given",
            "no drift report given",
            "no predict function with sample inputs given",
            "version has no metric 'auc'");
  }

  @Test
  void fairnessGatesReadTheFairnessReport() {
    // group A: 30 people, 18 selected (0.6); group B: 30 people, 9 selected (0.3):
    // demographic parity difference 0.6 - 0.3 = 0.3, ratio 0.3 / 0.6 = 0.5 (hand computation)
    int n = 60;
    int[] labels = new int[n];
    int[] preds = new int[n];
    String[] group = new String[n];
    for (int i = 0; i < n; i++) {
      group[i] = i < 30 ? "A" : "B";
      int k = i < 30 ? i : i - 30;
      preds[i] = (i < 30 ? k < 18 : k < 9) ? 1 : 0;
      labels[i] = k % 2;
    }
    FairnessReport report =
        FairnessAuditor.defaults().audit(Decisions.of(labels, preds).groups("group", group));
    PromotionResult r =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.STAGING,
            PromotionGates.builder()
                .fairnessAtMost("demographic_parity_difference", 0.2)
                .fairnessAtLeast("demographic_parity_ratio", 0.4)
                .fourFifths()
                .build(),
            PromotionEvidence.builder().fairness(report).build(),
            "");
    assertThat(r.gates().get(0).measured()).isCloseTo(0.3, within(1e-12));
    assertThat(r.gates().get(0).passed()).isFalse();
    assertThat(r.gates().get(1).measured()).isCloseTo(0.5, within(1e-12));
    assertThat(r.gates().get(1).passed()).isTrue();
    assertThat(r.gates().get(2).passed()).isFalse();
    assertThat(r.gates().get(2).measured()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void theDriftGateReadsTheDriftedShare() {
    Random rnd = new Random(1);
    double[] ref = new double[500];
    double[] same = new double[500];
    double[] shifted = new double[500];
    for (int i = 0; i < 500; i++) {
      ref[i] = rnd.nextGaussian();
      same[i] = ref[i];
      shifted[i] = ref[i] + 5;
    }
    DriftReport none =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("x", ref).build(),
                Columns.builder().numeric("x", same).build());
    DriftReport all =
        DriftDetector.defaults()
            .compare(
                Columns.builder().numeric("x", ref).build(),
                Columns.builder().numeric("x", shifted).build());
    PromotionGates gates = PromotionGates.builder().driftShareAtMost(0.5).build();
    // identical samples: KS statistic 0, not drifted; shifted by 5 standard deviations: drifted
    PromotionResult ok =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.STAGING,
            gates,
            PromotionEvidence.builder().drift(none).build(),
            "");
    assertThat(ok.gates().get(0).measured()).isEqualTo(0.0);
    assertThat(ok.passed()).isTrue();
    PromotionResult bad =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.STAGING,
            gates,
            PromotionEvidence.builder().drift(all).build(),
            "");
    assertThat(bad.gates().get(0).measured()).isEqualTo(1.0);
    assertThat(bad.passed()).isFalse();
  }

  @Test
  void theLatencyGateCallsWarmUpPlusMeasuredTimes_andSeesASlowPredictor() {
    int[] calls = {0};
    // each call waits until at least 2 ms have passed: p50 >= 2 ms whatever the machine
    PromotionEvidence slow =
        PromotionEvidence.builder()
            .latency(
                List.of(1, 2, 3),
                x -> {
                  calls[0]++;
                  long end = System.nanoTime() + 2_000_000;
                  while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                  }
                })
            .build();
    PromotionResult r =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.STAGING,
            PromotionGates.of(Gate.latency(1, 1000, 5, 20)),
            slow,
            "");
    assertThat(calls[0]).isEqualTo(25);
    assertThat(r.gates().get(0).measured()).isGreaterThanOrEqualTo(2.0);
    assertThat(r.passed()).isFalse();
    assertThat(r.gates().get(0).detail()).contains("over 20 calls");
  }

  @Test
  void aConcurrentPromotionIsAConflict_namingTheHolder() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PromotionEvidence blocking =
        PromotionEvidence.builder()
            .latency(
                List.of(0),
                x -> {
                  inside.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })
            .build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<PromotionResult> first =
          pool.submit(
              () ->
                  registry.promoteToStage(
                      "churn",
                      2,
                      ModelStage.PRODUCTION,
                      PromotionGates.of(Gate.latency(1000, 1000, 0, 1)),
                      blocking,
                      "first"));
      inside.await();
      assertThatThrownBy(
              () ->
                  registry.promoteToStage(
                      "churn",
                      2,
                      ModelStage.PRODUCTION,
                      PromotionGates.none(),
                      PromotionEvidence.none(),
                      "second"))
          .isInstanceOf(RegistryConflictException.class)
          .hasMessageContaining(
              ".mlops4j.lock: held by another writer (pid " + ProcessHandle.current().pid())
          .hasMessageContaining("promote version 2 to Production");
      release.countDown();
      assertThat(first.get().passed()).isTrue();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(registry.audit("churn"))
        .filteredOn(e -> e.action().equals("promote"))
        .extracting(AuditEntry::reason)
        .containsExactly("first");
  }

  @Test
  void aResultLogsItsGatesToARun_andSavesItsJson(@TempDir Path dir) throws Exception {
    PromotionResult r =
        registry.promoteToStage(
            "churn",
            2,
            ModelStage.STAGING,
            PromotionGates.builder().metricAtLeast("accuracy", 0.9).sizeAtMost(100).build(),
            PromotionEvidence.none(),
            "");
    org.mlops4j.api.tracking.InMemoryRun run = org.mlops4j.api.tracking.InMemoryRun.create("t");
    r.logTo(run);
    assertThat(run.latestMetrics())
        .containsEntry("registry.promotion.passed", 0.0)
        .containsEntry("registry.metric_min_accuracy.measured", 0.86)
        .containsEntry("registry.metric_min_accuracy.passed", 0.0)
        .containsEntry("registry.size_max.measured", 17.0)
        .containsEntry("registry.size_max.passed", 1.0);
    assertThat(run.artifactText("registry/promotion.json")).contains(r.toJson());
    Path f = dir.resolve("p.json");
    r.save(f);
    assertThat(Files.readString(f))
        .contains(
            "\"format\" : \"mlops4j.promotion-result\"", "\"passed\" : false", "\"from\" : null");
  }

  @Test
  void gatesRoundTripThroughJson(@TempDir Path dir) {
    PromotionGates gates =
        PromotionGates.builder()
            .metricAtLeast("accuracy", 0.8)
            .metricAtMost("loss", 0.3)
            .mcnemar(0.05)
            .bootstrap("accuracy", -0.01)
            .fairnessAtMost("equalized_odds_difference", 0.1)
            .fairnessAtLeast("disparate_impact", 0.8)
            .fourFifths()
            .driftShareAtMost(0.3)
            .latency(5, 20)
            .sizeAtMost(50_000_000)
            .build();
    Path f = dir.resolve("gates.json");
    gates.save(f);
    assertThat(PromotionGates.load(f)).isEqualTo(gates);
    assertThat(PromotionGates.fromJson(gates.toJson()).gates()).isEqualTo(gates.gates());
    assertThat(gates.toString()).contains("mcnemar", "latency p50 <= 5 ms, p99 <= 20 ms");
  }

  @Test
  void badGateJsonIsNamed() {
    String head =
        "{\"format\":\"mlops4j.promotion-gates\",\"formatVersion\":1,\"library\":\"mlops4j\","
            + "\"libraryVersion\":\"x\",\"createdAt\":\"2026-11-29T00:00:00Z\",\"gates\":";
    assertThatThrownBy(
            () -> PromotionGates.fromJson(head + "[{\"kind\":\"nope\",\"threshold\":1}]}"))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("JSON: gates[0]: gate kind must be one of metric_min, metric_max,")
        .hasMessageEndingWith("but was 'nope'");
    assertThatThrownBy(
            () ->
                PromotionGates.fromJson(head + "[{\"kind\":\"mcnemar\",\"threshold\":1,\"x\":2}]}"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("JSON: gates[0]: unknown field 'x'");
    assertThatThrownBy(() -> PromotionGates.fromJson(head + "[{\"kind\":\"mcnemar\"}]}"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("JSON: gates[0]: 'threshold' must be a number");
  }

  @Test
  void badGateSettingsAreNamed() {
    assertThatThrownBy(() -> Gate.mcnemar(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("alpha must be");
    assertThatThrownBy(() -> Gate.bootstrap("accuracy", 0, 0.95, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resamples");
    assertThatThrownBy(() -> Gate.driftShareAtMost(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("max must be");
    assertThatThrownBy(
            () ->
                registry.promoteToStage(
                    "churn",
                    2,
                    ModelStage.ARCHIVED,
                    PromotionGates.none(),
                    PromotionEvidence.none(),
                    ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage must be Staging or Production, but was Archived");
  }
}
