package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DriftReportTest {

  private final Columns ref = DriftBaselineTest.reference();
  private final Columns cur = DriftBaselineTest.current();

  @Test
  void report_correctsPValuesWithBenjaminiHochbergAndGivesTheDatasetVerdict() {
    DriftReport r = DriftReport.compare(ref, cur);
    double[] raw = r.features().stream().mapToDouble(f -> f.pValue().getAsDouble()).toArray();
    double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(raw);
    for (int i = 0; i < raw.length; i++) {
      assertThat(r.features().get(i).adjustedPValue().getAsDouble()).isEqualTo(adjusted[i]);
    }
    assertThat(r.drifted()).extracting(FeatureDrift::feature).containsExactly("age", "city");
    assertThat(r.driftedShare()).isEqualTo(0.5);
    assertThat(r.datasetDrift()).isTrue();
    DriftReport strict = DriftReport.compare(ref, cur, DriftConfig.builder().datasetDriftShare(0.75).build());
    assertThat(strict.datasetDrift()).isFalse();
  }

  @Test
  void effectGate_blocksASignificantButTinyShift() {
    DriftReport r = DriftReport.compare(ref, cur, DriftConfig.builder().psiGate(5).wassersteinGate(5).jsGate(1).build());
    assertThat(r.feature("age").pValue().getAsDouble()).isLessThan(1e-50);
    assertThat(r.feature("age").effectGate()).isFalse();
    assertThat(r.feature("age").drifted()).isFalse();
  }

  @Test
  void toString_isAReadableTable() {
    String s = DriftReport.compare(ref, cur).toString();
    assertThat(s).startsWith("DriftReport: 2/4 features drifted (50.0%, dataset drift at >= 50.0%): DATASET DRIFT");
    assertThat(s).contains("age [numeric] ks=0.269667 p=2.670e-55");
    assertThat(s).contains("DRIFT");
  }

  @Test
  void json_hasStableFieldNames() throws Exception {
    JsonNode root = new ObjectMapper().readTree(DriftReport.compare(ref, cur).toJson());
    assertThat(root.get("format").asText()).isEqualTo("mlops4j-drift-report");
    assertThat(root.get("datasetDrift").asBoolean()).isTrue();
    JsonNode age = root.get("features").get(0);
    assertThat(age.get("feature").asText()).isEqualTo("age");
    assertThat(age.get("test").asText()).isEqualTo("ks");
    assertThat(age.get("metrics").get("psi").isNumber()).isTrue();
    assertThat(age.get("bins").get("labels").size()).isEqualTo(10);
    JsonNode names = root.get("features").get(0);
    assertThat(names.fieldNames()).toIterable().containsExactly("feature", "type", "test",
        "statistic", "pValue", "adjustedPValue", "effectGate", "drifted", "psiLevel",
        "referenceCount", "currentCount", "referenceMissing", "currentMissing",
        "referenceInfinite", "currentInfinite", "missingRateDrifted", "metrics", "bins", "note");
  }

  @Test
  void html_escapesEveryUserString() {
    String evil = "<script>alert(1)</script>";
    Columns r = Columns.builder()
        .numeric(evil, Samples.sample(1, 200, 0, 1))
        .categorical("c\"'&", new String[200])
        .build();
    String[] labels = new String[200];
    for (int i = 0; i < 200; i++) {
      labels[i] = i % 2 == 0 ? "<b>x</b>" : "y";
    }
    Columns ref2 = Columns.builder().numeric(evil, r.numeric(evil)).categorical("c\"'&", labels).build();
    Columns cur2 = Columns.builder().numeric(evil, Samples.sample(2, 100, 1, 1))
        .categorical("c\"'&", java.util.Arrays.copyOf(labels, 100)).build();
    String html = DriftReport.compare(ref2, cur2).toHtml();
    assertThat(html).doesNotContain("<script").doesNotContain("<b>x</b>").doesNotContain("c\"'&");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;");
    assertThat(html).contains("c&quot;&#39;&amp;");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").endsWith("</html>\n");
  }

  @Test
  void logTo_logsMetricsAndBothArtifacts() {
    RecordingRun run = new RecordingRun();
    DriftReport r = DriftReport.compare(ref, cur);
    r.logTo(run);
    assertThat(run.metrics).containsEntry("drift.age.psi", r.feature("age").metric("psi"));
    assertThat(run.metrics).containsEntry("drift.age.drifted", 1.0);
    assertThat(run.metrics).containsEntry("drift.dataset.drifted_share", 0.5);
    assertThat(run.metrics).containsKey("drift.city.js");
    assertThat(run.texts).containsOnlyKeys("drift/report.html", "drift/report.json");
    assertThat(run.texts.get("drift/report.json")).isEqualTo(r.toJson());
  }

  @Test
  void logTo_sanitizesFeatureNamesIntoValidMetricKeys() {
    String evil = "<script>alert(1)</script>";
    Columns r = Columns.builder().numeric(evil, Samples.sample(1, 100, 0, 1)).build();
    Columns c = Columns.builder().numeric(evil, Samples.sample(2, 100, 0, 1)).build();
    RecordingRun run = new RecordingRun();
    DriftReport.compare(r, c).logTo(run);
    assertThat(run.metrics).containsKey("drift._script_alert_1___script_.ks");
  }

  @Test
  void saveHtmlAndJson_writeTheSameTextsAtomically(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    DriftReport r = DriftReport.compare(ref, cur);
    r.saveHtml(dir.resolve("r.html"));
    r.saveJson(dir.resolve("r.json"));
    assertThat(java.nio.file.Files.readString(dir.resolve("r.html"))).isEqualTo(r.toHtml());
    assertThat(java.nio.file.Files.readString(dir.resolve("r.json"))).isEqualTo(r.toJson());
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void unknownFeature_isRejected() {
    assertThatThrownBy(() -> DriftReport.compare(ref, cur).feature("zip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown column 'zip'; report columns: [age, income, city, churn]");
  }
}
