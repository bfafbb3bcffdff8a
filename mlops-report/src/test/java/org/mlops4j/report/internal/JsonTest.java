package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.MlopsException;

class JsonTest {

  @Test
  void document_startsWithTheHeaderInOrder() {
    Map<String, Object> doc =
        Json.document("mlops4j.test", 1, Instant.parse("2026-11-29T10:00:00.123456Z"));
    doc.put("value", 1.5);
    assertThat(doc.keySet())
        .containsExactly(
            "format", "formatVersion", "library", "libraryVersion", "createdAt", "value");
    assertThat(doc.get("createdAt")).isEqualTo("2026-11-29T10:00:00.123Z");
    assertThat(doc.get("library")).isEqualTo("mlops4j");
  }

  @Test
  void timestamp_isIsoUtcToTheMillisecondNeverNanoseconds() {
    // Instant.toString would print 2026-11-29T19:09:10.411984459Z (the nanoseconds an HTML
    // report showed); the convention is ISO-8601 UTC to the millisecond
    assertThat(Json.timestamp(Instant.parse("2026-11-29T19:09:10.411984459Z")))
        .isEqualTo("2026-11-29T19:09:10.411Z");
    assertThat(Json.timestamp(Instant.parse("2026-11-29T19:09:10.000999Z")))
        .isEqualTo("2026-11-29T19:09:10Z");
  }

  @Test
  void putNumber_nanBecomesNullWithAReason() {
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    Json.putNumber(doc, "tpr", Double.NaN, "no positive labels");
    Json.putNumber(doc, "fpr", 0.25, "unused");
    assertThat(Json.write(doc))
        .isEqualTo(
            "{\n  \"tpr\" : null,\n  \"tprReason\" : \"no positive labels\",\n  \"fpr\" : 0.25\n}");
  }

  @Test
  void readDocument_refusesAnotherFormatAndANewerVersion() {
    String doc = Json.write(Json.document("mlops4j.a", 2));
    assertThat(Json.readDocument(doc, "mlops4j.a", 2, "a.json").get("formatVersion").asInt())
        .isEqualTo(2);
    assertThatThrownBy(() -> Json.readDocument(doc, "mlops4j.b", 2, "a.json"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("a.json: format must be 'mlops4j.b', but was 'mlops4j.a'");
    assertThatThrownBy(() -> Json.readDocument(doc, "mlops4j.a", 1, "a.json"))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("a.json: formatVersion must be 1 to 1 (this is mlops4j ")
        .hasMessageEndingWith("), but was 2");
    assertThatThrownBy(() -> Json.readDocument("[1]", "mlops4j.a", 1, "a.json"))
        .hasMessage("a.json: expected a JSON object, but was ARRAY");
  }
}
