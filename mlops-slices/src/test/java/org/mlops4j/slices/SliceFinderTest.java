package org.mlops4j.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlops4j.api.Binning;

class SliceFinderTest {

  private static Slice named(SliceReport r, String name) {
    return r.examined().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not examined: " + r.examined()));
  }

  @Test
  void plantedNumericRange_isTheTopSlice_andNoNoiseSliceIsFlagged() {
    SliceReport r = SliceFinder.defaults().audit(Generated.numericRange(7));
    // planted: error 0.4 where x >= 80 (quantile edge 80 of a uniform sample, up to sampling)
    Slice top = r.significant().get(0);
    assertTrue(top.name().startsWith("x>=79") || top.name().startsWith("x>=80"), top.name());
    assertTrue(top.value() > 0.35 && top.value() < 0.45, top.toString());
    assertTrue(top.interval().contains(0.4), top.toString());
    // the rows below 80 (error 0.1) and the noise features are not worse than the rest
    for (Slice s : r.significant()) {
      assertTrue(s.name().contains("x>="), "flagged a slice outside the planted one: " + s);
    }
    // the planted slice is not extended: no examined slice refines it
    for (Slice s : r.examined()) {
      if (s.depth() > 1) {
        assertFalse(s.conditions().contains(top.name()), s.name());
      }
    }
  }

  @Test
  void plantedInteraction_isFoundAtDepthTwo_whileItsParentsAreNotWorse() {
    SliceReport r = SliceFinder.defaults().audit(Generated.interaction(11));
    Set<String> flagged = r.significant().stream().map(Slice::name).collect(Collectors.toSet());
    assertEquals(Set.of("a=p|b=p", "a=q|b=q"), flagged);
    // every single value has the overall rate: examined, not flagged
    assertFalse(named(r, "a=p").significant());
    assertFalse(named(r, "noise=3").significant());
    assertEquals(2, r.examinedByDepth().size());
    // 2 + 2 + 5 single values; pairs: a×b 4, a×noise 10, b×noise 10
    assertEquals(List.of(9, 24), r.examinedByDepth());
  }

  @Test
  void depthOne_examinesNoConjunction() {
    SliceReport r = SliceFinder.builder().maxDepth(1).build().audit(Generated.interaction(11));
    assertEquals(List.of(9), r.examinedByDepth());
    assertTrue(r.significant().isEmpty());
  }

  @Test
  void depthThree_extendsOnlyOpenPairs() {
    SliceReport r = SliceFinder.builder().maxDepth(3).build().audit(Generated.interaction(11));
    // a=p|b=p and a=q|b=q are flagged; of the triples a×b×noise only a=p|b=q and a=q|b=p extend
    assertEquals(3, r.examinedByDepth().size());
    assertEquals(2 * 5, r.examinedByDepth().get(2));
    for (Slice s : r.examined()) {
      if (s.depth() == 3) {
        assertFalse(s.name().startsWith("a=p|b=p") || s.name().startsWith("a=q|b=q"), s.name());
      }
    }
  }

  @Test
  void budget_stopsTheSearch_andSaysSo() {
    SliceReport r = SliceFinder.builder().budget(5).build().audit(Generated.interaction(11));
    assertEquals(5, r.examined().size());
    assertEquals(List.of(5), r.examinedByDepth());
    assertTrue(
        r.notes()
            .contains(
                "budget of 5 slices reached at depth 1: 4 of 9 candidate slices not examined, no"
                    + " deeper slice examined"),
        r.notes().toString());
  }

  @Test
  void minSupport_leavesSmallSlicesOut() {
    SliceReport r = SliceFinder.builder().minSupport(4000).build().audit(Generated.interaction(11));
    for (Slice s : r.examined()) {
      assertTrue(s.rows() >= 4000, s.toString());
    }
    // noise values have about 4000 rows each; pairs a×b about 5000
    assertTrue(r.examined().stream().anyMatch(s -> s.name().equals("a=p|b=p")));
  }

