package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.Digester;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.LockFile.LockDoc;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.pipeline.internal.LockFile.StageLock;
import org.mlops4j.pipeline.internal.StateStore;

class StalenessTest {
  static final StageWork NOTHING = ctx -> {};
  // expected: printf 'in' | sha256sum ; printf 'out' | sha256sum
  static final String IN = "582967534d0f909d196b97f9e6921342777aea87b46fa52df165389db1fb8ccf";
  static final String OUT = "762069bc07a6e1b5df123a5ae7bd91c10daa04694fbaa17fba0cd6a8dcce8f22";

  @TempDir Path tmp;
  Path root;
  Digester digester;

  @BeforeEach
  void setUp() throws Exception {
    root = tmp.toRealPath();
    Files.writeString(root.resolve("in.txt"), "in");
    Files.writeString(root.resolve("out.txt"), "out");
    digester = new Digester(root, StateStore.inMemory());
  }

  private static Stage stage(String version, Map<String, Object> params) {
    Stage s = Stage.named("s").input("in.txt").output("out.txt").codeVersion(version).work(NOTHING);
    for (Map.Entry<String, Object> p : params.entrySet()) {
      s = s.param(p.getKey(), p.getValue());
    }
    return s;
  }

  private static StageLock lock(
      String version,
      Map<String, Object> params,
      Map<String, LockedPath> inputs,
      Map<String, LockedPath> outputs) {
    return new StageLock(version, 1, params, inputs, outputs, null, 0, null, false, Map.of());
  }

  private static final Map<String, LockedPath> LOCKED_IN =
      Map.of("in.txt", new LockedPath(IN, 2, null));
  private static final Map<String, LockedPath> LOCKED_OUT =
      Map.of("out.txt", new LockedPath(OUT, 3, null));

  private Optional<String> reason(Stage s, long seed, LockDoc previous) throws Exception {
    Map<String, Digest> inputs =
        Map.of("in.txt", digester.digest(root.resolve("in.txt")).orElseThrow());
    return new Staleness(root, digester, previous, seed).reason(s, inputs);
  }

  @Test
  void aStageMatchingItsLockEntry_isUpToDate() throws Exception {
    LockDoc prev =
        new LockDoc(1, 42, Map.of("s", lock("v1", Map.of("k", 1L), LOCKED_IN, LOCKED_OUT)));
    assertThat(reason(stage("v1", Map.of("k", 1)), 42, prev)).isEmpty();
  }

  @Test
  void withoutAnEntry_theStageNeverRan_unlessThePipelineSeedChanged() throws Exception {
    Stage s = stage("v1", Map.of());
    assertThat(new Staleness(root, digester, null, 42).reason(s, Map.of()))
        .hasValue("not in the lock file (never ran)");
    LockDoc other = new LockDoc(1, 42, Map.of("t", lock("v1", Map.of(), LOCKED_IN, LOCKED_OUT)));
    assertThat(reason(s, 42, other)).hasValue("not in the lock file (never ran)");
    LockDoc seeded = new LockDoc(1, 42, Map.of("s", lock("v1", Map.of(), LOCKED_IN, LOCKED_OUT)));
    assertThat(reason(s, 7, seeded)).hasValue("pipeline seed changed: 42 -> 7");
  }

  @Test
  void everyDifference_isNamed_inTheOrderCodeParamsInputsOutputs() throws Exception {
    Files.writeString(root.resolve("out.txt"), "edited");
    LockDoc prev =
        new LockDoc(
            1,
            42,
            Map.of(
                "s",
                lock(
                    "v1",
                    Map.of("gone", true, "lr", 0.1, "n", "7"),
                    Map.of(
                        "in.txt",
                        new LockedPath(OUT, 3, null),
                        "old.txt",
                        new LockedPath(IN, 2, null)),
                    Map.of(
                        "out.txt",
                        new LockedPath(OUT, 3, null),
                        "old-out",
                        new LockedPath(IN, 2, 1)))));
    Stage s = stage("v2", Map.of("lr", 0.01, "n", 7, "new", "x"));
    assertThat(reason(s, 42, prev))
        .hasValue(
            "code version changed: v1 -> v2; param 'gone' removed; param 'lr' changed: 0.1 -> 0.01;"
                + " param 'n' changed: '7' -> 7; param 'new' added; input 'in.txt' changed; input"
                + " 'old.txt' removed; output 'old-out' removed; output 'out.txt' was modified");
  }

  @Test
  void aMissingOrNewOutput_andANewInput_areNamed() throws Exception {
    Files.delete(root.resolve("out.txt"));
    LockDoc prev = new LockDoc(1, 42, Map.of("s", lock("v1", Map.of(), Map.of(), LOCKED_OUT)));
    assertThat(reason(stage("v1", Map.of()), 42, prev))
        .hasValue("input 'in.txt' added; output 'out.txt' is missing");
    LockDoc noOutputs = new LockDoc(1, 42, Map.of("s", lock("v1", Map.of(), LOCKED_IN, Map.of())));
    assertThat(reason(stage("v1", Map.of()), 42, noOutputs)).hasValue("output 'out.txt' added");
  }

  @Test
  void sameNumber_inAnotherWidth_isNoChange_butAnotherTypeIs() throws Exception {
    LockDoc prev =
        new LockDoc(
            1, 42, Map.of("s", lock("v1", Map.of("i", 7L, "f", 0.5), LOCKED_IN, LOCKED_OUT)));
    assertThat(reason(stage("v1", Map.of("i", 7, "f", 0.5f)), 42, prev)).isEmpty();
    assertThat(reason(stage("v1", Map.of("i", 7.0, "f", 0.5)), 42, prev))
        .hasValue("param 'i' changed: 7 -> 7.0");
  }

  @Test
  void runKey_isTheSha256OfTheCanonicalStageDescription() {
    Stage s =
        Stage.named("prepare")
            .input("data/raw.csv")
            .param("split", 0.2)
            .output("data/train.csv")
            .codeVersion("v1")
            .work(NOTHING);
    String rawHash = "bd478b7a29bb9458e5409ec846358dee6e300a0ec98509dafc6e3b1f06555963";
    Map<String, Digest> inputs = Map.of("data/raw.csv", Digest.ofFile(rawHash, 9));
    // expected: python3
    // hashlib.sha256(b'mlops4j-stage-v1\nname=prepare\ncode=v1\nseed=3074561656246883891\n'
    //   b'param split=f:0.2\ninput data/raw.csv=bd47...5963\noutput data/train.csv\n').hexdigest()
    // (the key of the golden lock written by 0.1.0)
    assertThat(Staleness.runKey(s, 3074561656246883891L, inputs))
        .isEqualTo("aff975e0c28b1013d0d85e831b23f2bae0994f2dc2a770c87890a89db535935f");
    assertThat(Staleness.runKey(s.param("split", "0.2"), 3074561656246883891L, inputs))
        .isNotEqualTo(Staleness.runKey(s, 3074561656246883891L, inputs));
    assertThat(FileHasher.isSha256(Staleness.runKey(s, 0, inputs))).isTrue();
  }

  @Test
  void typedAndDisplayedValues() {
    assertThat(Staleness.typed("a")).isEqualTo("s:a");
    assertThat(Staleness.typed(true)).isEqualTo("b:true");
    assertThat(Staleness.typed(0.2)).isEqualTo("f:0.2");
    assertThat(Staleness.typed(7L)).isEqualTo("i:7");
    assertThat(Staleness.display("a")).isEqualTo("'a'");
    assertThat(Staleness.display(7L)).isEqualTo("7");
  }
}
