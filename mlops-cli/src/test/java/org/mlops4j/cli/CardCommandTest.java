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

class CardCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  Path store;

  /** A registry made through the API: model churn, v1 with accuracy 0.86 and a licence tag. */
  @BeforeEach
  void registry() throws IOException {
    store = dir.resolve("mlruns");
    Path w = Files.writeString(dir.resolve("m.bin"), "weights");
    ModelRegistry registry = ModelRegistry.open(store);
    registry.createModel("churn", "customer churn", Map.of("license", "apache-2.0"));
    registry
        .newVersion("churn")
        .artifact("model.bin", w)
        .metric("accuracy", 0.86)
        .description("baseline")
        .register();
  }

  @Test
  void markdownJsonAndHtml_carryTheVersionsRecords() throws IOException {
    String s = store.toString();
    Cli.Result md = Cli.run("card", "--model", "churn", "--version", "1", "--store", s);
    assertThat(md.status()).as(md.toString()).isZero();
    assertThat(md.out())
        .startsWith("---\n")
        .contains("license: \"apache-2.0\"")
        .contains("# Model Card for churn")
        .contains("value: 0.86");

    Path json = dir.resolve("card.json");
    Cli.Result j = Cli.run("card", "--model", "churn", "--store", s, "--out", json.toString());
    assertThat(j.status()).as(j.toString()).isZero();
    assertThat(j.out()).isEmpty();
    // Model Card Toolkit JSON (its own shape: no mlops4j header)
    JsonNode card = JSON.readTree(json.toFile());
    assertThat(card.get("model_details").get("name").asText()).isEqualTo("churn");
    assertThat(card.has("format")).isFalse();

    Cli.Result html =
        Cli.run(
            "card", "--model", "churn", "--version", "latest", "--format", "html", "--store", s);
    assertThat(html.status()).as(html.toString()).isZero();
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("churn");
  }

  @Test
  void strict_incompleteCard_isWrittenAndExitsWithOne_listingWhatIsMissing() throws IOException {
    Path out = dir.resolve("card.md");
    Cli.Result r =
        Cli.run(
            "card",
            "--model",
            "churn",
            "--strict",
            "--store",
            store.toString(),
            "--out",
            out.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(Files.readString(out)).contains("# Model Card for churn");
    assertThat(r.err())
        .startsWith("Model card of churn v1: incomplete (")
        .contains("  missing: intended use: primary uses\n")
        .doesNotContain("missing: model details: licence");
  }

  @Test
  void badInput_isOneLineWithStatusTwo() {
    String s = store.toString();
    Cli.Result model = Cli.run("card", "--model", "fraud", "--store", s);
    assertThat(model.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(model.err()).startsWith("mlops card: ").contains("'fraud'");

    Cli.Result version = Cli.run("card", "--model", "churn", "--version", "9", "--store", s);
    assertThat(version.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(version.err()).contains("but was 9");

    Cli.Result format = Cli.run("card", "--model", "churn", "--format", "pdf", "--store", s);
    assertThat(format.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(format.err())
        .isEqualTo(
            "mlops card: --format: format must be one of json, md, html, but was 'pdf'"
                + System.lineSeparator());

    Cli.Result text =
        Cli.run(
            "card", "--model", "churn", "--store", s, "--text", dir.resolve("no.md").toString());
    assertThat(text.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(text.err()).contains("no.md: no such file");
  }
}
