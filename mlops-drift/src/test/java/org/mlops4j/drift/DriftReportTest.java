package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.report.Element;
import org.mlops4j.report.Html;
import org.mlops4j.report.Section;

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
            "metricPrefix",
            "type",
            "kind",
            "kindReason",
            "method",
            "tested",
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
  void json_givesTheValueSharesOfADiscreteColumnOnly() throws Exception {
    // purchases: reference 100 rows of each of 0..7, current 10, 20, ..., 80 rows (360 rows)
    double[] refPurchases = DriftDetectorTest.integers(100, 100, 100, 100, 100, 100, 100, 100);
    double[] curPurchases = DriftDetectorTest.integers(10, 20, 30, 40, 50, 60, 70, 80);
    DriftReport r =
        DriftDetector.defaults()
            .compare(
                Columns.builder()
                    .numeric("purchases", refPurchases)
                    .numeric("income", Samples.sample(43, 800, 0.0, 1.0))
                    .build(),
                Columns.builder()
                    .numeric("purchases", curPurchases)
                    .numeric("income", Samples.sample(44, 360, 0.5, 1.0))
                    .build());
    JsonNode root = new ObjectMapper().readTree(r.toJson());
    assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
    JsonNode purchases = root.get("features").get(0);
    assertThat(purchases.get("feature").asText()).isEqualTo("purchases");
    JsonNode v = purchases.get("valueShares");
    assertThat(v.get("labels").toString())
        .isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]");
    for (int k = 0; k < 8; k++) {
      // expected: counts / rows, by construction of the columns
      assertThat(v.get("reference").get(k).asDouble()).isEqualTo(100.0 / 800);
      assertThat(v.get("current").get(k).asDouble()).isEqualTo(10.0 * (k + 1) / 360);
    }
    // the PSI bins stay as they are, beside the values
    assertThat(purchases.get("bins").get("labels").get(0).asText()).startsWith("(-inf, ");
    JsonNode income = root.get("features").get(1);
    assertThat(income.has("valueShares")).isFalse();
    assertThat(income.get("bins").get("labels").size()).isEqualTo(10);
  }

  @Test
  void json_saysWhichKindEveryColumnWasTakenForAndWhy() throws Exception {
    JsonNode features =
        new ObjectMapper()
            .readTree(DriftDetector.defaults().compare(ref, cur).toJson())
            .get("features");
    JsonNode churn = features.get(3);
    assertThat(churn.get("feature").asText()).isEqualTo("churn");
    assertThat(churn.get("kind").asText()).isEqualTo("binary");
    assertThat(churn.get("kindReason").asText())
        .isEqualTo("binary: only 0 and 1 in the reference (200 ones in 2000)");
    assertThat(churn.get("tested").asBoolean()).isTrue();
    assertThat(features.get(2).get("kind").asText()).isEqualTo("categorical");
    assertThat(features.get(2).get("kindReason").asText())
        .isEqualTo("categorical: 3 categories in the reference");
    assertThat(features.get(0).get("kind").asText()).isEqualTo("numeric");
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
    // the sanitised name changed, so the key ends in "-" and the first 8 hex digits of the
    // SHA-256 of the UTF-8 name (python3: hashlib.sha256(b"<script>alert(1)</script>")
    // .hexdigest()[:8] = "5c140d35")
    assertThat(run.latestMetrics()).containsKey("drift._script_alert_1___script_-5c140d35.ks");
  }

  @Test
  void logTo_keepsFeaturesWhoseNamesSanitiseAlikeApart() throws Exception {
    // "a<b" and "a>b" both sanitise to "a_b"; each key gets "-" and the first 8 hex digits of the
    // SHA-256 of the feature's UTF-8 name (python3: hashlib.sha256(b"a<b").hexdigest()[:8] =
    // "4a826aac", hashlib.sha256(b"a>b").hexdigest()[:8] = "998a5be8")
    Columns r =
        Columns.builder()
            .numeric("a<b", Samples.sample(1, 200, 0, 1))
            .numeric("a>b", Samples.sample(2, 200, 0, 1))
            .numeric("plain_name-1", Samples.sample(3, 200, 0, 1))
            .build();
    Columns c =
        Columns.builder()
            .numeric("a<b", Samples.sample(4, 200, 0, 1))
            .numeric("a>b", Samples.sample(5, 200, 3, 1))
            .numeric("plain_name-1", Samples.sample(6, 200, 0, 1))
            .build();
    InMemoryRun run = InMemoryRun.create("test");
    DriftReport report = DriftDetector.defaults().compare(r, c).logTo(run);
    assertThat(report.feature("a<b").drifted()).isFalse();
    assertThat(report.feature("a>b").drifted()).isTrue();
    assertThat(run.latestMetrics())
        .containsEntry("drift.a_b-4a826aac.psi", report.feature("a<b").metric("psi"))
        .containsEntry("drift.a_b-998a5be8.psi", report.feature("a>b").metric("psi"))
        .containsEntry("drift.a_b-4a826aac.drifted", 0.0)
        .containsEntry("drift.a_b-998a5be8.drifted", 1.0)
        // a name the sanitising leaves alone keeps its readable key
        .containsEntry("drift.plain_name-1.psi", report.feature("plain_name-1").metric("psi"));
    assertThat(run.latestMetrics().keySet()).noneMatch(k -> k.startsWith("drift.a_b."));
    for (String key : run.latestMetrics().keySet()) {
      assertThat(run.metricHistory(key)).as(key).hasSize(1); // no two features wrote one key
    }
    // the logged JSON says which feature each key belongs to
    JsonNode logged =
        new ObjectMapper().readTree(run.artifactText("drift/report.json").orElseThrow());
    assertThat(logged.get("features").get(0).get("feature").asText()).isEqualTo("a<b");
    assertThat(logged.get("features").get(0).get("metricPrefix").asText())
        .isEqualTo("drift.a_b-4a826aac");
    assertThat(logged.get("features").get(1).get("metricPrefix").asText())
        .isEqualTo("drift.a_b-998a5be8");
    assertThat(logged.get("features").get(2).get("metricPrefix").asText())
        .isEqualTo("drift.plain_name-1");
  }

  @Test
  void logTo_aFeatureNamedDataset_doesNotMixWithTheDatasetVerdict() {
    // "dataset" is the subject of the dataset's own keys, so the feature gets the hash suffix
    // (python3: hashlib.sha256(b"dataset").hexdigest()[:8] = "b277fd62")
    Columns r = Columns.builder().numeric("dataset", Samples.sample(1, 200, 0, 1)).build();
    Columns c = Columns.builder().numeric("dataset", Samples.sample(2, 200, 3, 1)).build();
    InMemoryRun run = InMemoryRun.create("test");
    DriftReport report =
        DriftDetector.builder().datasetDriftShare(1.0).build().compare(r, c).logTo(run);
    assertThat(run.latestMetrics())
        .containsEntry("drift.dataset-b277fd62.drifted", 1.0)
        .containsEntry("drift.dataset.drifted", 1.0)
        .containsEntry("drift.dataset.drifted_share", 1.0);
    assertThat(run.metricHistory("drift.dataset.drifted")).hasSize(1);
    assertThat(report.feature("dataset").drifted()).isTrue();
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
  void save_givesTheFileThePermissionsOfAPlainWrite(@TempDir Path dir) throws Exception {
    // Expected: the permissions Files.writeString gives a new file in the same folder (the umask),
    // not the 0600 of a file made by Files.createTempFile.
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path control = Files.writeString(dir.resolve("control.txt"), "x");
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    r.save(dir.resolve("r.json"));
    r.save(dir.resolve("r.html"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(control);
    assertThat(Files.getPosixFilePermissions(dir.resolve("r.json"))).isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(dir.resolve("r.html"))).isEqualTo(expected);
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
  void distributions_areThePagesChartsOfAnyFeatures_inThePagesOrder() {
    DriftReport r = DriftDetector.defaults().compare(ref, cur);
    Section onPage = null;
    for (Element e : r.toSection().elements()) {
      if (e instanceof Section s && s.heading().equals("Distributions")) {
        onPage = s;
      }
    }
    assertThat(onPage).isNotNull();
    List<FeatureDrift> reversed = new ArrayList<>(r.features());
    Collections.reverse(reversed);
    Section charts = DriftReport.distributions(reversed);
    // the page's section, whatever the order given: drifted (age, city) first
    assertThat(charts.heading()).isEqualTo("Distributions");
    assertThat(charts.toHtml()).isEqualTo(onPage.toHtml());
    assertThat(DriftReport.distributions(r.features()).toHtml()).isEqualTo(charts.toHtml());
    String html = charts.toHtml();
    assertThat(html.split("<svg", -1)).hasSize(1 + 4);
    int city = html.indexOf("city (category)");
    assertThat(city).isPositive().isLessThan(html.indexOf("income"));
    // one feature: its chart alone, with the reason for its kind under it
    String one = DriftReport.distributions(List.of(r.feature("city"))).toHtml();
    assertThat(one.split("<svg", -1)).hasSize(2);
    assertThat(one).contains("city (category)").doesNotContain("income");
    assertThat(one).contains(Html.escape(r.feature("city").kindReason()));
    // none: the note alone
    assertThat(DriftReport.distributions(List.of()).toHtml()).doesNotContain("<svg");
  }

  @Test
  void distributions_refuseNullFeatures() {
    FeatureDrift age = DriftDetector.defaults().compare(ref, cur).feature("age");
    assertThatThrownBy(() -> DriftReport.distributions(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("features must not be null");
    assertThatThrownBy(() -> DriftReport.distributions(Arrays.asList(age, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("features[1] must not be null");
  }

  @Test
  void unknownFeature_isRejected() {
    assertThatThrownBy(() -> DriftDetector.defaults().compare(ref, cur).feature("zip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature must be one of [age, income, city, churn], but was 'zip'");
  }
}
