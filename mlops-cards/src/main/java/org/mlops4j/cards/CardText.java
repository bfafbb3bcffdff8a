package org.mlops4j.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.report.internal.Json;

/**
 * Reads a card text file: the sections only people write, kept next to the code.
 *
 * <p>Markdown: {@code ## Heading} starts a section (heading names below, any case); its items are
 * its bullet lines ({@code - } or {@code * }, a bullet's continuation lines indented), or, without
 * bullets, its paragraphs. Lines before the first heading and {@code #} titles are ignored. JSON:
 * one object whose keys are the camelCase names below; a value is a string or an array of strings
 * (ethical considerations: also objects with {@code name} and {@code mitigation}).
 */
final class CardText {

  /** Heading (Markdown, lower case) and JSON key, to the builder's setter. */
  private static final Map<String, BiConsumer<ModelCard.Builder, String>> SECTIONS =
      new LinkedHashMap<>();

  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    section("overview", "overview", ModelCard.Builder::overview);
    section("owners", "owners", ModelCard.Builder::owner);
    section("model type", "modelType", ModelCard.Builder::modelType);
    section("license", "license", ModelCard.Builder::license);
    section("licence", "license", ModelCard.Builder::license);
    section("citation", "citation", ModelCard.Builder::citation);
    section("references", "references", ModelCard.Builder::reference);
    section("primary uses", "primaryUses", ModelCard.Builder::primaryUse);
    section("primary users", "primaryUsers", ModelCard.Builder::primaryUser);
    section("out-of-scope uses", "outOfScopeUses", ModelCard.Builder::outOfScopeUse);
    section("factors", "factors", ModelCard.Builder::factor);
    section("metrics", "metricsRationale", ModelCard.Builder::metricsRationale);
    section("decision thresholds", "decisionThresholds", ModelCard.Builder::decisionThreshold);
    section("uncertainty", "uncertainty", ModelCard.Builder::uncertainty);
    section("evaluation data", "evaluationData", CardText::evaluationData);
    section("training data", "trainingData", CardText::trainingData);
    section("ethical considerations", "ethicalConsiderations", CardText::risk);
    section("caveats", "caveats", ModelCard.Builder::caveat);
    section("recommendations", "recommendations", ModelCard.Builder::recommendation);
    section("tags", "tags", ModelCard.Builder::tag);
    section("pipeline tag", "pipelineTag", ModelCard.Builder::pipelineTag);
  }

  private CardText() {}

  private static void section(
      String heading, String key, BiConsumer<ModelCard.Builder, String> setter) {
    SECTIONS.put(heading, setter);
    KEYS.putIfAbsent(key, heading);
  }

  private static void evaluationData(ModelCard.Builder b, String text) {
    CardDataset d =
        b.evaluationData == null
            ? CardDataset.of("evaluation data", text)
            : b.evaluationData.withDescription(join(b.evaluationData.description(), text));
    b.evaluationData = d;
  }

  private static void trainingData(ModelCard.Builder b, String text) {
    CardDataset d =
        b.trainingData == null
            ? CardDataset.of("training data", text)
            : b.trainingData.withDescription(join(b.trainingData.description(), text));
    b.trainingData = d;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "\n" + b;
  }

  private static void risk(ModelCard.Builder b, String text) {
    int i = text.toLowerCase(Locale.ROOT).indexOf("mitigation:");
    if (i < 0) {
      b.ethicalConsideration(text, "");
    } else {
      String name = text.substring(0, i).strip();
      b.ethicalConsideration(
          name.isEmpty() ? text : name, text.substring(i + "mitigation:".length()).strip());
    }
  }

  static void read(ModelCard.Builder b, Path file) {
    String text = AtomicFiles.read(file);
    String f = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (f.endsWith(".json")) {
      json(b, text, file);
    } else if (f.endsWith(".md") || f.endsWith(".markdown")) {
      markdown(b, text, file);
    } else {
      throw new MlopsException(file + ": a card text file must end in .md or .json");
    }
  }

  static void markdown(ModelCard.Builder b, String text, Path file) {
    String heading = null;
    List<String> lines = new ArrayList<>();
    int lineNo = 0;
    int headingLine = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNo++;
      if (line.startsWith("## ")) {
        flush(b, heading, lines, file, headingLine);
        heading = line.substring(3).strip().toLowerCase(Locale.ROOT);
        headingLine = lineNo;
        lines.clear();
      } else if (line.startsWith("# ")) {
        continue;
      } else if (heading != null) {
        lines.add(line);
      }
    }
    flush(b, heading, lines, file, headingLine);
  }

  private static void flush(
      ModelCard.Builder b, String heading, List<String> lines, Path file, int lineNo) {
    if (heading == null) {
      return;
    }
    BiConsumer<ModelCard.Builder, String> setter = SECTIONS.get(heading);
    if (setter == null) {
      throw new MlopsException(
          file
              + ":"
              + lineNo
              + ": unknown section '"
              + heading
              + "' (known: "
              + String.join(", ", SECTIONS.keySet())
              + ")");
    }
    List<String> items = new ArrayList<>();
    StringBuilder current = null;
    boolean bullets = lines.stream().anyMatch(l -> l.startsWith("- ") || l.startsWith("* "));
    for (String l : lines) {
      if (bullets) {
        if (l.startsWith("- ") || l.startsWith("* ")) {
          if (current != null) {
            items.add(current.toString().strip());
          }
          current = new StringBuilder(l.substring(2).strip());
        } else if (current != null && !l.isBlank()) {
          current.append('\n').append(l.strip());
        }
      } else if (l.isBlank()) {
        if (current != null) {
          items.add(current.toString().strip());
          current = null;
        }
      } else {
        current =
            current == null ? new StringBuilder(l.strip()) : current.append(' ').append(l.strip());
      }
    }
    if (current != null) {
      items.add(current.toString().strip());
    }
    boolean single = !bullets;
    if (single && items.size() > 1 && isSingle(heading)) {
      setter.accept(b, String.join("\n\n", items));
      return;
    }
    for (String item : items) {
      if (!item.isBlank()) {
        setter.accept(b, item);
      }
    }
  }

  private static boolean isSingle(String heading) {
    return switch (heading) {
      case "overview",
          "model type",
          "license",
          "licence",
          "citation",
          "metrics",
          "uncertainty",
          "pipeline tag" ->
          true;
      default -> false;
    };
  }

  static void json(ModelCard.Builder b, String text, Path file) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new MlopsException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MlopsException(file + ": expected a JSON object");
    }
    var fields = root.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      String heading = KEYS.get(e.getKey());
      if (heading == null) {
        throw new MlopsException(
            file
                + ": unknown key '"
                + e.getKey()
                + "' (known: "
                + String.join(", ", KEYS.keySet())
                + ")");
      }
      BiConsumer<ModelCard.Builder, String> setter = SECTIONS.get(heading);
      JsonNode v = e.getValue();
      List<JsonNode> items = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(items::add);
      } else {
        items.add(v);
      }
      for (JsonNode item : items) {
        if (item.isTextual()) {
          setter.accept(b, item.asText());
        } else if (item.isObject() && heading.equals("ethical considerations")) {
          b.ethicalConsideration(item.path("name").asText(""), item.path("mitigation").asText(""));
        } else {
          throw new MlopsException(
              file + ": '" + e.getKey() + "' must hold text or a list of texts, but was " + item);
        }
      }
    }
  }
}
