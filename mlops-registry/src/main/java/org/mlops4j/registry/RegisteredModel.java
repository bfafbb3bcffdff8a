package org.mlops4j.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;

/**
 * A registered model: its name, description, tags and aliases (alias to version number), as in
 * MLflow's {@code RegisteredModel}. Read from {@code models/<name>/meta.yaml}, {@code tags/} and
 * {@code aliases/}.
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

  @Override
  public String toString() {
    return "RegisteredModel "
        + name
        + (description.isEmpty() ? "" : " (" + description + ")")
        + ": aliases "
        + aliases
        + ", tags "
        + tags
        + ", created "
        + createdAt;
  }
}
