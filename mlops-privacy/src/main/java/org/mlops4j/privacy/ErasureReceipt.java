package org.mlops4j.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.privacy.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * The record of one erasure ({@link Erasure#erase(String)}): what was removed and what is affected,
 * by hash, with a keyed commitment to the subject instead of the subject's identifier, so that the
 * erasure can be audited without keeping the erased data.
 *
 * <p>Commitment: {@code HMAC-SHA256(s, id || "\n" || subject)} in hex, where {@code s} is a secret
 * derived from the commitment key ({@link PseudonymKey}, key {@code commitmentKeyId}) and {@code
 * id} the receipt's id. Whoever holds the key can check that a receipt is about a given subject
 * ({@link #isAbout(String, PseudonymKey)}); without it, the receipt does not reveal the subject,
 * not even to a dictionary of all identifiers (an unkeyed or salted hash would).
 *
 * <p>JSON: the header ({@code format} {@value #FORMAT}, {@code formatVersion} 1), then {@code id},
 * {@code subjectColumn}, {@code subjectCommitment}, {@code commitmentKeyId}, {@code erasedFiles}
 * ({@code path}, {@code sha256Before}, {@code sha256After}, {@code rowsRemoved}, {@code
 * pointerUpdated}), {@code purgedObjects} (SHA-256 of the cache objects deleted), {@code
 * affectedData} ({@code path}, {@code sha256}: dataset versions that held the subject or derive
 * from one that did), {@code affectedStages} ({@code stage}, {@code source}, {@code outputs}),
 * {@code affectedModels} ({@code name}, {@code version}, {@code matchedHashes}), {@code
 * affectedRuns} (tracking run ids), {@code notes}. {@link #logTo(Run)} writes the metrics {@code
 * privacy.erasure.rows_removed}, {@code privacy.erasure.files_erased}, {@code
 * privacy.erasure.objects_purged}, {@code privacy.erasure.models_flagged}, the tag {@code
 * privacy.erasure.receipt} and the artifacts {@code privacy/erasure-<id>.json} and {@code .html}.
 *
 * @param id the receipt's id (a random UUID)
 * @param createdAt when the erasure ran
 * @param subjectColumn the column the subject was looked for in
 * @param subjectCommitment the keyed commitment to the subject, 64 hex digits
 * @param commitmentKeyId the id of the key the commitment was made with
 * @param erasedFiles the dataset files rewritten without the subject's rows
 * @param purgedObjects SHA-256 of the cache objects deleted because they held the subject
 * @param affectedData dataset versions (path and hash) that held the subject or were derived from
 *     such a version
 * @param affectedStages pipeline stage executions that consumed such a version
 * @param affectedModels model versions trained on such data, flagged for retraining
 * @param affectedRuns tracking runs that name an affected hash or produced an affected model
 * @param notes what this erasure did not do, for the auditor
 * @since 0.1.0
 */
public record ErasureReceipt(
    String id,
    Instant createdAt,
    String subjectColumn,
    String subjectCommitment,
    long commitmentKeyId,
    List<ErasedFile> erasedFiles,
    List<String> purgedObjects,
    List<DataVersion> affectedData,
    List<AffectedStage> affectedStages,
    List<AffectedModel> affectedModels,
    List<String> affectedRuns,
    List<String> notes) {

  /** The {@code format} of the JSON document. */
  public static final String FORMAT = "mlops4j.erasure-receipt";

  /** The {@code formatVersion} written. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a part is null
   */
  public ErasureReceipt {
    Require.nonBlank(id, "id");
    Require.nonNull(createdAt, "createdAt");
    Require.nonNull(subjectColumn, "subjectColumn");
    Require.nonNull(subjectCommitment, "subjectCommitment");
    erasedFiles = List.copyOf(erasedFiles);
    purgedObjects = List.copyOf(purgedObjects);
    affectedData = List.copyOf(affectedData);
    affectedStages = List.copyOf(affectedStages);
    affectedModels = List.copyOf(affectedModels);
    affectedRuns = List.copyOf(affectedRuns);
    notes = List.copyOf(notes);
  }

  /**
   * A dataset file rewritten without the subject's rows.
   *
   * @param path relative to the project root
   * @param sha256Before the hash of the file before
   * @param sha256After the hash after
   * @param rowsRemoved the rows removed
   * @param pointerUpdated whether its pointer file ({@code .mlops}) was updated to the new version
   */
  public record ErasedFile(
      String path,
      String sha256Before,
      String sha256After,
      int rowsRemoved,
      boolean pointerUpdated) {}

  /**
   * A dataset version, by path and hash.
   *
   * @param path relative to the project root
   * @param sha256 the hash of that version
   */
  public record DataVersion(String path, String sha256) {}

  /**
   * A recorded stage execution that consumed data holding the subject.
   *
   * @param stage the stage's name
   * @param source the lock or run-cache file that records it
   * @param outputs its outputs (path and hash), derived from that data
   */
  public record AffectedStage(String stage, String source, List<DataVersion> outputs) {
    /** Copies the list. */
    public AffectedStage {
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * A model version trained on data that held the subject.
   *
   * @param name the model
   * @param version the version
   * @param matchedHashes the hashes of its data (or artifacts) that are affected
   */
  public record AffectedModel(String name, int version, List<String> matchedHashes) {
    /** Copies the list. */
    public AffectedModel {
      matchedHashes = List.copyOf(matchedHashes);
    }
  }

  /**
   * @return the rows removed over every file
   */
  public int rowsRemoved() {
    int n = 0;
    for (ErasedFile f : erasedFiles) {
      n += f.rowsRemoved();
    }
    return n;
  }

  /**
   * Whether this receipt is about a subject: recomputes the commitment with the key.
   *
   * @param subject the identifier to check
   * @param key the keyset the erasure used (it must still hold the key {@code commitmentKeyId})
   * @return whether the commitment matches
   * @throws PseudonymKeyException if the keyset lacks that key
   */
  public boolean isAbout(String subject, PseudonymKey key) {
    Require.nonNull(subject, "subject");
    Require.nonNull(key, "key");
    byte[] expected = HexFormat.of().parseHex(subjectCommitment);
    return MessageDigest.isEqual(expected, commit(id, subject, key, commitmentKeyId));
  }

  static byte[] commit(String id, String subject, PseudonymKey key, long keyId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.derive(keyId, "mlops4j.erasure-commitment"), "HmacSHA256"));
      return mac.doFinal((id + "\n" + subject).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /**
   * @return the JSON document of the class comment
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION, createdAt);
    m.put("id", id);
    m.put("subjectColumn", subjectColumn);
    m.put("subjectCommitment", subjectCommitment);
    m.put("commitmentKeyId", commitmentKeyId);
    m.put("rowsRemoved", rowsRemoved());
    m.put("erasedFiles", erasedFiles);
    m.put("purgedObjects", purgedObjects);
    m.put("affectedData", affectedData);
    m.put("affectedStages", affectedStages);
    m.put("affectedModels", affectedModels);
    m.put("affectedRuns", affectedRuns);
    m.put("notes", notes);
    return Json.write(m);
  }

  /**
   * Reads a receipt written by {@link #toJson()}.
   *
   * @param json the text
   * @return the receipt
   * @throws MlopsException if it is not a receipt of a format version this library reads
   */
  public static ErasureReceipt fromJson(String json) {
    return parse(json, "JSON");
  }

  /**
   * Reads a receipt file.
   *
   * @param file the file
   * @return the receipt
   * @throws MlopsException {@code <file>: ...} if it cannot be read or is not a receipt
   */
  public static ErasureReceipt load(Path file) {
    Require.nonNull(file, "file");
    return parse(AtomicFiles.read(file), file.toAbsolutePath().toString());
  }

  private static ErasureReceipt parse(String json, String source) {
    ObjectNode n = Json.readDocument(json, FORMAT, FORMAT_VERSION, source);
    try {
      List<ErasedFile> files = new ArrayList<>();
      for (JsonNode f : n.path("erasedFiles")) {
        files.add(
            new ErasedFile(
                f.path("path").asText(),
                f.path("sha256Before").asText(),
                f.path("sha256After").asText(),
                f.path("rowsRemoved").asInt(),
                f.path("pointerUpdated").asBoolean()));
      }
      List<AffectedStage> stages = new ArrayList<>();
      for (JsonNode s : n.path("affectedStages")) {
        stages.add(
            new AffectedStage(
                s.path("stage").asText(), s.path("source").asText(), versions(s.path("outputs"))));
      }
      List<AffectedModel> models = new ArrayList<>();
      for (JsonNode mo : n.path("affectedModels")) {
        models.add(
            new AffectedModel(
                mo.path("name").asText(),
                mo.path("version").asInt(),
                texts(mo.path("matchedHashes"))));
      }
      return new ErasureReceipt(
          n.path("id").asText(),
          Instant.parse(n.path("createdAt").asText()),
          n.path("subjectColumn").asText(),
          n.path("subjectCommitment").asText(),
          n.path("commitmentKeyId").asLong(),
          files,
          texts(n.path("purgedObjects")),
          versions(n.path("affectedData")),
          stages,
          models,
          texts(n.path("affectedRuns")),
          texts(n.path("notes")));
    } catch (RuntimeException e) {
      throw new MlopsException(source + ": not an erasure receipt: " + e.getMessage(), e);
    }
  }

  private static List<DataVersion> versions(JsonNode a) {
    List<DataVersion> out = new ArrayList<>();
    for (JsonNode v : a) {
      out.add(new DataVersion(v.path("path").asText(), v.path("sha256").asText()));
    }
    return out;
  }

  private static List<String> texts(JsonNode a) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : a) {
      out.add(v.asText());
    }
    return out;
  }

  /**
   * @return a self-contained HTML page of the receipt: what was erased and what it affects in
   *     words, the figures, then the files rewritten, the cache objects purged, the dataset
   *     versions, stages, models and runs affected (hashes shortened to 12 digits in the tables, in
   *     full in a folded block), and what the erasure did not do
   */
  public String toHtml() {
    Table.Builder files =
        Table.builder()
            .caption("Rewritten without the subject's rows (atomically)")
            .columns("file", "rows removed", "sha256 before", "sha256 after", "pointer file")
            .numeric(1);
    for (ErasedFile f : erasedFiles) {
      files.row(
          f.path(),
          f.rowsRemoved(),
          shortHash(f.sha256Before()),
          shortHash(f.sha256After()),
          f.pointerUpdated() ? "updated to the new version" : "– (not tracked)");
    }
    Table.Builder data =
        Table.builder()
            .caption("Versions that held the subject, or were derived from one that did")
            .columns("path", "sha256");
    for (DataVersion d : affectedData) {
      data.row(d.path(), shortHash(d.sha256()));
    }
    Table.Builder stages =
        Table.builder()
            .caption(
                "Recorded stage runs that read such a version; their outputs are left in place"
                    + " until the pipeline runs them again")
            .columns("stage", "recorded in", "outputs");
    for (AffectedStage st : affectedStages) {
      List<String> outs = new ArrayList<>();
      st.outputs().forEach(o -> outs.add(o.path() + " " + shortHash(o.sha256())));
      stages.row(st.stage(), st.source(), String.join("; ", outs));
    }
    Table.Builder models =
        Table.builder()
            .caption("Model versions trained on such data, flagged for retraining")
            .columns("model", "version", "matched hashes")
            .numeric(1);
    for (AffectedModel mo : affectedModels) {
      List<String> hs = new ArrayList<>();
      mo.matchedHashes().forEach(h -> hs.add(shortHash(h)));
      models.row(Tone.WARNING, mo.name(), "v" + mo.version(), String.join(", ", hs));
    }
    Table.Builder full =
        Table.builder()
            .caption("Every hash of this receipt in full (SHA-256)")
            .columns("what", "path", "sha256");
    for (ErasedFile f : erasedFiles) {
      full.row("before erasure", f.path(), f.sha256Before());
      full.row("after erasure", f.path(), f.sha256After());
    }
    for (String o : purgedObjects) {
      full.row("cache object purged", "", o);
    }
    for (DataVersion d : affectedData) {
      full.row("affected version", d.path(), d.sha256());
    }
    Page.Builder page =
        Page.builder()
            .title("Erasure receipt")
            .subtitle(
                plural(rowsRemoved(), "row")
                    + " of one subject erased on "
                    + Json.timestamp(createdAt).substring(0, 10))
            .about("receipt", id)
            .about("created", Json.timestamp(createdAt))
            .about("subject column", subjectColumn)
            .about("subject", "kept only as a keyed commitment (below)")
            .about("commitment key id", commitmentKeyId)
            .about("library", "mlops4j " + org.mlops4j.api.internal.LibraryVersion.get());
    List<Element> summary = new ArrayList<>();
    summary.add(
        Element.callout(
            rowsRemoved() == 0 ? Tone.WARNING : Tone.GOOD,
            rowsRemoved() == 0
                ? "No row of the subject found"
                : "Erased: " + plural(rowsRemoved(), "row") + " removed",
            rowsRemoved() == 0
                ? "No dataset of the project holds a row whose "
                    + subjectColumn
                    + " is the subject; nothing was rewritten."
                : "The subject's rows are gone from "
                    + plural(erasedFiles.size(), "dataset file")
                    + "; "
                    + plural(purgedObjects.size(), "cached version")
                    + " that held them "
                    + (purgedObjects.size() == 1 ? "was" : "were")
                    + " deleted from the project's cache."));
    if (!affectedModels.isEmpty()) {
      List<String> names = new ArrayList<>();
      affectedModels.forEach(mo -> names.add(mo.name() + " v" + mo.version()));
      summary.add(
          Element.callout(
              Tone.WARNING,
              plural(affectedModels.size(), "model version") + " to retrain",
              String.join(", ", names)
                  + ": trained on data that held the subject, flagged for retraining; until"
                  + " then it still holds what it learnt from the subject's rows."));
    }
    summary.add(
        Element.figures(
            Figure.of(
                "rows removed",
                Integer.toString(rowsRemoved()),
                "over " + plural(erasedFiles.size(), "file"),
                Tone.NEUTRAL),
            Figure.of(
                "cache objects purged",
                Integer.toString(purgedObjects.size()),
                "every cached version that held the subject",
                Tone.NEUTRAL),
            Figure.of(
                "stage runs affected",
                Integer.toString(affectedStages.size()),
                "outputs left in place until re-run",
                affectedStages.isEmpty() ? Tone.NEUTRAL : Tone.WARNING),
            Figure.of(
                "models to retrain",
                Integer.toString(affectedModels.size()),
                affectedRuns.isEmpty()
                    ? ""
                    : plural(affectedRuns.size(), "tracking run") + " affected",
                affectedModels.isEmpty() ? Tone.GOOD : Tone.WARNING)));
    summary.add(
        Element.note(
            "Subject commitment "
                + subjectCommitment
                + ": HMAC-SHA256 of the receipt id and the subject under key "
                + commitmentKeyId
                + ". Whoever holds the key can check that this receipt is about a given subject"
                + " (ErasureReceipt.isAbout); the receipt alone does not reveal the subject."));
    page.section("Summary", summary.toArray(Element[]::new));
    page.section("Files rewritten", files.build());
    if (!purgedObjects.isEmpty()) {
      List<String> objs = new ArrayList<>();
      purgedObjects.forEach(o -> objs.add(o));
      page.section(
          "Cache objects purged",
          Element.note(
              "Delete these objects from every remote and backup of the project as well: this"
                  + " erasure reached only the local cache."),
          Element.bullets(objs));
    }
    page.section("Dataset versions affected", data.build());
    if (!affectedStages.isEmpty()) {
      page.section("Stages that consumed them", stages.build());
    }
    page.section(
        "Models and runs",
        affectedModels.isEmpty()
            ? Element.paragraph("No model version was trained on the subject's data.")
            : models.build(),
        Element.note(
            "Tracking runs that name an affected hash or produced an affected model: "
                + (affectedRuns.isEmpty() ? "none" : String.join(", ", affectedRuns))));
    page.section("Not done by this erasure", Element.bullets(notes));
    page.section("Hashes", Element.details("Every hash in full", full.build()));
    return page.build().toHtml();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The first 12 hexadecimal digits and an ellipsis; the full hash in the folded block. */
  private static String shortHash(String sha256) {
    return sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "…";
  }

  /**
   * Writes {@link #toHtml()} when the name ends in {@code .html}, else {@link #toJson()}; durably
   * (a receipt is evidence).
   *
   * @param file where to write
   */
  public void save(Path file) {
    ResultFiles.save(file, this::toJson, this::toHtml, AtomicFiles.Durability.DURABLE);
  }

  /**
   * Logs the metrics, tag and artifacts of the class comment.
   *
   * @param run the run
   * @return this
   */
  public ErasureReceipt logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric("privacy.erasure.rows_removed", rowsRemoved());
    run.logMetric("privacy.erasure.files_erased", erasedFiles.size());
    run.logMetric("privacy.erasure.objects_purged", purgedObjects.size());
    run.logMetric("privacy.erasure.models_flagged", affectedModels.size());
    run.setTag("privacy.erasure.receipt", id);
    run.logText("privacy/erasure-" + id + ".json", toJson());
    run.logText("privacy/erasure-" + id + ".html", toHtml());
    return this;
  }

  /**
   * @param path a path
   * @return the affected data version at that path, if any
   */
  public Optional<DataVersion> affected(String path) {
    return affectedData.stream().filter(d -> d.path().equals(path)).findFirst();
  }

  /** The summary, then files, stages, models and runs as tables. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Erasure receipt ")
        .append(id)
        .append(" (")
        .append(Json.timestamp(createdAt))
        .append(")\n");
    sb.append("  subject commitment ")
        .append(subjectCommitment)
        .append(" (key ")
        .append(commitmentKeyId)
        .append(", column ")
        .append(subjectColumn)
        .append(")\n");
    sb.append("  rows removed ")
        .append(rowsRemoved())
        .append(", files rewritten ")
        .append(erasedFiles.size())
        .append(", cache objects purged ")
        .append(purgedObjects.size())
        .append(", models to retrain ")
        .append(affectedModels.size())
        .append('\n');
    if (!erasedFiles.isEmpty()) {
      TextTable t = new TextTable("file", "rows", "sha256 before", "sha256 after");
      erasedFiles.forEach(
          f ->
              t.row(
                  f.path(),
                  f.rowsRemoved(),
                  f.sha256Before().substring(0, Math.min(12, f.sha256Before().length())),
                  f.sha256After().substring(0, Math.min(12, f.sha256After().length()))));
      sb.append(t.toString().indent(2));
    }
    if (!affectedStages.isEmpty()) {
      TextTable t = new TextTable("stage", "recorded in", "outputs");
      affectedStages.forEach(
          s -> {
            List<String> outs = new ArrayList<>();
            s.outputs().forEach(o -> outs.add(o.path()));
            t.row(s.stage(), s.source(), String.join(", ", outs));
          });
      sb.append(t.toString().indent(2));
    }
    if (!affectedModels.isEmpty()) {
      TextTable t = new TextTable("model", "version", "flagged for retraining");
      affectedModels.forEach(mo -> t.row(mo.name(), mo.version(), "yes"));
      sb.append(t.toString().indent(2));
    }
    if (!affectedRuns.isEmpty()) {
      sb.append("  tracking runs: ").append(String.join(", ", affectedRuns)).append('\n');
    }
    return sb.toString();
  }
}
