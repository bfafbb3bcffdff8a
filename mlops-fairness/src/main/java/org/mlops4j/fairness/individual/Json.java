package org.mlops4j.fairness.individual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * JSON for results, through Jackson, kept out of public signatures. Field order is the insertion
 * order of the map, so names and order are stable. Non-finite numbers (an infinite Lipschitz ratio)
 * are written as the strings "Infinity" / "NaN" (Jackson's default for non-numeric numbers).
 */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String write(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** A metric name valid for a tracking Run: anything outside [A-Za-z0-9_-./ ] becomes '_'. */
  static String metricName(String raw) {
    return raw.replaceAll("[^A-Za-z0-9_\\-./ ]", "_");
  }
}
