package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlops4j.report.internal.Json;

/** The JSON against the Model Card Toolkit schema v0.0.2 (test resources, Apache-2.0). */
class CardJsonTest {

  @Test
  void fullCard_validatesAgainstTheMctSchema() {
    String json = CardFixtures.full().build().toJson();
    assertEquals(Set.of(), CardFixtures.validate(json));
  }

  @Test
  void emptyAndHostileCards_validateAgainstTheMctSchema() {
    assertEquals(
        Set.of(),
        CardFixtures.validate(ModelCard.builder().name("m").version("1").build().toJson()));
    assertEquals(Set.of(), CardFixtures.validate(CardFixtures.hostile().toJson()));
  }

  @Test
  void theValidatorRejectsADocumentOutsideTheSchema() {
    // the schema forbids unknown top-level fields and wants strings as metric values
    assertFalse(CardFixtures.validate("{\"schema_version\": \"0.0.2\", \"extra\": 1}").isEmpty());
    assertFalse(
        CardFixtures.validate(
                "{\"quantitative_analysis\": {\"performance_metrics\": [{\"type\": \"a\","
                    + " \"value\": 0.5}]}}")
            .isEmpty());
  }

  @Test
  void numbersAndIntervals_areWrittenAsTheSchemaWantsThem() throws Exception {
    JsonNode root = Json.mapper().readTree(CardFixtures.full().build().toJson());
    assertEquals("0.0.2", root.path("schema_version").asText());
    assertEquals("2026-11-29", root.path("model_details").path("version").path("date").asText());
    assertEquals(
        "Apache-2.0",
        root.path("model_details").path("licenses").get(0).path("identifier").asText());
    JsonNode f = null;
    for (JsonNode m : root.path("quantitative_analysis").path("performance_metrics")) {
      if (m.path("type").asText().equals("selection rate")
          && m.path("slice").asText().equals("sex=F")) {
        f = m;
      }
    }
    // 59 / 120 = 0.491666..., Wilson [0.403876, 0.579975] (numpy, see ModelCardTest), 6 digits
    assertEquals("0.491667", f.path("value").asText());
    assertEquals("0.403876", f.path("confidence_interval").path("lower_bound").asText());
    assertEquals("0.579975", f.path("confidence_interval").path("upper_bound").asText());
  }

  @Test
  void hostileStrings_readBackUnchanged() throws Exception {
    JsonNode root = Json.mapper().readTree(CardFixtures.hostile().toJson());
    String h = CardFixtures.HOSTILE;
    assertEquals(h, root.path("model_details").path("name").asText());
    assertEquals(h, root.path("model_details").path("overview").asText());
    assertEquals(h, root.path("model_details").path("owners").get(0).path("name").asText());
    assertEquals(
        h, root.path("model_details").path("licenses").get(0).path("custom_text").asText());
    assertEquals(
        h, root.path("considerations").path("ethical_considerations").get(0).path("name").asText());
    assertEquals(h, root.path("considerations").path("users").get(0).path("description").asText());
    // a reference that is not a URI is left out of references (format: uri)
    assertTrue(root.path("model_details").path("references").isEmpty());
  }

  @Test
  void num_writesSixSignificantDigitsWithoutTrailingZeros() {
    assertEquals("0.5", CardJson.num(0.5));
    assertEquals("0.491667", CardJson.num(59.0 / 120));
    assertEquals("12", CardJson.num(12.0));
    assertEquals("0.00001", CardJson.num(1e-5));
  }
}
