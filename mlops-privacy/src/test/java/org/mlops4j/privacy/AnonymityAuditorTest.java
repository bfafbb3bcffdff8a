package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.report.internal.Json;

class AnonymityAuditorTest {

  /**
   * A released medical table in the style of Sweeney (2002), "k-anonymity: a model for protecting
   * privacy", IJUFKS 10(5), Figure 2: quasi-identifiers race, birth, gender, ZIP (already
   * generalised to four digits), sensitive attribute problem.
   *
   * <p>Equivalence classes, worked out by hand:
   *
   * <pre>
   * A (black, 1965, m, 0214*): t1 t2        size 2, problems {short breath, chest pain}  l = 2
   * B (black, 1965, f, 0213*): t3 t4        size 2, problems {hypertension}              l = 1
   * C (black, 1964, f, 0213*): t5 t6        size 2, problems {obesity, chest pain}       l = 2
   * D (white, 1964, m, 0213*): t7 t8 t9     size 3, problems {chest pain, obesity, s.b.} l = 3
   * E (white, 1967, m, 0213*): t10 t11      size 2, problems {chest pain}                l = 1
   * </pre>
   *
   * So 11 rows, 5 classes, k = 2 (2-anonymous, as Sweeney says), distinct l = 1 (classes B and E:
   * the homogeneity attack of Machanavajjhala et al. 2007). Against a target k = 3: classes A B C E
   * are below, 8 rows of 11 (0.727272...); max risk 1/2; average risk 5/11 = 0.454545...
   */
  static PersonalData sweeney() {
    return PersonalData.builder("race", "birth", "gender", "zip", "problem")
        .row("black", "1965", "m", "0214*", "short breath")
        .row("black", "1965", "m", "0214*", "chest pain")
        .row("black", "1965", "f", "0213*", "hypertension")
        .row("black", "1965", "f", "0213*", "hypertension")
        .row("black", "1964", "f", "0213*", "obesity")
        .row("black", "1964", "f", "0213*", "chest pain")
        .row("white", "1964", "m", "0213*", "chest pain")
        .row("white", "1964", "m", "0213*", "obesity")
        .row("white", "1964", "m", "0213*", "short breath")
        .row("white", "1967", "m", "0213*", "chest pain")
        .row("white", "1967", "m", "0213*", "chest pain")
        .build();
  }

  private static AnonymityAuditor auditor(int k) {
    return AnonymityAuditor.builder()
        .quasiIdentifiers("race", "birth", "gender", "zip")
        .sensitive("problem")
        .k(k)
        .l(2)
        .build();
  }

  @Test
  void audit_ofSweeneysTable_findsTheClassesWorkedOutByHand() {
    KAnonymityReport r = auditor(2).audit(sweeney());
    assertEquals(11, r.rows());
    assertEquals(5, r.classes());
    assertEquals(2, r.k());
    assertTrue(r.kAnonymous());
    assertEquals(1, r.l());
    assertFalse(r.lDiverse());
    assertEquals(2, r.classesBelowL());
    assertEquals(0.5, r.maxReidentificationRisk());
    assertEquals(5.0 / 11, r.averageReidentificationRisk(), 1e-15);
    // smallest first; ties by fewer distinct sensitive values, then table order: B E A C D
    List<EquivalenceClass> s = r.smallest();
    assertEquals(new EquivalenceClass(List.of("black", "1965", "f", "0213*"), 2, 1), s.get(0));
    assertEquals(new EquivalenceClass(List.of("white", "1967", "m", "0213*"), 2, 1), s.get(1));
    assertEquals(new EquivalenceClass(List.of("black", "1965", "m", "0214*"), 2, 2), s.get(2));
    assertEquals(new EquivalenceClass(List.of("black", "1964", "f", "0213*"), 2, 2), s.get(3));
    assertEquals(new EquivalenceClass(List.of("white", "1964", "m", "0213*"), 3, 3), s.get(4));
  }

  @Test
  void audit_againstATargetOfThree_reportsTheRowsAtRisk() {
    KAnonymityReport r = auditor(3).audit(sweeney());
    assertFalse(r.kAnonymous());
    assertEquals(4, r.classesBelowK());
    assertEquals(8, r.rowsBelowK());
    assertEquals(8.0 / 11, r.shareBelowK(), 1e-15);
  }

  @Test
  void audit_withoutASensitiveColumn_reportsNoL() {
    KAnonymityReport r =
        AnonymityAuditor.builder().quasiIdentifiers("race").k(5).build().audit(sweeney());
    // race: black 6 rows, white 5 rows (hand count)
    assertEquals(5, r.k());
    assertEquals(2, r.classes());
    assertEquals(0, r.l());
    assertTrue(r.lDiverse());
    assertEquals(Optional.empty(), r.sensitive());
  }

