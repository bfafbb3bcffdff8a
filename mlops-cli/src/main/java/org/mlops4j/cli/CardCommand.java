package org.mlops4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.cards.CardCompleteness;
import org.mlops4j.cards.CardFormat;
import org.mlops4j.cards.ModelCard;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops card}: the model card of a registry version ({@link ModelCard#from}), in one of its
 * forms ({@link ModelCard#render(CardFormat)}): Hugging Face Markdown, Model Card Toolkit JSON (a
 * format of another tool, printed as it is) or an HTML page; {@code --strict} checks its {@link
 * ModelCard#completeness()}.
 */
@Command(
    name = "card",
    header = "The model card of a registry version: Markdown, JSON or HTML.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "The model card (Mitchell et al., 2018) of a version in the model registry of a local store,"
          + " generated from what mlops4j recorded: the version's metrics, tags and files, its"
          + " run's params, metrics and provenance, the fairness and drift reports the run logged,"
          + " the gates of its promotions. The sections only people can write (intended use,"
          + " caveats, ...) come from a card text file (--text). Forms: md (a Hugging Face model"
          + " card), json (Model Card Toolkit schema 0.0.2), html (one self-contained page).",
      "",
      "Exit status: 0 success, 1 the card is incomplete with --strict (the missing sections are"
          + " listed on standard error; the card is still written), 2 bad usage or bad input"
          + " (unknown model or version, a text file that cannot be read)."
    },
    footer = {
      "",
      "Examples:",
      "  mlops card --model churn --version 3 --format md --out MODEL_CARD.md",
      "  mlops card --model churn --version champion --text model-card.md \\",
      "      --format html --out card.html --strict"
    })
final class CardCommand extends AbstractCommand {

  @Option(
      names = "--model",
      required = true,
      paramLabel = "NAME",
      description = "The registered model.")
  String model;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "A version number, an alias, or latest (default: ${DEFAULT-VALUE}).")
  String version = "latest";

  @Option(
      names = "--format",
      paramLabel = "md|json|html",
      description = "The card's form (default: from the extension of --out, else md).")
  @Nullable String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the card to FILE (default: standard output, also '-').")
  @Nullable String outFile;

  @Option(
      names = "--text",
      paramLabel = "FILE",
      description =
          "A card text file with the sections people write: Markdown with '## Heading' sections,"
              + " or JSON.")
  @Nullable Path text;

  @Option(
      names = "--strict",
      description =
          "Exit with status 1 when a recommended section is missing or an analysis lacks its"
              + " interval.")
  boolean strict;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      defaultValue = "mlruns",
      description =
          "The store's folder, whose models/ holds the registry (default: ./${DEFAULT-VALUE}).")
  Path store;

  @Override
  int run() {
    CardFormat form = form();
    if (!Files.isDirectory(store)) {
      throw new MlopsException(
          store
              + ": no such store (the tracking store's folder, whose models/ holds the registry;"
              + " give it with --store DIR)");
    }
    if (text != null && !Files.isRegularFile(text)) {
      throw new MlopsException(text + ": no such file");
    }
    ModelRegistry registry = ModelRegistry.openReadOnly(store);
    int n = registry.version(model, version).version();
    progress().phase("gathering the card of " + model + " v" + n);
    ModelCard.Builder b = ModelCard.builder().from(registry, model, n);
    if (text != null) {
      b.text(text);
    }
    ModelCard card = b.build();
    String target = outFile == null ? "-" : outFile;
    if (!"-".equals(target)) {
      progress().phase("writing " + target);
    }
    Documents.write(target, card.render(form), out());
    out().flush();
    CardCompleteness c = card.completeness();
    if (strict && !c.complete()) {
      err().print(TerminalText.escapeLines(c.toString()));
      err().flush();
      return Main.CHECK_FAILED;
    }
    return Main.OK;
  }

  private CardFormat form() {
    try {
      if (format != null) {
        return CardFormat.fromKey(format);
      }
      if (outFile != null && !"-".equals(outFile)) {
        return CardFormat.fromFileName(outFile);
      }
      return CardFormat.MARKDOWN;
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          format != null
              ? "--format: " + e.getMessage()
              : "--out: " + e.getMessage() + " (give --format md|json|html)");
    }
  }
}
