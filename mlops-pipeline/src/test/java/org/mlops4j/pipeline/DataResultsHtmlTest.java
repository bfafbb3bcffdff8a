package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.report.internal.Json;

/**
 * The pages ({@code toHtml()}) and files ({@code save(Path)}) of the data results. Every count the
 * tests expect is counted by hand from the items they build; the verdicts are the sentences the
 * classes' javadoc describes, written out here in full.
 */
class DataResultsHtmlTest {

  @TempDir Path dir;

  /** Two folders' files and a file name with the characters HTML must escape. */
  private static DataStatus changedStatus() {
    return new DataStatus(
        List.of(
            new DataStatus.Item(
                "data/images",
                DataState.MODIFIED,
                true,
                List.of("cats/new <1>.png"),
                List.of("dogs/old&gone.png"),
                List.of("cats/a.png", "cats/b.png")),
            new DataStatus.Item(
                "data/lab<els>.csv", DataState.MISSING, true, List.of(), List.of(), List.of()),
            new DataStatus.Item(
                "data/raw&co.csv", DataState.MODIFIED, true, List.of(), List.of(), List.of()),
            new DataStatus.Item(
                "data/train.parquet", DataState.UNCHANGED, false, List.of(), List.of(), List.of()),
            new DataStatus.Item(
                "models/vocab.txt", DataState.UNCHANGED, true, List.of(), List.of(), List.of())));
  }

  /** The value under a headline figure's label (the sign before the label is skipped). */
  private static String figure(String html, String label) {
    Matcher m =
        Pattern.compile(
                "figure-label\">(?:<span class=\"sign\">[^<]*</span>)?"
                    + Pattern.quote(label)
                    + "</div><div class=\"figure-value\">([^<]*)<")
            .matcher(html);
    assertThat(m.find()).as("figure %s in the page", label).isTrue();
    return m.group(1);
  }

  @Test
  void status_page_escapesFileNames_andSaysWhatToRun() {
    String html = changedStatus().toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>");
    // escaped, never raw: a file name cannot open a tag
    assertThat(html)
        .contains("cats/new &lt;1&gt;.png")
        .contains("dogs/old&amp;gone.png")
        .contains("data/lab&lt;els&gt;.csv")
        .contains("data/raw&amp;co.csv")
        .doesNotContain("new <1>")
        .doesNotContain("lab<els>")
        .doesNotContain("old&gone");
    // by hand: images and raw&co.csv modified (2), lab<els>.csv missing (1), train.parquet not
    // cached (1), of 5 pointers
    String verdict =
        "2 paths modified, 1 missing (of 5 tracked): run `mlops data checkout` to put back the"
            + " missing data; run `mlops data add PATH` to record a modification, or `mlops data"
            + " checkout --force` to discard it. 1 pointer names content the local cache lacks:"
            + " run `mlops data pull` to fetch it.";
    assertThat(changedStatus().verdict()).isEqualTo(verdict);
    assertThat(html).contains(verdict).contains("3 of 5 tracked paths changed");
    assertThat(figure(html, "tracked")).isEqualTo("5");
    assertThat(figure(html, "modified")).isEqualTo("2");
    assertThat(figure(html, "missing")).isEqualTo("1");
    assertThat(figure(html, "not cached")).isEqualTo("1");
    // the folder's 4 changed files (1 added, 1 removed, 2 modified) each have a row
    assertThat(html).contains("Changed files in folders");
    assertThat(html.split("<td>data/images</td>", -1)).hasSize(1 + 1 + 4);
  }

  @Test
  void status_page_ofCleanData_saysSo_withoutAFilesTable() {
    DataStatus clean =
        new DataStatus(
            List.of(
                new DataStatus.Item(
                    "data/a.csv", DataState.UNCHANGED, true, List.of(), List.of(), List.of()),
                new DataStatus.Item(
                    "data/b.csv", DataState.UNCHANGED, true, List.of(), List.of(), List.of())));
    assertThat(clean.verdict()).isEqualTo("All 2 tracked paths match their pointers.");
    String html = clean.toHtml();
    assertThat(html).contains("All 2 tracked paths match their pointers.").contains("Clean");
    assertThat(html).doesNotContain("Changed files in folders");
    assertThat(figure(html, "modified")).isEqualTo("0");
    assertThat(new DataStatus(List.of()).verdict())
        .isEqualTo("Nothing is tracked: run `mlops data add PATH` to track a file or folder.");
  }