  @Test
  void minEffectSize_aboveThePlantedEffect_flagsNothing() {
    // planted: 0.30 vs 0.1667 on the rest, effect (0.30-0.1667)/sqrt((0.21+0.139)/2) = 0.32
    SliceReport r =
        SliceFinder.builder().minEffectSize(0.5).build().audit(Generated.interaction(11));
    assertTrue(r.significant().isEmpty(), r.toString());
  }

  /** Statistics against SciPy 1.17.1 / NumPy 2.4.6, /tmp/slices_ref.py, quoted below. */
  @Test
  void errorRate_statistics_matchTheReference() {
    // import numpy as np; from scipy import stats
    // groups = {"A": (40, 14), "B": (60, 9), "C": (50, 5)}; N = 150; E = 28
    // def ztest(x1, n1, x2, n2):  # numpy reimplementation of statsmodels proportions_ztest
    //     p1, p2 = x1 / n1, x2 / n2; p = (x1 + x2) / (n1 + n2)
    //     z = (p1 - p2) / np.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)); return z, stats.norm.sf(z)
    // effect = (p1 - p2) / np.sqrt((v1 + v2) / 2), v = p(1 - p) n / (n - 1)
    // stats.false_discovery_control(ps, method="bh")
    SliceReport r =
        SliceFinder.builder()
            .maxDepth(1)
            .build()
            .audit(groups(new int[][] {{40, 14}, {60, 9}, {50, 5}}));
    Slice a = named(r, "g=A");
    assertEquals(3.0958965197184436, a.statistic(), 1e-12);
    assertEquals(0.0009810941286790957, a.pValue(), 1e-15);
    assertEquals(0.5359328985077749, a.effectSize(), 1e-12);
    assertEquals(0.002943282386037287, a.pAdjusted(), 1e-15);
    assertEquals(0.35, a.value(), 1e-15);
    assertEquals(14.0 / 110, a.restValue(), 1e-15);
    // Wilson interval, statsmodels' formula in numpy: (0.2213452887317629, 0.5049411916274231)
    assertEquals(0.2213452887317629, a.interval().lower(), 1e-12);
    assertEquals(0.5049411916274231, a.interval().upper(), 1e-12);
    assertTrue(Double.isNaN(a.degreesOfFreedom()));
    assertTrue(a.significant());
    Slice b = named(r, "g=B");
    assertEquals(-0.9410306273900881, b.statistic(), 1e-12);
    assertEquals(0.8266554179584344, b.pValue(), 1e-12);
    assertEquals(0.9729640819382029, b.pAdjusted(), 1e-12);
    Slice c = named(r, "g=C");
    assertEquals(-1.9262606505031494, c.statistic(), 1e-12);
    assertEquals(0.9729640819382029, c.pValue(), 1e-12);
    assertEquals(-0.3533407030044776, c.effectSize(), 1e-12);
    assertEquals(List.of(a), r.significant());
    // overall 28/150 with its Wilson interval (0.13242415483319162, 0.2565571983041365)
    assertEquals(28.0 / 150, r.overall(), 1e-15);
    assertEquals(0.13242415483319162, r.overallInterval().lower(), 1e-12);
  }

