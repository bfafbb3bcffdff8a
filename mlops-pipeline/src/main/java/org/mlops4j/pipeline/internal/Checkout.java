package org.mlops4j.pipeline.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.report.internal.Json;

/**
 * Puts the outputs of one stage in the project from the cache, as one set.
 *
 * <p>{@link #place} works in three steps. First every output is built in the staging folder ({@link
 * ObjectCache#stage}: links or copies, each checked when asked): the slow part, and one that
 * changes nothing in the project, so a missing or corrupt object stops the restore before any
 * output has changed. Then a marker {@code .mlops/checkout/<sha256 of the stage name>.json} is
 * written, durably (JSON, format {@value #FORMAT}, with the stage name and the outputs being
 * placed). Then each output is renamed into place; the folders on the way are checked with {@link
 * SafePaths#placeInside}, so a link planted there cannot redirect the write outside the project.
 * The caller removes the marker ({@link #done}) once the lock records the stage.
 *
 * <p>A process killed between the renames leaves some outputs new and some old, and the marker.
 * {@link #interrupted()} lists the stages with a marker; the pipeline reports them as needing a run
 * ("outputs incomplete after an interrupted restore") and the next run places their whole set
 * again.
 */
public final class Checkout {
  /** The {@code format} of a marker. */
  public static final String FORMAT = "mlops4j.pipeline-checkout";

  private final Path root;
  private final ObjectCache cache;
  private final Path scratch;
  private final Path markers;
  private final boolean link;

  /**
   * @param root the project root (real path)
   * @param cache the local cache
   * @param scratch the staging folder, {@code .mlops/tmp}, on the project's file system
   * @param markers the folder of the markers, {@code .mlops/checkout}
   * @param link whether to hard-link outputs to the objects (else copy)
   */
  public Checkout(Path root, ObjectCache cache, Path scratch, Path markers, boolean link) {
    this.root = root;
    this.cache = cache;
    this.scratch = scratch;
    this.markers = markers;
    this.link = link;
  }

  /**
   * @return the names of the stages whose last placement of outputs did not finish
   * @throws MlopsException if the folder of markers cannot be read
   */
  public Set<String> interrupted() {
    Set<String> names = new TreeSet<>();
    if (!Files.isDirectory(markers, LinkOption.NOFOLLOW_LINKS)) {
      return names;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(markers, "*.json")) {
      for (Path f : s) {
        String stage = stageOf(f);
        if (stage != null) {
          names.add(stage);
        }
      }
    } catch (IOException e) {
      throw new MlopsException(markers + ": cannot be listed: " + e.getMessage(), e);
    }
    return names;
  }

  private static @Nullable String stageOf(Path marker) {
    try {
      JsonNode n = Json.mapper().readTree(Files.readString(marker));
      JsonNode stage = n == null ? null : n.get("stage");
      return stage != null && stage.isTextual() ? stage.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null; // not a marker of this format: ignored
    }
  }

  /**
   * Puts a stage's outputs in place from the cache (see the class comment).
   *
   * @param stage the stage's name
   * @param outputs its outputs, paths relative to the root (normalised, as declared) to their
   *     hashes
   * @param verify whether to hash again what is placed (objects of at most {@link
   *     ObjectCache#ALWAYS_VERIFY_BYTES})
   * @param state if not null, records the hashes of the placed files
   * @throws ObjectCache.CorruptObjectException if an object is corrupt; nothing in the project has
   *     changed
   * @throws MlopsException if a folder on the way is a link leading outside the root
   * @throws IOException if staging or a rename fails
   */
  public void place(
      String stage, Map<String, LockedPath> outputs, boolean verify, @Nullable StateStore state)
      throws IOException {
    Map<String, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, LockedPath> e : new TreeMap<>(outputs).entrySet()) {
        LockedPath lp = e.getValue();
        staged.put(e.getKey(), cache.stage(lp.sha256(), lp.directory(), scratch, link, verify));
      }
      CrashPoints.reach(CrashPoints.CHECKOUT_STAGED);
      Map<String, Object> doc = Json.document(FORMAT, 1);
      doc.put("stage", stage);
      Map<String, String> hashes = new TreeMap<>();
      outputs.forEach((k, v) -> hashes.put(k, v.sha256()));
      doc.put("outputs", hashes);
      AtomicFiles.write(marker(stage), Json.write(doc) + "\n", Durability.DURABLE);
      for (Map.Entry<String, Path> e : staged.entrySet()) {
        Path target = SafePaths.placeInside(root, root.resolve(e.getKey()));
        cache.switchInto(e.getValue(), target, outputs.get(e.getKey()).directory(), scratch);
        CrashPoints.reach(CrashPoints.CHECKOUT_SWITCHED);
      }
    } finally {
      for (Path p : staged.values()) {
        AtomicFiles.deleteRecursively(p);
      }
    }
    if (state != null) {
      for (Map.Entry<String, LockedPath> e : outputs.entrySet()) {
        LockedPath lp = e.getValue();
        cache.recordPlaced(lp.sha256(), lp.directory(), root.resolve(e.getKey()), state);
      }
    }
  }

  /**
   * Removes the stage's marker: its outputs and its lock entry agree again.
   *
   * @param stage the stage's name
   * @throws IOException if the marker cannot be deleted
   */
  public void done(String stage) throws IOException {
    try {
      Files.deleteIfExists(marker(stage));
    } catch (NoSuchFileException e) {
      // the folder is gone: nothing to do
    }
  }

  private Path marker(String stage) {
    return markers.resolve(FileHasher.sha256(stage) + ".json");
  }
}
