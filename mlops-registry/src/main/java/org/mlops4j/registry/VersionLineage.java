package org.mlops4j.registry;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.report.internal.TextTable;

/**
 * Where a version came from: the tracking run that produced it (with its params and metrics, read
 * from the same store), the pipeline lock it was trained from (its text and SHA-256) and the data
 * files' hashes (those registered with the version, plus the inputs of every stage of the lock).
 *
 * @param version the version
 * @param run the run, when the version names one and the store has it
 * @param pipelineLock the text of the pipeline lock, or ""
 * @param dataHashes data file path to SHA-256, in path order
 * @since 0.1.0
 */
public record VersionLineage(
    ModelVersion version,
    Optional<RunRecord> run,
    String pipelineLock,
    Map<String, String> dataHashes) {

  /**
   * Copies the map.
   *
   * @throws NullPointerException if a part is null
   */
  public VersionLineage {
    Require.nonNull(version, "version");
    Require.nonNull(run, "run");
    Require.nonNull(pipelineLock, "pipelineLock");
    dataHashes =
        Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(dataHashes, "dataHashes")));
  }

  /**
   * Version, then run (params, and metrics with up to six significant digits), then lock, then data
   * hashes.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Lineage of ")
        .append(version.name())
        .append(" v")
        .append(version.version())
        .append('\n');
    if (run.isPresent()) {
      RunRecord r = run.get();
      sb.append("  run ")
          .append(r.runId())
          .append(" (")
          .append(r.name())
          .append(", ")
          .append(r.status())
          .append(")\n");
      TextTable t = new TextTable("kind", "key", "value");
      r.params().forEach((k, v) -> t.row("param", k, v));
      r.metrics()
          .forEach((k, m) -> t.row("metric", k, org.mlops4j.registry.internal.Fmt.num(m.value())));
      if (t.size() > 0) {
        sb.append(t.toString().indent(4));
      }
    } else {
      sb.append("  run: ")
          .append(version.runId().map(id -> id + " (not in this store)").orElse("-"))
          .append('\n');
    }
    sb.append("  pipeline lock: ")
        .append(
            version.pipelineLockSha256().isEmpty() ? "-" : "sha256 " + version.pipelineLockSha256())
        .append('\n');
    if (!dataHashes.isEmpty()) {
      TextTable t = new TextTable("data", "sha256");
      dataHashes.forEach(t::row);
      sb.append(t.toString().indent(4));
    }
    return sb.toString();
  }
}
