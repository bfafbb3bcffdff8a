package org.mlops4j.pipeline.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.api.MlopsException;

/**
 * Reads and writes the lock file ({@code mlops.lock}, YAML) and run-cache entries (JSON). Keys are
 * sorted at every level, so that two locks of the same state are byte-identical and a change shows
 * up in a diff as the lines that changed.
 *
 * @since 0.1.0
 */
public final class LockIo {
  /** First line of every lock file. */
  public static final String HEADER = "# mlops4j pipeline lock file: written by Pipeline.run(), do not edit by hand\n";

  private static final ObjectMapper YAML = YAMLMapper.builder(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build())
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private LockIo() {}

  /**
   * A hashed file or directory in the lock.
   *
   * @param sha256 content hash (see {@link Digest})
   * @param size bytes
   * @param files number of files for a directory, null for a file
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"sha256", "size", "files"})
  public record LockedPath(String sha256, long size, Integer files) {
    /** @return whether this is a directory */
    public boolean directory() {
      return files != null;
    }

    /** @return the lock entry for a digest */
    public static LockedPath of(Digest d) {
      return new LockedPath(d.hash(), d.size(), d.directory() ? d.files() : null);
    }
  }

  /**
   * One stage in the lock.
   *
   * @param codeVersion the declared code version
   * @param seed the stage's derived seed
   * @param params params by name (String, Long, Double or Boolean)
   * @param inputs input paths to their hashes
   * @param outputs output paths to their hashes
   * @param runKey the run-cache key (SHA-256 of the canonical stage description)
   * @param durationMs how long the work took when it ran
   * @param ranAt when the work ran (ISO-8601, UTC)
   * @param restoredFromCache whether the last run restored the outputs instead of running the work
   * @param provenance the provenance of the process that ran the work
   */
  @JsonPropertyOrder({"codeVersion", "seed", "params", "inputs", "outputs", "runKey", "durationMs", "ranAt",
      "restoredFromCache", "provenance"})
  public record StageLock(
      String codeVersion,
      long seed,
      Map<String, Object> params,
      Map<String, LockedPath> inputs,
      Map<String, LockedPath> outputs,
      String runKey,
      long durationMs,
      String ranAt,
      boolean restoredFromCache,
      Map<String, String> provenance) {
    /** Sorts every map. */
    public StageLock {
      params = params == null ? Map.of() : new TreeMap<>(params);
      inputs = inputs == null ? Map.of() : new TreeMap<>(inputs);
      outputs = outputs == null ? Map.of() : new TreeMap<>(outputs);
      provenance = provenance == null ? Map.of() : new TreeMap<>(provenance);
    }
  }

  /**
   * The whole lock.
   *
   * @param schema format version, 1
   * @param seed the pipeline seed
   * @param stages stages by name
   */
  @JsonPropertyOrder({"schema", "seed", "stages"})
  public record LockDoc(int schema, long seed, Map<String, StageLock> stages) {
    /** Sorts the stages. */
    public LockDoc {
      stages = stages == null ? Map.of() : new TreeMap<>(stages);
    }
  }

  /**
   * A run-cache entry: what a stage with a given key produced.
   *
   * @param runKey the key
   * @param stage the stage name
   * @param lock the stage's lock entry when it ran
   */
  public record RunEntry(String runKey, String stage, StageLock lock) {}

  /** @return the lock in {@code file}, or empty if there is none */
  public static Optional<LockDoc> readLock(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(YAML.readValue(text, LockDoc.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new MlopsException("cannot read lock file " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return the lock as YAML text, header included */
  public static String lockText(LockDoc doc) {
    try {
      return HEADER + YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new MlopsException("cannot serialize lock", e);
    }
  }

  /** @return the entry as JSON text */
  public static String runText(RunEntry entry) {
    try {
      return JSON.writeValueAsString(entry) + "\n";
    } catch (IOException e) {
      throw new MlopsException("cannot serialize run entry", e);
    }
  }

  /** @return the entry parsed from JSON text */
  public static RunEntry parseRun(String text, String source) {
    try {
      return JSON.readValue(text, RunEntry.class);
    } catch (IOException e) {
      throw new MlopsException("cannot read run-cache entry " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Canonical text of a param value, the same for a value and its round trip through the lock:
   * integers (any width) as {@code Long.toString}, floating point as {@code Double.toString},
   * booleans and strings as themselves.
   */
  public static String canonicalParam(Object v) {
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      return Long.toString(((Number) v).longValue());
    }
    if (v instanceof Float || v instanceof Double) {
      return Double.toString(((Number) v).doubleValue());
    }
    return String.valueOf(v);
  }
}
