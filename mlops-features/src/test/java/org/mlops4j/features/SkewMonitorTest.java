package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;

/**
 * Expected values from SciPy 1.17.1:
 *
 * <pre>
 * tr = np.array([i * 0.1 for i in range(50)]); sv = np.array([1 + i * 0.13 for i in range(30)])
 * scipy.stats.ks_2samp(tr, sv)  # statistic 0.20666666666666667, pvalue 0.3568122406978761
 * scipy.stats.chi2_contingency([[20, 20, 10, 0], [5, 15, 8, 2]], correction=False)
 *   # statistic 7.398941798941799, pvalue 0.06021272292771899, dof 3
 * </pre>
 */
class SkewMonitorTest {

  @TempDir Path dir;

  static double[] training() {
    double[] x = new double[50];
    for (int i = 0; i < 50; i++) {
      x[i] = i * 0.1;
    }
    return x;
  }

  static double[] serving() {
    double[] x = new double[30];
    for (int i = 0; i < 30; i++) {
      x[i] = 1 + i * 0.13;
    }
    return x;
  }

  static String[] labels(Object... countsByLabel) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < countsByLabel.length; i += 2) {
      for (int k = 0; k < (Integer) countsByLabel[i + 1]; k++) {
        out.add((String) countsByLabel[i]);
      }
    }
    return out.toArray(String[]::new);
  }

  static DriftBaseline baseline() {
    return DriftDetector.defaults()
        .fit(
            Columns.builder()
                .numeric("x", training())
                .categorical("c", labels("A", 20, "B", 20, "C", 10))
                .build());
  }

  static FeaturePipeline pipeline() {
    return FeaturePipeline.builder()
        .numeric("x", NumericSteps.standard())
        .categorical("c", CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN))
        .build();
  }

  private static SkewMonitor observeRows(SkewMonitor m, FeaturePipeline p, int from, int to) {
    double[] sv = serving();
    String[] cs = labels("A", 5, "B", 15, "C", 8, "D", 2);
    FeatureRow row = p.newRow();
    for (int i = from; i < to; i++) {
      m.observe(row.set("x", sv[i]).set("c", cs[i]));
    }
    return m;
  }

  @Test
  void numericPsi_isThatOfAllServedValuesAgainstTheTrainingQuantileBins() {
    // the example of docs/modules/features.md: 7 training incomes, 40 served ones. numpy:
    //   ref = np.array([21e3,48e3,52e3,39e3,95e3,33e3,61e3]); cur = 30e3 + 1e3*np.arange(40)
    //   inner = np.unique(np.quantile(ref, np.linspace(0,1,11)[1:-1]))   # linear quantiles
    //   edges = np.concatenate([[-np.inf], inner, [np.inf]])
    //   p = np.maximum(np.histogram(ref, edges)[0]/7, 1e-4); q = np.maximum(np.histogram(cur,
    // edges)[0]/40, 1e-4)
    //   ((q - p) * np.log(q / p)).sum()  ->  4.709019354270593
    Columns training =
        Columns.builder()
            .numeric("income", new double[] {21e3, 48e3, 52e3, 39e3, 95e3, 33e3, 61e3})
            .build();
    SkewMonitor monitor = SkewMonitor.create(DriftDetector.defaults().fit(training));
    FeatureRow row =
        FeaturePipeline.builder()
            .numeric("income", NumericSteps.standard())
            .build()
            .fit(training)
            .newRow();
    for (int i = 0; i < 40; i++) {
      monitor.observe(row.set("income", 30e3 + 1e3 * i));
    }
    assertEquals(4.709019354270593, monitor.report().feature("income").psi(), 1e-12);
  }

  @Test
  void report_matchesScipyKsAndChiSquare() {
    DriftBaseline b = baseline();
    SkewReport r = observeRows(SkewMonitor.create(b), pipeline(), 0, 30).report();

    FeatureSkew x = r.feature("x");
    assertEquals("ks", x.drift().method().key());
    assertEquals(0.20666666666666667, x.drift().statistic(), 1e-12);
    assertEquals(0.3568122406978761, x.drift().pValue().getAsDouble(), 1e-6);
    assertFalse(x.sampled());
    // PSI from the mergeable counts equals the drift module's PSI of the raw values
    assertEquals(b.psi("x", serving()), x.psi(), 1e-15);

    FeatureSkew c = r.feature("c");
    assertEquals("chi2", c.drift().method().key());
    assertEquals(7.398941798941799, c.drift().statistic(), 1e-12);
    assertEquals(0.06021272292771899, c.drift().pValue().getAsDouble(), 1e-9);
    assertEquals(30, r.rows());
  }

  @Test
  void merge_equalsObservingEverything() {
    DriftBaseline b = baseline();
    FeaturePipeline p = pipeline();
    SkewReport whole = observeRows(SkewMonitor.create(b), p, 0, 30).report();
    SkewMonitor left = observeRows(SkewMonitor.create(b), p, 0, 12);
    SkewMonitor right = observeRows(SkewMonitor.create(b), p, 12, 30);
    SkewReport merged = left.merge(right).report();
    for (String f : List.of("x", "c")) {
      assertEquals(whole.feature(f).drift().statistic(), merged.feature(f).drift().statistic());
      assertEquals(whole.feature(f).psi(), merged.feature(f).psi());
    }
    assertEquals(
        observeRows(SkewMonitor.create(b), p, 0, 30).histogram("x"),
        left.merge(right).histogram("x"));
  }

  @Test
  void observeColumns_equalsObservingRows() {
    DriftBaseline b = baseline();
    SkewReport rows = observeRows(SkewMonitor.create(b), pipeline(), 0, 30).report();
    SkewReport batch =
        SkewMonitor.create(b)
            .observe(
                Columns.builder()
                    .numeric("x", serving())
                    .categorical("c", labels("A", 5, "B", 15, "C", 8, "D", 2))
                    .build())
            .report();
    assertEquals(rows.feature("x").drift().statistic(), batch.feature("x").drift().statistic());
    assertEquals(rows.feature("c").psi(), batch.feature("c").psi());
  }

  @Test
  void sampledWhenMoreValuesThanTheSampleSize() {
    SkewMonitor m = SkewMonitor.create(baseline(), 10, 1);
    SkewReport r = observeRows(m, pipeline(), 0, 30).report();
    assertTrue(r.feature("x").sampled());
    assertEquals(10, r.feature("x").drift().currentCount());
    assertEquals(30, r.feature("x").served());
  }

  @Test
  void logTo_toJson_toHtml_save() throws Exception {
    SkewReport r = observeRows(SkewMonitor.create(baseline()), pipeline(), 0, 30).report();
    InMemoryRun run = InMemoryRun.create("skew");
    r.logTo(run);
    assertEquals(0.20666666666666667, run.latestMetric("features.skew.x.ks").orElseThrow(), 1e-12);
    assertEquals(r.feature("x").psi(), run.latestMetric("features.skew.x.psi").orElseThrow());
    assertEquals(7.398941798941799, run.latestMetric("features.skew.c.chi2").orElseThrow(), 1e-12);
    assertEquals(0.0, run.latestMetric("features.skew.c.skewed").orElseThrow());
    assertTrue(r.toJson().contains("\"format\" : \"mlops4j.feature-skew\""));
    String page = r.toHtml();
    assertTrue(page.contains("Training/serving skew"));
    // neither feature skewed (KS p 0.357, chi-square p 0.060 from SciPy above): the verdict
    // says so, and both distributions are drawn (one SVG chart per feature)
    assertTrue(page.contains("None of the 2 features served differs"), page);
    assertTrue(page.contains("<h2>Distributions</h2>") || page.contains(">Distributions<"), page);
    assertEquals(2, page.split("<svg", -1).length - 1, "charts");
    // the table's statistic with four significant digits: 0.20666... reads 0.2067
    assertTrue(page.contains("0.2067"), page);
    assertTrue(r.toString().contains("0.2067"), r.toString());
    Path html = dir.resolve("skew.html");
    r.save(html);
    assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    assertTrue(
        r.toString().startsWith("Training/serving skew: 0 of 2 features skewed"), r.toString());
  }

  @Test
  void badInput_isRefused() {
    assertThrows(NullPointerException.class, () -> SkewMonitor.create(null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SkewMonitor.create(baseline(), 0, 1));
    assertEquals("sampleSize must be positive, but was 0", e.getMessage());
    FeaturePipeline wrong =
        FeaturePipeline.builder()
            .categorical("x", CategoryEncoder.oneHot(UnseenPolicy.IGNORE))
            .build();
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SkewMonitor.create(baseline()).observe(wrong.newRow()));
    assertEquals(
        "field 'x' must be numeric as in the baseline, but was categorical", e.getMessage());
  }
}
