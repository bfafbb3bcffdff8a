package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.pipeline.Pipeline;
import org.mlops4j.privacy.internal.ResultFiles;

class ConsentRegistryTest {
  @TempDir Path root;

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private ConsentRegistry registry(Instant now) {
    return ConsentRegistry.builder(root)
        .purposes("training", "analytics")
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  private static PersonalData customers() {
    return PersonalData.builder("customer_id", "spend")
        .row("c1", "10")
        .row("c2", "20")
        .row("c1", "30")
        .row("c3", "40")
        .build();
  }

  @Test
  void latestEventWins_andNoEventMeansNoConsent() {
    ConsentRegistry r = registry(T0);
    r.record(new ConsentEvent("c1", "training", true, T0.minusSeconds(60), "form"));
    r.record(new ConsentEvent("c2", "training", true, T0.minusSeconds(60), "form"));
    r.record(new ConsentEvent("c2", "training", false, T0.minusSeconds(30), "email"));
    // an event written later in the file but dated earlier does not override
    r.record(new ConsentEvent("c2", "training", true, T0.minusSeconds(90), "late import"));
    r.record(new ConsentEvent("c3", "analytics", true, T0.minusSeconds(60), "form"));
    assertTrue(r.hasConsent("c1", "training"));
    assertFalse(r.hasConsent("c2", "training"));
    assertFalse(r.hasConsent("c3", "training"));
    assertEquals(Set.of("c1"), r.subjects("training"));
    assertEquals(Set.of("c3"), r.subjects("analytics"));
  }

  @Test
  void equalTimes_areDecidedByFileOrder() {
    ConsentRegistry r = registry(T0);
    r.grant("c1", "training", "form");
    r.withdraw("c1", "training", "form");
    assertFalse(r.hasConsent("c1", "training"));
    r.grant("c1", "training", "form");
    assertTrue(r.hasConsent("c1", "training"));
  }

  @Test
  void log_isAppendOnlyJsonLines() throws Exception {
    ConsentRegistry r = registry(T0);
    r.grant("c1", "training", "signup form");
    r.withdraw("c1", "training", "email");
    List<String> lines = Files.readAllLines(root.resolve(ConsentRegistry.DEFAULT_FILE));
    assertEquals(
        List.of(
            "{\"subject\":\"c1\",\"purpose\":\"training\",\"granted\":true,"
                + "\"at\":\"2026-05-01T10:00:00Z\",\"source\":\"signup form\"}",
            "{\"subject\":\"c1\",\"purpose\":\"training\",\"granted\":false,"
                + "\"at\":\"2026-05-01T10:00:00Z\",\"source\":\"email\"}"),
        lines);
    assertEquals(2, r.events().size());
  }

  @Test
  void grantAll_appendsOneLinePerSubject_andTheLatestStillWins() throws Exception {
    ConsentRegistry r = registry(T0);
    assertEquals(3, r.grantAll(List.of("c1", "c2", "c3"), "training", "form 2025"));
    r.withdraw("c2", "training", "portal");
    assertEquals(4, Files.readAllLines(root.resolve(ConsentRegistry.DEFAULT_FILE)).size());
    assertEquals(Set.of("c1", "c3"), r.subjects("training"));
    assertEquals(0, r.grantAll(List.of(), "training", "nothing"));
  }

  @Test
  void recordAll_checksEveryEventFirst_andLeavesTheLogAsItWasOnABadOne() throws Exception {
    ConsentRegistry r = registry(T0);
    r.grant("c1", "training", "form");
    List<ConsentEvent> batch =
        List.of(
            new ConsentEvent("c2", "training", true, T0, "form"),
            new ConsentEvent("c3", "marketing", true, T0, "form"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.recordAll(batch));
    assertTrue(e.getMessage().contains("marketing"), e.getMessage());
    assertEquals(1, Files.readAllLines(root.resolve(ConsentRegistry.DEFAULT_FILE)).size());
  }

  @Test
  void filter_keepsTheConsentingSubjects_andRecordsProvenance() throws Exception {
    ConsentRegistry r = registry(T0);
    r.grant("c1", "training", "form");
    r.grant("c2", "training", "form");
    r.withdraw("c2", "training", "email");
    ConsentedData kept = r.filter(customers(), "customer_id", "training");
    assertEquals(List.of("c1", "c1"), kept.data().column("customer_id"));
    assertEquals(4, kept.rowsIn());
    assertEquals(2, kept.rowsKept());
    assertEquals(1, kept.subjectsKept());
    assertEquals(2, kept.subjectsDropped());
    String sha = ResultFiles.sha256(Files.readAllBytes(root.resolve(ConsentRegistry.DEFAULT_FILE)));
    assertEquals(sha, kept.logSha256());
    InMemoryRun run = InMemoryRun.create("t");
    kept.logTo(run);
    assertEquals("training", run.params().get("privacy.consent.purpose"));
    assertEquals(sha, run.params().get("privacy.consent.log_sha256"));
    assertEquals(Optional.of(2.0), run.latestMetric("privacy.consent.rows_kept"));
    assertEquals("training", kept.provenance().get("consent_purpose"));
  }

  @Test
  void filter_asOfAnEarlierTime_ignoresLaterEvents() {
    ConsentRegistry r = registry(T0);
    r.record(new ConsentEvent("c1", "training", true, T0.minusSeconds(60), "form"));
    r.record(new ConsentEvent("c1", "training", false, T0.minusSeconds(10), "email"));
    assertEquals(
        2, r.filter(customers(), "customer_id", "training", T0.minusSeconds(30)).rowsKept());
    assertEquals(0, r.filter(customers(), "customer_id", "training").rowsKept());
  }

  @Test
  void unknownPurpose_isRefusedEverywhere_namingTheDeclaredOnes() {
    ConsentRegistry r = registry(T0);
    String msg =
        "purpose must be one of the declared purposes [training, analytics], but was 'marketing'";
    assertEquals(
        msg,
        assertThrows(IllegalArgumentException.class, () -> r.grant("c1", "marketing", "x"))
            .getMessage());
    assertEquals(
        msg,
        assertThrows(
                IllegalArgumentException.class,
                () -> r.filter(customers(), "customer_id", "marketing"))
            .getMessage());
    assertEquals(
        msg,
        assertThrows(IllegalArgumentException.class, () -> r.subjects("marketing")).getMessage());
  }

  @Test
  void unknownSubjectColumn_isNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> registry(T0).filter(customers(), "client", "training"));
    assertEquals(
        "subjectColumn must be one of the columns [customer_id, spend], but was 'client'",
        e.getMessage());
  }

