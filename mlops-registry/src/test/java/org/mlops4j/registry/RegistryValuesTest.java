package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.registry.internal.Fmt;
import org.mlops4j.report.internal.TextTable;

/** The small value types: stages, gate kinds, schemas, artifact records, formatting. */
class RegistryValuesTest {

  @Test
  void stagesReadMlflowsNamesInAnyCase() {
    assertThat(ModelStage.fromKey("production")).isEqualTo(ModelStage.PRODUCTION);
    assertThat(ModelStage.fromKey("None")).isEqualTo(ModelStage.NONE);
    assertThat(ModelStage.ARCHIVED.key()).isEqualTo("Archived");
    assertThatThrownBy(() -> ModelStage.fromKey("live"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage must be one of None, Staging, Production, Archived, but was 'live'");
  }

  @Test
  void gateKindsHaveStableKeys() {
    for (GateKind k : GateKind.values()) {
      assertThat(GateKind.fromKey(k.key())).isEqualTo(k);
    }
    assertThatThrownBy(() -> GateKind.fromKey("METRIC_MIN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("but was 'METRIC_MIN'");
  }

  @Test
  void schemasRefuseRepeatedNames() {
    assertThat(ModelSchema.of(SchemaField.of("age", "long")).toString()).isEqualTo("age: long");
    assertThat(ModelSchema.EMPTY.toString()).isEqualTo("(none)");
    assertThatThrownBy(
            () -> ModelSchema.of(SchemaField.of("age", "long"), SchemaField.of("age", "double")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fields must be uniquely named, but was 'age' twice");
    assertThatThrownBy(() -> SchemaField.of(" ", "long"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name must");
  }

  @Test
  void artifactRecordsCheckTheirHash() {
    assertThatThrownBy(() -> new ArtifactFile("a", "ABC", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sha256 must be 64 lowercase hexadecimal digits, but was ABC");
  }

  @Test
  void numbersAreShortAndExact() {
    assertThat(Fmt.num(0.2)).isEqualTo("0.2");
    assertThat(Fmt.num(17)).isEqualTo("17");
    assertThat(Fmt.num(0.00048828125)).isEqualTo("0.000488281");
    assertThat(Fmt.num(1.9073486328125E-6)).isEqualTo("1.91e-06");
    assertThat(Fmt.num(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void textTablesAlignColumns() {
    String t = new TextTable("a", "long header").row("xyz", 1).toString();
    assertThat(t).isEqualTo("a    long header\n----------------\nxyz  1\n");
  }

  @Test
  void gateDescriptionsSayTheRule() {
    assertThat(Gate.metricAtLeast("accuracy", 0.8).describe()).isEqualTo("accuracy >= 0.8");
    assertThat(Gate.bootstrap("accuracy", -0.01).describe())
        .isEqualTo("accuracy difference 95% CI lower >= -0.01");
    assertThat(Gate.sizeAtMost(1000).describe()).isEqualTo("artifact bytes <= 1000");
    assertThat(new Gate(GateKind.METRIC_MIN, "x", 1, Map.of("a", 2.0)).settings())
        .isEqualTo(Map.of("a", 2.0));
    assertThat(List.of(GateKind.values())).hasSize(10);
  }

  @Test
  void evidenceSaysWhatWasGiven() {
    double[] y = {1, 0, 1};
    PromotionEvidence e = PromotionEvidence.builder().evaluation(y, y, null).build();
    assertThat(e.toString())
        .isEqualTo(
            "PromotionEvidence\n"
                + "  evaluation examples: 3 (candidate only)\n"
                + "  metrics:             accuracy, neg_mae, neg_mse (built in)\n"
                + "  fairness report:     -\n"
                + "  drift report:        -\n"
                + "  predict inputs:      -\n");
  }
}
