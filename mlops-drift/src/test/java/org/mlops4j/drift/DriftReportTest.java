package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class DriftReportTest {

  private final Columns ref = DriftBaselineTest.reference();
  private final Columns cur = DriftBaselineTest.current();

  @Test
  void report_correctsPValuesWithBenjaminiHochbergAndGivesTheDatasetVerdict() {
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    double[] raw = r.features().stream().mapToDouble(f -> f.pValue().getAsDouble()).toArray();
    double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(raw);
    for (int i = 0; i < raw.length; i++) {
      assertThat(r.features().get(i).adjustedPValue().getAsDouble()).isEqualTo(adjusted[i]);
    }
    assertThat(r.drifted()).extracting(FeatureDrift::feature).containsExactly("age", "city");
    assertThat(r.driftedShare()).isEqualTo(0.5);
    assertThat(r.datasetDrift()).isTrue();
    DriftReport strict = DriftDetector.builder().datasetDriftShare(0.75).build().compare(ref, cur);
    assertThat(strict.datasetDrift()).isFalse();
  }

  @Test
  void effectGate_blocksASignificantButTinyShift() {
    DriftReport r =
        DriftDetector.builder().psiGate(5).wassersteinGate(5).jsGate(1).build().compare(ref, cur);
    assertThat(r.feature("age").pValue().getAsDouble()).isLessThan(1e-50);
    assertThat(r.feature("age").effectGate()).isFalse();
    assertThat(r.feature("age").drifted()).isFalse();
  }

  @Test
  void toString_isAReadableTable() {
    String s = DriftDetector.defaults().compare(ref, cur).toString();
    assertThat(s)
        .startsWith(
            "DriftReport: 2/4 features drifted (50.0%, dataset drift at >= 50.0%): DATASET DRIFT");
    assertThat(s).contains("age [numeric] ks=0.269667 p=2.670e-55");
    assertThat(s).contains("DRIFT");
  }

  @Test
  void json_hasStableFieldNames() throws Exception {
    JsonNode root =
        new ObjectMapper().readTree(DriftDetector.defaults().compare(ref, cur).toJson());
    assertThat(root.get("format").asText()).isEqualTo("mlops4j.drift-report");
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.get("library").asText()).isEqualTo("mlops4j");
    assertThat(root.has("libraryVersion")).isTrue();
    assertThat(root.has("createdAt")).isTrue();
    assertThat(root.has("createdBy")).isFalse();
    assertThat(root.get("datasetDrift").asBoolean()).isTrue();
    JsonNode age = root.get("features").get(0);
    assertThat(age.get("feature").asText()).isEqualTo("age");
    assertThat(age.get("method").asText()).isEqualTo("ks");
    assertThat(age.get("metrics").get("psi").isNumber()).isTrue();
    assertThat(age.get("bins").get("labels").size()).isEqualTo(10);
    JsonNode names = root.get("features").get(0);
    assertThat(names.fieldNames())
        .toIterable()
        .containsExactly(
            "feature",
            "type",
            "method",
            "statistic",
            "pValue",
            "adjustedPValue",
            "effectGate",
            "drifted",
            "psiLevel",
            "referenceCount",
            "currentCount",
            "referenceMissing",
            "currentMissing",
            "referenceInfinite",
            "currentInfinite",
            "missingRateDrifted",
            "metrics",
            "bins",
            "note");
  }

  @Test
  void html_escapesEveryUserString() {
    String evil = "<script>alert(1)</script>";
    Columns r =
        Columns.builder()
            .numeric(evil, Samples.sample(1, 200, 0, 1))
            .categorical("c\"'&", new String[200])
            .build();
    String[] labels = new String[200];
    for (int i = 0; i < 200; i++) {
      labels[i] = i % 2 == 0 ? "<b>x</b>" : "y";
    }
    Columns ref2 =
        Columns.builder().numeric(evil, r.numeric(evil)).categorical("c\"'&", labels).build();
    Columns cur2 =
        Columns.builder()
            .numeric(evil, Samples.sample(2, 100, 1, 1))
            .categorical("c\"'&", java.util.Arrays.copyOf(labels, 100))
            .build();
    String html = DriftDetector.defaults().compare(ref2, cur2).toHtml();
    assertThat(html).doesNotContain("<script").doesNotContain("<b>x</b>").doesNotContain("c\"'&");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;");
    assertThat(html).contains("c&quot;&#39;&amp;");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").endsWith("</html>\n");
  }

  @Test
  void logTo_logsMetricsAndBothArtifacts() {
    InMemoryRun run = InMemoryRun.create("test");
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    assertThat(r.logTo(run)).isSameAs(r);
    assertThat(run.latestMetrics()).containsEntry("drift.age.psi", r.feature("age").metric("psi"));
    assertThat(run.latestMetrics()).containsEntry("drift.age.drifted", 1.0);
    assertThat(run.latestMetrics()).containsEntry("drift.dataset.drifted_share", 0.5);
    assertThat(run.latestMetrics()).containsEntry("drift.dataset.drifted", 1.0);
    assertThat(run.latestMetrics()).containsKey("drift.city.js");
    assertThat(run.artifactPaths())
        .containsExactlyInAnyOrder("drift/report.html", "drift/report.json");
    assertThat(run.artifactText("drift/report.json")).hasValue(r.toJson());
  }

  @Test
  void logTo_aNullRun_isANullPointerException() {
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    assertThatThrownBy(() -> r.logTo(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("run must not be null");
  }

  @Test
  void logTo_sanitizesFeatureNamesIntoValidMetricKeys() {
    String evil = "<script>alert(1)</script>";
    Columns r = Columns.builder().numeric(evil, Samples.sample(1, 100, 0, 1)).build();
    Columns c = Columns.builder().numeric(evil, Samples.sample(2, 100, 0, 1)).build();
    InMemoryRun run = InMemoryRun.create("test"); // checks keys as MLflow does
    DriftDetector.defaults().compare(r, c).logTo(run);
    assertThat(run.latestMetrics()).containsKey("drift._script_alert_1___script_.ks");
  }

  @Test
  void save_writesHtmlForDotHtmlAndJsonOtherwise_atomically(@TempDir Path dir) throws Exception {
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    r.save(dir.resolve("r.html"));
    r.save(dir.resolve("r.json"));
    assertThat(Files.readString(dir.resolve("r.html"))).isEqualTo(r.toHtml());
    assertThat(Files.readString(dir.resolve("r.json"))).isEqualTo(r.toJson());
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void json_writesNullWithAReasonForAMethodWithoutPValue() throws Exception {
    DriftReport r =
        DriftDetector.builder().method("age", DriftMethod.PSI).build().compare(ref, cur);
    JsonNode age = new ObjectMapper().readTree(r.toJson()).get("features").get(0);
    assertThat(age.get("method").asText()).isEqualTo("psi");
    assertThat(age.get("pValue").isNull()).isTrue();
    assertThat(age.get("pValueReason").asText()).isEqualTo("the method has no p-value");
    assertThat(age.get("adjustedPValue").isNull()).isTrue();
    assertThat(r.toJson()).doesNotContain("NaN");
  }

  @Test
  void equality_leavesTheCreationTimeOut() {
    DriftReport a = DriftDetector.defaults().compare(ref, cur);
    DriftReport b =
        new DriftReport(
            a.features(),
            a.correction(),
            a.alpha(),
            a.driftedCount(),
            a.driftedShare(),
            a.datasetDriftShare(),
            a.datasetDrift(),
            a.createdAt().plusSeconds(60));
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
  }

  @Test
  void unknownFeature_isRejected() {
    assertThatThrownBy(() -> DriftDetector.defaults().compare(ref, cur).feature("zip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature must be one of [age, income, city, churn], but was 'zip'");
  }
}