  /**
   * Every slice to depth two, counted, tested and adjusted independently by NumPy/SciPy:
   * src/test/resources/org/mlops4j/slices/reference_slices.py (numpy 2.4.6, scipy 1.17.1) wrote the
   * data and the expected slices. With minEffectSize(100) nothing is significant, so nothing is
   * pruned and every slice is examined.
   */
  @Test
  void everySliceToDepthTwo_matchesAnIndependentNumpyComputation() throws Exception {
    List<String> rows = lines("reference_rows.csv");
    int n = rows.size() - 1;
    boolean[] err = new boolean[n];
    String[][] cols = new String[3][n];
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i + 1).split(",");
      err[i] = f[0].equals("1");
      for (int c = 0; c < 3; c++) {
        cols[c][i] = f[c + 1];
      }
    }
    SliceReport r =
        SliceFinder.builder()
            .minEffectSize(100)
            .build()
            .audit(
                SliceData.ofErrors(err)
                    .feature("a", cols[0])
                    .feature("b", cols[1])
                    .feature("c", cols[2]));
    List<String> expected = lines("reference_slices.csv");
    assertEquals(expected.size() - 1, r.examined().size());
    for (String line : expected.subList(1, expected.size())) {
      String[] f = line.split(",");
      Slice s = named(r, f[0]);
      assertEquals(Integer.parseInt(f[1]), s.rows(), f[0]);
      assertEquals(Double.parseDouble(f[2]), s.value(), 1e-15, f[0]);
      assertEquals(Double.parseDouble(f[3]), s.statistic(), 1e-12, f[0]);
      assertEquals(Double.parseDouble(f[4]), s.pValue(), 1e-12, f[0]);
      assertEquals(Double.parseDouble(f[5]), s.pAdjusted(), 1e-12, f[0]);
    }
  }

  private static List<String> lines(String resource) throws java.io.IOException {
    try (java.io.InputStream in = SliceFinderTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .toList();
    }
  }

  /** Welch's t-test against SciPy 1.17.1, /tmp/slices_ref.py, quoted below. */
  @Test
  void meanLoss_statistics_matchScipy() {
    // A = [0.9, 1.4, 2.2, 0.7, 1.8, 2.5]; B = [0.3, 0.5, 0.2, 0.8, 0.4, 0.6, 0.1]
    // C = [0.5, 1.1, 0.4, 0.9, 0.6]
    // stats.ttest_ind(x, rest, equal_var=False, alternative="greater")
    // stats.t.interval(0.95, len(x) - 1, loc=np.mean(x), scale=stats.sem(x))
    // stats.false_discovery_control(ps, method="bh")
    double[] loss = {
      0.9, 1.4, 2.2, 0.7, 1.8, 2.5, 0.3, 0.5, 0.2, 0.8, 0.4, 0.6, 0.1, 0.5, 1.1, 0.4, 0.9, 0.6
    };
    String[] g = new String[18];
    for (int i = 0; i < 18; i++) {
      g[i] = i < 6 ? "A" : i < 13 ? "B" : "C";
    }
    SliceReport r =
        SliceFinder.builder()
            .minSupport(5)
            .maxDepth(1)
            .build()
            .audit(SliceData.ofLoss(loss).feature("g", g));
    assertEquals(SliceMeasure.MEAN_LOSS, r.measure());
    Slice a = named(r, "g=A");
    assertEquals(3.4624128130222664, a.statistic(), 1e-12);
    assertEquals(5.842458418703692, a.degreesOfFreedom(), 1e-10);
    assertEquals(0.007005805726138627, a.pValue(), 1e-12);
    assertEquals(0.021017417178415883, a.pAdjusted(), 1e-12);
    assertEquals(0.834131339401996, a.interval().lower(), 1e-12);
    assertEquals(2.3325353272646705, a.interval().upper(), 1e-12);
    Slice b = named(r, "g=B");
    assertEquals(-3.305915859661379, b.statistic(), 1e-12);
    assertEquals(13.240131532505695, b.degreesOfFreedom(), 1e-10);
    assertEquals(0.9972208588338038, b.pValue(), 1e-12);
    Slice c = named(r, "g=C");
    assertEquals(-1.004406054212703, c.statistic(), 1e-12);
    assertEquals(15.977774199929748, c.degreesOfFreedom(), 1e-10);
    assertEquals(0.8349236736587062, c.pValue(), 1e-12);
    assertEquals(0.9972208588338038, c.pAdjusted(), 1e-12);
    assertEquals(List.of(a), r.significant());
  }

  @Test
  void plantedLoss_isFound() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 5000;
    double[] loss = new double[n];
    String[] region = new String[n];
    for (int i = 0; i < n; i++) {
      region[i] = "r" + rnd.nextInt(6);
      loss[i] = -Math.log(rnd.nextDouble()) * (region[i].equals("r4") ? 2.0 : 1.0);
    }
    SliceReport r = SliceFinder.defaults().audit(SliceData.ofLoss(loss).feature("region", region));
    assertEquals(List.of("region=r4"), r.significant().stream().map(Slice::name).toList());
  }

  @Test
  void numericFeature_withFewValues_getsOneSliceEach_andMissingIsASlice() {
    double[] x = new double[300];
    boolean[] err = new boolean[300];
    for (int i = 0; i < 300; i++) {
      x[i] = i < 100 ? 1 : i < 200 ? 2 : Double.NaN;
      err[i] = i >= 200 && i % 2 == 0;
    }
    SliceReport r = SliceFinder.defaults().audit(SliceData.ofErrors(err).feature("x", x));
    assertEquals(
        Set.of("x=1", "x=2", "x=missing"),
        r.examined().stream().map(Slice::name).collect(Collectors.toSet()));
    assertEquals("x=missing", r.significant().get(0).name());
    assertEquals(
        List.of("x: numeric, 2 distinct values, one slice each; 100 missing"), r.features());
  }

  @Test
  void numericFeature_isBinnedAtQuantiles_orEqualWidths() {
    double[] x = new double[1000];
    boolean[] err = new boolean[1000];
    for (int i = 0; i < 1000; i++) {
      x[i] = (double) i * i;
      err[i] = i % 3 == 0;
    }
    SliceData data = SliceData.ofErrors(err).feature("x", x);
    // numpy.quantile(np.arange(1000.)**2, [0.25, 0.5, 0.75]) = 62375.25, 249500.5, 561375.75
    SliceReport q = SliceFinder.builder().bins(4).build().audit(data);
    assertEquals(List.of("x: numeric, 4 quantile bins, edges 62380, 249500, 561400"), q.features());
    assertEquals(
        Set.of("x<62380", "x=[62380, 249500)", "x=[249500, 561400)", "x>=561400"),
        q.examined().stream().map(Slice::name).collect(Collectors.toSet()));
    // 250 rows per bin: i <= 249 have i*i < 62375.25
    assertTrue(q.examined().stream().allMatch(s -> s.rows() == 250), q.examined().toString());
    // equal widths over [0, 998001]: edges 249500.25, 499000.5, 748500.75
    SliceReport w = SliceFinder.builder().bins(4).binning(Binning.EQUAL_WIDTH).build().audit(data);
    assertEquals(
        List.of("x: numeric, 4 equal-width bins, edges 249500, 499000, 748500"), w.features());
    // i*i < 249500.25 for i <= 499: 500 rows in the first bin
    assertEquals(500, named(w, "x<249500").rows());
  }

  static SliceData groups(int[][] sizeAndErrors) {
    int n = 0;
    for (int[] g : sizeAndErrors) {
      n += g[0];
    }
    String[] names = new String[n];
    boolean[] err = new boolean[n];
    int at = 0;
    for (int k = 0; k < sizeAndErrors.length; k++) {
      for (int i = 0; i < sizeAndErrors[k][0]; i++) {
        names[at] = String.valueOf((char) ('A' + k));
        err[at] = i < sizeAndErrors[k][1];
        at++;
      }
    }
    return SliceData.ofErrors(err).feature("g", names);
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void singleValuedFeature_isSkipped_withANote() {
    SliceData data = groups(new int[][] {{40, 14}, {60, 9}}).feature("k", constant(100, "same"));
    SliceReport r = SliceFinder.defaults().audit(data);
    assertTrue(
        r.notes().contains("feature 'k' has a single value ('same'): no slice to examine"),
        r.notes().toString());
    assertTrue(r.features().contains("k: skipped"));
  }

  @Test
  void onlySingleValuedFeatures_giveAReportThatSaysNothingWasExamined() {
    SliceData data = SliceData.ofErrors(new boolean[50]).feature("k", constant(50, "v"));
    SliceReport r = SliceFinder.defaults().audit(data);
    assertTrue(r.examined().isEmpty());
    assertEquals(
        List.of(
            "feature 'k' has a single value ('v'): no slice to examine",
            "nothing examined: no feature can make a slice (see the notes above)"),
        r.notes());
  }

  @Test
  void noFeature_givesAReportThatSaysNothingWasExamined() {
    SliceReport r = SliceFinder.defaults().audit(SliceData.ofErrors(new boolean[10]));
    assertEquals(List.of("nothing examined: no feature to slice on"), r.notes());
    assertTrue(r.toString().contains("note: nothing examined: no feature to slice on"));
  }

  @Test
  void tooFewRows_giveAReportThatSaysWhy() {
    SliceReport r = SliceFinder.defaults().audit(groups(new int[][] {{20, 1}, {20, 2}}));
    assertEquals(
        List.of(
            "feature 'g' (categorical, 2 values) has no value with at least 30 rows that leaves 2"
                + " rows outside it: no slice to examine",
            "nothing examined: no feature can make a slice (see the notes above)"),
        r.notes());
  }

  @Test
  void featureWithTooManyValues_isSkipped() {
    int[] id = new int[200];
    for (int i = 0; i < 200; i++) {
      id[i] = i % 4;
    }
    SliceReport r =
        SliceFinder.builder()
            .minSupport(2)
            .maxValues(3)
            .build()
            .audit(SliceData.ofErrors(new boolean[200]).feature("id", id));
    assertEquals(
        "feature 'id' (categorical, 4 values) has 4 values with at least 2 rows, more than"
            + " maxValues 3: skipped (group or bin its values first)",
        r.notes().get(0));
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertEquals(
        "alpha must be in (0, 1), but was 1.5",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().alpha(1.5))
            .getMessage());
    assertEquals(
        "minSupport must be at least 2, but was 1",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().minSupport(1))
            .getMessage());
    assertEquals(
        "maxDepth must be 1, 2 or 3, but was 4",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().maxDepth(4))
            .getMessage());
    assertEquals(
        "budget must be positive, but was 0",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().budget(0))
            .getMessage());
    assertEquals(
        "minEffectSize must be non-negative and finite, but was -0.1",
        assertThrows(
                IllegalArgumentException.class, () -> SliceFinder.builder().minEffectSize(-0.1))
            .getMessage());
    assertEquals(
        "bins must be in [2, 100], but was 1",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().bins(1))
            .getMessage());
    assertEquals(
        "maxValues must be in [2, 100], but was 101",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().maxValues(101))
            .getMessage());
    assertEquals(
        "confidenceLevel must be in (0, 1), but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> SliceFinder.builder().confidenceLevel(0))
            .getMessage());
    assertEquals(
        "binning must not be null",
        assertThrows(NullPointerException.class, () -> SliceFinder.builder().binning(null))
            .getMessage());
    assertEquals(
        "data must not be null",
        assertThrows(NullPointerException.class, () -> SliceFinder.defaults().audit(null))
            .getMessage());
  }

  @Test
  void toBuilder_keepsTheSettings() {
    SliceFinder f = SliceFinder.builder().alpha(0.01).minSupport(50).maxDepth(3).build();
    SliceFinder g = f.toBuilder().bins(7).build();
    assertEquals(f.toString().replace("bins=5", "bins=7"), g.toString());
  }

  private static String[] constant(int n, String v) {
    String[] s = new String[n];
    java.util.Arrays.fill(s, v);
    return s;
  }
}
