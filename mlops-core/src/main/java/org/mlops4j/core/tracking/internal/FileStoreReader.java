package org.mlops4j.core.tracking.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.LifecycleStage;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an MLflow FileStore ({@code mlruns/}) as MLflow's own reader does, with the same rules: an
 * experiment or run whose id does not match its folder is skipped (with a warning); a folder that
 * should be an experiment or a run but has no readable {@code meta.yaml}, or a malformed metric
 * line, is an {@link MlopsException} naming the path (never a silently empty result); a trailing
 * partial line of a metric file (no newline, left by a crash) is ignored with a warning. Folders
 * whose names start with {@code .} ({@code .trash}, the {@code .mlops4j-tmp-*} folders of an
 * experiment or run being created, or left by a killed process) are not experiments or runs; nor
 * are {@code models} at the root and {@code tags}, {@code datasets}, {@code traces} and {@code
 * models} (MLflow 3's logged models, said once at debug level) inside an experiment. {@code
 * meta.yaml} is read with PyYAML's YAML 1.1 rules ({@link Yaml#read}); a metric step or timestamp
 * beyond a {@code long} is clamped (said once at debug level).
 *
 * <p>The reader follows no symbolic link inside the store ({@link StoreLinks}): an experiment or
 * run folder, a file or folder of {@code params/}, {@code tags/} or {@code metrics/} that is a link
 * is skipped with a warning, as if it were not there; a {@code meta.yaml} that is a link is
 * reported as a malformed folder, as a missing one is. Files are opened with {@link
 * LinkOption#NOFOLLOW_LINKS}. The store's root may itself be a link.
 */
public final class FileStoreReader {

  private static final Logger LOG = LoggerFactory.getLogger(FileStoreReader.class);

  /** The trash folder of deleted experiments. */
  public static final String TRASH = ".trash";

  /** Folders at the root of a store that are not experiments (the model registry is "models"). */
  private static final Set<String> ROOT_RESERVED = Set.of(TRASH, "models");

  /**
   * Folders inside an experiment that are not runs: MLflow 3 keeps the experiment's logged models
   * in {@code models/} ({@code models/m-<id>/}), which this reader does not model.
   */
  private static final Set<String> EXPERIMENT_RESERVED =
      Set.of("tags", "datasets", "traces", "models");

  /** What was skipped and already said at debug level (said once per JVM). */
  private static final Set<String> NOTED = ConcurrentHashMap.newKeySet();

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** Orders ids numerically when they are numbers ({@code "0" < "9" < "10"}), else by text. */
  public static final Comparator<String> ID_ORDER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final Path root;

  /**
   * @param root the store's root folder, e.g. {@code mlruns}
   */
  public FileStoreReader(Path root) {
    this.root = root;
  }

  /**
   * @return the store's root folder
   */
  public Path root() {
    return root;
  }

  private void requireStore() {
    if (!Files.isDirectory(root)) {
      throw new MlopsException("not a tracking store: " + root + " is not a directory");
    }
  }

  /**
   * @return the experiments, in id order; the deleted ones (in .trash) too if asked
   */
  public List<Experiment> experiments(boolean includeDeleted) {
    requireStore();
    List<Experiment> out = new ArrayList<>();
    for (Path dir : experimentDirs(root)) {
      Experiment e = readExperiment(dir);
      if (e != null && (includeDeleted || e.isActive())) {
        out.add(e);
      }
    }
    if (includeDeleted) {
      Path trash = root.resolve(TRASH);
      if (isFolder(trash)) {
        for (Path dir : experimentDirs(trash)) {
          Experiment e = readExperiment(dir);
          if (e != null) {
            out.add(e);
          }
        }
      }
    }
    out.sort(Comparator.comparing(Experiment::id, ID_ORDER));
    return out;
  }

  private static List<Path> experimentDirs(Path parent) {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(parent)) {
      s.filter(
              p -> {
                String n = p.getFileName().toString();
                return !ROOT_RESERVED.contains(n)
                    && !n.startsWith(".")
                    && !n.startsWith(AtomicFiles.STAGING_PREFIX);
              })
          .filter(FileStoreReader::isFolder)
          .forEach(dirs::add);
    } catch (IOException e) {
      throw new MlopsException("cannot list " + parent, e);
    }
    return dirs;
  }

  /**
   * @return the folder of the experiment with this id, active or in the trash, or empty
   */
  public Optional<Path> experimentDir(String id) {
    if (!Names.isExperimentId(id)) {
      return Optional.empty();
    }
    Path active = root.resolve(id);
    if (isFolder(active)) {
      return Optional.of(active);
    }
    Path trash = root.resolve(TRASH);
    Path deleted = trash.resolve(id);
    return isFolder(trash) && isFolder(deleted) ? Optional.of(deleted) : Optional.empty();
  }

  /**
   * Reads an experiment folder.
   *
   * @return the experiment, or null if its id does not match the folder (MLflow ignores it)
   * @throws MlopsException if meta.yaml is missing or malformed
   */
  public @Nullable Experiment readExperiment(Path dir) {
    Path metaFile = dir.resolve("meta.yaml");
    Map<String, @Nullable Object> meta = readYaml(metaFile, "experiment");
    String id = requiredText(meta, "experiment_id", metaFile);
    String folder = dir.getFileName().toString();
    if (!id.equals(folder)) {
      LOG.warn("Skipping experiment folder {}: its meta.yaml says experiment_id '{}'", dir, id);
      return null;
    }
    try {
      return new Experiment(
          id,
          requiredText(meta, "name", metaFile),
          text(meta, "artifact_location", ""),
          LifecycleStage.ofLabel(text(meta, "lifecycle_stage", "active")),
          Instant.ofEpochMilli(longValue(meta, "creation_time", 0L, metaFile)),
          Instant.ofEpochMilli(
              longValue(
                  meta,
                  "last_update_time",
                  longValue(meta, "creation_time", 0L, metaFile),
                  metaFile)),
          readKeyValues(dir.resolve("tags")));
    } catch (IllegalArgumentException e) {
      throw new MlopsException("malformed " + metaFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the run folders of an experiment folder
   */
  public List<Path> runDirs(Path experimentDir) {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(experimentDir)) {
      s.filter(
              p -> {
                String n = p.getFileName().toString();
                if (n.equals("models") && NOTED.add("models")) {
                  LOG.debug(
                      "Skipping {} and every other experiment's models/ folder: MLflow 3's logged"
                          + " models, which this reader does not model",
                      p);
                }
                return !EXPERIMENT_RESERVED.contains(n)
                    && !n.startsWith(".")
                    && !n.startsWith(AtomicFiles.STAGING_PREFIX);
              })
          .filter(FileStoreReader::isFolder)
          .forEach(dirs::add);
    } catch (IOException e) {
      throw new MlopsException("cannot list " + experimentDir, e);
    }
    return dirs;
  }

  /**
   * @return the runs of the experiment folder, most recently started first
   */
  public List<RunRecord> runs(Path experimentDir, boolean includeDeleted) {
    List<RunRecord> out = new ArrayList<>();
    for (Path dir : runDirs(experimentDir)) {
      RunRecord r = readRun(dir);
      if (r != null && (includeDeleted || r.isActive())) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(RunRecord::startTime).reversed().thenComparing(RunRecord::runId));
    return out;
  }

  /**
   * @return the folder of the run with this id, in any experiment, or empty
   */
  public Optional<Path> findRunDir(String runId) {
    Names.validateRunId(runId);
    requireStore();
    List<Path> parents = new ArrayList<>(experimentDirs(root));
    Path trash = root.resolve(TRASH);
    if (isFolder(trash)) {
      parents.addAll(experimentDirs(trash));
    }
    for (Path exp : parents) {
      Path candidate = exp.resolve(runId);
      if (isFolder(candidate)
          && Files.isRegularFile(candidate.resolve("meta.yaml"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a run folder.
   *
   * @return the run, or null if its ids do not match its folders (MLflow skips it)
   * @throws MlopsException if meta.yaml is missing or malformed, or a metric file is
   */
  public @Nullable RunRecord readRun(Path dir) {
    Path metaFile = dir.resolve("meta.yaml");
    Map<String, @Nullable Object> meta = readYaml(metaFile, "run");
    String runId = text(meta, "run_id", null);
    if (runId == null) {
      runId = text(meta, "run_uuid", null);
    }
    if (runId == null) {
      throw new MlopsException("malformed " + metaFile + ": neither run_id nor run_uuid");
    }
    if (!runId.equals(dir.getFileName().toString())) {
      LOG.warn("Skipping run folder {}: its meta.yaml says run_id '{}'", dir, runId);
      return null;
    }
    String experimentId = requiredText(meta, "experiment_id", metaFile);
    if (!experimentId.equals(dir.getParent().getFileName().toString())) {
      LOG.warn("Skipping run folder {}: its meta.yaml says experiment_id '{}'", dir, experimentId);
      return null;
    }
    Map<String, String> tags = readKeyValues(dir.resolve("tags"));
    String name = text(meta, "run_name", null);
    if (name == null || name.isEmpty()) {
      name = tags.getOrDefault("mlflow.runName", "");
    }
    Object end = meta.get("end_time");
    Optional<Instant> endTime =
        end == null
            ? Optional.empty()
            : Optional.of(Instant.ofEpochMilli(longValue(meta, "end_time", 0L, metaFile)));
    Map<String, Metric> latest = new TreeMap<>();
    Path metricsDir = dir.resolve("metrics");
    for (Map.Entry<String, Path> e : keyFiles(metricsDir).entrySet()) {
      List<Metric> history = parseMetricFile(e.getValue(), e.getKey());
      if (history.isEmpty()) {
        throw new MlopsException("malformed metric file " + e.getValue() + ": no data");
      }
      latest.put(e.getKey(), latest(history));
    }
    try {
      return new RunRecord(
          runId,
          experimentId,
          name,
          RunStatus.ofCode((int) longValue(meta, "status", 1L, metaFile)),
          Instant.ofEpochMilli(longValue(meta, "start_time", 0L, metaFile)),
          endTime,
          text(meta, "user_id", ""),
          LifecycleStage.ofLabel(text(meta, "lifecycle_stage", "active")),
          text(meta, "artifact_uri", ""),
          readKeyValues(dir.resolve("params")),
          tags,
          latest);
    } catch (IllegalArgumentException e) {
      throw new MlopsException("malformed " + metaFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * MLflow's latest point: the largest step, then the largest timestamp, then the largest value.
   */
  public static Metric latest(List<Metric> history) {
    return history.stream()
        .max(
            Comparator.comparingLong(Metric::step)
                .thenComparingLong(Metric::timestamp)
                .thenComparing(Metric::value, Double::compare))
        .orElseThrow();
  }

  /**
   * @return the history of a metric of the run folder; empty if there is no such metric file
   */
  public List<Metric> history(Path runDir, String key) {
    Path file = runDir.resolve("metrics").resolve(Names.validateLookupKey("metric key", key));
    Optional<Path> link = StoreLinks.linkOnTheWay(runDir, file);
    if (link.isPresent()) {
      warnLink(link.get());
      return List.of();
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    return parseMetricFile(file, key);
  }

  /**
   * Parses a metric file: lines {@code <timestamp> <value> <step>} (or {@code <timestamp> <value>},
   * step 0, as very old MLflow wrote).
   *
   * @throws MlopsException naming the file and line for a malformed line
   */
  public static List<Metric> parseMetricFile(Path file, String key) {
    byte[] bytes;
    try {
      bytes = StoreLinks.readBytes(file);
    } catch (IOException e) {
      throw new MlopsException("cannot read metric file " + file, e);
    }
    String content = new String(bytes, StandardCharsets.UTF_8);
    List<Metric> out = new ArrayList<>();
    int lineNo = 0;
    int start = 0;
    while (start < content.length()) {
      int nl = content.indexOf('\n', start);
      lineNo++;
      if (nl < 0) {
        LOG.warn(
            "Ignoring partial last line {} of metric file {} (no newline; the writer was"
                + " interrupted): '{}'",
            lineNo,
            file,
            content.substring(start));
        break;
      }
      String line = content.substring(start, nl);
      start = nl + 1;
      out.add(parseLine(line, key, file, lineNo));
    }
    return out;
  }

  private static Metric parseLine(String line, String key, Path file, int lineNo) {
    String[] parts = line.split(" ", -1);
    try {
      if (parts.length == 3) {
        return new Metric(
            key, PyFloat.parse(parts[1]), integer(parts[2], file), integer(parts[0], file));
      }
      if (parts.length == 2) {
        return new Metric(key, PyFloat.parse(parts[1]), 0L, integer(parts[0], file));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MlopsException(
        "malformed line "
            + lineNo
            + " of metric file "
            + file
            + ": expected '<timestamp> <value> <step>' but was '"
            + line
            + "'");
  }

  /**
   * An integer of a metric line. Python writes any integer; one outside Java's {@code long} (MLflow
   * writes a step of 2^63 = 9223372036854775808) is clamped to {@link Long#MIN_VALUE}..{@link
   * Long#MAX_VALUE}, said once at debug level: the point is kept, and the order of points only
   * changes among such huge values.
   */
  private static long integer(String text, Path file) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      BigInteger big = new BigInteger(text); // a malformed number throws again: reported
      if (NOTED.add("clamped")) {
        LOG.debug(
            "Clamping {} in metric file {} (and any other integer beyond a Java long) to {}",
            text,
            file,
            big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
      }
      return big.max(LONG_MIN).min(LONG_MAX).longValue();
    }
  }

  /**
   * @return the files of a params/, tags/ or metrics/ folder by key (sub-folders give keys with
   *     '/'); symbolic links, to files or folders, are skipped with a warning
   */
  public static Map<String, Path> keyFiles(Path dir) {
    Map<String, Path> out = new TreeMap<>();
    if (!isFolder(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.find(dir, Integer.MAX_VALUE, FileStoreReader::isKeyFile)) {
      s.forEach(
          p -> {
            StringBuilder key = new StringBuilder();
            for (Path part : dir.relativize(p)) {
              if (key.length() > 0) {
                key.append('/');
              }
              key.append(part);
            }
            out.put(key.toString(), p);
          });
    } catch (IOException e) {
      throw new MlopsException("cannot list " + dir, e);
    }
    return out;
  }

  /**
   * @return the contents of a params/ or tags/ folder: the exact text of each file, by key
   */
  public static Map<String, String> readKeyValues(Path dir) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Path> e : keyFiles(dir).entrySet()) {
      try {
        out.put(e.getKey(), StoreLinks.readText(e.getValue()));
      } catch (IOException ex) {
        throw new MlopsException("cannot read " + e.getValue(), ex);
      }
    }
    return out;
  }

  /**
   * @return whether the entry is a folder and not a link; a link is skipped with a warning
   */
  private static boolean isFolder(Path p) {
    BasicFileAttributes a = StoreLinks.attributes(p);
    if (a != null && a.isSymbolicLink()) {
      warnLink(p);
      return false;
    }
    return a != null && a.isDirectory();
  }

  /** Whether an entry of a params/, tags/ or metrics/ folder is a key's file (links warned of). */
  private static boolean isKeyFile(Path p, BasicFileAttributes a) {
    if (a.isSymbolicLink()) {
      warnLink(p);
      return false;
    }
    return a.isRegularFile();
  }

  private static void warnLink(Path link) {
    LOG.warn("Skipping {}: a symbolic link, which the reader does not follow", link);
  }

  private Map<String, @Nullable Object> readYaml(Path file, String what) {
    BasicFileAttributes a = StoreLinks.attributes(file);
    if (a != null && a.isSymbolicLink()) {
      throw new MlopsException(
          "malformed "
              + what
              + " folder "
              + file.getParent()
              + ": "
              + file
              + " is a symbolic link, which the reader does not follow");
    }
    if (a == null || !a.isRegularFile()) {
      throw new MlopsException(
          "malformed " + what + " folder " + file.getParent() + ": no meta.yaml at " + file);
    }
    Object node;
    try {
      node = Yaml.read(new String(StoreLinks.readBytes(file), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new MlopsException("malformed " + file + ": " + e.getMessage(), e);
    }
    if (!(node instanceof Map<?, ?> map)) {
      throw new MlopsException("malformed " + file + ": not a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> meta = (Map<String, @Nullable Object>) map;
    return meta;
  }

  /**
   * A value as MLflow's reader sees it after PyYAML: a string as it is, a number, a boolean as
   * Python's {@code str()} writes it ({@code 1000}, {@code 0.5}, {@code True}).
   */
  private static @Nullable String text(
      Map<String, @Nullable Object> meta, String key, @Nullable String dflt) {
    Object v = meta.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Double d) {
      return PyFloat.repr(d);
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return v.toString();
  }

  private static String requiredText(Map<String, @Nullable Object> meta, String key, Path file) {
    String v = text(meta, key, null);
    if (v == null) {
      throw new MlopsException("malformed " + file + ": no " + key);
    }
    return v;
  }

  private static long longValue(
      Map<String, @Nullable Object> meta, String key, long dflt, Path file) {
    Object v = meta.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      if (v instanceof BigInteger b) {
        return b.longValueExact();
      }
      if (v instanceof String t) {
        return Long.parseLong(t.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // reported below
    }
    throw new MlopsException(
        "malformed " + file + ": " + key + " must be an integer, but was '" + v + "'");
  }
}
