package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class ModelCardTest {

  private static QuantitativeResult find(ModelCard card, String metric, String slice) {
    return card.analyses().stream()
        .filter(r -> r.metric().equals(metric) && r.slice().equals(slice))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " for " + slice));
  }

  @Test
  void fairnessReport_givesUnitaryRatesWithWilsonIntervals() {
    ModelCard card = CardFixtures.full().build();
    // numpy/scipy on the fixture's rows (CardFixtures):
    //   m = sex == 'F'; k = pred[m].sum() = 59; n = m.sum() = 120; z = norm.ppf(0.975)
    //   Wilson: c = (p + z*z/(2n)) / (1 + z*z/n); h = z*sqrt(p(1-p)/n + z*z/(4n*n)) / (1 + z*z/n)
    //   -> p = 0.491667, [0.403876, 0.579975]
    QuantitativeResult f = find(card, "selection rate", "sex=F");
    assertEquals(59.0 / 120, f.value(), 1e-12);
    assertEquals(0.4038757172769723, f.lower(), 1e-9);
    assertEquals(0.5799746021633394, f.upper(), 1e-9);
    assertEquals(0.95, f.level(), 1e-12);
    assertEquals(120, f.size());
    // tp among M's 48 positive labels: 23 -> 0.479167, Wilson [0.344713, 0.616708]
    QuantitativeResult tpr = find(card, "true positive rate", "sex=M");
    assertEquals(23.0 / 48, tpr.value(), 1e-12);
    assertEquals(0.34471316176951616, tpr.lower(), 1e-9);
    assertEquals(0.616707676966572, tpr.upper(), 1e-9);
  }

  @Test
  void intersectionalReport_givesIntersectionalSlices() {
    ModelCard card = CardFixtures.full().build();
    // numpy: m = (sex == 'F') & (race == 'A'): n = 40, selected 20 -> 0.5, Wilson [0.351995,
    // 0.648005]
    QuantitativeResult af = find(card, "selection rate", "race=A|sex=F");
    assertTrue(af.intersectional());
    assertEquals(0.5, af.value(), 1e-12);
    assertEquals(0.35199526933465386, af.lower(), 1e-9);
    assertEquals(0.6480047306653461, af.upper(), 1e-9);
    assertEquals(40, af.size());
  }

  @Test
  void title_saysVOnlyBeforeANumber() {
    assertEquals("m v3", ModelCard.builder().name("m").version("3").build().title());
    assertEquals("m v1.2.0", ModelCard.builder().name("m").version("1.2.0").build().title());
    assertEquals("m v2", ModelCard.builder().name("m").version("v2").build().title());
    ModelCard dated = ModelCard.builder().name("m").version("2013-2014").build();
    assertEquals("m, version 2013-2014", dated.title());
    assertTrue(dated.toHtml().contains("<h1>Model card: m, version 2013-2014</h1>"));
    assertTrue(dated.toString().startsWith("Model card m, version 2013-2014\n"), dated.toString());
    assertEquals(
        "m, version decile-5", ModelCard.builder().name("m").version("decile-5").build().title());
  }

  @Test
  void fullCard_isComplete() {
    ModelCard card = CardFixtures.full().build();
    CardCompleteness c = card.completeness();
    assertEquals(List.of(), c.missingSections());
    assertEquals(List.of(), c.weakAnalyses());
    assertTrue(c.complete());
    assertEquals(c, c.orThrow());
  }

  @Test
  void fairnessReport_fillsThresholdUncertaintyFactorsAndEvaluationRows() {
    ModelCard card = CardFixtures.full().build();
    assertTrue(card.decisionThresholds().contains("score >= 0.5 is a positive decision"));
    assertTrue(
        card.uncertainty().startsWith("Rates per group: 95% Wilson score intervals."),
        card.uncertainty());
    assertTrue(
        card.uncertainty().contains("200 stratified bootstrap resamples, seed 7"),
        card.uncertainty());
    assertTrue(card.factors().contains("Group: sex (audited for fairness)"));
    assertTrue(card.factors().contains("Intersectional groups: race × sex (audited for fairness)"));
    assertEquals(240, card.evaluationData().orElseThrow().rows().getAsLong());
    assertEquals("tabular-classification", card.pipelineTag());
    assertFalse(card.calibration().isEmpty());
    assertFalse(card.criteria().isEmpty());
  }

  @Test
  void driftReport_givesOneLinePerFeatureAndTheDriftedShare() {
    ModelCard card = CardFixtures.full().build();
    // income shifted by 0.5 of its range: drifts; age identical: does not; share 1 of 2 = 0.5
    assertEquals(2, card.drift().size());
    CardDrift income =
        card.drift().stream().filter(d -> d.feature().equals("income")).findFirst().orElseThrow();
    CardDrift age =
        card.drift().stream().filter(d -> d.feature().equals("age")).findFirst().orElseThrow();
    assertTrue(income.drifted());
    assertFalse(age.drifted());
    assertEquals(0.5, card.driftedShare().getAsDouble(), 1e-12);
  }

  @Test
  void emptyCard_listsEveryRecommendedSection_andStillRendersEveryForm() {
    ModelCard card = ModelCard.builder().name("bare").version("1").build();
    assertEquals(
        List.of(
            "model details: owners",
            "model details: licence",
            "model details: model type",
            "model details: overview",
            "intended use: primary uses",
            "intended use: primary users",
            "intended use: out-of-scope uses",
            "factors",
            "metrics: which metrics",
            "metrics: why these metrics",
            "metrics: decision thresholds",
            "metrics: how uncertainty was measured",
            "evaluation data",
            "training data",
            "quantitative analyses",
            "ethical considerations",
            "caveats and recommendations"),
        card.completeness().missingSections());
    assertFalse(card.completeness().complete());
    for (CardFormat f : CardFormat.values()) {
      assertFalse(card.render(f).isEmpty());
    }
  }

  @Test
  void analysesWithoutIntervalOrBreakdown_areListed() {
    ModelCard card =
        ModelCard.builder()
            .name("m")
            .version("1")
            .analysis(QuantitativeResult.of("accuracy", "", 0.9))
            .build();
    assertEquals(
        List.of(
            "quantitative analyses: no group breakdown (unitary results)",
            "quantitative analyses: no intersectional results",
            "accuracy [all rows]: no interval"),
        card.completeness().weakAnalyses());
  }

  @Test
  void strict_failsOnAnIncompleteCard_namingWhatIsMissing() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ModelCard.builder().name("bare").version("1").strict().build());
    assertTrue(
        e.getMessage()
            .startsWith(
                "the model card of bare v1 is incomplete; fill in the missing sections through"
                    + " ModelCard.builder() or a card text file, and give every analysis its"
                    + " interval:\nModel card of bare v1: incomplete (17 sections missing, 0"
                    + " analyses lacking)\n  missing: model details: owners\n"),
        e.getMessage());
    assertEquals("credit-risk", CardFixtures.full().strict().build().name());
  }

  @Test
  void build_withoutNameOrVersion_saysWhatToCall() {
    IllegalStateException noName =
        assertThrows(IllegalStateException.class, () -> ModelCard.builder().version("1").build());
    assertEquals("a model card needs a name: call name(...) or from(...)", noName.getMessage());
    IllegalStateException noVersion =
        assertThrows(IllegalStateException.class, () -> ModelCard.builder().name("m").build());
    assertEquals(
        "a model card needs a version: call version(...) or from(...)", noVersion.getMessage());
  }

  @Test
  void setters_rejectBadValues_namingTheArgument() {
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> ModelCard.builder().owner(" "));
    assertEquals("owner must be non-blank, but was ' '", blank.getMessage());
    NullPointerException nul =
        assertThrows(NullPointerException.class, () -> ModelCard.builder().fairness(null));
    assertEquals("report must not be null", nul.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelCard.builder().performance("accuracy", Double.NaN));
    assertTrue(nan.getMessage().startsWith("value must be"), nan.getMessage());
    NullPointerException run =
        assertThrows(
            NullPointerException.class,
            () ->
                ModelCard.builder()
                    .name("m")
                    .version("1")
                    .build()
                    .logTo((org.mlops4j.api.tracking.Run) null));
    assertEquals("run must not be null", run.getMessage());
  }

  @Test
  void logTo_writesTheThreeFormsAsArtifactsAndTheCompletenessMetrics() {
    InMemoryRun run = InMemoryRun.create("card");
    ModelCard card = CardFixtures.full().build();
    assertEquals(card, card.logTo(run));
    assertEquals(
        List.of("cards/model-card.html", "cards/model-card.json", "cards/model-card.md"),
        run.artifactPaths().stream().sorted().toList());
    assertEquals(card.toJson(), run.artifactText("cards/model-card.json").orElseThrow());
    assertEquals(card.toMarkdown(), run.artifactText("cards/model-card.md").orElseThrow());
    assertEquals(0.0, run.latestMetric("cards.completeness.missing_sections").orElseThrow());
    assertEquals(0.0, run.latestMetric("cards.completeness.weak_analyses").orElseThrow());
  }

  @Test
  void save_picksTheFormByExtension(@TempDir Path dir) throws Exception {
    ModelCard card = CardFixtures.full().build();
    card.save(dir.resolve("c.json"));
    card.save(dir.resolve("c.md"));
    card.save(dir.resolve("c.html"));
    card.save(dir.resolve("other.txt"), CardFormat.MARKDOWN);
    assertEquals(card.toJson(), Files.readString(dir.resolve("c.json")));
    assertEquals(card.toMarkdown(), Files.readString(dir.resolve("c.md")));
    assertEquals(card.toHtml(), Files.readString(dir.resolve("c.html")));
    assertEquals(card.toMarkdown(), Files.readString(dir.resolve("other.txt")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> card.save(dir.resolve("c.txt")));
    assertEquals(
        "file must be a name ending in .json, .md or .html, but was 'c.txt'", e.getMessage());
  }

  @Test
  void logToRegistry_refusesACardNotMadeFromARegistryVersion(@TempDir Path dir) {
    ModelCard card = ModelCard.builder().name("m").version("1").build();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> card.logTo(org.mlops4j.registry.ModelRegistry.open(dir)));
    assertEquals(
        "the card of m v1 was not made from a registry version; make it with"
            + " ModelCard.from(registry, name, version)",
        e.getMessage());
  }

  @Test
  void toString_showsTheSectionsAndTheVerdict() {
    String s = CardFixtures.full().build().toString();
    assertTrue(s.startsWith("Model card credit-risk v3  2026-11-29\n"), s);
    assertTrue(s.contains("  licence:      Apache-2.0\n"), s);
    assertTrue(s.contains("Model card of credit-risk v3: complete"), s);
  }
}
