package org.mlops4j.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.Tracker;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataPointer;
import org.mlops4j.pipeline.Pipeline;
import org.mlops4j.privacy.ErasureReceipt.AffectedModel;
import org.mlops4j.privacy.ErasureReceipt.AffectedStage;
import org.mlops4j.privacy.ErasureReceipt.DataVersion;
import org.mlops4j.privacy.ErasureReceipt.ErasedFile;
import org.mlops4j.privacy.internal.Csv;
import org.mlops4j.privacy.internal.LineageIndex;
import org.mlops4j.privacy.internal.ResultFiles;

/**
 * The right to erasure: removes a subject's rows from the datasets registered with the library,
 * deletes the cached versions that held them, finds through lineage what was derived from them
 * (dataset versions, stage outputs, model versions, tracking runs), flags the models for
 * retraining, and writes a receipt.
 *
 * <pre>{@code
 * Erasure erasure = Erasure.builder(Path.of("."), key)
 *     .subjectColumn("customer_id")
 *     .models(inventory)                       // optional: the model registry
 *     .trackingStore(Path.of("mlruns"))        // optional: runs that name affected data
 *     .build();
 * ErasureReceipt receipt = erasure.erase("C-10042");
 * }</pre>
 *
 * <p>What it does, in order:
 *
 * <ol>
 *   <li>Datasets: every file tracked by a pointer ({@code <name>.mlops}, folders: every file in
 *       them) and every input and output the pipeline's {@code mlops.lock} names. Each that is CSV
 *       with the subject column and has rows whose value there equals the subject is rewritten
 *       without them (atomically; a hard link to the cache is replaced, not edited); a tracked one
 *       is added again ({@link Data#add(Path)}), so its pointer names the new version.
 *   <li>Cache: every object of {@code .mlops/cache} that is CSV with the subject column and holds
 *       the subject is deleted, whichever version of whichever dataset it was (older versions
 *       included); a folder manifest naming such an object counts as holding the subject.
 *   <li>Lineage: from the lock, the lock history and the run cache, every stage execution that read
 *       a version holding the subject makes its outputs affected, and so on down the graph.
 *   <li>Models: each version of the {@link ModelInventory} whose data or artifact hashes are
 *       affected is {@link ModelInventory#flagForRetraining flagged}.
 *   <li>Runs: tracking runs whose params or tags name an affected hash, or that produced an
 *       affected model.
 *   <li>Receipt: written durably to {@code privacy/erasures/<id>.json} under the project.
 * </ol>
 *
 * <p>Outputs of stages that read the subject's data are left in place (a model file cannot be
 * edited row by row); the pipeline finds its inputs changed and runs those stages again. Copies on
 * remotes and in backups are not reached: the receipt's notes say so, and list the purged hashes to
 * delete there.
 *
 * @since 0.1.0
 */
public final class Erasure {
  /** The folder of receipts, relative to the project root. */
  public static final String RECEIPTS = "privacy/erasures";

  private final Path root;
  private final PseudonymKey key;
  private final String subjectColumn;
  private final @Nullable ModelInventory models;
  private final @Nullable Tracker tracker;
  private final Clock clock;

  private Erasure(Builder b, Path root, String subjectColumn) {
    this.root = root;
    this.key = b.key;
    this.subjectColumn = subjectColumn;
    this.models = b.models;
    this.tracker = b.tracker;
    this.clock = b.clock;
  }

  /**
   * @param projectRoot the project's folder (with {@code mlops.lock}, {@code .mlops}, pointers)
   * @param commitmentKey the key of the receipt's commitment to the subject
   * @return a builder; the subject column is required
   */
  public static Builder builder(Path projectRoot, PseudonymKey commitmentKey) {
    return new Builder(
        Require.nonNull(projectRoot, "projectRoot"),
        Require.nonNull(commitmentKey, "commitmentKey"));
  }

