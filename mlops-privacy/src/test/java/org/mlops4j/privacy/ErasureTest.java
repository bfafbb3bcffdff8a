package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataPointer;
import org.mlops4j.pipeline.Pipeline;
import org.mlops4j.pipeline.Stage;
import org.mlops4j.privacy.internal.ResultFiles;

class ErasureTest {
  private static final String SUBJECT = "alice-0042";
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @TempDir Path root;

  private final PseudonymKey key = PseudonymKey.generate();
  private String v1;
  private String v2;
  private String trainHash;
  private String modelHash;
  private String runOfData;
  private String otherRun;
  private Pipeline pipeline;

  /** An in-memory inventory: two model versions, the flags it received. */
  static final class Inventory implements ModelInventory {
    final List<TrainedModel> models = new ArrayList<>();
    final List<String> flags = new ArrayList<>();

    @Override
    public List<TrainedModel> models() {
      return models;
    }

    @Override
    public void flagForRetraining(TrainedModel model, String receiptId) {
      flags.add(model + " " + receiptId);
    }
  }

  private static byte[] bytes(Path p) throws Exception {
    return Files.readAllBytes(p);
  }

  @BeforeEach
  void project() throws Exception {
    Path csv = root.resolve("data/customers.csv");
    Files.createDirectories(csv.getParent());
    // version 1 of the dataset, tracked by a pointer
    PersonalData.builder("customer_id", "spend")
        .row("bob", "10")
        .row(SUBJECT, "20")
        .row("carol", "30")
        .build()
        .writeCsv(csv);
    Data data = Data.create(root);
    v1 = data.add(csv).hash();
    // version 2: one more customer
    PersonalData.builder("customer_id", "spend")
        .row("bob", "10")
        .row(SUBJECT, "20")
        .row("carol", "30")
        .row("dave", "40")
        .build()
        .writeCsv(csv);
    v2 = data.add(csv).hash();
    // a pipeline: prepare copies the rows with spend >= 20, train writes a "model"
    pipeline =
        Pipeline.builder(root)
            .stage(
                Stage.named("prepare")
                    .input("data/customers.csv")
                    .output("data/train.csv")
                    .work(
                        ctx ->
                            PersonalData.readCsv(ctx.input("data/customers.csv"))
                                .filter(r -> Integer.parseInt(r.get(1)) >= 20)
                                .writeCsv(ctx.output("data/train.csv"))))
            .stage(
                Stage.named("train")
                    .input("data/train.csv")
                    .output("models/model.bin")
                    .work(
                        ctx ->
                            Files.writeString(
                                ctx.output("models/model.bin"),
                                "weights of "
                                    + PersonalData.readCsv(ctx.input("data/train.csv")).size())))
            .build();
    pipeline.run();
    trainHash = ResultFiles.sha256(bytes(root.resolve("data/train.csv")));
    modelHash = ResultFiles.sha256(bytes(root.resolve("models/model.bin")));
    try (LocalTracker tracker = LocalTracker.open(root.resolve("mlruns"))) {
      try (Run r = tracker.startRun("churn", "train")) {
        r.logParam("data.sha256", v2);
        runOfData = r.id();
      }
      try (Run r = tracker.startRun("churn", "unrelated")) {
        r.logParam("data.sha256", "0".repeat(64));
        otherRun = r.id();
      }
    }
  }

