package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.report.internal.Json;

class ModelVersionTest {

  @TempDir Path tmp;

  /** Registered 2026-11-29T10:00:00Z, one file "model one" (9 bytes), metrics, schema, tags. */
  private ModelVersion registered() throws Exception {
    ModelRegistry registry =
        ModelRegistry.builder()
            .root(tmp.resolve("mlruns"))
            .user("carol")
            .clock(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC))
            .build();
    return registry
        .newVersion("churn")
        .artifact(Files.writeString(tmp.resolve("model.bin"), "model one"))
        // 0.1 + 0.2 is 0.30000000000000004 in IEEE 754 doubles (17 significant digits)
        .metric("accuracy", 0.1 + 0.2)
        .metric("auc", 0.875)
        .inputSchema(ModelSchema.of(SchemaField.of("tenure", "double")))
        .outputSchema(ModelSchema.of(SchemaField.of("churn", "long")))
        .dataHash("data/train.csv", "ab".repeat(32))
        .tag("framework", "xgboost")
        .runId("run-7")
        .description("baseline")
        .register();
  }

  @Test
  void toJson_hasTheHeaderAndEveryField_withExactNumbers() throws Exception {
    ModelVersion v = registered();
    JsonNode doc = Json.mapper().readTree(v.toJson());

    assertThat(doc.get("format").asText()).isEqualTo("mlops4j.registry-version");
    assertThat(doc.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(doc.get("library").asText()).isEqualTo("mlops4j");
    // the header's createdAt is the registration time of the fixed clock
    assertThat(doc.get("createdAt").asText()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(doc.get("name").asText()).isEqualTo("churn");
    assertThat(doc.get("version").asInt()).isEqualTo(1);
    assertThat(doc.get("stage").asText()).isEqualTo("None");
    assertThat(doc.get("aliases").size()).isZero();
    assertThat(doc.get("description").asText()).isEqualTo("baseline");
    assertThat(doc.get("runId").asText()).isEqualTo("run-7");
    assertThat(doc.get("user").asText()).isEqualTo("carol");
    assertThat(doc.get("updatedAt").asText()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(doc.get("tags").get("framework").asText()).isEqualTo("xgboost");
    assertThat(doc.get("metrics").get("accuracy").asDouble()).isEqualTo(0.30000000000000004);
    assertThat(doc.get("metrics").get("auc").asDouble()).isEqualTo(0.875);
    JsonNode file = doc.get("artifacts").get(0);
    assertThat(file.get("path").asText()).isEqualTo("model.bin");
    // "model one" is 9 bytes; python3 -c "import hashlib;
    // print(hashlib.sha256(b'model one').hexdigest())"
    assertThat(file.get("size").asLong()).isEqualTo(9);
    assertThat(file.get("sha256").asText())
        .isEqualTo("726ca901a6141e040fee289c8cd48eedf8bd515dc06bed8e691637fb39261514");
    assertThat(doc.get("totalBytes").asLong()).isEqualTo(9);
    assertThat(doc.get("inputSchema").get(0).get("name").asText()).isEqualTo("tenure");
    assertThat(doc.get("inputSchema").get(0).get("type").asText()).isEqualTo("double");
    assertThat(doc.get("outputSchema").get(0).get("type").asText()).isEqualTo("long");
    assertThat(doc.get("pipelineLockSha256").asText()).isEmpty();
    assertThat(doc.get("dataHashes").get("data/train.csv").asText()).isEqualTo("ab".repeat(32));
    // the same version gives the same text
    assertThat(v.toJson()).isEqualTo(v.toJson());
  }

  @Test
  void toJson_writesAnUnknownRunAsNull_andANonFiniteMetricAsNullWithAReason() throws Exception {
    ModelVersion v = registered();
    ModelVersion odd =
        new ModelVersion(
            v.name(),
            v.version(),
            v.stage(),
            v.description(),
            java.util.Optional.empty(),
            v.source(),
            v.user(),
            v.createdAt(),
            v.updatedAt(),
            v.tags(),
            v.aliases(),
            v.artifacts(),
            java.util.Map.of("loss", Double.NaN),
            v.inputSchema(),
            v.outputSchema(),
            v.pipelineLockSha256(),
            v.dataHashes());
    JsonNode doc = Json.mapper().readTree(odd.toJson());
    assertThat(doc.get("runId").isNull()).isTrue();
    assertThat(doc.get("metrics").get("loss").isNull()).isTrue();
    assertThat(doc.get("metrics").get("lossReason").asText()).isEqualTo("the logged value is NaN");
  }

  @Test
  void toString_isATable_withoutSeventeenDigitNumbers() throws Exception {
    String text = registered().toString();
    assertThat(text)
        .startsWith("ModelVersion churn v1  stage None  aliases -\n")
        .contains("  created:     2026-11-29T10:00:00Z\n")
        .contains("  tags:        framework=xgboost\n")
        // six significant digits at most: 0.30000000000000004 reads 0.3
        .containsPattern("(?m)^  accuracy +0\\.3$")
        .containsPattern("(?m)^  auc +0\\.875$")
        .containsPattern("(?m)^  model\\.bin +9 +726ca901a614")
        .doesNotContain("0.30000000000000004");
  }
}
