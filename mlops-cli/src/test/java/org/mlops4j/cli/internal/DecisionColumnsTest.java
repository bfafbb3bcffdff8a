package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.fairness.Decisions;

class DecisionColumnsTest {

  @TempDir Path dir;

  @Test
  void optionsThatDoNotGoTogether_areUsageErrors() {
    assertThatThrownBy(() -> new DecisionColumns("y", null, null, null, List.of("g"), null))
        .isInstanceOf(UsageException.class)
        .hasMessage("give either --prediction COL or --score COL with --threshold T");
    assertThatThrownBy(() -> new DecisionColumns("y", "p", "s", 0.5, List.of("g"), null))
        .hasMessage("give either --prediction COL or --score COL with --threshold T");
    assertThatThrownBy(() -> new DecisionColumns("y", null, "s", null, List.of("g"), null))
        .hasMessage("--score needs --threshold T");
    assertThatThrownBy(() -> new DecisionColumns("y", "p", null, 0.5, List.of("g"), null))
        .hasMessage("--threshold goes with --score, not with --prediction");
  }

  @Test
  void request_readsTextColumnsAsCategories_andTheScoreAsNumbers() {
    assertThat(new DecisionColumns("y", null, "s", 0.5, List.of("g", "h"), null).request())
        .containsExactly(
            java.util.Map.entry("y", Kind.CATEGORICAL),
            java.util.Map.entry("s", Kind.NUMERIC),
            java.util.Map.entry("g", Kind.CATEGORICAL),
            java.util.Map.entry("h", Kind.CATEGORICAL));
    assertThatThrownBy(() -> new DecisionColumns("y", null, "s", 0.5, List.of("s"), null).request())
        .isInstanceOf(UsageException.class)
        .hasMessage("column 's' is used both as a score and as text (--group)");
  }

  @Test
  void decisions_areTheLibrarysFromTheSameRows() throws IOException {
    Path f = dir.resolve("d.csv");
    Files.writeString(f, "y,s,g,h\n1,0.9,a,x\n0,0.5,a,y\n1,0.2,b,x\n0,0.1,b,y\n");
    DecisionColumns columns = new DecisionColumns("y", null, "s", 0.5, List.of("g", "h"), null);
    CsvTable table = CsvTable.read(f, columns.request());
    Decisions d = columns.decisions(table);
    assertThat(d)
        .isEqualTo(
            Decisions.ofScores(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.5, 0.2, 0.1}, 0.5)
                .groups("g", new String[] {"a", "a", "b", "b"})
                .groups("h", new String[] {"x", "y", "x", "y"}));
    assertThat(columns.toJson(table))
        .containsExactly(
            java.util.Map.entry("path", f.toString()),
            java.util.Map.entry("label", "y"),
            java.util.Map.entry("score", "s"),
            java.util.Map.entry("threshold", 0.5));
  }

  @Test
  void emptyScoreOrGroup_andAnAbsentPositiveValue_nameTheFileColumnAndRow() throws IOException {
    Path f = dir.resolve("e.csv");
    Files.writeString(f, "y,s,g\n1,0.9,a\n0,,b\n1,0.3,\n");
    DecisionColumns scores = new DecisionColumns("y", null, "s", 0.5, List.of("g"), null);
    assertThatThrownBy(() -> scores.decisions(CsvTable.read(f, scores.request())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ": column 's', row 2: empty score (every row needs a score)");
    DecisionColumns positive = new DecisionColumns("y", "y", null, null, List.of("g"), "yes");
    assertThatThrownBy(() -> positive.decisions(CsvTable.read(f, positive.request())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ": --positive 'yes' does not occur in column 'y' (values: 1, 0)");
    DecisionColumns groups = new DecisionColumns("y", "y", null, null, List.of("g"), null);
    assertThatThrownBy(() -> groups.decisions(CsvTable.read(f, groups.request())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ": column 'g', row 3: empty group value (every row needs a group)");
  }

  @Test
  void aMissingValueToken_isNamedInTheMessage_andKeepDefaultNaFalseMakesItAValue()
      throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "y,s,g\n1,0.9,a\n0,NaN,b\n1,0.3,None\n");
    DecisionColumns scores = new DecisionColumns("y", null, "s", 0.5, List.of("g"), null);
    assertThatThrownBy(() -> scores.decisions(CsvTable.read(f, scores.request())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ": column 's', row 2: missing score 'NaN' (every row needs a score)");
    DecisionColumns groups = new DecisionColumns("y", "y", null, null, List.of("g"), null);
    assertThatThrownBy(() -> groups.decisions(CsvTable.read(f, groups.request())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            f + ": column 'g', row 3: missing group value 'None' (every row needs a group)");
    CsvTable asText = CsvTable.read(f, groups.request(), CsvFormat.of(null, List.of(), false));
    var report =
        org.mlops4j.fairness.FairnessAuditor.builder()
            .minGroupSize(0)
            .bootstrap(0, 1)
            .build()
            .audit(groups.decisions(asText));
    assertThat(report.groups())
        .extracting(g -> g.name())
        .containsExactlyInAnyOrder("a", "b", "None");
  }
}
