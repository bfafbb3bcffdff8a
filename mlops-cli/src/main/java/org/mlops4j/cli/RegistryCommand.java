package org.mlops4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.FileInputs;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.registry.Gate;
import org.mlops4j.registry.GateKind;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelStage;
import org.mlops4j.registry.ModelVersion;
import org.mlops4j.registry.PromotionEvidence;
import org.mlops4j.registry.PromotionGates;
import org.mlops4j.registry.PromotionResult;
import org.mlops4j.registry.RegisteredModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops registry}: the model registry of a local store ({@link ModelRegistry}): list models,
 * their versions, one version, and gated promotion ({@link ModelRegistry#promoteToStage}, {@link
 * ModelRegistry#promoteToAlias}) with gates from a JSON file ({@link PromotionGates#load(Path)}).
 */
@Command(
    name = "registry",
    header = "The model registry of a local store: list, versions, show, promote.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "The model registry of a local store (MLflow's registry FileStore layout in the tracking"
          + " store's folder; default: mlruns in the current directory). list, versions and show"
          + " read only; promote runs the gates of a JSON file and, when all pass, moves the"
          + " version to a stage or an alias; every attempt is in the model's audit log."
    },
    subcommands = {
      RegistryCommand.ListModels.class,
      RegistryCommand.ListVersions.class,
      RegistryCommand.ShowVersion.class,
      RegistryCommand.Promote.class
    })
final class RegistryCommand implements java.util.concurrent.Callable<Integer> {

  /**
   * The gates the command line can judge from a version's own records: its logged metrics and its
   * artifact bytes. The others need evaluation data, reports or a predict function.
   */
  static final Set<GateKind> FROM_RECORDS =
      Set.of(GateKind.METRIC_MIN, GateKind.METRIC_MAX, GateKind.SIZE_MAX);

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return AbstractCommand.subcommandRequired(spec);
  }

  /** Options shared by the registry subcommands. */
  abstract static class StoreCommand extends AbstractCommand {
    @Option(
        names = "--store",
        paramLabel = "DIR",
        defaultValue = "mlruns",
        description =
            "The store's folder, whose models/ holds the registry (default: ./${DEFAULT-VALUE}).")
    Path store;

    @Option(
        names = "--json",
        paramLabel = "OUT",
        description = "Write JSON to OUT ('-' for standard output).")
    @Nullable String json;

    void requireStore() {
      if (!Files.isDirectory(store)) {
        throw new MlopsException(
            store
                + ": no such store (the tracking store's folder, whose models/ holds the registry;"
                + " give it with --store DIR)");
      }
    }

    ModelRegistry openReadOnly() {
      requireStore();
      return ModelRegistry.openReadOnly(store);
    }

    /** Writes the JSON where asked, and the text unless the JSON took standard output. */
    void print(Map<String, Object> document, String text) {
      if (json != null) {
        Documents.write(json, Documents.json(document), out());
      }
      if (!"-".equals(json)) {
        out().print(TerminalText.escapeLines(text));
      }
    }
  }

  /**
   * @return a version as the library writes it ({@link ModelVersion#toJson()}, format {@code
   *     mlops4j.registry-version}), as a map the command can add its fields to
   */
  static Map<String, Object> versionJson(ModelVersion v) {
    return Documents.document(v.toJson());
  }

  /** {@code mlops registry list}. */
  @Command(
      name = "list",
      header = "List the registered models.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "List the registered models: versions, latest, the version in Production, aliases.")
  static final class ListModels extends StoreCommand {
    @Override
    int run() {
      ModelRegistry registry = openReadOnly();
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("store", store.toString());
      List<Object> models = new ArrayList<>();
      for (RegisteredModel m : registry.models()) {
        Map<String, Object> o = Documents.document(m.toJson());
        List<ModelVersion> vs = registry.versions(m.name());
        o.put("versions", vs.size());
        o.put("latest", vs.isEmpty() ? null : vs.get(vs.size() - 1).version());
        o.put(
            "production",
            vs.stream()
                .filter(v -> v.stage() == ModelStage.PRODUCTION)
                .map(ModelVersion::version)
                .reduce((a, b) -> b)
                .orElse(null));
        models.add(o);
      }
      root.put("models", models);
      print(root, models.isEmpty() ? "no models in " + store + "\n" : registry.toString());
      return Main.OK;
    }
  }

  /** {@code mlops registry versions}. */
  @Command(
      name = "versions",
      header = "List the versions of a model.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "List the versions of a model: stage, aliases, run, user, creation time, files, bytes.")
  static final class ListVersions extends StoreCommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model's name.")
    String model;

    @Override
    int run() {
      ModelRegistry registry = openReadOnly();
      List<ModelVersion> versions = registry.versions(model);
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("store", store.toString());
      root.put("model", model);
      root.put("versions", versions.stream().map(RegistryCommand::versionJson).toList());
      print(root, registry.versionsTable(model));
      return Main.OK;
    }
  }

  /** {@code mlops registry show}. */
  @Command(
      name = "show",
      header = "Show one version of a model.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Show one version of a model: stage, aliases, run, metrics, schema, and its files with"
              + " their SHA-256.")
  static final class ShowVersion extends StoreCommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model's name.")
    String model;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "VERSION",
        description = "A version number, an alias, or latest (default: latest).")
    String version = "latest";

    @Override
    int run() {
      ModelVersion v = openReadOnly().version(model, version);
      Map<String, Object> root = versionJson(v);
      print(root, v.toString());
      return Main.OK;
    }
  }

  /** The target of a promotion: a stage or an alias. */
  static final class Target {
    @Option(
        names = "--stage",
        paramLabel = "STAGE",
        description = "Promote to this stage: Staging or Production.")
    @Nullable String stage;

    @Option(
        names = "--alias",
        paramLabel = "ALIAS",
        description = "Promote to this alias (champion, say).")
    @Nullable String alias;
  }

  /** {@code mlops registry promote}. */
  @Command(
      name = "promote",
      header = "Promote a version to a stage or an alias, through gates.",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {
        "Run the gates of a JSON file (format mlops4j.promotion-gates, as PromotionGates.save"
            + " writes it) for a version and, when every gate passes, move it to the stage (the"
            + " version there is archived) or the alias. Prints the table of gate results; the"
            + " attempt is in the model's audit log whatever its outcome.",
        "",
        "The command line judges the gates a version's own records decide: metric_min and"
            + " metric_max (its logged metrics) and size_max (its artifact bytes). Gates that need"
            + " evaluation data, reports or a predict function (mcnemar, bootstrap, fairness_max,"
            + " fairness_min, four_fifths, drift_share_max, latency) are refused before anything"
            + " runs: promote with them from Java (ModelRegistry.promoteToStage with a"
            + " PromotionEvidence).",
        "",
        "Exit status: 0 promoted, 1 refused by a gate, 2 bad usage or bad input (unknown model"
            + " or version, a gate file that cannot be read, a gate that needs the API), or another"
            + " process promoting the same model at the same time."
      },
      footer = {
        "",
        "Example:",
        "  mlops registry promote churn 2 --stage Production --gates gates.json \\",
        "      --reason 'better recall on Q4 data' --json promotion.json"
      })
  static final class Promote extends StoreCommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model's name.")
    String model;

    @Parameters(
        index = "1",
        paramLabel = "VERSION",
        description = "The candidate: a version number, an alias, or latest.")
    String version;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(
        names = "--gates",
        required = true,
        paramLabel = "FILE",
        description = "The gates, a JSON file of format mlops4j.promotion-gates.")
    Path gates;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        description = "Why, for the audit log (default: none).")
    String reason = "";

    @Option(
        names = "--html",
        paramLabel = "OUT",
        description = "Write the HTML page of the result to OUT ('-' for standard output).")
    @Nullable String html;

    @Override
    int run() {
      if ("-".equals(json) && "-".equals(html)) {
        throw new UsageException("--json - and --html - cannot both write to standard output");
      }
      ModelStage stage = null;
      if (target.stage != null) {
        try {
          stage = ModelStage.fromKey(target.stage);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--stage: " + e.getMessage());
        }
        if (stage != ModelStage.STAGING && stage != ModelStage.PRODUCTION) {
          throw new UsageException(
              "--stage takes Staging or Production, not '" + target.stage + "'");
        }
      }
      if (!Files.isRegularFile(gates)) {
        throw new MlopsException(gates + ": no such file");
      }
      PromotionGates declared = PromotionGates.load(gates);
      for (Gate g : declared.gates()) {
        if (!FROM_RECORDS.contains(g.kind())) {
          throw new IllegalArgumentException(
              gates
                  + ": gate "
                  + g.kind().key()
                  + " ("
                  + g.describe()
                  + ") needs evaluation data, a report or a predict function, which the command"
                  + " line cannot give: promote with it from Java (ModelRegistry.promoteToStage"
                  + " or promoteToAlias with a PromotionEvidence); the command line runs"
                  + " metric_min, metric_max and size_max");
        }
      }
      requireStore();
      ModelRegistry registry = ModelRegistry.open(store);
      int n = registry.version(model, version).version();
      PromotionResult result =
          stage != null
              ? registry.promoteToStage(model, n, stage, declared, PromotionEvidence.none(), reason)
              : registry.promoteToAlias(
                  model,
                  n,
                  java.util.Objects.requireNonNull(target.alias),
                  declared,
                  PromotionEvidence.none(),
                  reason);
      if (json != null) {
        Map<String, Object> doc = Documents.document(result.toJson());
        doc.put("inputs", List.of(FileInputs.of(gates)));
        doc.put("store", store.toString());
        Documents.write(json, Documents.json(doc), out());
      }
      if (html != null) {
        Documents.write(html, result.toHtml(), out());
      }
      if (!"-".equals(json) && !"-".equals(html)) {
        out().print(TerminalText.escapeLines(result.toString()));
      }
      out().flush();
      if (!result.passed()) {
        err()
            .println(
                "mlops registry promote: refused: "
                    + result.failed().size()
                    + " of "
                    + result.gates().size()
                    + " gates failed ("
                    + TerminalText.escape(
                        String.join(
                            ", ", result.failed().stream().map(g -> g.gate().describe()).toList()))
                    + ")");
        err().flush();
        return Main.CHECK_FAILED;
      }
      return Main.OK;
    }
  }
}
