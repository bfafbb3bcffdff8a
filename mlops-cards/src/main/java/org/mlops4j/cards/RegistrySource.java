package org.mlops4j.cards;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.registry.AuditEntry;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelVersion;
import org.mlops4j.registry.RegisteredModel;
import org.mlops4j.registry.VersionLineage;

/** The thin layer that reads a registry version and what is linked to it into a builder. */
final class RegistrySource {

  private RegistrySource() {}

  static void gather(ModelCard.Builder b, ModelRegistry registry, String name, int version) {
    ModelVersion v = registry.version(name, version);
    VersionLineage lineage = registry.lineage(name, version);
    RegisteredModel model = registry.model(name);
    b.name(v.name()).version(Integer.toString(v.version()));
    b.registryVersion = v.version();
    b.date(v.createdAt().atZone(ZoneOffset.UTC).toLocalDate());
    String description = v.description().isBlank() ? model.description() : v.description();
    if (!description.isBlank()) {
      b.overview(description);
    }
    Map<String, String> modelTags = model.tags();
    tag(v.tags(), modelTags, "license").ifPresent(b::license);
    tag(v.tags(), modelTags, "model_type").ifPresent(b::modelType);
    tag(v.tags(), modelTags, "citation").ifPresent(b::citation);
    tag(v.tags(), modelTags, "pipeline_tag").ifPresent(b::pipelineTag);
    tag(v.tags(), modelTags, "owners")
        .ifPresent(
            o -> {
              for (String s : o.split(",")) {
                if (!s.isBlank()) {
                  b.owner(s.strip());
                }
              }
            });
    v.metrics().forEach(b::performance);
    if (!v.pipelineLockSha256().isEmpty()) {
      b.provenance.put("pipeline.lock.sha256", v.pipelineLockSha256());
    }
    if (!lineage.dataHashes().isEmpty()) {
      b.trainingData(
          new CardDataset(
              "training data",
              v.pipelineLockSha256().isEmpty()
                  ? "the data files registered with the version"
                  : "the inputs of the pipeline lock the version was trained from",
              java.util.OptionalLong.empty(),
              lineage.dataHashes()));
    }
    if (lineage.run().isPresent()) {
      RunRecord run = lineage.run().get();
      b.run(run);
      artifacts(run)
          .ifPresent(
              dir -> {
                for (Path f : jsonFiles(dir.resolve("fairness"))) {
                  ResultReader.fairness(b, AtomicFiles.read(f), f.toString());
                  if (b.pipelineTag.isEmpty()) {
                    b.pipelineTag = "tabular-classification";
                  }
                }
                for (Path f : jsonFiles(dir.resolve("drift"))) {
                  ResultReader.drift(b, AtomicFiles.read(f), f.toString());
                }
                for (Path f : jsonFiles(dir.resolve("slices"))) {
                  ResultReader.slices(b, AtomicFiles.read(f), f.toString());
                }
              });
    } else {
      v.runId().ifPresent(id -> b.runId = id);
    }
    for (AuditEntry e : registry.audit(name)) {
      if (e.version() != version || !e.action().equals("promote")) {
        continue;
      }
      for (Map<String, Object> g : e.gates()) {
        Object measured = g.get("measured");
        b.gates.add(
            new CardGate(
                e.to(),
                String.valueOf(g.getOrDefault("kind", "")),
                String.valueOf(g.getOrDefault("rule", "")),
                Boolean.TRUE.equals(g.get("passed")),
                measured instanceof Number n ? n.doubleValue() : Double.NaN,
                String.valueOf(g.getOrDefault("detail", "")),
                e.time()));
      }
    }
  }

  private static Optional<String> tag(
      Map<String, String> versionTags, Map<String, String> modelTags, String key) {
    String v = versionTags.get(key);
    if (v == null || v.isBlank()) {
      v = modelTags.get(key);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Path> artifacts(RunRecord run) {
    String uri = run.artifactUri();
    try {
      Path p = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The {@code *.json} files of a folder, by name; none when it does not exist. */
  private static List<Path> jsonFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
      s.forEach(out::add);
    } catch (IOException e) {
      throw new MlopsException(dir + ": cannot list the reports: " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }
}
