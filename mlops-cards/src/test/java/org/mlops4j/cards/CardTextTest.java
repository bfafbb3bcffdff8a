package org.mlops4j.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class CardTextTest {

  @TempDir Path dir;

  @Test
  void json_fillsTheNamedSections() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("card.json"),
            """
            {"owners": ["A", "B"], "license": "MIT", "primaryUses": "triage",
             "ethicalConsiderations": [{"name": "bias", "mitigation": "audit"}, "privacy"],
             "caveats": ["small sample"], "trainingData": "2025 applications"}
            """);
    ModelCard c = ModelCard.builder().name("m").version("1").text(f).build();
    assertEquals(List.of("A", "B"), c.owners());
    assertEquals("MIT", c.license());
    assertEquals(List.of("triage"), c.primaryUses());
    assertEquals(
        List.of(new CardRisk("bias", "audit"), new CardRisk("privacy", "")),
        c.ethicalConsiderations());
    assertEquals("2025 applications", c.trainingData().orElseThrow().description());
  }

  @Test
  void markdown_keepsMultiLineBulletsAndParagraphs() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("card.md"),
            "## Overview\n"
                + "First line\n"
                + "continued.\n\n"
                + "Second paragraph.\n\n"
                + "## Caveats\n"
                + "- one\n"
                + "  more\n"
                + "* two\n");
    ModelCard c = ModelCard.builder().name("m").version("1").text(f).build();
    assertEquals("First line continued.\n\nSecond paragraph.", c.overview());
    assertEquals(List.of("one\nmore", "two"), c.caveats());
  }

  @Test
  void unknownSectionOrKey_isAnErrorNamingTheFile() throws Exception {
    Path md = Files.writeString(dir.resolve("card.md"), "## Overview\ntext\n## Colour\nred\n");
    MlopsException e = assertThrows(MlopsException.class, () -> ModelCard.builder().text(md));
    assertEquals(
        md
            + ":3: unknown section 'colour' (known: overview, owners, model type, license, licence,"
            + " citation, references, primary uses, primary users, out-of-scope uses, factors,"
            + " metrics, decision thresholds, uncertainty, evaluation data, training data, ethical"
            + " considerations, caveats, recommendations, tags, pipeline tag)",
        e.getMessage());
    Path json = Files.writeString(dir.resolve("card.json"), "{\"colour\": \"red\"}");
    MlopsException j = assertThrows(MlopsException.class, () -> ModelCard.builder().text(json));
    assertEquals(
        true, j.getMessage().startsWith(json + ": unknown key 'colour' (known: overview,"));
    Path txt = Files.writeString(dir.resolve("card.txt"), "x");
    MlopsException t = assertThrows(MlopsException.class, () -> ModelCard.builder().text(txt));
    assertEquals(txt + ": a card text file must end in .md or .json", t.getMessage());
  }
}
