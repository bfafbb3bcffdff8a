package org.mlops4j.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.pipeline.DataTransfer;
import org.mlops4j.pipeline.TrackingListing;
import org.mlops4j.pipeline.TrackingRemote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlops runs push|pull|shared}: runs and registered models of the tracking store shared
 * through the data's remote ({@link TrackingRemote}). They sit under {@code runs} because they work
 * on the store {@code mlops runs} reads ({@code --store}); registered models live in that store
 * ({@code mlruns/models}), so {@code --model} goes with them.
 */
final class RunsSharing {
  private RunsSharing() {}

  /** Options of the subcommands that talk to the remote. */
  abstract static class RemoteStoreCommand extends RunsCommand.StoreCommand {
    @Mixin RemoteOptions remoteOptions = new RemoteOptions();

    @Mixin ProjectOption project = new ProjectOption();

    DataCommand.@Nullable Listener listener;

    String remote() {
      return remoteOptions.require(project.dir);
    }

    TrackingRemote sharing() {
      DataCommand.Listener l = new DataCommand.Listener(progress(), err(), spec.qualifiedName());
      listener = l;
      return TrackingRemote.builder(store)
          .remote(remote())
          .transfers(remoteOptions.transfers)
          .listener(l)
          .build();
    }

    /** Prints the result's text, and its JSON (with the store) where asked. */
    void print(String libraryJson, String text) {
      DataCommand.Listener l = listener;
      if (l != null) {
        l.close();
      }
      if (json != null) {
        Map<String, Object> doc = Documents.document(libraryJson);
        doc.put("store", store.toString());
        Documents.write(json, Documents.json(doc), out());
      }
      if (!"-".equals(json)) {
        out().print(TerminalText.escapeLines(text));
      }
      out().flush();
    }

    /** Runs a call; a refusal it states as IllegalStateException is bad input here. */
    <T> T call(java.util.function.Supplier<T> call) {
      try {
        return call.get();
      } catch (IllegalStateException e) {
        throw new UsageException(String.valueOf(e.getMessage()));
      } finally {
        DataCommand.Listener l = listener;
        if (l != null) {
          l.close();
        }
      }
    }
  }

  /** {@code mlops runs push}. */
  @Command(
      name = "push",
      header = "Share runs and registered models: upload them to the remote.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Upload runs (by id, or a unique prefix of one) and registered models (--model) of the"
              + " store to the data's remote: their files as content-addressed objects (those the"
              + " remote has are not sent again), then a manifest each. Push a run once it ended.")
  static final class Push extends RemoteStoreCommand {
    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Run ids or unique prefixes.")
    @Nullable List<String> runs;

    @Option(names = "--model", paramLabel = "NAME", description = "A registered model; repeatable.")
    @Nullable List<String> models;

    @Override
    int run() {
      List<String> ids = new ArrayList<>();
      if (runs != null && !runs.isEmpty()) {
        try (LocalTracker tracker = open()) {
          for (String r : runs) {
            ids.add(resolve(tracker, r).runId());
          }
        }
      }
      List<String> ms = models == null ? List.of() : models;
      if (ids.isEmpty() && ms.isEmpty()) {
        throw new UsageException("give run ids, --model NAME, or both");
      }
      if (!Files.isDirectory(store)) {
        open(); // the message that names the missing store
      }
      TrackingRemote sharing = sharing();
      DataTransfer t = call(() -> sharing.push(ids, ms));
      print(t.toJson(), t + "\n");
      return Main.OK;
    }
  }

  /** {@code mlops runs pull}. */
  @Command(
      name = "pull",
      header = "Download shared runs and registered models into the store.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Download runs (by id, or a unique prefix of one on the remote) and registered models"
              + " (--model), or everything shared (--all), into the store: each file is checked"
              + " against its SHA-256 before anything is written, paths in meta.yaml are rewritten"
              + " to this store. A local file that differs is replaced only with --force.")
  static final class Pull extends RemoteStoreCommand {
    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Run ids or unique prefixes.")
    @Nullable List<String> runs;

    @Option(names = "--model", paramLabel = "NAME", description = "A registered model; repeatable.")
    @Nullable List<String> models;

    @Option(names = "--all", description = "Every run and model on the remote.")
    boolean all;

    @Option(names = "--force", description = "Replace local files that differ from the remote's.")
    boolean force;

    @Override
    int run() {
      TrackingRemote sharing = sharing();
      List<String> ids = new ArrayList<>();
      List<String> ms = new ArrayList<>(models == null ? List.of() : models);
      List<String> asked = runs == null ? List.of() : runs;
      TrackingListing shared = null;
      if (all || asked.stream().anyMatch(r -> !r.matches("[0-9a-f]{32}"))) {
        shared = call(sharing::list);
      }
      if (all && shared != null) {
        shared.items("run").forEach(i -> ids.add(i.name()));
        shared.items("model").forEach(i -> ms.add(i.name()));
      }
      for (String r : asked) {
        if (r.matches("[0-9a-f]{32}") || shared == null) {
          ids.add(r);
          continue;
        }
        List<String> match =
            shared.items("run").stream()
                .map(TrackingListing.Item::name)
                .filter(n -> n.startsWith(r))
                .toList();
        if (match.size() != 1) {
          throw new UsageException(
              "'"
                  + r
                  + "' "
                  + (match.isEmpty()
                      ? "is not a prefix of a run on the remote"
                      : "is ambiguous: " + match.size() + " runs on the remote match"));
        }
        ids.add(match.get(0));
      }
      if (ids.isEmpty() && ms.isEmpty()) {
        throw new UsageException(
            all ? "nothing is shared on the remote" : "give run ids, --model NAME, or --all");
      }
      List<String> distinctIds = ids.stream().distinct().toList();
      List<String> distinctModels = ms.stream().distinct().toList();
      DataTransfer t = call(() -> sharing.pull(distinctIds, distinctModels, force));
      print(t.toJson(), t + "\n");
      return Main.OK;
    }
  }

  /** {@code mlops runs shared}. */
  @Command(
      name = "shared",
      header = "List the runs and registered models shared on the remote.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "List the runs and registered models pushed to the remote, from their manifests.")
  static final class Shared extends RemoteStoreCommand {
    @Override
    int run() {
      TrackingRemote sharing = sharing();
      TrackingListing l = call(sharing::list);
      print(l.toJson(), l + "\n");
      return Main.OK;
    }
  }
}
