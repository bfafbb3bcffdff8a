package org.mlops4j.fairness.individual;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Checks the header of a result's JSON and returns the rest, compact, for exact comparison. */
final class JsonBody {
  private static final List<String> HEADER =
      List.of("format", "formatVersion", "library", "libraryVersion", "createdAt");

  private JsonBody() {}

  static String of(String json, String format) throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
    assertThat(root.fieldNames()).toIterable().startsWith(HEADER.toArray(new String[0]));
    assertThat(root.get("format").asText()).isEqualTo(format);
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.get("library").asText()).isEqualTo("mlops4j");
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
    root.remove(HEADER);
    return root.toString();
  }
}
