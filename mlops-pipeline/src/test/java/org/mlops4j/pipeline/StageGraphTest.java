package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageGraphTest {
  static final StageWork NOTHING = ctx -> {};

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("raw.csv"), "x");
  }

  private static Stage stage(String name, String input, String output) {
    return Stage.named(name).input(input).output(output).work(NOTHING);
  }

  @Test
  void stages_areOrderedByDependency_tiesInDeclarationOrder() {
    StageGraph g =
        StageGraph.of(
            root,
            List.of(
                stage("report", "model.bin", "report.txt"),
                stage("b", "raw.csv", "b.txt"),
                stage("train", "clean.csv", "model.bin"),
                stage("a", "raw.csv", "a.txt"),
                stage("clean", "raw.csv", "clean.csv")));
    // Kahn by hand: ready in declaration order each round -> b, a, clean, train, report
    assertThat(g.order())
        .extracting(Stage::name)
        .containsExactly("b", "a", "clean", "train", "report");
    assertThat(g.upstream())
        .containsEntry("report", List.of("train"))
        .containsEntry("b", List.of());
    assertThat(g.byName().keySet()).containsExactly("b", "a", "clean", "train", "report");
  }

  @Test
  void paths_areNormalizedRelativeToTheRoot() {
    StageGraph g =
        StageGraph.of(
            root, List.of(stage("s", "./raw.csv", root.resolve("out/../o.txt").toString())));
    Stage s = g.byName().get("s");
    assertThat(s.inputs()).containsExactly("raw.csv");
    assertThat(s.outputs()).containsExactly("o.txt");
  }

  @Test
  void paramsCodeVersionAndWork_surviveNormalization() {
    Stage declared =
        Stage.named("s").input("raw.csv").param("k", 3).output("o").codeVersion("v7").work(NOTHING);
    Stage s = StageGraph.of(root, List.of(declared)).byName().get("s");
    assertThat(s.params()).containsEntry("k", 3L);
    assertThat(s.codeVersion()).isEqualTo("v7");
    assertThat(s.work()).containsSame(NOTHING);
  }

  @Test
  void aCycleOfThree_isNamedInDataFlowOrder() {
    assertThatThrownBy(
            () ->
                StageGraph.of(
                    root,
                    List.of(
                        stage("a", "c.txt", "a.txt"),
                        stage("b", "a.txt", "b.txt"),
                        stage("c", "b.txt", "c.txt"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stages form a cycle: a -> b -> c -> a");
  }

  @Test
  void aCycleOfTwo_behindAnAcyclicStage_isNamedAlone() {
    assertThatThrownBy(
            () ->
                StageGraph.of(
                    root,
                    List.of(
                        stage("head", "raw.csv", "h.txt"),
                        stage("x", "y.txt", "x.txt"),
                        stage("y", "x.txt", "y.txt"))))
        .hasMessage("stages form a cycle: x -> y -> x"); // x writes x.txt, which y reads
  }

  @Test
  void duplicateAndNestedOutputs_areRejected() {
    assertThatThrownBy(
            () ->
                StageGraph.of(
                    root,
                    List.of(
                        stage("a", "raw.csv", "out/x.csv"), stage("b", "raw.csv", "out/./x.csv"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("output 'out/x.csv' is declared by both stage 'a' and stage 'b'");
    assertThatThrownBy(
            () ->
                StageGraph.of(
                    root,
                    List.of(stage("a", "raw.csv", "out"), stage("b", "raw.csv", "out/x.csv"))))
        .hasMessage(
            "output 'out/x.csv' of stage 'b' and output 'out' of stage 'a' overlap (one is inside"
                + " the other)");
  }

  @Test
  void missingInput_isRejected_butAnInputInsideAnotherStagesOutputIsADependency() {
    assertThatThrownBy(
            () -> StageGraph.of(root, List.of(stage("train", "data/missing.csv", "m.bin"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stage 'train' input 'data/missing.csv' is neither an existing file or directory under"
                + " the project root nor an output of any stage");
    StageGraph g =
        StageGraph.of(
            root,
            List.of(
                stage("use", "models/best/w.bin", "r.txt"), stage("make", "raw.csv", "models")));
    assertThat(g.upstream().get("use")).containsExactly("make");
  }

  @Test
  void aStageReadingItsOwnOutput_isRejected() {
    assertThatThrownBy(
            () ->
                StageGraph.of(
                    root,
                    List.of(
                        Stage.named("s").input("raw.csv").input("o/x").output("o").work(NOTHING))))
        .hasMessage("stage 's' declares 'o/x' as an input and 'o' as an output");
  }

  @Test
  void pathsOutsideTheRoot_andMlops4jsOwnFiles_areRejected() {
    assertThatThrownBy(() -> StageGraph.of(root, List.of(stage("p", "../secret.txt", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage 'p' input '../secret.txt' is outside the project root " + root);
    assertThatThrownBy(() -> StageGraph.of(root, List.of(stage("p", "raw.csv", "/etc/passwd"))))
        .hasMessage("stage 'p' output '/etc/passwd' is outside the project root " + root);
    for (String own : List.of("mlops.lock", ".mlops", ".mlops/cache/x", ".")) {
      assertThatThrownBy(() -> StageGraph.of(root, List.of(stage("p", "raw.csv", own))))
          .hasMessage(
              "stage 'p' output '"
                  + own
                  + "' would overwrite mlops4j's own files (mlops.lock, .mlops/ or the root)");
    }
  }

  @Test
  void duplicateNamesAndStagesWithoutWork_areRejected() {
    assertThatThrownBy(
            () ->
                StageGraph.of(
                    root, List.of(stage("a", "raw.csv", "a.txt"), stage("a", "raw.csv", "b.txt"))))
        .hasMessage("stage name 'a' is declared twice");
    assertThatThrownBy(
            () -> StageGraph.of(root, List.of(Stage.named("a").input("raw.csv").output("a.txt"))))
        .hasMessage("stage 'a' has no work: call work(...)");
  }

  @Test
  void checkLinks_rejectsAPathThatLeadsOutsideTheRootThroughASymlink_evenADanglingOne()
      throws Exception {
    Path outside = tmp.toRealPath().resolve("elsewhere");
    Files.createSymbolicLink(root.resolve("out"), outside); // dangling: the target does not exist
    List<Stage> stages =
        List.of(Stage.named("p").input("raw.csv").output("out/x.csv").work(NOTHING));
    assertThatThrownBy(() -> StageGraph.checkLinks(root, stages))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "stage 'p' output 'out/x.csv' leads through a symbolic link to "
                + outside
                + ", outside the project root "
                + root);
    Files.delete(root.resolve("out"));
    Files.createSymbolicLink(root.resolve("out"), Files.createDirectories(root.resolve("inside")));
    StageGraph.checkLinks(root, stages);
  }
}
