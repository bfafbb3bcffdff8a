package org.mlops4j.report.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.api.internal.Require;

/**
 * The one JSON convention of mlops4j (docs/CONVENTIONS.md), with the one configured mapper.
 *
 * <ul>
 *   <li>Every document we define starts with the header {@code format} (such as {@code
 *       "mlops4j.drift-report"}), {@code formatVersion} (an integer, raised on an incompatible
 *       change), {@code library} ({@code "mlops4j"}), {@code libraryVersion}, {@code createdAt}
 *       (ISO-8601 UTC, milliseconds);
 *   <li>field names are camelCase, as the Java accessors they come from;
 *   <li>an undefined number (NaN or infinite) is {@code null} with a sibling string field {@code
 *       <name>Reason}; a NaN never appears;
 *   <li>output is indented with two spaces and UTF-8; map keys keep their insertion order.
 * </ul>
 *
 * Formats defined by other tools (MLflow's files, DVCLive's) use {@link #mapper()} without the
 * header.
 */
public final class Json {
  /** The value of the {@code library} header field. */
  public static final String LIBRARY = "mlops4j";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /**
   * @return the one configured mapper (thread-safe; do not reconfigure it)
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A new document map that starts with the header; the caller puts the body's fields after it.
   *
   * @param format the document's format name, {@code mlops4j.<what>}
   * @param formatVersion the format's version, from 1
   */
  public static Map<String, Object> document(String format, int formatVersion) {
    return document(format, formatVersion, Instant.now());
  }

  /** As {@link #document(String, int)}, with a given creation time (for reproducible output). */
  public static Map<String, Object> document(String format, int formatVersion, Instant createdAt) {
    Require.nonBlank(format, "format");
    Require.positive(formatVersion, "formatVersion");
    Require.nonNull(createdAt, "createdAt");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("formatVersion", formatVersion);
    m.put("library", LIBRARY);
    m.put("libraryVersion", LibraryVersion.get());
    m.put("createdAt", timestamp(createdAt));
    return m;
  }

  /**
   * An instant as the header's {@code createdAt} writes it, and as every report shows a time:
   * ISO-8601 in UTC to the millisecond ({@code 2026-11-29T19:09:10.411Z}; {@code
   * 2026-11-29T19:09:10Z} on a whole second).
   *
   * @param instant the instant
   * @return its text
   */
  public static String timestamp(Instant instant) {
    return Require.nonNull(instant, "instant").truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /**
   * Puts a number under {@code name}, or, when it is NaN or infinite, {@code null} under {@code
   * name} and the reason under {@code <name>Reason}.
   */
  public static void putNumber(Map<String, Object> into, String name, double value, String reason) {
    if (Double.isFinite(value)) {
      into.put(name, value);
    } else {
      into.put(name, null);
      into.put(name + "Reason", reason);
    }
  }

  /**
   * @return the value, or null when it is NaN or infinite (for fields with a separate reason)
   */
  public static @Nullable Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /**
   * @return the object as indented JSON
   * @throws MlopsException when Jackson cannot serialise it
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new MlopsException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses a document and checks its header.
   *
   * @param json the text
   * @param format the expected {@code format}
   * @param maxVersion the newest {@code formatVersion} this code reads
   * @param source where the text came from, for messages (a path, or "JSON")
   * @throws MlopsException when the text is not JSON, not an object, of another format, or newer
   */
  public static ObjectNode readDocument(String json, String format, int maxVersion, String source) {
    JsonNode node;
    try {
      node = MAPPER.readTree(Require.nonNull(json, "json"));
    } catch (JsonProcessingException e) {
      throw new MlopsException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(node instanceof ObjectNode obj)) {
      throw new MlopsException(
          source
              + ": expected a JSON object, but was "
              + (node == null ? "empty" : node.getNodeType()));
    }
    String actual = obj.path("format").asText(null);
    if (!format.equals(actual)) {
      throw new MlopsException(
          source
              + ": format must be '"
              + format
              + "', but was "
              + (actual == null ? "missing" : "'" + actual + "'"));
    }
    int version = obj.path("formatVersion").asInt(-1);
    if (version < 1 || version > maxVersion) {
      throw new MlopsException(
          source
              + ": formatVersion must be 1 to "
              + maxVersion
              + " (this is mlops4j "
              + LibraryVersion.get()
              + "), but was "
              + obj.get("formatVersion"));
    }
    return obj;
  }
}
