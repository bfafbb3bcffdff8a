package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AnonymizerTest {

  /**
   * Twelve patients (ZIP, age, condition), in the style of Machanavajjhala et al. (2007), Figure 1.
   * Raw, every (zip, age) pair is unique: k = 1. With ZIP to three digits and ages in bands of ten,
   * by hand:
   *
   * <pre>
   * (130**, 20-29): rows 1-4    size 4
   * (148**, 50-59): rows 5, 6   size 2
   * (148**, 40-49): rows 7, 8   size 2
   * (130**, 30-39): rows 9-12   size 4
   * </pre>
   *
   * For k = 4, 4 rows of 12 (one third) sit in classes below k.
   */
  static PersonalData patients() {
    return PersonalData.builder("zip", "age", "condition")
        .row("13053", "28", "heart")
        .row("13068", "29", "flu")
        .row("13068", "21", "heart")
        .row("13053", "23", "flu")
        .row("14853", "50", "cancer")
        .row("14853", "55", "heart")
        .row("14850", "47", "flu")
        .row("14850", "49", "flu")
        .row("13053", "31", "cancer")
        .row("13053", "37", "cancer")
        .row("13068", "36", "heart")
        .row("13068", "35", "flu")
        .build();
  }

  private static final AnonymityAuditor AUDITOR =
      AnonymityAuditor.builder().quasiIdentifiers("zip", "age").sensitive("condition").k(4).build();

  @Test
  void rawTable_isOnlyOneAnonymous() {
    assertEquals(1, AUDITOR.audit(patients()).k());
  }

  @Test
  void generalisation_thenSuppression_reachesK() {
    AnonymizedData out =
        Anonymizer.builder(AUDITOR)
            .generalize("zip", Generalizer.prefix(3))
            .generalize("age", Generalizer.band(10))
            .maxSuppressed(0.5)
            .build()
            .anonymize(patients());
    assertTrue(out.reached());
    assertEquals(4, out.suppressedRows());
    assertEquals(8, out.data().size());
    assertEquals(4, out.report().k());
    assertEquals(2, out.report().classes());
    assertEquals(List.of("130**", "20-29", "heart"), out.data().rows().get(0));
  }

  @Test
  void suppression_aboveTheAllowedShare_isNotDone() {
    // one third of the rows would go; the default allows a tenth
    AnonymizedData out =
        Anonymizer.builder(AUDITOR)
            .generalize("zip", Generalizer.prefix(3))
            .generalize("age", Generalizer.band(10))
            .build()
            .anonymize(patients());
    assertFalse(out.reached());
    assertEquals(0, out.suppressedRows());
    assertEquals(12, out.data().size());
    assertEquals(4, out.report().rowsBelowK());
    assertEquals(2, out.report().k());
  }

  @Test
  void widerBands_reachKWithoutSuppression() {
    // ZIP 1** and ages 20-39 / 40-59: (1****, 20-39) rows 1-4, 9-12 = 8; (1****, 40-59) rows 5-8 =
    // 4
    AnonymizedData out =
        Anonymizer.builder(AUDITOR)
            .generalize("zip", Generalizer.prefix(1))
            .generalize("age", Generalizer.band(20))
            .build()
            .anonymize(patients());
    assertTrue(out.reached());
    assertEquals(0, out.suppressedRows());
    assertEquals(4, out.report().k());
  }

  @Property
  boolean withFullSuppressionAllowed_theResultIsAlwaysKAnonymous(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 99) Integer> ages,
      @ForAll @IntRange(min = 1, max = 6) int k) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < ages.size(); i++) {
      rows.add(List.of(Integer.toString(ages.get(i)), i % 2 == 0 ? "f" : "m"));
    }
    AnonymityAuditor auditor =
        AnonymityAuditor.builder().quasiIdentifiers("age", "sex").k(k).build();
    AnonymizedData out =
        Anonymizer.builder(auditor)
            .generalize("age", Generalizer.band(10))
            .maxSuppressed(1)
            .build()
            .anonymize(PersonalData.of(List.of("age", "sex"), rows));
    return out.reached()
        && (out.data().size() == 0 || out.report().k() >= k)
        && out.data().size() + out.suppressedRows() == ages.size();
  }
}
