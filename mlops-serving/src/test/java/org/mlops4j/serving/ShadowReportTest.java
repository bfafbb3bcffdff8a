package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.drift.stream.LatencySummary;

class ShadowReportTest {

  @TempDir Path tmp;

  private static ShadowReport report(double low, double high) {
    LatencySummary lat =
        new LatencySummary(
            3,
            Duration.ofNanos(1500),
            Duration.ofNanos(2000),
            Duration.ofNanos(2500),
            Duration.ofNanos(3000),
            Duration.ofNanos(2000));
    return new ShadowReport(
        "fraud", 3, 4, 10, 1, 9, 0, 0.75, 8, 0.25, 0.125, -0.125, low, high, lat, lat);
  }

  @Test
  void logTo_writesTheDefinedMetricsAndBothArtifacts() {
    InMemoryRun run = InMemoryRun.create("t");
    report(-0.3, 0.05).logTo(run);
    assertEquals(0.75, run.latestMetric("serving.shadow.agreement").orElseThrow());
    assertEquals(-0.125, run.latestMetric("serving.shadow.difference").orElseThrow());
    assertEquals(-0.3, run.latestMetric("serving.shadow.difference_low").orElseThrow());
    assertTrue(run.artifactText("serving/shadow-report.json").isPresent());
    assertTrue(run.artifactText("serving/shadow-report.html").isPresent());
  }

  @Test
  void undefinedInterval_isNullWithAReason_andNotLogged() {
    ShadowReport r = report(Double.NaN, Double.NaN);
    assertTrue(r.toJson().contains("\"lowReason\" : \"fewer than 2 labelled pairs\""), r.toJson());
    assertFalse(r.toJson().contains("NaN"));
    InMemoryRun run = InMemoryRun.create("t");
    r.logTo(run);
    assertTrue(run.latestMetric("serving.shadow.difference_low").isEmpty());
  }

  @Test
  void save_writesHtmlOrJsonByTheName() throws Exception {
    ShadowReport r = report(-0.3, 0.05);
    r.save(tmp.resolve("r.html"));
    r.save(tmp.resolve("r.json"));
    assertTrue(Files.readString(tmp.resolve("r.html")).startsWith("<!DOCTYPE html>"));
    assertTrue(Files.readString(tmp.resolve("r.json")).contains("mlops4j.shadow-report"));
  }

  @Test
  void toString_isATable() {
    assertEquals(
        """
        ShadowReport fraud: champion v3 vs challenger v4
          requests   sent 10  dropped 1  compared 9  challenger errors 0
          agreement  0.7500
          metric     champion 0.2500  challenger 0.1250  difference -0.1250  95% CI [-0.3000,\
         0.0500]  (n = 8 labelled pairs, normal approx.)
          latency    champion   p50 1.5 us  p99 2.5 us  (n = 3)
                     challenger p50 1.5 us  p99 2.5 us  (n = 3)
        """,
        report(-0.3, 0.05).toString());
  }
}
