package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.report.internal.Json;

class RegisteredModelTest {

  private final RegisteredModel model =
      new RegisteredModel(
          "churn",
          "Monthly churn classifier",
          Map.of("team", "retention"),
          Map.of("champion", 2, "canary", 3),
          Instant.parse("2026-11-29T10:00:00Z"),
          Instant.parse("2026-11-29T11:30:00.250Z"));

  @Test
  void toJson_hasTheHeaderAndEveryField() throws Exception {
    JsonNode doc = Json.mapper().readTree(model.toJson());
    assertThat(doc.get("format").asText()).isEqualTo("mlops4j.registry-model");
    assertThat(doc.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(doc.get("library").asText()).isEqualTo("mlops4j");
    assertThat(doc.get("createdAt").asText()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(doc.get("name").asText()).isEqualTo("churn");
    assertThat(doc.get("description").asText()).isEqualTo("Monthly churn classifier");
    assertThat(doc.get("tags").get("team").asText()).isEqualTo("retention");
    assertThat(doc.get("aliases").get("champion").asInt()).isEqualTo(2);
    assertThat(doc.get("aliases").get("canary").asInt()).isEqualTo(3);
    assertThat(doc.get("updatedAt").asText()).isEqualTo("2026-11-29T11:30:00.250Z");
    assertThat(model.toJson()).isEqualTo(model.toJson());
  }

  @Test
  void toString_isOneLinePerField_aliasesInOrder() {
    assertThat(model.toString())
        .isEqualTo(
            "RegisteredModel churn\n"
                + "  description: Monthly churn classifier\n"
                + "  aliases:     canary -> v3, champion -> v2\n"
                + "  tags:        team=retention\n"
                + "  created:     2026-11-29T10:00:00Z\n"
                + "  updated:     2026-11-29T11:30:00.250Z\n");
  }
}