  @Test
  void save_writesJsonOrHtmlByExtension_atomically_creatingTheFolder() throws IOException {
    DataStatus s = changedStatus();
    Path json = dir.resolve("out/status.json");
    Path html = dir.resolve("out/status.HTML");
    s.save(json);
    s.save(html);
    JsonNode n = Json.readDocument(Files.readString(json), "mlops4j.data-status", 1, "test");
    assertThat(n.get("items")).hasSize(5);
    assertThat(n.get("clean").asBoolean()).isFalse();
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Data status");
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      // no temporary file left beside the two
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("status.json", "status.HTML");
    }
  }

  @Test
  void save_ofNull_namesTheArgument() {
    assertThatThrownBy(() -> changedStatus().save(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("file");
  }

  @Test
  void transfer_page_countsAndEscapes() throws IOException {
    DataTransfer t =
        new DataTransfer("pull", "s3://b/p?x=<1>", 3, 2, 12345, List.of("data/r&d.csv"));
    String verdict =
        "Pulled 3 objects (12,345\u00a0bytes) from s3://b/p?x=<1>; 2 were there already. 1 path"
            + " checked out.";
    assertThat(t.verdict()).isEqualTo(verdict);
    String html = t.toHtml();
    assertThat(html).contains("s3://b/p?x=&lt;1&gt;").doesNotContain("x=<1>");
    assertThat(html).contains("data/r&amp;d.csv");
    assertThat(figure(html, "transferred")).isEqualTo("3");
    assertThat(figure(html, "already present")).isEqualTo("2");
    assertThat(figure(html, "bytes")).isEqualTo("12,345\u00a0bytes");
    Path f = dir.resolve("pull.json");
    t.save(f);
    assertThat(Json.readDocument(Files.readString(f), "mlops4j.data-transfer", 1, "t")).isNotNull();
  }

  @Test
  void diff_page_listsEachChange_withShortHashes() throws IOException {
    String h1 = "a".repeat(64);
    String h2 = "b".repeat(64);
    DataDiff d =
        new DataDiff(
            "v1",
            "workspace",
            List.of(
                new DataDiff.Change("data/<new>.csv", DataDiff.ChangeType.ADDED, null, h2),
                new DataDiff.Change("data/old.csv", DataDiff.ChangeType.REMOVED, h1, null),
                new DataDiff.Change("data/x&y.csv", DataDiff.ChangeType.MODIFIED, h1, h2)));
    assertThat(d.verdict()).isEqualTo("Between v1 and workspace: 1 added, 1 removed, 1 modified.");
    String html = d.toHtml();
    assertThat(html).contains("data/&lt;new&gt;.csv").contains("data/x&amp;y.csv");
    assertThat(html).contains("a".repeat(12)).doesNotContain("a".repeat(13));
    assertThat(figure(html, "added")).isEqualTo("1");
    assertThat(figure(html, "removed")).isEqualTo("1");
    assertThat(figure(html, "modified")).isEqualTo("1");
    assertThat(new DataDiff("v1", "v2", List.of()).verdict())
        .isEqualTo("No tracked data differs between v1 and v2.");
    Path f = dir.resolve("diff.html");
    d.save(f);
    assertThat(Files.readString(f)).isEqualTo(html);
  }

  @Test
  void verification_page_okAndDamaged() {
    DataVerification ok = new DataVerification("/cache", 40, 999, List.of(), List.of());
    assertThat(ok.verdict()).isEqualTo("All 40 objects match their SHA-256 (999\u00a0bytes).");
    assertThat(ok.toHtml()).contains("Intact").doesNotContain("Failed objects");
    DataVerification bad =
        new DataVerification("/ca<che>", 40, 999, List.of("c1", "c2"), List.of("m1"));
    assertThat(bad.verdict())
        .isEqualTo(
            "2 corrupt, 1 missing of 40 objects in /ca<che>: run `mlops data pull` (or `mlops data"
                + " push` from a machine that has them) to store good copies again.");
    String html = bad.toHtml();
    assertThat(html).contains("/ca&lt;che&gt;").doesNotContain("/ca<che>");
    assertThat(figure(html, "corrupt")).isEqualTo("2");
    assertThat(figure(html, "missing")).isEqualTo("1");
    assertThat(html).contains("<td>c1</td>").contains("<td>m1</td>");
  }

  @Test
  void gc_page_dryRunAndDone() {
    DataGcResult dry = new DataGcResult(true, List.of("h1", "h2"), 10, 4);
    assertThat(dry.verdict())
        .isEqualTo(
            "Would remove 2 objects (10\u00a0bytes) that no pointer names; kept 4. Nothing was"
                + " deleted: run `mlops data gc` without --dry-run to delete.");
    assertThat(figure(dry.toHtml(), "to remove")).isEqualTo("2");
    DataGcResult done = new DataGcResult(false, List.of("h1"), 7, 4);
    assertThat(done.verdict())
        .isEqualTo("Removed 1 object (7\u00a0bytes) that no pointer names; kept 4.");
    assertThat(figure(done.toHtml(), "removed")).isEqualTo("1");
    assertThat(figure(done.toHtml(), "kept")).isEqualTo("4");
  }

  @Test
  void listing_page_countsRunsAndModels() {
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    TrackingListing l =
        new TrackingListing(
            "/remote",
            List.of(
                new TrackingListing.Item("run", "r1", "exp/<first>", 3, 100, t),
                new TrackingListing.Item("run", "r2", "exp/second", 2, 50, t),
                new TrackingListing.Item("model", "m&m", "m&m", 1, 10, t)));
    assertThat(l.verdict()).isEqualTo("/remote shares 2 runs and 1 model.");
    String html = l.toHtml();
    assertThat(html).contains("exp/&lt;first&gt;").contains("m&amp;m");
    assertThat(figure(html, "runs")).isEqualTo("2");
    assertThat(figure(html, "models")).isEqualTo("1");
    // 100 + 50 + 10 bytes
    assertThat(figure(html, "size")).isEqualTo("160\u00a0bytes");
    assertThat(html).contains("2026-01-02T03:04:05Z");
  }
}