  @Test
  void audit_ofAnUnknownQuasiIdentifier_namesIt() {
    AnonymityAuditor a = AnonymityAuditor.builder().quasiIdentifiers("race", "zipcode").build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.audit(sweeney()));
    assertEquals(
        "quasiIdentifiers must be one of the columns [race, birth, gender, zip, problem], but was"
            + " 'zipcode'",
        e.getMessage());
  }

  @Test
  void audit_ofAnUnknownSensitiveColumn_namesIt() {
    AnonymityAuditor a =
        AnonymityAuditor.builder().quasiIdentifiers("race").sensitive("diagnosis").build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.audit(sweeney()));
    assertEquals(
        "sensitive must be one of the columns [race, birth, gender, zip, problem], but was"
            + " 'diagnosis'",
        e.getMessage());
  }

  @Test
  void build_withoutQuasiIdentifiers_saysWhatToDo() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> AnonymityAuditor.builder().build());
    assertEquals(
        "Declare the quasi-identifiers first: builder().quasiIdentifiers(\"zip\", \"age\")",
        e.getMessage());
  }

  @Test
  void k_ofZero_isRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AnonymityAuditor.builder().k(0));
    assertEquals("k must be positive, but was 0", e.getMessage());
  }

  @Test
  void audit_ofAnEmptyTable_isTriviallyAnonymousWithZeroRisk() {
    KAnonymityReport r = auditor(2).audit(PersonalData.of(sweeney().columns(), List.of()));
    assertEquals(0, r.k());
    assertEquals(0, r.classes());
    assertEquals(0.0, r.maxReidentificationRisk());
    assertTrue(r.kAnonymous());
  }

  @Test
  void toJson_hasTheHeaderAndTheFigures() throws Exception {
    JsonNode n =
        Json.readDocument(auditor(3).audit(sweeney()).toJson(), KAnonymityReport.FORMAT, 1, "t");
    assertEquals(2, n.get("k").asInt());
    assertEquals(8, n.get("rowsBelowK").asInt());
    assertEquals("0213*", n.get("smallest").get(0).get("values").get("zip").asText());
    assertFalse(n.get("kAnonymous").asBoolean());
  }

  @Test
  void toStringAndHtml_showTheVerdictAndTheSmallestClass() {
    KAnonymityReport r = auditor(3).audit(sweeney());
    assertTrue(
        r.toString()
            .startsWith(
                "k-anonymity over [race, birth, gender, zip], sensitive problem: not 3-anonymous:"
                    + " k = 2; not distinct 2-diverse: l = 1\n"),
        r.toString());
    String html = r.toHtml();
    assertTrue(html.contains("not 3-anonymous: k = 2"));
    assertTrue(html.contains("hypertension") == false);
    assertTrue(html.contains("0214*"));
    // the classes worked out by hand above: A B C E below k = 3 (8 of 11 rows, 72.7%),
    // B and E with a single problem
    assertTrue(
        html.contains(
            "4 of 5 classes have fewer than 3 rows; they hold 8 of the 11 rows (72.7%). 2 classes"
                + " have fewer than 2 distinct values of problem: whoever finds a person&#39;s"
                + " class learns it."),
        html);
    assertTrue(html.contains("72.7%"), html);
    assertTrue(html.contains(">k and l<"), "class B: 2 rows, 1 problem");
    // max risk 1/2, average 5/11 = 0.4545... with four significant digits
    assertTrue(
        r.toString().contains("max re-identification risk 0.5, average 0.4545"), r.toString());
    String ok = auditor(2).toBuilder().l(1).build().audit(sweeney()).toHtml();
    assertTrue(
        ok.contains(
            "Every one of the 5 classes has at least 2 rows, and every class has at least 1"),
        ok);
  }

  @Test
  void logTo_writesTheMetricsAndArtifacts() {
    InMemoryRun run = InMemoryRun.create("t");
    auditor(3).audit(sweeney()).logTo(run);
    assertEquals(Optional.of(2.0), run.latestMetric("privacy.k_anonymity.k"));
    assertEquals(Optional.of(1.0), run.latestMetric("privacy.l_diversity.l"));
    assertEquals(
        Optional.of(0.5), run.latestMetric("privacy.k_anonymity.max_reidentification_risk"));
    assertEquals(
        "race,birth,gender,zip", run.params().get("privacy.k_anonymity.quasi_identifiers"));
    assertTrue(run.artifactPaths().contains("privacy/k_anonymity.json"));
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> auditor(3).audit(sweeney()).logTo(null));
    assertEquals("run must not be null", e.getMessage());
  }
}
