package org.mlops4j.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

/**
 * A registered model: its name, description, tags and aliases (alias to version number), as in
 * MLflow's {@code RegisteredModel}. Read from {@code models/<name>/meta.yaml}, {@code tags/} and
 * {@code aliases/}.
 *
 * <p>JSON ({@link #toJson()}): the header of {@value #FORMAT} version {@value #FORMAT_VERSION} (its
 * {@code createdAt} is when the model was registered, so that the same model always gives the same
 * text), then {@code name}, {@code description}, {@code tags} (key to value), {@code aliases}
 * (alias to version number) and {@code updatedAt}.
 *
 * @param name the model's name
 * @param description the description ("" if none)
 * @param tags the tags, by key, in key order
 * @param aliases the aliases, alias to version number, in alias order
 * @param createdAt when the model was registered
 * @param updatedAt when it last changed
 * @since 0.1.0
 */
public record RegisteredModel(
    String name,
    String description,
    Map<String, String> tags,
    Map<String, Integer> aliases,
    Instant createdAt,
    Instant updatedAt) {

  /** The {@code format} of the JSON document. */
  public static final String FORMAT = "mlops4j.registry-model";

  /** The {@code formatVersion} of the JSON document written by this version of the library. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the maps (sorted).
   *
   * @throws NullPointerException if a part is null
   */
  public RegisteredModel {
    Require.nonNull(name, "name");
    Require.nonNull(description, "description");
    tags = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(tags, "tags")));
    aliases = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(aliases, "aliases")));
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(updatedAt, "updatedAt");
  }

  /**
   * @return the model as a JSON document (format in the class comment)
   */
  public String toJson() {
    Map<String, Object> doc = Json.document(FORMAT, FORMAT_VERSION, createdAt);
    doc.put("name", name);
    doc.put("description", description);
    doc.put("tags", tags);
    doc.put("aliases", aliases);
    doc.put("updatedAt", Json.timestamp(updatedAt));
    return Json.write(doc);
  }

  /** A readable block for JShell: the name, then one line per field. */
  @Override
  public String toString() {
    StringBuilder aliasText = new StringBuilder();
    aliases.forEach(
        (a, v) ->
            aliasText
                .append(aliasText.length() == 0 ? "" : ", ")
                .append(a)
                .append(" -> v")
                .append(v));
    return "RegisteredModel "
        + name
        + "\n  description: "
        + (description.isEmpty() ? "-" : description)
        + "\n  aliases:     "
        + (aliases.isEmpty() ? "-" : aliasText)
        + "\n  tags:        "
        + (tags.isEmpty() ? "-" : ModelVersion.pairs(tags))
        + "\n  created:     "
        + Json.timestamp(createdAt)
        + "\n  updated:     "
        + Json.timestamp(updatedAt)
        + "\n";
  }
}
