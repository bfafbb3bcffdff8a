package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.internal.LockFile.LockDoc;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.pipeline.internal.LockFile.RunEntry;
import org.mlops4j.pipeline.internal.LockFile.StageLock;
import org.mlops4j.report.internal.Json;

class LockFileTest {
  @TempDir Path dir;

  static final String HASH = FileHasher.sha256("x");

  static StageLock stage(String version) {
    return new StageLock(
        version,
        7,
        Map.of("b", true, "a", 0.5),
        Map.of("in.txt", new LockedPath(HASH, 1, null)),
        Map.of("out", new LockedPath(HASH, 10, 2)),
        HASH,
        12,
        "2026-01-01T00:00:00Z",
        false,
        Map.of("mlops4j.user", "u"));
  }

  private List<String> history() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("locks"))) {
      return s.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void text_isTheHeaderThenYamlWithKeysSortedAtEveryLevel() {
    String text = LockFile.text(new LockDoc(1, 42, Map.of("z", stage("v1"), "a", stage("v2"))));
    assertThat(text)
        .startsWith(
            LockFile.HEADER
                + "schema: 1\n"
                + "seed: 42\n"
                + "stages:\n"
                + "  a:\n"
                + "    codeVersion: v2\n"
                + "    seed: 7\n"
                + "    params:\n"
                + "      a: 0.5\n"
                + "      b: true\n"
                + "    inputs:\n"
                + "      in.txt:\n"
                + "        sha256: "
                + HASH
                + "\n        size: 1\n    outputs:\n      out:\n        sha256: "
                + HASH
                + "\n        size: 10\n        files: 2\n    runKey: "
                + HASH
                + "\n    durationMs: 12\n"
                + "    ranAt: 2026-01-01T00:00:00Z\n    restoredFromCache: false\n    provenance:\n"
                + "      mlops4j.user: u\n  z:\n");
  }

  @Test
  void update_writesOnlyWhenTheContentChanges_andArchiveKeepsOneCopyPerContent() throws Exception {
    Path file = dir.resolve("mlops.lock");
    LockFile lock = new LockFile(file, dir.resolve("locks"));
    assertThat(lock.read()).isEmpty();
    lock.archive(); // nothing read or written yet: no copy
    assertThat(dir.resolve("locks")).doesNotExist();
    lock.update(42, Map.of());
    assertThat(file).doesNotExist();

    lock.update(42, Map.of("s", stage("v1")));
    String first = Files.readString(file);
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
    lock.update(42, Map.of("s", stage("v1")));
    assertThat(Files.getLastModifiedTime(file).toMillis()).as("not rewritten").isZero();
    lock.archive();
    lock.archive();
    assertThat(history())
        .singleElement()
        .asString()
        .endsWith("-" + FileHasher.sha256(first).substring(0, 16) + ".lock")
        .matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{16}\\.lock");

    // a new object reads the same file and does not rewrite or re-archive it
    LockFile again = new LockFile(file, dir.resolve("locks"));
    assertThat(again.read()).hasValueSatisfying(d -> assertThat(d.stages()).containsOnlyKeys("s"));
    again.update(42, Map.of("s", stage("v1")));
    assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
    again.archive();
    assertThat(history()).hasSize(1);

    again.update(42, Map.of("s", stage("v2")));
    again.archive();
    assertThat(history()).hasSize(2);
    assertThat(LockFile.read(file).orElseThrow().stages().get("s").codeVersion()).isEqualTo("v2");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.startsWith(AtomicFiles.TMP_PREFIX));
    }
  }

  @Test
  void aLockThatIsNotYaml_isRejectedNamingTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("mlops.lock"), "stages: [unclosed");
    assertThatThrownBy(() -> LockFile.read(file))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("cannot read lock file " + file + ": ");
  }

  @Test
  void runEntry_isJsonWithTheHeader_andReadsBack() throws Exception {
    RunEntry entry = new RunEntry(HASH, "s", stage("v1"));
    String json = LockFile.runEntryJson(entry);
    JsonNode node = Json.mapper().readTree(json);
    assertThat(node.fieldNames())
        .toIterable()
        .containsExactly(
            "format",
            "formatVersion",
            "library",
            "libraryVersion",
            "createdAt",
            "runKey",
            "stage",
            "lock");
    assertThat(node.get("format").asText()).isEqualTo("mlops4j.pipeline-run");
    assertThat(node.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(node.at("/lock/outputs/out/files").asInt()).isEqualTo(2);
    assertThat(node.at("/lock/inputs/in.txt").has("files")).isFalse();
    assertThat(json).endsWith("}\n");
    assertThat(LockFile.parseRunEntry(json, "entry")).isEqualTo(entry);
  }

  @Test
  void runEntryWithoutHeader_asWrittenByEarlierSnapshots_isStillRead() {
    String legacy =
        "{\"runKey\":\""
            + HASH
            + "\",\"stage\":\"s\",\"lock\":{\"codeVersion\":\"v1\",\"seed\":7,"
            + "\"params\":{\"a\":0.5,\"b\":true},\"inputs\":{\"in.txt\":{\"sha256\":\""
            + HASH
            + "\",\"size\":1}},"
            + "\"outputs\":{\"out\":{\"sha256\":\""
            + HASH
            + "\",\"size\":10,\"files\":2}},\"runKey\":\""
            + HASH
            + "\",\"durationMs\":12,\"ranAt\":\"2026-01-01T00:00:00Z\",\"restoredFromCache\":false,"
            + "\"provenance\":{\"mlops4j.user\":\"u\"},\"someFutureField\":1}}";
    assertThat(LockFile.parseRunEntry(legacy, "entry"))
        .isEqualTo(new RunEntry(HASH, "s", stage("v1")));
  }

  @Test
  void runEntryOfANewerFormatVersion_orNotAnEntry_isRejectedNamingTheSource() {
    String newer =
        LockFile.runEntryJson(new RunEntry(HASH, "s", stage("v1")))
            .replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    assertThatThrownBy(() -> LockFile.parseRunEntry(newer, "runs/ab/cd.json"))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("runs/ab/cd.json: formatVersion must be 1 to 1")
        .hasMessageEndingWith("but was 2");
    assertThatThrownBy(() -> LockFile.parseRunEntry("[1]", "runs/ab/cd.json"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("cannot read run-cache entry runs/ab/cd.json: expected a JSON object");
    assertThatThrownBy(() -> LockFile.parseRunEntry("{", "runs/ab/cd.json"))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("cannot read run-cache entry runs/ab/cd.json: ");
  }

  @Test
  void canonicalParam_isTheSameForEveryWidth() {
    assertThat(LockFile.canonicalParam(7)).isEqualTo("7");
    assertThat(LockFile.canonicalParam((byte) 7)).isEqualTo("7");
    assertThat(LockFile.canonicalParam(0.1f)).isEqualTo(Double.toString((double) 0.1f));
    assertThat(LockFile.canonicalParam(0.1)).isEqualTo("0.1");
    assertThat(LockFile.canonicalParam(true)).isEqualTo("true");
    assertThat(LockFile.canonicalParam("a: b")).isEqualTo("a: b");
  }
}