  private Erasure erasure(Inventory inventory) {
    return Erasure.builder(root, key)
        .subjectColumn("customer_id")
        .models(inventory)
        .trackingStore(root.resolve("mlruns"))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private Inventory inventory() {
    Inventory inv = new Inventory();
    inv.models.add(
        new TrainedModel("churn", 1, Optional.empty(), Set.of(trainHash), Set.of(modelHash)));
    inv.models.add(
        new TrainedModel("other", 3, Optional.empty(), Set.of("1".repeat(64)), Set.of()));
    return inv;
  }

  private List<String> everythingUnder(Path dir) throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        texts.add(p + ": " + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return texts;
  }

  @Test
  void erase_removesTheRowsFromTheDatasets_andUpdatesThePointer() throws Exception {
    ErasureReceipt receipt = erasure(inventory()).erase(SUBJECT);
    assertEquals(
        List.of("bob", "carol", "dave"),
        PersonalData.readCsv(root.resolve("data/customers.csv")).column("customer_id"));
    assertEquals(
        List.of("carol", "dave"),
        PersonalData.readCsv(root.resolve("data/train.csv")).column("customer_id"));
    DataPointer pointer = DataPointer.load(root.resolve("data/customers.csv.mlops"));
    assertEquals(ResultFiles.sha256(bytes(root.resolve("data/customers.csv"))), pointer.hash());
    assertEquals(2, receipt.erasedFiles().size());
    ErasureReceipt.ErasedFile f = receipt.erasedFiles().get(0);
    assertEquals("data/customers.csv", f.path());
    assertEquals(v2, f.sha256Before());
    assertEquals(pointer.hash(), f.sha256After());
    assertEquals(1, f.rowsRemoved());
    assertTrue(f.pointerUpdated());
    assertEquals("data/train.csv", receipt.erasedFiles().get(1).path());
    assertFalse(receipt.erasedFiles().get(1).pointerUpdated());
    assertEquals(2, receipt.rowsRemoved());
  }

  @Test
  void erase_purgesEveryCachedVersionThatHeldTheSubject_olderOnesIncluded() throws Exception {
    ErasureReceipt receipt = erasure(inventory()).erase(SUBJECT);
    assertTrue(receipt.purgedObjects().containsAll(List.of(v1, v2, trainHash)));
    for (String text : everythingUnder(root.resolve(".mlops"))) {
      assertFalse(text.contains(SUBJECT), text);
    }
    for (String text : everythingUnder(root.resolve("data"))) {
      assertFalse(text.contains(SUBJECT), text);
    }
  }

  @Test
  void erase_findsDerivedStagesModelsAndRuns_throughLineage() {
    Inventory inv = inventory();
    ErasureReceipt receipt = erasure(inv).erase(SUBJECT);
    Set<String> stages = new TreeSet<>();
    receipt.affectedStages().forEach(s -> stages.add(s.stage()));
    assertEquals(Set.of("prepare", "train"), stages);
    assertEquals(1, receipt.affectedModels().size());
    ErasureReceipt.AffectedModel m = receipt.affectedModels().get(0);
    assertEquals("churn", m.name());
    assertEquals(1, m.version());
    assertEquals(new TreeSet<>(List.of(trainHash, modelHash)), new TreeSet<>(m.matchedHashes()));
    assertEquals(List.of("churn v1 " + receipt.id()), inv.flags);
    assertEquals(List.of(runOfData), receipt.affectedRuns());
    assertFalse(receipt.affectedRuns().contains(otherRun));
    assertTrue(
        receipt
            .affectedData()
            .contains(new ErasureReceipt.DataVersion("models/model.bin", modelHash)));
  }

  @Test
  void receipt_keepsACommitmentNotTheSubject_andIsSavedDurably() throws Exception {
    ErasureReceipt receipt = erasure(inventory()).erase(SUBJECT);
    Path saved = root.resolve(Erasure.RECEIPTS).resolve(receipt.id() + ".json");
    String json = Files.readString(saved);
    assertFalse(json.contains(SUBJECT));
    assertFalse(receipt.toString().contains(SUBJECT));
    assertFalse(receipt.toHtml().contains(SUBJECT));
    // the page says what was erased and what to retrain; hashes short in the tables, full once
    String page = receipt.toHtml();
    assertTrue(page.contains("Erased: 2 rows removed"), page);
    assertTrue(page.contains("churn v1: trained on data that held the subject"), page);
    assertTrue(page.contains(v2.substring(0, 12) + "…"), page);
    assertTrue(page.contains(v1), "every purged object in full: " + page);
    assertTrue(receipt.isAbout(SUBJECT, key));
    assertFalse(receipt.isAbout("bob", key));
    assertTrue(receipt.isAbout(SUBJECT, key.rotate()), "the old key stays in a rotated keyset");
    ErasureReceipt back = ErasureReceipt.load(saved);
    assertEquals(receipt.toJson(), back.toJson());
    assertEquals(receipt, back);
  }

  @Test
  void receipt_cannotBeCheckedWithAnotherKeyset() {
    ErasureReceipt receipt = erasure(inventory()).erase(SUBJECT);
    PseudonymKey other = PseudonymKey.generate();
    PseudonymKeyException e =
        assertThrows(PseudonymKeyException.class, () -> receipt.isAbout(SUBJECT, other));
    assertEquals(
        "the key "
            + key.primaryKeyId()
            + " is not in "
            + other
            + ": use the keyset the receipt was made with",
        e.getMessage());
  }

  @Test
  void pipeline_runsTheAffectedStagesAgainAfterTheErasure() {
    erasure(inventory()).erase(SUBJECT);
    assertTrue(pipeline.run().ran().contains("prepare"));
  }

  @Test
  void erase_ofASubjectNotThere_changesNothing_butStillWritesAReceipt() throws Exception {
    String before = Files.readString(root.resolve("data/customers.csv"));
    ErasureReceipt receipt = erasure(inventory()).erase("nobody");
    assertEquals(before, Files.readString(root.resolve("data/customers.csv")));
    assertEquals(0, receipt.rowsRemoved());
    assertEquals(List.of(), receipt.purgedObjects());
    assertEquals(List.of(), receipt.affectedModels());
  }

  @Test
  void logTo_writesMetricsTagAndArtifacts() {
    ErasureReceipt receipt = erasure(inventory()).erase(SUBJECT);
    InMemoryRun run = InMemoryRun.create("t");
    receipt.logTo(run);
    assertEquals(Optional.of(2.0), run.latestMetric("privacy.erasure.rows_removed"));
    assertEquals(Optional.of(1.0), run.latestMetric("privacy.erasure.models_flagged"));
    assertEquals(receipt.id(), run.tags().get("privacy.erasure.receipt"));
    assertTrue(run.artifactPaths().contains("privacy/erasure-" + receipt.id() + ".json"));
  }

  @Test
  void build_withoutASubjectColumn_saysWhatToDo() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Erasure.builder(root, key).build());
    assertEquals(
        "Set the subject column first: builder(root, key).subjectColumn(\"customer_id\")",
        e.getMessage());
    assertEquals(
        "commitmentKey must not be null",
        assertThrows(NullPointerException.class, () -> Erasure.builder(root, null)).getMessage());
  }
}
