package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.registry.Gate;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelStage;
import org.mlops4j.registry.PromotionEvidence;
import org.mlops4j.registry.PromotionGates;
import org.mlops4j.registry.PromotionResult;

/** A card generated for a registered model from everything linked to its version. */
class RegistryCardTest {

  @TempDir Path root;
  String runId;
  String trainSha;
  ModelRegistry registry;

  @BeforeEach
  void registerAModelTrainedInATrackedRun() throws Exception {
    FairnessReport unitary = CardFixtures.unitary();
    try (LocalTracker tracker = LocalTracker.open(root)) {
      try (Run run = tracker.newRun("credit").name("train").seed("split", 42).start()) {
        runId = run.id();
        run.logParam("trees", "200");
        run.logParam("depth", "4");
        run.logMetric("accuracy", 0.4875);
        unitary.logTo(run);
        run.logText("fairness/intersectional.json", CardFixtures.intersectional().toJson());
        CardFixtures.drift().logTo(run);
        CardFixtures.slices().logTo(run);
      }
    }
    Path model = Files.writeString(root.resolve("model.bin"), "weights");
    byte[] train = "age,income\n1,2\n".getBytes(StandardCharsets.UTF_8);
    trainSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(train));
    registry = ModelRegistry.open(root);
    registry
        .newVersion("credit-risk")
        .artifact(model)
        .runId(runId)
        .metric("accuracy", 0.4875)
        .dataHash("data/train.csv", trainSha)
        .tag("license", "Apache-2.0")
        .tag("owners", "Risk team, Model review board")
        .tag("model_type", "gradient-boosted trees")
        .description("Scores loan applications")
        .register();
    PromotionResult refused =
        registry.promoteToStage(
            "credit-risk",
            1,
            ModelStage.STAGING,
            PromotionGates.of(Gate.metricAtLeast("accuracy", 0.9)),
            PromotionEvidence.none(),
            "first try");
    assertFalse(refused.passed());
    PromotionResult passed =
        registry.promoteToStage(
            "credit-risk",
            1,
            ModelStage.STAGING,
            PromotionGates.of(
                Gate.metricAtLeast("accuracy", 0.4),
                Gate.fairnessAtMost("equalized_odds_difference", 0.9)),
            PromotionEvidence.builder().fairness(unitary).build(),
            "release");
    assertTrue(passed.passed(), passed.toString());
  }

  @Test
  void from_gathersTheVersionRunReportsAndGates() {
    ModelCard card = ModelCard.from(registry, "credit-risk", 1);
    assertEquals("credit-risk", card.name());
    assertEquals("1", card.version());
    assertEquals("Scores loan applications", card.overview());
    assertEquals(List.of("Risk team", "Model review board"), card.owners());
    assertEquals("Apache-2.0", card.license());
    assertEquals("gradient-boosted trees", card.modelType());
    assertEquals(Map.of("accuracy", 0.4875), card.performance());
    assertEquals(runId, card.runId());
    assertEquals(Map.of("depth", "4", "trees", "200"), card.params());
    assertEquals("42", card.provenance().get("mlops4j.seed.split"));
    assertEquals(System.getProperty("java.version"), card.provenance().get("mlops4j.jvm.version"));
    assertEquals(Map.of("data/train.csv", trainSha), card.trainingData().orElseThrow().hashes());
    assertEquals(240, card.evaluationData().orElseThrow().rows().getAsLong());
    assertTrue(card.analyses().stream().anyMatch(r -> r.slice().equals("sex=F")));
    assertTrue(card.analyses().stream().anyMatch(r -> r.slice().equals("race=A|sex=F")));
    assertEquals(2, card.drift().size());
    // the run's slices/report.json (SliceReport.logTo), as slices(report) reads it
    assertEquals(
        List.of("region=N|band=x", "region=S|band=y"),
        card.slices().stream().map(CardSlice::name).sorted().toList());
    // the refused attempt's gate, then the two of the passed one, oldest first
    assertEquals(3, card.gates().size());
    assertEquals("accuracy >= 0.9", card.gates().get(0).rule());
    assertFalse(card.gates().get(0).passed());
    assertEquals(0.4875, card.gates().get(0).measured(), 1e-12);
    assertTrue(card.gates().get(1).passed());
    assertTrue(card.gates().get(2).rule().startsWith("equalized_odds_difference <= 0.9"));
    assertEquals(Set.of(), CardFixtures.validate(card.toJson()));
    assertEquals(
        "credit-risk",
        ((List<Map<String, Object>>)
                CardMarkdownTest.frontMatter(card.toMarkdown()).get("model-index"))
            .get(0)
            .get("name"));
  }

  @Test
  void theHumanSections_comeFromATextFileNextToTheCode() throws Exception {
    Path text =
        Files.writeString(
            root.resolve("model-card.md"),
            """
            # Card text of credit-risk

            ## Primary uses
            - Rank applications for manual review

            ## Primary users
            - Credit officers

            ## Out-of-scope uses
            - Automatic rejection

            ## Metrics
            Selection rate and TPR by group show who is reviewed and who is missed.

            ## Decision thresholds
            - score >= 0.5 flags an application for review

            ## Ethical considerations
            - Postcode can proxy ethnicity. Mitigation: postcode removed from the features.

            ## Caveats
            - Not validated on business loans
            """);
    ModelCard card = ModelCard.builder().from(registry, "credit-risk", 1).text(text).build();
    assertEquals(List.of("Rank applications for manual review"), card.primaryUses());
    assertEquals(
        List.of(
            new CardRisk("Postcode can proxy ethnicity.", "postcode removed from the features.")),
        card.ethicalConsiderations());
    assertEquals(
        "Selection rate and TPR by group show who is reviewed and who is missed.",
        card.metricsRationale());
    assertEquals(List.of(), card.completeness().missingSections(), card.completeness().toString());
  }

  @Test
  void logTo_writesTheCardIntoARunAndTagsTheVersion() throws Exception {
    ModelCard card = ModelCard.from(registry, "credit-risk", 1);
    String cardRun;
    try (LocalTracker tracker = LocalTracker.open(root);
        Run run = tracker.newRun("credit").name("card").start()) {
      card.logTo(run);
      cardRun = run.id();
    }
    try (LocalTracker tracker = LocalTracker.openReadOnly(root)) {
      Path artifacts =
          Path.of(java.net.URI.create(tracker.findRun(cardRun).orElseThrow().artifactUri()));
      assertEquals(card.toJson(), Files.readString(artifacts.resolve("cards/model-card.json")));
      assertEquals(card.toMarkdown(), Files.readString(artifacts.resolve("cards/model-card.md")));
      assertEquals(card.toHtml(), Files.readString(artifacts.resolve("cards/model-card.html")));
    }
    card.logTo(registry);
    Map<String, String> tags = registry.version("credit-risk", 1).tags();
    String sha = ModelCard.sha256(card.toJson());
    assertEquals(sha, tags.get("mlops4j.card.sha256"));
    assertEquals("false", tags.get("mlops4j.card.complete"));
    assertEquals("runs:/" + runId + "/cards/model-card.json", tags.get("mlops4j.card.artifact"));
    String dir = "cards/" + sha.substring(0, 12) + "/";
    assertEquals(dir + "model-card.json", tags.get("mlops4j.card.path"));
  }

  @Test
  void logTo_attachesTheCardFilesToTheVersion_whichLoadVerifies() throws Exception {
    ModelCard card = ModelCard.from(registry, "credit-risk", 1);
    card.logTo(registry);
    card.logTo(registry); // the same card again: nothing more attached
    String dir = "cards/" + ModelCard.sha256(card.toJson()).substring(0, 12) + "/";
    // the recorded hashes are those of the three forms (JDK SHA-256 of each rendered text)
    Map<String, String> recorded = new java.util.TreeMap<>();
    registry.version("credit-risk", 1).artifacts().forEach(a -> recorded.put(a.path(), a.sha256()));
    assertEquals(
        Map.of(
            "model.bin",
            ModelCard.sha256("weights"),
            dir + "model-card.json",
            ModelCard.sha256(card.toJson()),
            dir + "model-card.md",
            ModelCard.sha256(card.toMarkdown()),
            dir + "model-card.html",
            ModelCard.sha256(card.toHtml())),
        recorded);
    String loaded =
        registry.load(
            "credit-risk", "1", (d, v) -> Files.readString(d.resolve(dir + "model-card.md")));
    assertEquals(card.toMarkdown(), loaded);
    assertEquals(
        3,
        registry.audit("credit-risk").stream()
            .filter(e -> e.action().equals("attach_artifact"))
            .count());

    // a changed card (a caveat added) is attached beside the first, which stays as it was
    ModelCard changed =
        ModelCard.builder()
            .from(registry, "credit-risk", 1)
            .caveat("Not for business loans")
            .build();
    changed.logTo(registry);
    String dir2 = "cards/" + ModelCard.sha256(changed.toJson()).substring(0, 12) + "/";
    assertFalse(dir2.equals(dir));
    assertEquals(7, registry.verify("credit-risk", 1).artifacts().size());
    assertEquals(
        dir2 + "model-card.json",
        registry.version("credit-risk", 1).tags().get("mlops4j.card.path"));
  }

  @Test
  void logToARegistry_needsACardMadeFromAVersion() {
    ModelCard card = ModelCard.builder().name("loose").version("1").build();
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> card.logTo(registry));
    assertTrue(e.getMessage().contains("was not made from a registry version"), e.getMessage());
  }

  @Test
  void from_readsTheDecisionThresholdOfTheRunsSavedFairnessReport() {
    // CardFixtures.unitary() audits Decisions.ofScores(labels, scores, 0.5); unitary.logTo(run)
    // saved it as fairness/report.json, which now records "threshold" : 0.5
    ModelCard card = ModelCard.from(registry, "credit-risk", 1);
    assertEquals(List.of("score >= 0.5 is a positive decision"), card.decisionThresholds());
  }

  @Test
  void aSavedFairnessReportWithoutThreshold_leavesTheThresholdUnstated() throws Exception {
    // a report written before the threshold was recorded: the same document without the field
    com.fasterxml.jackson.databind.node.ObjectNode old =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(CardFixtures.unitary().toJson());
    assertEquals(0.5, old.remove("threshold").asDouble());
    ModelCard.Builder b = ModelCard.builder().name("old").version("1");
    ResultReader.fairness(b, old.toString(), "old report");
    assertEquals(List.of(), b.build().decisionThresholds());
    // and the same document with it states it
    ModelCard.Builder b2 = ModelCard.builder().name("new").version("1");
    ResultReader.fairness(b2, CardFixtures.unitary().toJson(), "new report");
    assertEquals(List.of("score >= 0.5 is a positive decision"), b2.build().decisionThresholds());
  }

  @Test
  void aVersionWithNoRun_stillGivesACard_withTheMissingSectionsListed() throws Exception {
    Path model = Files.writeString(root.resolve("m2.bin"), "w2");
    registry.newVersion("credit-risk").artifact(model).register();
    ModelCard card = ModelCard.from(registry, "credit-risk", 2);
    assertEquals("", card.runId());
    List<String> missing = card.completeness().missingSections();
    assertTrue(missing.contains("evaluation data"), missing.toString());
    assertTrue(missing.contains("training data"), missing.toString());
    assertTrue(missing.contains("quantitative analyses"), missing.toString());
    assertEquals(Set.of(), CardFixtures.validate(card.toJson()));
    CardMarkdownTest.frontMatter(card.toMarkdown());
    assertTrue(card.toHtml().contains("No quantitative analyses recorded"));
  }

  @Test
  void aVersionWhoseRunIsNotInTheStore_keepsTheRunIdAndRenders() throws Exception {
    Path model = Files.writeString(root.resolve("m3.bin"), "w3");
    registry
        .newVersion("credit-risk")
        .artifact(model)
        .runId("0123456789abcdef0123456789abcdef")
        .register();
    ModelCard card = ModelCard.from(registry, "credit-risk", 2);
    assertEquals("0123456789abcdef0123456789abcdef", card.runId());
    assertTrue(card.params().isEmpty());
    for (CardFormat f : CardFormat.values()) {
      assertFalse(card.render(f).isEmpty());
    }
  }

  @Test
  void anUnknownVersion_isRefusedByTheRegistry() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> ModelCard.from(registry, "credit-risk", 9));
    assertTrue(e.getMessage().contains("9"), e.getMessage());
  }
}