  /**
   * Erases a subject, as the class comment says, and writes the receipt.
   *
   * @param subject the subject's value in the subject column
   * @return the receipt (also saved under {@value #RECEIPTS})
   * @throws IllegalArgumentException if subject is blank
   * @throws MlopsException if a file cannot be read, rewritten or deleted
   */
  public ErasureReceipt erase(String subject) {
    Require.nonBlank(subject, "subject");
    String id = UUID.randomUUID().toString();
    LineageIndex lineage = LineageIndex.read(root);

    // 1. datasets: pointer-tracked files and the lock's paths
    Map<Path, DataPointer> pointers = new LinkedHashMap<>();
    Map<Path, Path> owner = new LinkedHashMap<>();
    for (Path p : pointerFiles()) {
      DataPointer dp = DataPointer.load(p);
      Path data = p.getParent().resolve(dp.path());
      pointers.put(data, dp);
      for (Path f : files(data)) {
        owner.put(f, data);
      }
    }
    for (LineageIndex.Execution e : lineage.executions()) {
      if (!e.source().equals(Pipeline.LOCK_FILE)) {
        continue;
      }
      Set<String> paths = new LinkedHashSet<>(e.inputs().keySet());
      paths.addAll(e.outputs().keySet());
      for (String s : paths) {
        Path data = root.resolve(s).normalize();
        if (data.startsWith(root)) {
          for (Path f : files(data)) {
            owner.putIfAbsent(f, data);
          }
        }
      }
    }
    Set<String> affected = new LinkedHashSet<>();
    List<ErasedFile> erased = new ArrayList<>();
    Set<Path> touched = new LinkedHashSet<>();
    Map<Path, String[]> changes = new LinkedHashMap<>();
    for (Map.Entry<Path, Path> e : owner.entrySet()) {
      Path f = e.getKey();
      Optional<byte[]> rewritten = withoutSubject(f, subject);
      if (rewritten.isEmpty()) {
        continue;
      }
      byte[] before = read(f);
      byte[] after = rewritten.get();
      int removed = rowsOf(before) - rowsOf(after);
      try {
        AtomicFiles.write(f, after, AtomicFiles.Durability.DURABLE);
      } catch (IOException x) {
        throw new MlopsException(f + ": cannot be rewritten without the subject: " + x, x);
      }
      affected.add(ResultFiles.sha256(before));
      touched.add(e.getValue());
      changes.put(
          f,
          new String[] {
            ResultFiles.sha256(before), ResultFiles.sha256(after), Integer.toString(removed)
          });
    }
    if (!touched.isEmpty() && touched.stream().anyMatch(pointers::containsKey)) {
      Data data = Data.create(root);
      for (Path t : touched) {
        DataPointer old = pointers.get(t);
        if (old != null) {
          affected.add(old.hash());
          data.add(t);
        }
      }
    }
    for (Map.Entry<Path, String[]> c : changes.entrySet()) {
      String[] v = c.getValue();
      erased.add(
          new ErasedFile(
              rel(c.getKey()),
              v[0],
              v[1],
              Integer.parseInt(v[2]),
              pointers.containsKey(owner.get(c.getKey()))));
    }

    // 2. cache objects that hold the subject
    List<String> purged = new ArrayList<>();
    Path cache = root.resolve(Pipeline.MLOPS_DIR).resolve("cache");
    for (Path obj : cacheFiles(cache, false)) {
      if (withoutSubject(obj, subject).isPresent()) {
        String hash = obj.getParent().getFileName().toString() + obj.getFileName();
        try {
          obj.toFile().setWritable(true);
          Files.delete(obj);
        } catch (IOException x) {
          throw new MlopsException(obj + ": cannot delete the cached version: " + x, x);
        }
        purged.add(hash);
        affected.add(hash);
      }
    }
    for (Path manifest : cacheFiles(cache, true)) {
      String text = new String(read(manifest), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.length() >= 64 && affected.contains(line.substring(0, 64))) {
          String name = manifest.getFileName().toString();
          affected.add(manifest.getParent().getFileName() + name.substring(0, name.length() - 4));
          break;
        }
      }
    }

