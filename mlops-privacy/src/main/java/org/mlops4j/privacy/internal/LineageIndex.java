package org.mlops4j.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mlops4j.api.MlopsException;
import org.mlops4j.report.internal.Json;

/**
 * The pipeline's lineage as recorded on disk: every stage execution of the lock ({@code
 * mlops.lock}), of the lock history ({@code .mlops/locks/*.lock}) and of the run cache ({@code
 * .mlops/runs/ab/*.json}), each with its input and output hashes. Read through the documented file
 * formats (the lock's YAML, the run-cache JSON), as the pipeline writes them.
 */
public final class LineageIndex {
  private static final ObjectMapper YAML = new YAMLMapper();

  /**
   * One recorded stage execution.
   *
   * @param stage the stage's name
   * @param source the file it was read from, relative to the project root
   * @param inputs input path to SHA-256
   * @param outputs output path to SHA-256
   */
  public record Execution(
      String stage, String source, Map<String, String> inputs, Map<String, String> outputs) {}

  private final List<Execution> executions;

  private LineageIndex(List<Execution> executions) {
    this.executions = List.copyOf(executions);
  }

  /**
   * @param root the project root
   * @return the lineage of the project (empty without a pipeline)
   * @throws MlopsException {@code <file>: ...} for a lock or run entry that cannot be read
   */
  public static LineageIndex read(Path root) {
    List<Execution> out = new ArrayList<>();
    Path lock = root.resolve("mlops.lock");
    List<Path> locks = new ArrayList<>();
    if (Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
      locks.add(lock);
    }
    locks.addAll(list(root.resolve(".mlops").resolve("locks"), ".lock", 1));
    for (Path f : locks) {
      JsonNode doc = parse(f, YAML);
      JsonNode stages = doc.path("stages");
      for (Iterator<Map.Entry<String, JsonNode>> it = stages.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(execution(e.getKey(), rel(root, f), e.getValue()));
      }
    }
    for (Path f : list(root.resolve(".mlops").resolve("runs"), ".json", 2)) {
      JsonNode doc = parse(f, Json.mapper());
      if (doc.has("lock") && doc.get("lock").isObject()) {
        out.add(execution(doc.path("stage").asText("?"), rel(root, f), doc.get("lock")));
      }
    }
    return new LineageIndex(out);
  }

  /**
   * @return every execution, locks first
   */
  public List<Execution> executions() {
    return executions;
  }

  /**
   * Every hash the lineage names (inputs and outputs).
   *
   * @return the hashes
   */
  public Set<String> hashes() {
    Set<String> s = new LinkedHashSet<>();
    for (Execution e : executions) {
      s.addAll(e.inputs().values());
      s.addAll(e.outputs().values());
    }
    return s;
  }

  private static Execution execution(String stage, String source, JsonNode n) {
    return new Execution(stage, source, hashes(n.path("inputs")), hashes(n.path("outputs")));
  }

  private static Map<String, String> hashes(JsonNode n) {
    Map<String, String> m = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String h = e.getValue().path("sha256").asText("");
      if (h.length() == 64) {
        m.put(e.getKey(), h);
      }
    }
    return m;
  }

  private static JsonNode parse(Path f, ObjectMapper mapper) {
    try {
      JsonNode n = mapper.readTree(Files.readString(f, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw new MlopsException(f + ": not a pipeline lock or run entry: not a mapping");
      }
      return n;
    } catch (IOException e) {
      throw new MlopsException(f + ": cannot be read as lineage: " + e.getMessage(), e);
    }
  }

  private static String rel(Path root, Path f) {
    return root.relativize(f).toString().replace('\\', '/');
  }

  /**
   * @return the regular files under dir (to the depth) whose name ends in the suffix, sorted
   */
  static List<Path> list(Path dir, String suffix, int depth) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir, depth)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MlopsException(dir + ": cannot be listed: " + e.getMessage(), e);
    }
  }
}
