package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the registry writes, compared byte for byte with the golden files in test resources
 * ({@code golden/models/churn}), whose layout follows the registry MLflow 2.17.2 itself wrote
 * (shared fixture {@code written-by-mlflow-2.17.2/models/ref-model}: the same keys, sorted, the
 * same YAML styles, aliases without newline). The store's own URI is {@code @ROOT_URI@} and the
 * library version {@code @VERSION@} in the golden files. The content-addressed objects, the
 * artifacts' bytes and the lock file are left out. Run with {@code
 * -Dmlops.registry.writeGolden=<dir>} to write the files anew for review.
 */
class GoldenRegistryTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  static final String RUN = "0f90d402448544a18a627c7ff77b7637";

  /** The scenario the golden files hold. */
  static ModelRegistry writeScenario(Path root) throws IOException {
    ModelRegistry registry = ModelRegistry.builder().root(root).user("alice").clock(CLOCK).build();
    registry.createModel(
        "churn", "customer churn", Map.of("owner", "alice", "team/area", "growth"));
    Path dir = Files.createDirectories(root.resolve("../files").normalize());
    Path weights1 = Files.writeString(dir.resolve("weights-1.bin"), "weights one");
    Path weights2 = Files.writeString(dir.resolve("weights-2.bin"), "weights two");
    Path vocab = Files.writeString(dir.resolve("vocab.txt"), "a\nb\n");
    registry
        .newVersion("churn")
        .artifact("model.bin", weights1)
        .artifact("tokenizer/vocab.txt", vocab)
        .runId(RUN)
        .metric("accuracy", 0.91)
        .inputSchema(
            ModelSchema.of(SchemaField.of("age", "long"), SchemaField.of("plan", "string")))
        .outputSchema(ModelSchema.of(SchemaField.of("churn", "double")))
        .dataHash(
            "data/train.csv", "2c8fe6d224ced6c63137db64ae3716526a4c104a0e72c3532e12ec0f6bfdc56f")
        .tag("validated", "yes")
        .description("first")
        .register();
    registry
        .newVersion("churn")
        .artifact("model.bin", weights2)
        .artifact("tokenizer/vocab.txt", vocab)
        .metric("accuracy", 0.93)
        .tag("candidate", "true")
        .register();
    registry.setAlias("churn", "champion", 1, "first release");
    registry.setAlias("churn", "challenger", 2, "");
    registry.transition("churn", 1, ModelStage.PRODUCTION, false, "first release");
    return registry;
  }

  static Map<String, String> files(Path root) throws IOException {
    Path model = root.resolve("models/churn");
    String uri = root.toAbsolutePath().normalize().toUri().toString();
    uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(model)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = model.relativize(p).toString().replace('\\', '/');
        if (!Files.isRegularFile(p)
            || rel.startsWith("mlops4j-objects/")
            || rel.contains("/artifacts/")
            || rel.equals(".mlops4j.lock")) {
          continue;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        text = text.replace(uri, "@ROOT_URI@");
        text =
            text.replaceAll(
                "\"libraryVersion\" : \"[^\"]*\"", "\"libraryVersion\" : \"@VERSION@\"");
        out.put(rel, text);
      }
    }
    return out;
  }

  @Test
  void writesTheGoldenFiles(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("mlruns");
    writeScenario(root);
    Map<String, String> actual = files(root);

    String dump = System.getProperty("mlops.registry.writeGolden");
    if (dump != null) {
      for (Map.Entry<String, String> e : actual.entrySet()) {
        Path f = Path.of(dump, "models/churn", e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Path golden =
        Path.of(getClass().getResource("golden/models/churn/meta.yaml").toURI()).getParent();
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> s = Files.walk(golden)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          expected.put(
              golden.relativize(p).toString().replace('\\', '/'),
              Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String k : expected.keySet()) {
      assertThat(actual.get(k)).as(k).isEqualTo(expected.get(k));
    }
  }

  @Test
  void anAttachmentLeavesMlflowsFilesUnchanged(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("mlruns");
    ModelRegistry registry = writeScenario(root);
    Map<String, String> before = files(root);
    Path card = Files.writeString(tmp.resolve("card.md"), "# churn");
    registry.attach("churn", 1, "card/model_card.md", card, "model card");
    Map<String, String> after = files(root);

    // MLflow's files (meta.yaml, tags/, aliases/) byte for byte as the golden files hold them
    for (String k : before.keySet()) {
      if (!k.endsWith("mlops4j.json") && !k.equals(ModelRegistry.AUDIT_FILE)) {
        assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
      }
    }
    assertThat(after.keySet()).isEqualTo(before.keySet());
    // ours: one artifact more in version 1's record, one audit line more; version 2 untouched
    assertThat(after.get("version-2/mlops4j.json")).isEqualTo(before.get("version-2/mlops4j.json"));
    assertThat(after.get("version-1/mlops4j.json"))
        .isNotEqualTo(before.get("version-1/mlops4j.json"))
        .contains("\"path\" : \"card/model_card.md\"");
    assertThat(after.get(ModelRegistry.AUDIT_FILE))
        .startsWith(before.get(ModelRegistry.AUDIT_FILE))
        .contains("\"action\":\"attach_artifact\"");
  }
}
