package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.examples.Lifecycle.Scored;
import org.mlops4j.examples.Lifecycle.Story;
import org.mlops4j.fairness.assertj.FairnessAssertions;
import org.mlops4j.privacy.PseudonymKey;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelStage;
import org.mlops4j.serving.ServingEvent;
import org.mlops4j.serving.ServingEventType;

/**
 * Runs the {@link Lifecycle} story once and checks what each step must show, against values
 * computed here by other means (named at each assertion).
 */
class LifecycleTest {

  @TempDir static Path root;
  static Story story;
  static String printed;

  @BeforeAll
  static void runTheStory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    story = Lifecycle.run(root, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    printed = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void step1_data_isPseudonymised_consentFiltered_andVersionedByItsHash() throws Exception {
    Path project = root.resolve("project");
    // no clear identifier left in the project's data: the intake ids all start with APP-
    assertThat(Files.readString(project.resolve("data/applicants.csv"))).doesNotContain("APP-");
    // the pointer names the SHA-256 of the first version of the file (JDK MessageDigest over the
    // pseudonymised bytes, which the remote holds under that hash)
    Path object = findObject(root.resolve("remote"), story.pointer().hash());
    byte[] bytes = Files.readAllBytes(object);
    assertThat(sha256(bytes)).isEqualTo(story.pointer().hash());
    assertThat(story.pushed().transferred()).isEqualTo(1);
    assertThat(story.pointer().size()).isEqualTo(bytes.length);
    // the key turns a pseudonym back into the intake id; it lives outside the project
    PseudonymKey key = PseudonymKey.load(root.resolve("secrets/pseudonym-key.json"));
    String firstPseudonym = new String(bytes, StandardCharsets.UTF_8).split("\n")[1].split(",")[0];
    assertThat(
            org.mlops4j.privacy.Pseudonymizer.builder(key)
                .domain("applicant_id")
                .build()
                .reidentify(firstPseudonym))
        .isEqualTo("APP-2025-00000");
    // consent: the count printed is the number of subjects whose latest event is a grant,
    // counted here from the JSON lines of the log (grants minus the 2025 withdrawals)
    List<String> log = Files.readAllLines(project.resolve("privacy/consents.jsonl"));
    long withdrawals = log.stream().filter(l -> l.contains("\"granted\":false")).count();
    assertThat(story.consented()).isEqualTo(story.rawApplicants() - withdrawals);
    assertThat(withdrawals).isBetween(100L, 220L); // 4% of 4,000, binomial sd ~12
  }

  @Test
  void step2_pipeline_isCached_andAParamChangeRerunsOnlyWhatDependsOnIt() {
    assertThat(story.firstRun().ran())
        .containsExactly("consent", "split", "features", "train", "evaluate");
    assertThat(story.secondRun().upToDate()).isTrue();
    assertThat(story.secondRun().ran()).isEmpty();
    assertThat(story.thirdRun().ran()).containsExactly("train", "evaluate");
    assertThat(story.thirdRun().skipped()).containsExactly("consent", "split", "features");
  }

  @Test
  void step3_theTrainingIsATrackedRun_withItsHistoryProvenanceAndLock() throws Exception {
    try (LocalTracker tracker = LocalTracker.open(root.resolve("mlruns"))) {
      RunRecord run = tracker.findRun(story.runId()).orElseThrow();
      assertThat(run.params())
          .containsEntry("pipeline.train.param.learning_rate", "0.2")
          .containsEntry("pipeline.train.param.epochs", String.valueOf(Lifecycle.EPOCHS));
      assertThat(run.tags()).containsEntry("mlops4j.seed.pipeline", "42");
      assertThat(run.tags()).containsKey("mlops4j.jvm.version");
    }
    List<Metric> loss = story.lossHistory();
    assertThat(loss).extracting(Metric::step).containsExactly(1L, 2L, 3L, 4L, 5L);
    // better than the best constant prediction: its log loss is the entropy of the base rate
    // H(p) = -(p ln p + (1-p) ln(1-p)), p counted here over the 2025 applicants
    double p =
        CreditWorld.applicants(2025, Lifecycle.APPLICANTS_2025, 2025).stream()
                .mapToInt(CreditWorld.Record::defaulted)
                .sum()
            / (double) Lifecycle.APPLICANTS_2025;
    double entropy = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
    assertThat(loss.get(loss.size() - 1).value()).isLessThan(entropy - 0.02);
    assertThat(Files.exists(root.resolve("project/mlops.lock"))).isTrue();
  }

  @Test
  void step4_evaluation_findsTheNoisyBranch_andTheBias() {
    List<Scored> test = story.evaluation().test();
    // AUC by its definition: P(risk of a defaulter > risk of a repayer), ties counting one half,
    // over every pair (not the rank formula the example uses)
    double wins = 0;
    long pairs = 0;
    for (Scored a : test) {
      if (a.label() != 1) {
        continue;
      }
      for (Scored b : test) {
        if (b.label() == 0) {
          pairs++;
          wins += a.risk() > b.risk() ? 1 : a.risk() == b.risk() ? 0.5 : 0;
        }
      }
    }
    assertThat(story.auc()).isCloseTo(wins / pairs, within(1e-12));
    assertThat(story.auc()).isGreaterThan(0.7);

    // the injected label noise (east, under 35) shows up as a significant slice
    assertThat(story.slices().significant())
        .anySatisfy(
            s -> {
              assertThat(s.name()).contains("region=east");
              assertThat(s.pValue()).isLessThan(0.05);
            });

    // the injected measurement bias: women who would have repaid are refused more often. The
    // share of repayers refused per sex, counted here from the test rows at the bank's threshold;
    // equal opportunity is the difference of the shares approved, 1 - refused
    double refusedF = fpr(test, "F", Lifecycle.THRESHOLD);
    double refusedM = fpr(test, "M", Lifecycle.THRESHOLD);
    assertThat(story.biased().equalOpportunityDifference().value())
        .isCloseTo((1 - refusedM) - (1 - refusedF), within(1e-12));
    assertThat(refusedF - refusedM).isGreaterThan(Lifecycle.MAX_OPPORTUNITY_GAP);
    // approval rates: F below four fifths of M's, so the four-fifths rule fails too
    assertThat(story.biased().fourFifthsRule().passed()).isFalse();
    // the assertion a unit test would use fails on the biased model and passes on the mitigated
    assertThatThrownBy(
            () ->
                FairnessAssertions.assertThat(story.biased())
                    .hasDisparityAtMost(
                        "equal_opportunity_difference", Lifecycle.MAX_OPPORTUNITY_GAP))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("equal_opportunity_difference");
    FairnessAssertions.assertThat(story.mitigated())
        .hasDisparityAtMost("equal_opportunity_difference", Lifecycle.MAX_OPPORTUNITY_GAP);
  }

  @Test
  void step5_theBiasedModelIsRefused_theMitigatedOneAccepted_withItsCostStated() {
    assertThat(story.refused().passed()).isFalse();
    assertThat(story.refused().toString()).contains("fairness_max", "FAIL");
    assertThat(story.accepted().passed()).isTrue();
    // the thresholds equalise the false-positive rates on the training rows; on the test rows
    // the difference is recounted here
    List<Scored> test = story.evaluation().test();
    Map<String, Double> t = story.thresholds();
    assertThat(t.get("M")).isEqualTo(Lifecycle.THRESHOLD);
    assertThat(t.get("F")).isGreaterThan(Lifecycle.THRESHOLD);
    double gap = Math.abs(fpr(test, "F", t.get("F")) - fpr(test, "M", t.get("M")));
    assertThat(gap).isLessThan(Lifecycle.MAX_OPPORTUNITY_GAP);
    // the trade-off is printed, and it is a cost: the mean cost (0.3 per refused repayer, 0.7
    // per missed default, counted here) goes up
    double before = meanCost(test, Map.of());
    double after = meanCost(test, t);
    assertThat(after).isGreaterThan(before);
    assertThat(printed)
        .contains(String.format(java.util.Locale.ROOT, "mean cost %.4f -> %.4f", before, after));
    // the card: generated from the records, every section written, saved as a page
    assertThat(story.card().completeness().complete())
        .as(story.card().completeness().toString())
        .isTrue();
    assertThat(story.reports().resolve("model-card.html")).exists();
  }

  @Test
  void step6_driftTriggersRetraining_andTheChallengerGoesThroughShadowAndGatesToProduction()
      throws Exception {
    assertThat(story.driftAlerts()).isPositive();
    assertThat(story.events())
        .extracting(ServingEvent::type)
        .contains(ServingEventType.RETRAINING_STARTED, ServingEventType.SWAPPED);
    assertThat(story.retrainingReason()).isEqualTo("policy");
    // new data: every stage ran again
    assertThat(story.retrainRun().ran())
        .containsExactly("consent", "split", "features", "train", "evaluate");
    assertThat(story.shadow().compared()).isEqualTo(2_000);
    assertThat(story.challengerPromotion().passed()).isTrue();
    assertThat(story.servedAfterSwap()).isEqualTo(3);
    ModelRegistry registry = ModelRegistry.openReadOnly(root.resolve("mlruns"));
    assertThat(registry.versionInStage(Lifecycle.MODEL, ModelStage.PRODUCTION))
        .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(3));
  }

