package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;

class ModelRegistryTest {

  @TempDir Path tmp;
  Path root;
  ModelRegistry registry;

  @BeforeEach
  void setUp() {
    root = tmp.resolve("mlruns");
    registry = ModelRegistry.builder().root(root).user("bob").build();
  }

  private Path file(String name, String content) throws Exception {
    Path p = tmp.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private static long objectCount(Path modelDir) throws Exception {
    try (Stream<Path> s = Files.walk(modelDir.resolve("mlops4j-objects"))) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void registersVersionsNumberedFromOne_andStoresEqualBytesOnce() throws Exception {
    Path shared = file("vocab.txt", "same bytes");
    ModelVersion v1 =
        registry.newVersion("churn").artifact(file("m1.bin", "one")).artifact(shared).register();
    ModelVersion v2 =
        registry.newVersion("churn").artifact(file("m2.bin", "two")).artifact(shared).register();

    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v1.user()).isEqualTo("bob");
    // 4 artifact files, 3 distinct contents: "one", "two", "same bytes"
    assertThat(objectCount(root.resolve("models/churn"))).isEqualTo(3);
    // sha256 of "same bytes": printf 'same bytes' | sha256sum
    assertThat(v2.artifacts())
        .filteredOn(a -> a.path().equals("vocab.txt"))
        .extracting(ArtifactFile::sha256)
        .containsExactly("58100dc8fc06562ce3e578231dc948e083520ee49c4b4ee5a5a28bb4b4003feb");
    assertThat(v2.totalBytes()).isEqualTo(3 + 10);
    assertThat(registry.models()).extracting(RegisteredModel::name).containsExactly("churn");
  }

  static String sha256Of(String s) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aliasesMoveAndResolve() throws Exception {
    registry.newVersion("churn").artifact(file("a", "1")).register();
    registry.newVersion("churn").artifact(file("b", "2")).register();
    registry.setAlias("churn", "champion", 1, "first");
    assertThat(registry.version("churn", "champion").version()).isEqualTo(1);
    registry.setAlias("churn", "champion", 2, "better");
    assertThat(registry.versionByAlias("churn", "champion").version()).isEqualTo(2);
    assertThat(registry.model("churn").aliases()).isEqualTo(Map.of("champion", 2));
    assertThat(Files.readString(root.resolve("models/churn/aliases/champion"))).isEqualTo("2");
    assertThat(registry.version("churn", 1).aliases()).isEmpty();
    assertThat(registry.version("churn", 2).aliases()).containsExactly("champion");
    registry.deleteAlias("churn", "champion", "retired");
    assertThat(registry.model("churn").aliases()).isEmpty();
    assertThat(registry.audit("churn"))
        .extracting(AuditEntry::action, AuditEntry::from, AuditEntry::to)
        .contains(
            org.assertj.core.groups.Tuple.tuple("set_alias", "", "champion=1"),
            org.assertj.core.groups.Tuple.tuple("set_alias", "champion=1", "champion=2"),
            org.assertj.core.groups.Tuple.tuple("delete_alias", "champion=2", ""));
  }

  @Test
  void atMostOneVersionInProduction_unlessTheOldOneIsArchived() throws Exception {
    registry.newVersion("churn").artifact(file("a", "1")).register();
    registry.newVersion("churn").artifact(file("b", "2")).register();
    registry.transition("churn", 1, ModelStage.PRODUCTION, false, "go");

    assertThatThrownBy(() -> registry.transition("churn", 2, ModelStage.PRODUCTION, false, "go"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "version 1 of model 'churn' is in Production; at most one version is: archive it first"
                + " (transition(\"churn\", 1, ARCHIVED, ...)) or pass archiveExisting = true");
    assertThat(registry.version("churn", 2).stage()).isEqualTo(ModelStage.NONE);

    registry.transition("churn", 2, ModelStage.PRODUCTION, true, "replace");
    assertThat(registry.version("churn", 1).stage()).isEqualTo(ModelStage.ARCHIVED);
    assertThat(registry.versionInStage("churn", ModelStage.PRODUCTION))
        .map(ModelVersion::version)
        .contains(2);
  }

  @Test
  void versionsByTag_andModelTags() throws Exception {
    registry.createModel("churn", "customer churn", Map.of("owner", "alice"));
    registry.newVersion("churn").artifact(file("a", "1")).tag("dataset", "2026-10").register();
    registry.newVersion("churn").artifact(file("b", "2")).tag("dataset", "2026-11").register();
    registry.setVersionTag("churn", 1, "validated", "yes");
    registry.setModelTag("churn", "team", "growth");
    assertThat(registry.versionsWithTag("churn", "dataset", "2026-11"))
        .extracting(ModelVersion::version)
        .containsExactly(2);
    assertThat(registry.version("churn", 1).tags())
        .isEqualTo(Map.of("dataset", "2026-10", "validated", "yes"));
    assertThat(registry.model("churn").tags())
        .isEqualTo(Map.of("owner", "alice", "team", "growth"));
    assertThat(registry.model("churn").description()).isEqualTo("customer churn");
  }

  @Test
  void lineageReadsTheRunAndThePipelineLock() throws Exception {
    String runId;
    try (LocalTracker tracker = LocalTracker.open(root);
        Run run = tracker.startRun("churn", "train")) {
      run.logParam("trees", "200");
      run.logMetric("auc", 0.87);
      // 0.1 + 0.2 is 0.30000000000000004 in doubles: the table shows 0.3
      run.logMetric("noisy", 0.1 + 0.2);
      runId = run.id();
    }
    // the golden lock of mlops-pipeline's tests (mlops-v1.lock), one stage with one input
    Path lock =
        file(
            "mlops.lock",
            "schema: 1\n"
                + "seed: 42\n"
                + "stages:\n"
                + "  prepare:\n"
                + "    inputs:\n"
                + "      data/raw.csv:\n"
                + "        sha256:"
                + " bd478b7a29bb9458e5409ec846358dee6e300a0ec98509dafc6e3b1f06555963\n"
                + "        size: 9\n");
    registry
        .newVersion("churn")
        .artifact(file("m", "x"))
        .runId(runId)
        .pipelineLock(lock)
        .dataHash("data/extra.csv", sha256Of("extra"))
        .register();

    VersionLineage lineage = registry.lineage("churn", 1);
    assertThat(lineage.run()).isPresent();
    assertThat(lineage.run().get().params()).containsEntry("trees", "200");
    assertThat(lineage.run().get().metrics().get("auc").value()).isEqualTo(0.87);
    assertThat(lineage.version().pipelineLockSha256()).isEqualTo(sha256Of(Files.readString(lock)));
    assertThat(lineage.dataHashes())
        .isEqualTo(
            Map.of(
                "data/raw.csv",
                "bd478b7a29bb9458e5409ec846358dee6e300a0ec98509dafc6e3b1f06555963",
                "data/extra.csv",
                sha256Of("extra")));
    assertThat(lineage.toString())
        .contains("param", "trees", "200", "data/raw.csv")
        .containsPattern("metric +noisy +0\\.3\n")
        .doesNotContain("0.30000000000000004");
  }

  @Test
  void loadVerifiesEveryHashAndHandsTheFilesToTheLoader() throws Exception {
    registry
        .newVersion("churn")
        .artifact("model.txt", file("m.txt", "w=1.5"))
        .artifact("cfg/params.txt", file("p.txt", "b=2"))
        .register();
    registry.setAlias("churn", "champion", 1, "");
    String loaded =
        registry.load(
            "churn",
            "champion",
            (dir, v) ->
                Files.readString(dir.resolve("model.txt"))
                    + ";"
                    + Files.readString(dir.resolve("cfg/params.txt"))
                    + ";v"
                    + v.version());
    assertThat(loaded).isEqualTo("w=1.5;b=2;v1");
  }

  @Test
  void aTamperedFileIsNeverLoaded() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w=1.5")).register();
    Path f = root.resolve("models/churn/version-1/artifacts/model.txt");
    // the file is a hard link to the stored object: replace it rather than edit the object
    Files.delete(f);
    Files.writeString(f, "w=9.9");
    boolean[] called = {false};
    assertThatThrownBy(
            () ->
                registry.load(
                    "churn",
                    "1",
                    (dir, v) -> {
                      called[0] = true;
                      return v;
                    }))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessage(
            f
                + ": artifact 'model.txt' of churn v1 does not match its registered hash: expected"
                + " sha256 "
                + sha256Of("w=1.5")
                + ", found "
                + sha256Of("w=9.9")
                + "; the version is not loaded");
    assertThat(called[0]).isFalse();
  }

  @Test
  void aMissingFileIsNeverLoaded() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    Files.delete(root.resolve("models/churn/version-1/artifacts/model.txt"));
    assertThatThrownBy(() -> registry.verify("churn", 1))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("found (missing)");
  }

