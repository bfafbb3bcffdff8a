package org.mlops4j.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class SliceReportTest {

  private static final SliceReport PLANTED =
      SliceFinder.defaults().audit(Generated.interaction(11));

  @Test
  void toString_isATableOfTheSignificantSlices() {
    String s = PLANTED.toString();
    assertTrue(s.startsWith("SliceReport (error rate, 20000 rows, overall 0.2"), s);
    assertTrue(s.contains("33 slices examined (depth 1: 9, depth 2: 24)"), s);
    assertTrue(s.contains("2 significant:"), s);
    assertTrue(s.contains("  a=p|b=p "), s);
    assertTrue(s.contains("  a=q|b=q "), s);
  }

  @Test
  void json_hasTheHeader_andTheSignificantSlices() throws Exception {
    JsonNode j = new ObjectMapper().readTree(PLANTED.toJson());
    assertEquals("mlops4j.slice-report", j.get("format").asText());
    assertEquals(1, j.get("formatVersion").asInt());
    assertEquals("mlops4j", j.get("library").asText());
    assertEquals("error_rate", j.get("measure").asText());
    assertEquals("two_proportion_z", j.get("test").asText());
    assertEquals("greater", j.get("alternative").asText());
    assertEquals("benjamini-hochberg", j.get("correction").asText());
    assertEquals(20000, j.get("rows").asInt());
    assertEquals(33, j.get("examined").asInt());
    assertEquals(2, j.get("significantCount").asInt());
    JsonNode top = j.get("slices").get(0);
    Slice first = PLANTED.significant().get(0);
    assertEquals(first.name(), top.get("name").asText());
    assertEquals(first.rows(), top.get("rows").asInt());
    assertEquals(first.pAdjusted(), top.get("pAdjusted").asDouble(), 0);
    assertTrue(top.get("degreesOfFreedom").isNull());
    assertEquals(
        "the z-test has none, or both groups are constant",
        top.get("degreesOfFreedomReason").asText());
    assertEquals("wilson", top.get("interval").get("method").asText());
    assertEquals(20, j.get("worstExamined").size());
  }

  @Test
  void html_escapesNamesFromTheData() {
    String[] f = new String[200];
    boolean[] err = new boolean[200];
    for (int i = 0; i < 200; i++) {
      f[i] = i < 100 ? "<script>alert(1)</script>" : "plain";
      err[i] = i < 60;
    }
    SliceReport r = SliceFinder.defaults().audit(SliceData.ofErrors(err).feature("f&g", f));
    String html = r.toHtml();
    assertFalse(html.contains("<script>alert"), "unescaped value");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("f&amp;g"));
    assertTrue(html.contains("1 significant slice"));
  }

  @Test
  void save_writesJsonOrHtml(@TempDir Path dir) throws Exception {
    PLANTED.save(dir.resolve("r.json"));
    PLANTED.save(dir.resolve("r.HTML"));
    assertTrue(
        Files.readString(dir.resolve("r.json")).contains("\"format\" : \"mlops4j.slice-report\""));
    assertTrue(Files.readString(dir.resolve("r.HTML")).startsWith("<!DOCTYPE html>"));
    assertEquals(
        "file must not be null",
        assertThrows(NullPointerException.class, () -> PLANTED.save(null)).getMessage());
  }

  @Test
  void logTo_writesSlicesMetrics_andArtifacts() {
    InMemoryRun run = InMemoryRun.create("slices");
    assertEquals(PLANTED, PLANTED.logTo(run));
    assertEquals(PLANTED.overall(), run.latestMetric("slices.overall.error_rate").orElseThrow());
    assertEquals(33.0, run.latestMetric("slices.dataset.examined").orElseThrow());
    assertEquals(2.0, run.latestMetric("slices.dataset.significant").orElseThrow());
    Slice s = PLANTED.significant().get(0);
    String key = "slices." + s.name().replace('=', '_').replace('|', '_');
    assertEquals(s.value(), run.latestMetric(key + ".error_rate").orElseThrow());
    assertEquals(s.rows(), run.latestMetric(key + ".rows").orElseThrow());
    assertEquals(s.pAdjusted(), run.latestMetric(key + ".p_adjusted").orElseThrow());
    assertEquals(s.effectSize(), run.latestMetric(key + ".effect_size").orElseThrow());
    assertEquals(
        List.of("slices/report.html", "slices/report.json"),
        run.artifactPaths().stream().sorted().toList());
    assertEquals(
        "run must not be null",
        assertThrows(NullPointerException.class, () -> PLANTED.logTo(null)).getMessage());
  }

  @Test
  void queries_forAssertions() {
    double overall = PLANTED.overall();
    // planted: 0.30 on about 5000 rows each for a=p|b=p and a=q|b=q
    List<Slice> worse = PLANTED.slicesWorseThan(500, overall + 0.05);
    assertEquals(List.of("a=p|b=p", "a=q|b=q"), worse.stream().map(Slice::name).sorted().toList());
    assertTrue(PLANTED.slicesWorseThan(6000, overall + 0.05).isEmpty());
    Slice worst = PLANTED.worstSlice(500).orElseThrow();
    assertEquals(worse.get(0), worst);
    assertTrue(PLANTED.worstSlice(1_000_000).isEmpty());
    assertEquals(
        "minSupport must be non-negative, but was -1",
        assertThrows(IllegalArgumentException.class, () -> PLANTED.worstSlice(-1)).getMessage());
    assertEquals(
        "value must be a number, but was NaN",
        assertThrows(IllegalArgumentException.class, () -> PLANTED.slicesWorseThan(1, Double.NaN))
            .getMessage());
  }

  @Test
  void theCreatedTimeShowsTheMillisecondAtMost() {
    // the "created" line printed Instant.toString's micro- or nanoseconds (issue 12's rule)
    String html = PLANTED.toHtml();
    assertTrue(html.contains(org.mlops4j.report.internal.Json.timestamp(PLANTED.createdAt())));
    assertFalse(
        java.util.regex.Pattern.compile("T\\d\\d:\\d\\d:\\d\\d\\.\\d{4,}Z").matcher(html).find());
  }
}