  @Test
  void build_withoutPurposes_saysWhatToDo() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ConsentRegistry.builder(root).build());
    assertEquals(
        "Declare the purposes first: builder(root).purposes(\"training\")", e.getMessage());
  }

  @Test
  void aCorruptLine_isNamedWithItsNumber() throws Exception {
    ConsentRegistry r = registry(T0);
    r.grant("c1", "training", "form");
    Files.writeString(
        r.logFile(), "{\"subject\":\"c2\"}\n", java.nio.file.StandardOpenOption.APPEND);
    MlopsException e = assertThrows(MlopsException.class, r::events);
    assertTrue(e.getMessage().startsWith(r.logFile() + ": line 2: not a consent event:"));
  }

  @Test
  void filterStage_recordsTheConsentLogInTheLock_andRunsAgainWhenConsentChanges() throws Exception {
    ConsentRegistry r = registry(T0);
    r.grant("c1", "training", "form");
    r.grant("c3", "training", "form");
    Files.createDirectories(root.resolve("data"));
    customers().writeCsv(root.resolve("data/customers.csv"));
    Pipeline p =
        Pipeline.builder(root)
            .stage(
                r.filterStage(
                    "consented", "data/customers.csv", "customer_id", "training", "data/train.csv"))
            .build();
    assertEquals(List.of("consented"), p.run().ran());
    assertEquals(
        List.of("c1", "c1", "c3"),
        PersonalData.readCsv(root.resolve("data/train.csv")).column("customer_id"));
    String lock = Files.readString(root.resolve("mlops.lock"));
    String logSha = ResultFiles.sha256(Files.readAllBytes(r.logFile()));
    assertTrue(lock.contains("privacy/consents.jsonl"), lock);
    assertTrue(lock.contains(logSha), lock);
    assertTrue(lock.contains("consent_purpose: training"), lock);
    assertEquals(List.of(), p.run().ran());
    r.withdraw("c1", "training", "email");
    assertEquals(List.of("consented"), p.run().ran());
    assertEquals(
        List.of("c3"), PersonalData.readCsv(root.resolve("data/train.csv")).column("customer_id"));
  }
}
