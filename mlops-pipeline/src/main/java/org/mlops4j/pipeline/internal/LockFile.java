package org.mlops4j.pipeline.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

/**
 * The lock file {@code mlops.lock} and the run-cache entries: their formats, reading and writing.
 *
 * <p>The lock is YAML in mlops4j's own DVC-like shape (not the JSON convention): the comment line
 * {@link #HEADER}, then {@code schema: 1}, the pipeline {@code seed} and {@code stages}, one {@link
 * StageLock} per stage. Keys are sorted at every level, so that two locks of the same state are
 * byte-identical and a change shows up in a diff as the lines that changed.
 *
 * <p>An instance writes one project's lock. It remembers the text it last read or wrote, so that
 * {@link #update} rewrites the file only when its content changes (a run in which every stage is
 * skipped leaves the file byte for byte), and {@link #archive()} keeps one copy of each distinct
 * content in the history folder, named {@code <yyyyMMdd'T'HHmmss.SSS'Z'>-<first 16 hex digits of
 * the text's SHA-256>.lock}. Both writes are durable: temporary file forced to the device, renamed
 * over the target, folder forced ({@code AtomicFiles} {@code DURABLE}).
 *
 * <p>A run-cache entry is JSON in the one JSON convention: the header (format {@value #RUN_FORMAT},
 * formatVersion {@value #RUN_FORMAT_VERSION}, library, libraryVersion, createdAt), then {@code
 * runKey}, {@code stage} and {@code lock} (a {@link StageLock}). Entries without a header, written
 * by earlier 0.1.0 snapshots, are read as well.
 *
 * <p>Thread-safe.
 */
public final class LockFile {
  /** First line of every lock file. */
  public static final String HEADER =
      "# mlops4j pipeline lock file: written by Pipeline.run(), do not edit by hand\n";

  /** The {@code format} of a run-cache entry. */
  public static final String RUN_FORMAT = "mlops4j.pipeline-run";

  /** The {@code formatVersion} of the run-cache entries written, and the newest one read. */
  public static final int RUN_FORMAT_VERSION = 1;

  private static final DateTimeFormatter HISTORY_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Path file;
  private final Path historyDir;
  private @Nullable String lastText;

  /**
   * @param file the lock file, {@code <root>/mlops.lock}
   * @param historyDir the folder of earlier locks, {@code <root>/.mlops/locks}
   */
  public LockFile(Path file, Path historyDir) {
    this.file = Require.nonNull(file, "file");
    this.historyDir = Require.nonNull(historyDir, "historyDir");
  }

  /**
   * A hashed file or directory in the lock.
   *
   * @param sha256 content hash (see {@link Digest})
   * @param size bytes
   * @param files number of files for a directory, null for a file
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"sha256", "size", "files"})
  public record LockedPath(String sha256, long size, @Nullable Integer files) {
    /**
     * @return whether this is a directory
     */
    public boolean directory() {
      return files != null;
    }

    /**
     * @param d a digest
     * @return the lock entry for the digest
     */
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
   * @param runKey the run-cache key (SHA-256 of the canonical stage description); null in a lock
   *     written without one
   * @param durationMs how long the work took when it ran
   * @param ranAt when the work ran (ISO-8601, UTC)
   * @param restoredFromCache whether the last run restored the outputs instead of running the work
   * @param provenance the provenance of the process that ran the work
   */
  @JsonPropertyOrder({
    "codeVersion",
    "seed",
    "params",
    "inputs",
    "outputs",
    "runKey",
    "durationMs",
    "ranAt",
    "restoredFromCache",
    "provenance"
  })
  public record StageLock(
      String codeVersion,
      long seed,
      Map<String, Object> params,
      Map<String, LockedPath> inputs,
      Map<String, LockedPath> outputs,
      @Nullable String runKey,
      long durationMs,
      @Nullable String ranAt,
      boolean restoredFromCache,
      Map<String, String> provenance) {
    /** Sorts every map; a missing map (null, from a hand-edited file) becomes empty. */
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
    /** Sorts the stages; a missing map becomes empty. */
    public LockDoc {
      stages = stages == null ? Map.of() : new TreeMap<>(stages);
    }
  }

  /**
   * A run-cache entry: what a stage with a given key produced.
   *
   * @param runKey the key
   * @param stage the stage name
   * @param lock the stage's lock entry when it ran; null in an entry without one
   */
  public record RunEntry(String runKey, String stage, @Nullable StageLock lock) {}

  /**
   * @return the lock file's path
   */
  public Path path() {
    return file;
  }

  /**
   * Reads the lock and remembers its text, so that {@link #update} leaves an unchanged lock alone.
   *
   * @return the lock, or empty if there is no file
   * @throws MlopsException if the file cannot be read or parsed
   */
  public synchronized Optional<LockDoc> read() {
    String text = readText(file);
    if (text == null) {
      return Optional.empty();
    }
    LockDoc doc = parse(text, file);
    lastText = text;
    return Optional.of(doc);
  }

  /**
   * Reads a lock file, such as one of the history.
   *
   * @param file a lock file
   * @return the lock, or empty if there is no file
   * @throws MlopsException if the file cannot be read or parsed
   */
  public static Optional<LockDoc> read(Path file) {
    String text = readText(file);
    return text == null ? Optional.empty() : Optional.of(parse(text, file));
  }

