package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.Binning;

/**
 * Baselines and reports from {@link ColumnSummaries} against the row path ({@link
 * DriftDetector#fit(Columns)}, {@link DriftBaseline#compare(Columns)}) on the same data: the row
 * path is the independent reference (its statistics are checked against SciPy 1.17.1 in {@code
 * DriftDetectorTest} and {@code DriftBaselineTest}). Columns given exactly must give equal results;
 * a KLL-summarized current must give KS within the error bound it states (Karnin, Lang &amp;
 * Liberty 2016; DataSketches' {@code getNormalizedRankError(false)}, 99% confidence) and, with
 * exact bin counts, the same PSI.
 */
class ColumnSummariesTest {

  private static String[] cities(int n, int shift) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      int k = (i + shift) % 10;
      out[i] = i % 97 == 0 ? null : k < 5 ? "Oslo" : k < 8 ? "Lima" : "Pune";
    }
    return out;
  }

  private static double[] withGaps(double[] xs) {
    double[] out = xs.clone();
    for (int i = 0; i < out.length; i += 101) {
      out[i] = Double.NaN;
    }
    out[7] = Double.POSITIVE_INFINITY;
    return out;
  }

  private static KllDoublesSketch sketch(double[] xs) {
    KllDoublesSketch s = KllDoublesSketch.newHeapInstance(200);
    for (double x : xs) {
      if (Double.isFinite(x)) {
        s.update(x);
      }
    }
    return s;
  }

  /** The summary of finite values: counts, mean and population std by two-pass sums. */
  private static NumericSummary summary(double[] xs) {
    long missing = 0;
    long infinite = 0;
    long zeros = 0;
    long ones = 0;
    double sum = 0;
    int n = 0;
    for (double x : xs) {
      if (Double.isNaN(x)) {
        missing++;
      } else if (Double.isInfinite(x)) {
        infinite++;
      } else {
        n++;
        sum += x;
        zeros += x == 0 ? 1 : 0;
        ones += x == 1 ? 1 : 0;
      }
    }
    double mean = sum / n;
    double ss = 0;
    for (double x : xs) {
      if (Double.isFinite(x)) {
        ss += (x - mean) * (x - mean);
      }
    }
    return NumericSummary.of(
        sketch(xs).toByteArray(), missing, infinite, zeros, ones, mean, Math.sqrt(ss / n));
  }

  private static long[] binCounts(double[] edges, double[] xs) {
    HistogramCounts h = HistogramCounts.over(edges).addAll(xs);
    return h.counts();
  }

  @Test
  void exactColumns_fitTheSameBaselineAndReportAsTheirRows() {
    double[] age = withGaps(Samples.sample(41, 2000, 40.0, 10.0));
    double[] ageNow = withGaps(Samples.sample(42, 1500, 42.0, 10.0));
    String[] city = cities(2000, 0);
    String[] cityNow = cities(1500, 3);
    Columns ref = Columns.builder().numeric("age", age).categorical("city", city).build();
    Columns cur = Columns.builder().numeric("age", ageNow).categorical("city", cityNow).build();
    ColumnSummaries refS =
        ColumnSummaries.builder()
            .numeric("age", age)
            .categorical("city", CategoryCounts.create().addAll(city))
            .build();
    ColumnSummaries curS =
        ColumnSummaries.builder()
            .numeric("age", ageNow)
            .categorical("city", CategoryCounts.create().addAll(cityNow))
            .build();
    DriftDetector detector = DriftDetector.defaults();

    DriftBaseline rows = detector.fit(ref);
    DriftBaseline summaries = detector.fit(refS);

    assertThat(features(summaries.toJson())).isEqualTo(features(rows.toJson()));
    assertThat(summaries.compare(curS).features()).isEqualTo(rows.compare(cur).features());
    assertThat(detector.compare(refS, curS).features())
        .isEqualTo(detector.compare(ref, cur).features());
  }

  @Test
  void categoryCounts_inBulk_equalOneByOne() {
    CategoryCounts one = CategoryCounts.create().addAll(new String[] {"a", "b", null, "a", null});
    CategoryCounts bulk = CategoryCounts.create().add("a", 2).add("b", 1).add(null, 2);
    assertThat(bulk).isEqualTo(one);
    assertThatThrownBy(() -> bulk.add("a", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be non-negative, but was -1");
  }

  @Test
  void exactSketchReference_hasTheRowPathsEdgesCountsAndStatistics() {
    // 150 values: the KLL sketch (k = 200) still holds every one, so its ranks are exact; with
    // equal-width bins the edges depend only on the exact minimum and maximum
    double[] x = Samples.sample(7, 150, 0.0, 1.0);
    double[] now = Samples.sample(8, 120, 0.3, 1.0);
    DriftDetector detector =
        DriftDetector.builder().sketchAbove(100).binning(Binning.EQUAL_WIDTH).build();
    DriftBaseline rows = detector.fit(Columns.builder().numeric("x", x).build());
    DriftBaseline sketched =
        detector.fit(ColumnSummaries.builder().numeric("x", summary(x)).build());
    assertThat(rows.isSketched("x")).isTrue();
    assertThat(sketched.isSketched("x")).isTrue();
    assertThat(sketched.histogram("x").edges()).isEqualTo(rows.histogram("x").edges());

    FeatureDrift a = rows.compare(Columns.builder().numeric("x", now).build()).feature("x");
    FeatureDrift b =
        sketched.compare(ColumnSummaries.builder().numeric("x", summary(now)).build()).feature("x");
    for (String key : new String[] {"ks", "ks_p", "psi", "wasserstein", "wasserstein_std"}) {
      assertThat(b.metric(key)).as(key).isCloseTo(a.metric(key), within(1e-12));
    }
    assertThat(b.metric("ks_error_bound")).isZero();
    assertThat(b.drifted()).isEqualTo(a.drifted());
  }

  @Test
  void summarizedCurrent_ksWithinItsStatedBound_psiExactWithBins() {
    double[] ref = Samples.sample(11, 3000, 0.0, 1.0);
    double[] now = withGaps(Samples.sample(12, 60_000, 0.1, 1.0));
    DriftBaseline baseline =
        DriftDetector.defaults().fit(Columns.builder().numeric("x", ref).build());
    FeatureDrift exact = baseline.compare(Columns.builder().numeric("x", now).build()).feature("x");
    double[] edges = baseline.histogram("x").edges();
    NumericSummary s = summary(now).withBins(edges, binCounts(edges, now));

    FeatureDrift f =
        baseline.compare(ColumnSummaries.builder().numeric("x", s).build()).feature("x");

    double bound = f.metric("ks_error_bound");
    assertThat(bound).isEqualTo(s.rankError()).isGreaterThan(0.0).isLessThan(0.02);
    assertThat(Math.abs(f.metric("ks") - exact.metric("ks"))).isLessThanOrEqualTo(bound);
    assertThat(f.metric("psi")).isEqualTo(exact.metric("psi"));
    assertThat(f.currentCount()).isEqualTo(exact.currentCount());
    assertThat(f.currentMissing()).isEqualTo(exact.currentMissing());
    assertThat(f.currentInfinite()).isEqualTo(exact.currentInfinite());
    assertThat(f.metric("missing_rate_p")).isEqualTo(exact.metric("missing_rate_p"));
    assertThat(f.note()).contains("KS D within ±").doesNotContain("PSI bin counts from");

    FeatureDrift noBins =
        baseline.compare(ColumnSummaries.builder().numeric("x", summary(now)).build()).feature("x");
    assertThat(noBins.note()).contains("PSI bin counts from the sketch's ranks");
    assertThat(noBins.metric("psi")).isCloseTo(exact.metric("psi"), within(0.01));
  }

  @Test
  void binarySummaries_giveTheRowPathsTwoProportionTest() {
    double[] ref = new double[5000];
    double[] now = new double[4000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = i % 10 == 0 ? 1 : 0; // 500 ones in 5000
    }
    for (int i = 0; i < now.length; i++) {
      now[i] = i % 8 == 0 ? 1 : 0; // 500 ones in 4000
    }
    DriftDetector detector = DriftDetector.defaults();
    FeatureDrift rows =
        detector
            .compare(
                Columns.builder().numeric("churn", ref).build(),
                Columns.builder().numeric("churn", now).build())
            .feature("churn");
    FeatureDrift sums =
        detector
            .compare(
                ColumnSummaries.builder().numeric("churn", summary(ref)).build(),
                ColumnSummaries.builder().numeric("churn", summary(now)).build())
            .feature("churn");
    assertThat(sums.kind()).isEqualTo(ColumnKind.BINARY);
    assertThat(sums.method()).isEqualTo(DriftMethod.TWO_PROPORTION_Z);
    assertThat(sums.statistic()).isEqualTo(rows.statistic());
    assertThat(sums.pValue()).isEqualTo(rows.pValue());
    assertThat(sums.metric("share_ones_cur")).isEqualTo(0.125);
  }

  @Test
  void aSummarizedBaseline_savedAndLoaded_checksRows(@TempDir Path dir) {
    double[] ref = Samples.sample(21, 20_000, 0.0, 1.0);
    DriftBaseline b =
        DriftDetector.defaults().fit(ColumnSummaries.builder().numeric("x", summary(ref)).build());
    b.save(dir.resolve("b.json"));
    DriftBaseline again = DriftBaseline.load(dir.resolve("b.json"));
    double[] same = Samples.sample(22, 5000, 0.0, 1.0);
    double[] shifted = Samples.sample(23, 5000, 0.5, 1.0);
    assertThat(again.compare(Columns.builder().numeric("x", same).build()).driftedCount()).isZero();
    assertThat(again.compare(Columns.builder().numeric("x", shifted).build()).driftedCount())
        .isEqualTo(1);
  }

  @Test
  void badInput_isRefusedNamingArgumentAndValue() {
    assertThatThrownBy(() -> NumericSummary.of(new byte[] {1, 2, 3}, 0, 0, 0, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "kllSketch must be a KLL doubles sketch serialized by DataSketches, but was 3 bytes");
    byte[] three = sketch(new double[] {0, 1, 2}).toByteArray();
    assertThatThrownBy(() -> NumericSummary.of(three, 0, 0, 2, 2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zeros + ones must be at most the sketch's count 3, but was 4");
    assertThatThrownBy(() -> NumericSummary.of(three, -1, 0, 0, 0, 1, 1))
        .hasMessage("missing must be non-negative, but was -1");
    assertThatThrownBy(() -> NumericSummary.of(three, 0, 0, 0, 0, Double.NaN, 1))
        .hasMessage("mean must be finite, but was NaN");
    NumericSummary s = NumericSummary.of(three, 0, 0, 1, 1, 1, 0.8);
    assertThatThrownBy(() -> s.withBins(new double[] {1.5}, new long[] {1, 1}))
        .hasMessage("the sum of counts must be the sketch's count 3, but was 2");
    assertThatThrownBy(() -> s.withBins(new double[] {1.5}, new long[] {3}))
        .hasMessage("counts.length must be binEdges.length + 1 = 2, but was 1");
    assertThatThrownBy(() -> ColumnSummaries.builder().numeric("x", s).numeric("x", s))
        .hasMessage("name must be a new column, but was 'x' twice");
    assertThatThrownBy(() -> ColumnSummaries.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no column added: add a numeric or categorical column");

    DriftBaseline b =
        DriftDetector.defaults()
            .fit(ColumnSummaries.builder().numeric("x", Samples.sample(1, 500, 0, 1)).build());
    assertThatThrownBy(
            () ->
                b.compare(
                    ColumnSummaries.builder()
                        .categorical("x", CategoryCounts.create().add("a", 3))
                        .numeric("y", s)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "current must be a table of the baseline's columns and types, but was column 'x' is"
                + " categorical but was numeric in the reference; unexpected column 'y'");
  }

  @Test
  void summary_readsCountMinMaxFromTheSketch() {
    NumericSummary s = summary(new double[] {3, Double.NaN, -1, 2, Double.NEGATIVE_INFINITY});
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.rows()).isEqualTo(5);
    assertThat(s.min()).isEqualTo(-1.0);
    assertThat(s.max()).isEqualTo(3.0);
    assertThat(s.isExact()).isTrue();
    assertThat(s.rankError()).isZero();
    assertThat(s.hasBins()).isFalse();
    assertThat(s.withBins(new double[] {0}, new long[] {1, 2}).binCounts()).containsExactly(1, 2);
    // mean (3 - 1 + 2) / 3 = 4/3; population std sqrt(((5/3)^2 + (7/3)^2 + (2/3)^2) / 3)
    assertThat(s.mean()).isCloseTo(4.0 / 3, within(1e-15));
    assertThat(s.std()).isCloseTo(Math.sqrt((25.0 + 49 + 4) / 27), within(1e-15));
  }

  private static String features(String baselineJson) {
    int i = baselineJson.indexOf("\"features\"");
    return Arrays.toString(new String[] {baselineJson.substring(i)});
  }
}