  @Test
  void anArtifactPathOutsideTheVersionInItsRecordsIsRefused() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    Path json = root.resolve("models/churn/version-1/mlops4j.json");
    Files.writeString(
        json, Files.readString(json).replace("\"path\" : \"model.txt\"", "\"path\" : \"../x\""));
    assertThatThrownBy(() -> registry.verify("churn", 1))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessage(
            root.resolve("models/churn/version-1/artifacts")
                + ": artifact path '../x' leaves the version's folder");
  }

  @Test
  void unknownModelVersionAndAliasAreNamed() throws Exception {
    registry.newVersion("churn").artifact(file("a", "1")).register();
    registry.setAlias("churn", "champion", 1, "");
    assertThatThrownBy(() -> registry.model("fraud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be a registered model [churn], but was 'fraud'");
    assertThatThrownBy(() -> registry.version("churn", 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must be a version of model 'churn' ([1]), but was 7");
    assertThatThrownBy(() -> registry.version("churn", "chmpion"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alias must be an alias of model 'churn' [champion], but was 'chmpion'");
  }

  @Test
  void badNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
    assertThatThrownBy(() -> registry.createModel("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be a model name without '/', but was 'a/b'");
    assertThatThrownBy(() -> registry.createModel("../evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name ");
    assertThatThrownBy(() -> registry.newVersion("churn").artifact("../x", file("x", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path ")
        .hasMessageContaining("'../x'");
    registry.newVersion("churn").artifact(file("a", "1")).register();
    assertThatThrownBy(() -> registry.setAlias("churn", "latest", 1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alias must be other than 'latest' (reserved), but was 'latest'");
    assertThatThrownBy(() -> registry.setAlias("churn", "v2", 1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alias must be other than v<number> (reserved), but was 'v2'");
    assertThatThrownBy(() -> registry.setAlias("churn", "a b", 1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alias must be letters, digits, '_' and '-' only, but was 'a b'");
    assertThatThrownBy(() -> registry.createModel("churn"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "model 'churn' is registered already; use newVersion(\"churn\") to add a version");
    assertThat(registry.models()).extracting(RegisteredModel::name).containsExactly("churn");
  }

  @Test
  void aReadOnlyRegistryRefusesWrites() {
    ModelRegistry ro = ModelRegistry.openReadOnly(root);
    assertThatThrownBy(() -> ro.createModel("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this registry was opened read-only; open it with ModelRegistry.open(root) to change"
                + " it");
  }

  @Test
  void aVersionMlflowRegisteredHasNothingToLoad() throws Exception {
    registry.createModel("m");
    Path v = Files.createDirectories(root.resolve("models/m/version-1"));
    Files.writeString(
        v.resolve("meta.yaml"),
        "creation_timestamp: 1\ncurrent_stage: None\ndescription: null\n"
            + "last_updated_timestamp: 1\nname: m\nrun_id: null\nsource: runs:/abc/model\n"
            + "status: READY\nversion: 1\n");
    assertThatThrownBy(() -> registry.load("m", "1", (d, x) -> x))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "version 1 of model 'm' has no artifacts registered by mlops4j (source"
                + " runs:/abc/model); load it from its source");
    assertThat(registry.versions("m"))
        .extracting(ModelVersion::runId)
        .containsExactly(Optional.empty());
  }

  @Test
  void tablesAreReadable() throws Exception {
    registry.createModel("churn", "customer churn", Map.of());
    registry.newVersion("churn").artifact(file("a", "1")).description("first").register();
    registry.transition("churn", 1, ModelStage.PRODUCTION, false, "");
    String t = registry.toString();
    assertThat(t).contains("model", "versions", "production", "churn", "v1", "customer churn");
    assertThat(registry.versionsTable("churn")).contains("Production", "first", "bob");
    assertThat(AuditEntry.table(registry.audit("churn")))
        .contains("register_model", "register_version", "transition_stage");
    assertThat(registry.version("churn", 1).toString()).contains("ModelVersion churn v1");
  }

  @Test
  void unreadableStoreContentsAreMlopsExceptions() throws Exception {
    registry.newVersion("churn").artifact(file("a", "1")).register();
    Files.createDirectories(root.resolve("models/churn/aliases"));
    Files.writeString(root.resolve("models/churn/aliases/bad"), "x");
    assertThatThrownBy(() -> registry.model("churn"))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            root.resolve("models/churn/aliases/bad")
                + ": an alias file must hold a version number, but holds 'x'");
  }

  @Test
  void attachAddsAFileToAVersion_loadAndVerifySeeIt_andTheAuditSaysWhoWhatWhy() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    ModelVersion v =
        registry.attach(
            "churn", 1, "card/model_card.md", file("card.md", "# churn"), "card after review");

    // sha256 of "# churn": printf '# churn' | sha256sum (checked by sha256Of, JDK MessageDigest)
    String sha = sha256Of("# churn");
    assertThat(v.artifacts())
        .containsExactly(
            new ArtifactFile("card/model_card.md", sha, 7),
            new ArtifactFile("model.txt", sha256Of("w"), 1));
    assertThat(registry.verify("churn", 1).artifacts()).hasSize(2);
    String loaded =
        registry.load(
            "churn", "1", (dir, x) -> Files.readString(dir.resolve("card/model_card.md")));
    assertThat(loaded).isEqualTo("# churn");
    // stored once by content, beside the registered file's object
    assertThat(objectCount(root.resolve("models/churn"))).isEqualTo(2);
    AuditEntry last = registry.audit("churn").get(registry.audit("churn").size() - 1);
    assertThat(last.action()).isEqualTo("attach_artifact");
    assertThat(last.user()).isEqualTo("bob");
    assertThat(last.version()).isEqualTo(1);
    assertThat(last.to()).isEqualTo("card/model_card.md sha256:" + sha);
    assertThat(last.reason()).isEqualTo("card after review");
    assertThat(last.outcome()).isEqualTo("done");
    // no temporary left in the version's folder
    try (Stream<Path> s = Files.list(root.resolve("models/churn/version-1"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("meta.yaml", "mlops4j.json", "artifacts");
    }
  }

  @Test
  void anAttachedFileWhoseBytesChangeIsNeverLoaded() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    registry.attach("churn", 1, "card.json", file("card.json", "{}"), "");
    Path f = root.resolve("models/churn/version-1/artifacts/card.json");
    Files.delete(f); // a new inode, so the stored object keeps its bytes
    Files.writeString(f, "{\"x\":1}");
    assertThatThrownBy(() -> registry.load("churn", "1", (d, x) -> x))
        .isInstanceOf(ArtifactIntegrityException.class)
        .hasMessageContaining("artifact 'card.json' of churn v1")
        .hasMessageContaining("expected sha256 " + sha256Of("{}"))
        .hasMessageContaining("found " + sha256Of("{\"x\":1}"));
  }

  @Test
  void attachNeverReplacesAnArtifact_theSameBytesAgainChangeNothing() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    registry.attach("churn", 1, "card.md", file("c1.md", "one"), "");
    int lines = registry.audit("churn").size();
    Path json = root.resolve("models/churn/version-1/mlops4j.json");
    String before = Files.readString(json);

    assertThat(registry.attach("churn", 1, "card.md", file("c1b.md", "one"), "again").artifacts())
        .hasSize(2);
    assertThat(registry.audit("churn")).hasSize(lines);
    assertThatThrownBy(() -> registry.attach("churn", 1, "card.md", file("c2.md", "two"), ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "artifact 'card.md' of churn v1 exists with sha256 "
                + sha256Of("one")
                + ", the new file has sha256 "
                + sha256Of("two")
                + ": an artifact is never replaced; attach it under another path or register a"
                + " new version");
    assertThatThrownBy(() -> registry.attach("churn", 1, "model.txt", file("m2", "x"), ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("artifact 'model.txt' of churn v1 exists with sha256 ");
    assertThatThrownBy(() -> registry.attach("churn", 1, "model.txt/x", file("m3", "x"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "artifact path must be neither a folder of an artifact nor inside one ('model.txt'),"
                + " but was 'model.txt/x'");
    assertThat(Files.readString(json)).isEqualTo(before);
    assertThat(Files.readString(root.resolve("models/churn/version-1/artifacts/card.md")))
        .isEqualTo("one");
    assertThat(registry.audit("churn")).hasSize(lines);
  }

  @Test
  void attachRefusesAPathOutsideTheVersion_andBadArguments() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    Path x = file("x", "x");
    assertThatThrownBy(() -> registry.attach("churn", 1, "../x", x, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path ")
        .hasMessageContaining("'../x'");
    assertThatThrownBy(() -> registry.attach("churn", 1, "a/../../x", x, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path ")
        .hasMessageContaining("'a/../../x'");
    assertThatThrownBy(() -> registry.attach("churn", 1, "/etc/x", x, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path ");
    assertThatThrownBy(() -> registry.attach("churn", 2, "x", x, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must be a version of model 'churn' ([1]), but was 2");
    assertThatThrownBy(() -> registry.attach("churn", 1, "x", tmp, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("file must be a regular file (not a link or folder), but was " + tmp);
    assertThatThrownBy(() -> registry.attach("churn", 1, "x", x, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason must not be null");
    assertThat(registry.version("churn", 1).artifacts()).hasSize(1);
    assertThat(registry.audit("churn"))
        .extracting(AuditEntry::action)
        .doesNotContain("attach_artifact");
  }

  @Test
  void attachIsRefusedOnAVersionMlflowRegistered() throws Exception {
    registry.createModel("m");
    Path v = Files.createDirectories(root.resolve("models/m/version-1"));
    Files.writeString(
        v.resolve("meta.yaml"),
        "creation_timestamp: 1\ncurrent_stage: None\ndescription: null\n"
            + "last_updated_timestamp: 1\nname: m\nrun_id: null\nsource: runs:/abc/model\n"
            + "status: READY\nversion: 1\n");
    assertThatThrownBy(() -> registry.attach("m", 1, "card.md", file("c", "c"), ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "version 1 of model 'm' was not registered by mlops4j (no mlops4j.json; source"
                + " runs:/abc/model): register its files as a new version, then attach to that");
  }

  @Test
  void aReadOnlyRegistryRefusesAnAttachment() throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    ModelRegistry ro = ModelRegistry.openReadOnly(root);
    assertThatThrownBy(() -> ro.attach("churn", 1, "c", file("c", "c"), ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("this registry was opened read-only");
  }

  @Test
  void anAttachmentWhoseAuditLineWasLost_isRecoveredFromTheVersionsRecordOnOpening()
      throws Exception {
    registry.newVersion("churn").artifact("model.txt", file("m.txt", "w")).register();
    registry.attach("churn", 1, "card.md", file("c.md", "card"), "after review");
    Path log = root.resolve("models/churn/" + ModelRegistry.AUDIT_FILE);
    java.util.List<String> lines = Files.readAllLines(log);
    AuditEntry written = registry.audit("churn").get(lines.size() - 1);
    // as if the process died after replacing mlops4j.json and before appending its line
    Files.write(log, lines.subList(0, lines.size() - 1));

    ModelRegistry reopened = ModelRegistry.builder().root(root).user("carol").build();
    java.util.List<AuditEntry> audit = reopened.audit("churn");
    AuditEntry recovered = audit.get(audit.size() - 1);
    assertThat(audit).hasSize(lines.size());
    assertThat(recovered.outcome()).isEqualTo("recovered");
    assertThat(recovered).usingRecursiveComparison().ignoringFields("outcome").isEqualTo(written);
    // opening again adds nothing more
    assertThat(ModelRegistry.open(root).audit("churn")).hasSize(lines.size());
  }
}