    // 3. lineage closure
    List<AffectedStage> stages = new ArrayList<>();
    Set<Integer> seen = new java.util.HashSet<>();
    Set<String> listed = new java.util.HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      List<LineageIndex.Execution> ex = lineage.executions();
      for (int i = 0; i < ex.size(); i++) {
        LineageIndex.Execution e = ex.get(i);
        if (seen.contains(i) || e.inputs().values().stream().noneMatch(affected::contains)) {
          continue;
        }
        seen.add(i);
        grew = true;
        List<DataVersion> outs = new ArrayList<>();
        e.outputs().forEach((p, h) -> outs.add(new DataVersion(p, h)));
        affected.addAll(e.outputs().values());
        // the same execution is recorded in the lock, its history and the run cache: list it once
        if (listed.add(e.stage() + " " + e.inputs() + " " + e.outputs())) {
          stages.add(new AffectedStage(e.stage(), e.source(), outs));
        }
      }
    }
    Set<DataVersion> data = new LinkedHashSet<>();
    for (LineageIndex.Execution e : lineage.executions()) {
      e.inputs().forEach((p, h) -> addIf(data, affected, p, h));
      e.outputs().forEach((p, h) -> addIf(data, affected, p, h));
    }
    pointers.forEach((p, dp) -> addIf(data, affected, rel(p), dp.hash()));
    for (ErasedFile f : erased) {
      data.add(new DataVersion(f.path(), f.sha256Before()));
    }

    // 4. models
    List<AffectedModel> flagged = new ArrayList<>();
    Set<String> modelRuns = new TreeSet<>();
    if (models != null) {
      for (TrainedModel m : models.models()) {
        Set<String> matched = new TreeSet<>();
        for (String h : m.dataHashes()) {
          if (affected.contains(h)) {
            matched.add(h);
          }
        }
        for (String h : m.artifactHashes()) {
          if (affected.contains(h)) {
            matched.add(h);
          }
        }
        if (!matched.isEmpty()) {
          models.flagForRetraining(m, id);
          flagged.add(new AffectedModel(m.name(), m.version(), List.copyOf(matched)));
          m.runId().ifPresent(modelRuns::add);
        }
      }
    }

    // 5. runs
    Set<String> runs = new TreeSet<>();
    if (tracker != null) {
      for (Experiment x : tracker.allExperiments()) {
        for (RunRecord r : tracker.allRuns(x.name())) {
          if (modelRuns.contains(r.runId())
              || mentions(r.params().values(), affected)
              || mentions(r.tags().values(), affected)) {
            runs.add(r.runId());
          }
        }
      }
    }

    List<String> notes = new ArrayList<>();
    notes.add(
        "Copies outside this project (pipeline remotes, backups, exports) are not erased: delete"
            + " the purged objects listed here from them.");
    notes.add(
        "Outputs derived from the subject's data (affected stages) are left in place: run the"
            + " pipeline again, which sees their inputs changed.");
    notes.add("Models flagged for retraining still contain what they learnt until retrained.");
    notes.add(
        "The consent log keeps its events (the record of consent and withdrawal is evidence);"
            + " git history of pointer files holds hashes only.");
    byte[] commitment = ErasureReceipt.commit(id, subject, key, key.primaryKeyId());
    ErasureReceipt receipt =
        new ErasureReceipt(
            id,
            clock.instant(),
            subjectColumn,
            HexFormat.of().formatHex(commitment),
            key.primaryKeyId(),
            erased,
            purged,
            List.copyOf(data),
            stages,
            flagged,
            List.copyOf(runs),
            notes);
    receipt.save(root.resolve(RECEIPTS).resolve(id + ".json"));
    return receipt;
  }

  private static void addIf(Set<DataVersion> into, Set<String> affected, String path, String h) {
    if (affected.contains(h)) {
      into.add(new DataVersion(path, h));
    }
  }

  private static boolean mentions(Iterable<String> values, Set<String> hashes) {
    for (String v : values) {
      for (String h : hashes) {
        if (v.contains(h)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The CSV bytes without the subject's rows, or empty when the file is not CSV with the subject
   * column, or has no row of the subject.
   */
  private Optional<byte[]> withoutSubject(Path f, String subject) {
    String header;
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      char[] buf = new char[65536];
      int n = r.read(buf);
      if (n <= 0) {
        return Optional.empty();
      }
      String head = new String(buf, 0, n);
      int nl = head.indexOf('\n');
      header = nl < 0 ? head : head.substring(0, nl);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // binary or unreadable: not a CSV dataset
    }
    List<List<String>> h = Csv.parse(header.replace("\r", ""), f.toString());
    if (h.isEmpty() || !h.get(0).contains(subjectColumn)) {
      return Optional.empty();
    }
    PersonalData d;
    try {
      d = PersonalData.readCsv(f);
    } catch (MlopsException e) {
      return Optional.empty();
    }
    int col = d.indexOf(subjectColumn);
    PersonalData kept = d.filter(r -> !r.get(col).equals(subject));
    return kept.size() == d.size() ? Optional.empty() : Optional.of(kept.csvBytes());
  }

  private static int rowsOf(byte[] csv) {
    return Csv.parse(new String(csv, StandardCharsets.UTF_8), "CSV").size() - 1;
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new MlopsException(f + ": cannot be read: " + e, e);
    }
  }

  private String rel(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static List<Path> files(Path data) {
    if (Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)) {
      return List.of(data);
    }
    if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(data)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException e) {
      throw new MlopsException(data + ": cannot be listed: " + e, e);
    }
  }

  private static List<Path> cacheFiles(Path cache, boolean manifests) {
    if (!Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(cache, 2)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> p.getParent().getFileName().toString().length() == 2)
          .filter(p -> p.getFileName().toString().endsWith(".dir") == manifests)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MlopsException(cache + ": cannot be listed: " + e, e);
    }
  }

  private List<Path> pointerFiles() {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(root) && (n.startsWith(".") || n.equals("mlruns"))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String n = file.getFileName().toString();
              if (attrs.isRegularFile()
                  && n.endsWith(DataPointer.EXTENSION)
                  && n.length() > DataPointer.EXTENSION.length()) {
                out.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new MlopsException(root + ": cannot be searched for pointer files: " + e, e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public String toString() {
    return "Erasure[" + root + ", subject column '" + subjectColumn + "', " + key + "]";
  }

  /**
   * Settings of an {@link Erasure}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Path projectRoot;
    private final PseudonymKey key;
    private @Nullable String subjectColumn;
    private @Nullable ModelInventory models;
    private @Nullable Tracker tracker;
    private Clock clock = Clock.systemUTC();

    private Builder(Path projectRoot, PseudonymKey key) {
      this.projectRoot = projectRoot;
      this.key = key;
    }

    /**
     * @param column the column of subject identifiers in the CSV datasets; required
     * @return this
     */
    public Builder subjectColumn(String column) {
      this.subjectColumn = Require.nonBlank(column, "column");
      return this;
    }

    /**
     * @param inventory the model versions to check and flag; default none
     * @return this
     */
    public Builder models(ModelInventory inventory) {
      this.models = Require.nonNull(inventory, "inventory");
      return this;
    }

    /**
     * @param tracker the tracking store whose runs are checked; default none
     * @return this
     */
    public Builder tracker(Tracker tracker) {
      this.tracker = Require.nonNull(tracker, "tracker");
      return this;
    }

    /**
     * @param store a local tracking store (MLflow FileStore layout), opened read-only
     * @return this
     */
    public Builder trackingStore(Path store) {
      this.tracker = LocalTracker.openReadOnly(Require.nonNull(store, "store"));
      return this;
    }

    /**
     * @param clock the clock of the receipt's time; default UTC system clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * @return the erasure
     * @throws IllegalStateException if the subject column was not set
     * @throws IllegalArgumentException if the project root is not a folder
     */
    public Erasure build() {
      Require.state(
          subjectColumn != null,
          "Set the subject column first: builder(root, key).subjectColumn(\"customer_id\")");
      Require.argument(Files.isDirectory(projectRoot), "projectRoot", "a folder", projectRoot);
      Path real;
      try {
        real = projectRoot.toRealPath();
      } catch (IOException e) {
        throw new MlopsException(projectRoot + ": cannot be resolved: " + e, e);
      }
      return new Erasure(this, real, subjectColumn);
    }
  }
}