  @Test
  void step7_erasure_removesTheRows_andFlagsTheModelTrainedOnThem() throws Exception {
    assertThat(story.receipt().rowsRemoved()).isPositive();
    assertThat(story.receipt().affectedModels())
        .extracting(m -> m.name() + " v" + m.version())
        .containsExactly(Lifecycle.MODEL + " v3");
    assertThat(Files.readString(root.resolve("project/data/applicants.csv")))
        .doesNotContain(story.erasedSubject());
    PseudonymKey key = PseudonymKey.load(root.resolve("secrets/pseudonym-key.json"));
    assertThat(story.receipt().isAbout(story.erasedSubject(), key)).isTrue();
    ModelRegistry registry = ModelRegistry.openReadOnly(root.resolve("mlruns"));
    assertThat(registry.version(Lifecycle.MODEL, 3).tags())
        .containsEntry("mlops4j.privacy.retrain", story.receipt().id());
  }

  private static double fpr(List<Scored> rows, String sex, double threshold) {
    long negatives = rows.stream().filter(s -> s.sex().equals(sex) && s.label() == 0).count();
    long refused =
        rows.stream()
            .filter(s -> s.sex().equals(sex) && s.label() == 0 && s.risk() >= threshold)
            .count();
    return (double) refused / negatives;
  }

  private static double meanCost(List<Scored> rows, Map<String, Double> thresholds) {
    double sum = 0;
    for (Scored s : rows) {
      boolean refuse = s.risk() >= thresholds.getOrDefault(s.sex(), Lifecycle.THRESHOLD);
      sum += refuse && s.label() == 0 ? 0.3 : !refuse && s.label() == 1 ? 0.7 : 0;
    }
    return sum / rows.size();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static Path findObject(Path remote, String hash) throws Exception {
    try (var files = Files.walk(remote)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(hash.substring(2)))
          .findFirst()
          .orElseThrow(() -> new AssertionError("object " + hash + " not on the remote " + remote));
    }
  }
}
