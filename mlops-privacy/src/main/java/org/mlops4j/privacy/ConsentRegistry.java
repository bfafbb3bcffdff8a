package org.mlops4j.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.Stage;
import org.mlops4j.privacy.internal.ResultFiles;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * The consents of a project: who agreed to what, when, through which source, kept as an append-only
 * log; the latest event of a subject and purpose wins.
 *
 * <pre>{@code
 * ConsentRegistry consents = ConsentRegistry.builder(Path.of("."))
 *     .purposes("training", "analytics")
 *     .build();
 * consents.grant("C-1", "training", "signup form v3");
 * consents.withdraw("C-1", "training", "email 2026-05-02");
 * ConsentedData kept = consents.filter(data, "customer_id", "training");
 * kept.logTo(run);                      // purpose, consent log hash, rows in and kept
 * }</pre>
 *
 * <p>File: {@code <project>/privacy/consents.jsonl} by default, one JSON object per line, written
 * in one append call each and forced to the device ({@code AtomicFiles.append}, durable): {@code
 * {"subject":"C-1","purpose":"training","granted":true,"at":"2026-05-01T10:00:00Z","source":"..."}}.
 * Lines are never changed or removed. The latest event wins: the one with the latest {@code at},
 * and of equal times the one later in the file; events after the time asked about are not counted.
 *
 * <p>Purposes are declared: an event or a filter for a purpose the registry does not declare is an
 * {@code IllegalArgumentException} naming it and the declared ones. Consent is opt-in: a subject
 * with no event for a purpose has not consented.
 *
 * <p>Provenance: {@link ConsentedData#logTo} records the purpose and the SHA-256 of the log in a
 * tracking run; {@link #filterStage} makes a pipeline stage whose inputs include the log, so that
 * the lock records the log's hash and the stage runs again when a consent changes.
 *
 * @since 0.1.0
 */
public final class ConsentRegistry {
  /** The default log file, relative to the project root. */
  public static final String DEFAULT_FILE = "privacy/consents.jsonl";

  private static final ObjectWriter LINE =
      Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final Path file;
  private final Set<String> purposes;
  private final Clock clock;

  private ConsentRegistry(Builder b, Path root) {
    this.root = root;
    this.file = b.file == null ? root.resolve(DEFAULT_FILE) : root.resolve(b.file).normalize();
    this.purposes = new LinkedHashSet<>(b.purposes);
    this.clock = b.clock;
  }

  /**
   * @param projectRoot the project's folder
   * @return a builder; purposes are required
   */
  public static Builder builder(Path projectRoot) {
    return new Builder(Require.nonNull(projectRoot, "projectRoot"));
  }

  /**
   * @return the log file
   */
  public Path logFile() {
    return file;
  }

  /**
   * @return the declared purposes, in order
   */
  public Set<String> purposes() {
    return Set.copyOf(purposes);
  }

  /**
   * Records a grant now.
   *
   * @param subject the subject
   * @param purpose a declared purpose
   * @param source where the consent was given
   * @return the event appended
   * @throws IllegalArgumentException for an undeclared purpose or a blank subject
   */
  public ConsentEvent grant(String subject, String purpose, String source) {
    return record(new ConsentEvent(subject, purpose, true, clock.instant(), source));
  }

  /**
   * Records grants of many subjects now, in one durable write (see {@link #recordAll(List)}).
   *
   * @param subjects the subjects
   * @param purpose a declared purpose
   * @param source where the consents were given
   * @return how many were appended
   * @throws IllegalArgumentException for an undeclared purpose or a blank subject
   */
  public int grantAll(List<String> subjects, String purpose, String source) {
    Require.nonNull(subjects, "subjects");
    Instant now = clock.instant();
    List<ConsentEvent> events = new ArrayList<>(subjects.size());
    for (String subject : subjects) {
      events.add(new ConsentEvent(subject, purpose, true, now, source));
    }
    return recordAll(events);
  }

  /**
   * Records a withdrawal now.
   *
   * @param subject the subject
   * @param purpose a declared purpose
   * @param source where the withdrawal came from
   * @return the event appended
   * @throws IllegalArgumentException for an undeclared purpose or a blank subject
   */
  public ConsentEvent withdraw(String subject, String purpose, String source) {
    return record(new ConsentEvent(subject, purpose, false, clock.instant(), source));
  }

  /**
   * Appends an event (with its own time: an import of earlier consents).
   *
   * @param event the event
   * @return the event
   * @throws IllegalArgumentException for an undeclared purpose
   * @throws MlopsException if the log cannot be written
   */
  public synchronized ConsentEvent record(ConsentEvent event) {
    recordAll(List.of(Require.nonNull(event, "event")));
    return event;
  }

  /**
   * Appends events in one durable write (an import, or the consents of a day's applications): one
   * device flush for all of them instead of one each. Every event is checked before anything is
   * written, so an undeclared purpose leaves the log as it was.
   *
   * @param events the events, in order
   * @return how many were appended
   * @throws IllegalArgumentException for an undeclared purpose (naming it and the event's index)
   * @throws MlopsException if the log cannot be written
   */
  public synchronized int recordAll(List<ConsentEvent> events) {
    Require.nonNull(events, "events");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      ConsentEvent event = Require.nonNull(events.get(i), "events[" + i + "]");
      checkPurpose(event.purpose());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", event.subject());
      m.put("purpose", event.purpose());
      m.put("granted", event.granted());
      m.put("at", Json.timestamp(event.at()));
      m.put("source", event.source());
      try {
        lines.append(LINE.writeValueAsString(m)).append('\n');
      } catch (IOException e) {
        throw new MlopsException("cannot write consent event " + i + ": " + e.getMessage(), e);
      }
    }
    if (events.isEmpty()) {
      return 0;
    }
    try {
      byte[] line = lines.toString().getBytes(StandardCharsets.UTF_8);
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      try {
        Files.createFile(file);
      } catch (FileAlreadyExistsException e) {
        // appended to below
      }
      AtomicFiles.append(file, line, AtomicFiles.Durability.DURABLE);
    } catch (IOException e) {
      throw new MlopsException(file + ": cannot append a consent: " + e.getMessage(), e);
    }
    return events.size();
  }

  /**
   * @return every event of the log, in file order
   * @throws MlopsException {@code <file>: line <n>: ...} for a line that is not an event
   */
  public List<ConsentEvent> events() {
    return read().events;
  }

  /**
   * @param subject a subject
   * @param purpose a declared purpose
   * @return whether the subject's latest event for the purpose, now, is a grant
   */
  public boolean hasConsent(String subject, String purpose) {
    Require.nonNull(subject, "subject");
    checkPurpose(purpose);
    return consenting(read().events, purpose, clock.instant()).contains(subject);
  }

  /**
   * @param purpose a declared purpose
   * @return the subjects whose latest event for it, now, is a grant, sorted
   */
  public Set<String> subjects(String purpose) {
    checkPurpose(purpose);
    return new TreeSet<>(consenting(read().events, purpose, clock.instant()));
  }

  /**
   * Keeps the rows whose subject consents to the purpose now.
   *
   * @param data the table
   * @param subjectColumn the column of subject identifiers
   * @param purpose a declared purpose
   * @return the rows kept, with the provenance of the filter
   * @throws IllegalArgumentException {@code purpose must be one of the declared purposes [...], but
   *     was 'x'}, or for a column the table lacks
   */
  public ConsentedData filter(PersonalData data, String subjectColumn, String purpose) {
    return filter(data, subjectColumn, purpose, clock.instant());
  }

  /**
   * As {@link #filter(PersonalData, String, String)}, with the consents as they stood at a time.
   *
   * @param data the table
   * @param subjectColumn the column of subject identifiers
   * @param purpose a declared purpose
   * @param asOf the time
   * @return the rows kept, with the provenance of the filter
   */
  public ConsentedData filter(
      PersonalData data, String subjectColumn, String purpose, Instant asOf) {
    Require.nonNull(data, "data");
    checkPurpose(purpose);
    Require.nonNull(asOf, "asOf");
    int col = data.index(subjectColumn, "subjectColumn");
    Log log = read();
    Set<String> yes = consenting(log.events, purpose, asOf);
    Set<String> kept = new LinkedHashSet<>();
    Set<String> dropped = new LinkedHashSet<>();
    PersonalData out =
        data.filter(
            row -> {
              String s = row.get(col);
              boolean ok = yes.contains(s);
              (ok ? kept : dropped).add(s);
              return ok;
            });
    return new ConsentedData(
        out, purpose, subjectColumn, asOf, log.sha256, data.size(), kept.size(), dropped.size());
  }

  /**
   * A pipeline stage that filters a CSV file down to the consenting subjects. Its inputs are the
   * data and the consent log, its params the purpose and the subject column, so the lock records
   * which consents (by the log's hash) a dataset was filtered with, and the stage runs again when
   * the log changes.
   *
   * @param stageName the stage's name
   * @param input the CSV file, relative to the project root
   * @param subjectColumn the column of subject identifiers
   * @param purpose a declared purpose
   * @param output the filtered CSV file, relative to the project root
   * @return the stage
   * @throws IllegalArgumentException for an undeclared purpose, or a log outside the project
   */
  public Stage filterStage(
      String stageName, String input, String subjectColumn, String purpose, String output) {
    checkPurpose(purpose);
    Require.nonBlank(subjectColumn, "subjectColumn");
    Require.argument(file.startsWith(root), "consent log", "inside the project root", file);
    String logPath = root.relativize(file).toString().replace('\\', '/');
    return Stage.named(stageName)
        .input(input)
        .input(logPath)
        .param("consent_purpose", purpose)
        .param("consent_subject_column", subjectColumn)
        .output(output)
        .codeVersion("mlops4j-privacy-consent-1")
        .work(
            ctx -> {
              PersonalData data = PersonalData.readCsv(ctx.input(input));
              ConsentedData kept = filter(data, subjectColumn, purpose);
              kept.data().writeCsv(ctx.output(output));
            });
  }

  private void checkPurpose(String purpose) {
    Require.nonNull(purpose, "purpose");
    Require.argument(
        purposes.contains(purpose),
        "purpose",
        "one of the declared purposes " + purposes,
        "'" + purpose + "'");
  }

  private static Set<String> consenting(List<ConsentEvent> events, String purpose, Instant asOf) {
    Map<String, ConsentEvent> latest = new HashMap<>();
    for (ConsentEvent e : events) {
      if (!e.purpose().equals(purpose) || e.at().isAfter(asOf)) {
        continue;
      }
      ConsentEvent prev = latest.get(e.subject());
      if (prev == null || !e.at().isBefore(prev.at())) {
        latest.put(e.subject(), e);
      }
    }
    Set<String> yes = new LinkedHashSet<>();
    latest.forEach(
        (s, e) -> {
          if (e.granted()) {
            yes.add(s);
          }
        });
    return yes;
  }

  private record Log(List<ConsentEvent> events, String sha256) {}

  private synchronized Log read() {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Log(List.of(), ResultFiles.sha256(new byte[0]));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MlopsException(file + ": cannot read the consent log: " + e.getMessage(), e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<ConsentEvent> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode n = Json.mapper().readTree(line);
        out.add(
            new ConsentEvent(
                n.path("subject").asText(""),
                n.path("purpose").asText(""),
                requireBoolean(n.get("granted")),
                Instant.parse(n.path("at").asText("")),
                n.path("source").asText("")));
      } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
        throw new MlopsException(
            file + ": line " + (i + 1) + ": not a consent event: " + e.getMessage(), e);
      }
    }
    return new Log(List.copyOf(out), ResultFiles.sha256(bytes));
  }

  private static boolean requireBoolean(@org.jspecify.annotations.Nullable JsonNode n) {
    if (n == null || !n.isBoolean()) {
      throw new IllegalArgumentException(Require.mustBe("granted", "true or false", n));
    }
    return n.booleanValue();
  }

  /** The declared purposes, then each purpose's consenting subjects now. */
  @Override
  public String toString() {
    List<ConsentEvent> events = read().events;
    TextTable t = new TextTable("purpose", "consenting subjects");
    for (String p : purposes) {
      t.row(p, consenting(events, p, clock.instant()).size());
    }
    return "ConsentRegistry " + file + " (" + events.size() + " events)\n" + t;
  }

  /**
   * Settings of a {@link ConsentRegistry}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Path projectRoot;
    private final List<String> purposes = new ArrayList<>();
    private @org.jspecify.annotations.Nullable String file;
    private Clock clock = Clock.systemUTC();

    private Builder(Path projectRoot) {
      this.projectRoot = projectRoot;
    }

    /**
     * @param names the purposes consents are given for (replacing earlier ones), at least one
     * @return this
     */
    public Builder purposes(String... names) {
      Require.noNulls(names, "names");
      Require.argument(names.length > 0, "purposes", "at least one purpose", "none");
      purposes.clear();
      for (String n : names) {
        purposes.add(Require.nonBlank(n, "purpose"));
      }
      return this;
    }

    /**
     * @param relativePath the log file, relative to the project root; default {@value
     *     #DEFAULT_FILE}
     * @return this
     */
    public Builder file(String relativePath) {
      this.file = Require.nonBlank(relativePath, "relativePath");
      return this;
    }

    /**
     * @param clock the clock of {@code grant}, {@code withdraw} and "now"; default UTC system clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * @return the registry
     * @throws IllegalStateException if no purpose was declared
     * @throws IllegalArgumentException if the project root is not a folder
     */
    public ConsentRegistry build() {
      Require.state(
          !purposes.isEmpty(), "Declare the purposes first: builder(root).purposes(\"training\")");
      Require.argument(Files.isDirectory(projectRoot), "projectRoot", "a folder", projectRoot);
      return new ConsentRegistry(this, projectRoot.toAbsolutePath().normalize());
    }
  }
}
