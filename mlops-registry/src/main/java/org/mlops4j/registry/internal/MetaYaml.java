package org.mlops4j.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.core.tracking.internal.Yaml;

/**
 * The {@code meta.yaml} files of MLflow's registry FileStore, as MLflow 2.17's writer (PyYAML
 * {@code safe_dump}, {@code default_flow_style=False}) lays them out: keys sorted, scalars through
 * core's {@link Yaml} (PyYAML's quoting rules), a model's {@code aliases} a block mapping of alias
 * to quoted version ({@code {}} when empty), a version's {@code aliases} a block list ({@code []}
 * when empty).
 */
public final class MetaYaml {
  private MetaYaml() {}

  /**
   * @param fields the scalar fields (String, Integer, Long or null)
   * @param aliases a model's alias map (alias to version), or null
   * @param aliasList a version's alias list, or null
   * @return the document
   */
  public static String emit(
      Map<String, @Nullable Object> fields,
      @Nullable Map<String, Integer> aliases,
      @Nullable List<String> aliasList) {
    StringBuilder sb = new StringBuilder();
    if (aliases != null) {
      if (aliases.isEmpty()) {
        sb.append("aliases: {}\n");
      } else {
        sb.append("aliases:\n");
        new TreeMap<>(aliases)
            .forEach(
                (a, v) ->
                    sb.append("  ")
                        .append(Yaml.string(a))
                        .append(": ")
                        .append(Yaml.string(Integer.toString(v)))
                        .append('\n'));
      }
    } else if (aliasList != null) {
      if (aliasList.isEmpty()) {
        sb.append("aliases: []\n");
      } else {
        sb.append("aliases:\n");
        aliasList.stream()
            .sorted()
            .forEach(a -> sb.append("- ").append(Yaml.string(a)).append('\n'));
      }
    }
    sb.append(Yaml.mapping(fields));
    return sb.toString();
  }

  /**
   * @param text a meta.yaml document
   * @return its mapping
   * @throws IllegalArgumentException if it is not a YAML mapping
   */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> read(String text) {
    Object doc = Yaml.read(text);
    if (!(doc instanceof Map)) {
      throw new IllegalArgumentException("not a YAML mapping");
    }
    return (Map<String, @Nullable Object>) doc;
  }

  /**
   * @param doc a parsed document (for example a pipeline lock)
   * @return the parsed value of any YAML text
   */
  public static @Nullable Object readAny(String doc) {
    return Yaml.read(doc);
  }
}