  private static @Nullable String readText(Path file) {
    try {
      if (Files.isSymbolicLink(file)) {
        throw new FileSystemException(file.toString(), null, LINK);
      }
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      String why = Files.isSymbolicLink(file) ? LINK : e.getMessage();
      throw new MlopsException("cannot read lock file " + file + ": " + why, e);
    }
  }

  private static final String LINK = "is a symbolic link; the lock file must be a regular file";

  /**
   * Writes the lock of these stages, durably, unless the file already has this content; does
   * nothing when there is no stage.
   *
   * @param seed the pipeline seed
   * @param stages the stages' entries by name
   * @throws MlopsException if the file cannot be written
   */
  public synchronized void update(long seed, Map<String, StageLock> stages) {
    if (stages.isEmpty()) {
      return;
    }
    String text = text(new LockDoc(1, seed, stages));
    if (text.equals(lastText)) {
      return;
    }
    try {
      AtomicFiles.write(file, text, Durability.DURABLE);
    } catch (IOException e) {
      throw new MlopsException("cannot write lock file " + file + ": " + e.getMessage(), e);
    }
    lastText = text;
  }

  /**
   * Keeps a durable copy of the lock last read or written in the history folder, unless a copy of
   * the same content is there already; does nothing when no lock was read or written.
   *
   * @throws MlopsException if the folder cannot be listed or the copy written
   */
  public synchronized void archive() {
    String text = lastText;
    if (text == null) {
      return;
    }
    String suffix = "-" + FileHasher.sha256(text).substring(0, 16) + ".lock";
    try {
      boolean known;
      try (Stream<Path> names =
          Files.exists(historyDir) ? Files.list(historyDir) : Stream.empty()) {
        known = names.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
      }
      if (!known) {
        Path copy = historyDir.resolve(HISTORY_NAME.format(Instant.now()) + suffix);
        AtomicFiles.write(copy, text, Durability.DURABLE);
      }
    } catch (IOException e) {
      throw new MlopsException("cannot write lock file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param doc a lock
   * @return the lock as YAML text, header included
   */
  public static String text(LockDoc doc) {
    try {
      return HEADER + YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new MlopsException("cannot serialize lock", e);
    }
  }

  private static LockDoc parse(String text, Path source) {
    LockDoc doc;
    try {
      doc = YAML.readValue(text, LockDoc.class);
    } catch (IOException e) {
      throw new MlopsException("cannot read lock file " + source + ": " + e.getMessage(), e);
    }
    if (doc == null) {
      throw new MlopsException("cannot read lock file " + source + ": it is empty");
    }
    for (Map.Entry<String, StageLock> e : doc.stages().entrySet()) {
      Optional<String> why = check(e.getValue(), "stage '" + e.getKey() + "' ");
      if (why.isPresent()) {
        throw new MlopsException("cannot read lock file " + source + ": " + why.get());
      }
    }
    return doc;
  }

  /**
   * The hashes of a lock entry that name files of the cache (the run key, the outputs') must be 64
   * lowercase hex characters: they become paths.
   *
   * @return what is wrong, or empty
   */
  private static Optional<String> check(@Nullable StageLock sl, String prefix) {
    if (sl == null) {
      return Optional.of(prefix.trim() + " has no entry");
    }
    String key = sl.runKey();
    if (key != null && !FileHasher.isSha256(key)) {
      return Optional.of(
          Require.mustBe(prefix + "runKey", "64 lowercase hex characters", "'" + key + "'"));
    }
    for (Map.Entry<String, LockedPath> o : sl.outputs().entrySet()) {
      String h = o.getValue() == null ? null : o.getValue().sha256();
      if (!FileHasher.isSha256(h)) {
        return Optional.of(
            Require.mustBe(
                prefix + "output '" + o.getKey() + "' sha256",
                "64 lowercase hex characters",
                h == null ? null : "'" + h + "'"));
      }
    }
    return Optional.empty();
  }

  /**
   * @param entry a run-cache entry
   * @return the entry as JSON text with the header, ending in a newline
   */
  public static String runEntryJson(RunEntry entry) {
    Map<String, Object> doc = Json.document(RUN_FORMAT, RUN_FORMAT_VERSION);
    doc.put("runKey", entry.runKey());
    doc.put("stage", entry.stage());
    doc.put("lock", entry.lock());
    return Json.write(doc) + "\n";
  }

  /**
   * @param text a run-cache entry's JSON
   * @param source where it was read, for messages
   * @return the entry
   * @throws MlopsException if the text is not an entry, or one of a newer format version
   */
  public static RunEntry parseRunEntry(String text, String source) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw new MlopsException(
            "cannot read run-cache entry " + source + ": expected a JSON object");
      }
      if (node.has("format")) {
        node = Json.readDocument(text, RUN_FORMAT, RUN_FORMAT_VERSION, source);
      }
      RunEntry entry =
          Json.mapper()
              .readerFor(RunEntry.class)
              .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(node);
      StageLock sl = entry.lock();
      Optional<String> why = sl == null ? Optional.empty() : check(sl, "");
      if (why.isPresent()) {
        throw new MlopsException("cannot read run-cache entry " + source + ": " + why.get());
      }
      return entry;
    } catch (IOException e) {
      throw new MlopsException("cannot read run-cache entry " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Canonical text of a param value, the same for a value and its round trip through the lock:
   * integers (any width) as {@code Long.toString}, floating point as {@code Double.toString},
   * booleans and strings as themselves.
   *
   * @param v a param value
   * @return its canonical text
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
