package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelStage;
import org.mlops4j.registry.PromotionGates;

class RegistryCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  Path store;

  /**
   * A registry made through the API: model churn, v1 (10 bytes, accuracy 0.80) in Production, v2
   * (12 bytes, accuracy 0.86) registered with no stage.
   */
  @BeforeEach
  void registry() throws IOException {
    store = dir.resolve("mlruns");
    Path w1 = Files.writeString(dir.resolve("m1.bin"), "weights v1"); // 10 bytes
    Path w2 = Files.writeString(dir.resolve("m2.bin"), "weights v2.1"); // 12 bytes
    ModelRegistry registry = ModelRegistry.open(store);
    registry.createModel("churn", "customer churn", Map.of("owner", "alice"));
    registry
        .newVersion("churn")
        .artifact("model.bin", w1)
        .metric("accuracy", 0.80)
        .description("baseline")
        .register();
    registry.transition("churn", 1, ModelStage.PRODUCTION, false, "first release");
    registry.newVersion("churn").artifact("model.bin", w2).metric("accuracy", 0.86).register();
  }

  Path gates(PromotionGates gates) {
    Path p = dir.resolve("gates.json");
    gates.save(p);
    return p;
  }

  @Test
  void listVersionsShow_printTheRegistrysTablesAndJson() throws IOException {
    String s = store.toString();
    Cli.Result list = Cli.run("registry", "list", "--store", s);
    assertThat(list.status()).as(list.toString()).isZero();
    assertThat(list.out()).containsPattern("churn\\s+2\\s+v2\\s+v1\\s");

    JsonNode models = JSON.readTree(Cli.run("registry", "list", "--store", s, "--json", "-").out());
    JsonNode churn = models.get("models").get(0);
    assertThat(churn.get("name").asText()).isEqualTo("churn");
    assertThat(churn.get("versions").asInt()).isEqualTo(2);
    assertThat(churn.get("latest").asInt()).isEqualTo(2);
    assertThat(churn.get("production").asInt()).isEqualTo(1);

    Cli.Result versions = Cli.run("registry", "versions", "churn", "--store", s);
    assertThat(versions.status()).as(versions.toString()).isZero();
    assertThat(versions.out()).startsWith("churn\n").contains("Production").contains("baseline");

    Cli.Result show = Cli.run("registry", "show", "churn", "--store", s, "--json", "-");
    assertThat(show.status()).as(show.toString()).isZero();
    JsonNode v2 = JSON.readTree(show.out());
    assertThat(v2.get("version").asInt()).isEqualTo(2); // latest by default
    assertThat(v2.get("stage").asText()).isEqualTo("None");
    assertThat(v2.get("metrics").get("accuracy").asDouble()).isEqualTo(0.86);
    assertThat(v2.get("totalBytes").asLong()).isEqualTo(12);
    // sha256sum of the 12 bytes "weights v2.1" (printf 'weights v2.1' | sha256sum)
    assertThat(v2.get("artifacts").get(0).get("sha256").asText()).isEqualTo(sha256("weights v2.1"));

    Cli.Result one = Cli.run("registry", "show", "churn", "1", "--store", s);
    assertThat(one.out()).startsWith("ModelVersion churn v1  stage Production");
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void promote_passingGates_movesTheVersionAndExitsZero() throws IOException {
    Path g = gates(PromotionGates.builder().metricAtLeast("accuracy", 0.85).sizeAtMost(12).build());
    Path json = dir.resolve("promotion.json");
    Cli.Result r =
        Cli.run(
            "registry",
            "promote",
            "churn",
            "2",
            "--stage",
            "production",
            "--gates",
            g.toString(),
            "--reason",
            "better on Q4",
            "--store",
            store.toString(),
            "--json",
            json.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Promotion of churn v2 to stage Production (replacing v1): PASSED")
        .containsPattern("metric_min\\s+accuracy >= 0.85\\s+0.86\\s+pass")
        .containsPattern("size_max\\s+.*12\\s+pass");
    ModelRegistry registry = ModelRegistry.openReadOnly(store);
    assertThat(registry.version("churn", 2).stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(registry.version("churn", 1).stage()).isEqualTo(ModelStage.ARCHIVED);
    JsonNode doc = JSON.readTree(json.toFile());
    assertThat(doc.get("format").asText()).isEqualTo("mlops4j.promotion-result");
    assertThat(doc.get("passed").asBoolean()).isTrue();
    assertThat(doc.get("inputs").get(0).get("sha256").asText())
        .isEqualTo(sha256(Files.readString(g)));
  }

  @Test
  void promote_failingGate_isRefusedWithTheTableAndExitsOne() {
    Path g = gates(PromotionGates.builder().metricAtLeast("accuracy", 0.9).sizeAtMost(100).build());
    Cli.Result r =
        Cli.run(
            "registry",
            "promote",
            "churn",
            "latest",
            "--alias",
            "champion",
            "--gates",
            g.toString(),
            "--store",
            store.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.out())
        .startsWith("Promotion of churn v2 to alias champion: REFUSED (1 of 2 gates failed)")
        .containsPattern("metric_min\\s+accuracy >= 0.9\\s+0.86\\s+FAIL");
    assertThat(r.err())
        .isEqualTo(
            "mlops registry promote: refused: 1 of 2 gates failed (accuracy >= 0.9)"
                + System.lineSeparator());
    ModelRegistry registry = ModelRegistry.openReadOnly(store);
    assertThat(registry.models().get(0).aliases()).isEmpty();
    assertThat(registry.audit("churn").get(registry.audit("churn").size() - 1).outcome())
        .isEqualTo("refused");
  }

  @Test
  void promote_gateThatNeedsEvaluationData_isRefusedBeforeAnythingRuns() {
    Path g = gates(PromotionGates.builder().metricAtLeast("accuracy", 0.5).mcnemar(0.05).build());
    int auditBefore = ModelRegistry.openReadOnly(store).audit("churn").size();
    Cli.Result r =
        Cli.run(
            "registry",
            "promote",
            "churn",
            "2",
            "--stage",
            "Staging",
            "--gates",
            g.toString(),
            "--store",
            store.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err())
        .startsWith("mlops registry promote: " + g + ": gate mcnemar (")
        .contains("promote with it from Java (ModelRegistry.promoteToStage");
    ModelRegistry registry = ModelRegistry.openReadOnly(store);
    assertThat(registry.version("churn", 2).stage()).isEqualTo(ModelStage.NONE);
    assertThat(registry.audit("churn")).hasSize(auditBefore);
  }

  @Test
  void badInput_unknownModelVersionOrStage_isOneLineWithStatusTwo() {
    String s = store.toString();
    Cli.Result model = Cli.run("registry", "versions", "fraud", "--store", s);
    assertThat(model.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(model.err()).startsWith("mlops registry versions: ").contains("'fraud'");

    Cli.Result version = Cli.run("registry", "show", "churn", "7", "--store", s);
    assertThat(version.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(version.err()).contains("but was 7");

    Path g = gates(PromotionGates.builder().sizeAtMost(100).build());
    Cli.Result stage =
        Cli.run(
            "registry",
            "promote",
            "churn",
            "2",
            "--stage",
            "Archived",
            "--gates",
            g.toString(),
            "--store",
            s);
    assertThat(stage.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(stage.err())
        .isEqualTo(
            "mlops registry promote: --stage takes Staging or Production, not 'Archived'"
                + System.lineSeparator());

    Cli.Result noStore = Cli.run("registry", "list", "--store", dir.resolve("nope").toString());
    assertThat(noStore.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(noStore.err()).contains("nope: no such store");

    Cli.Result both =
        Cli.run(
            "registry",
            "promote",
            "churn",
            "2",
            "--stage",
            "Staging",
            "--alias",
            "x",
            "--gates",
            g.toString(),
            "--store",
            s);
    assertThat(both.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err()).contains("mutually exclusive");
  }
}
