package org.mlops4j.fairness.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class ConsistencyTest {

  // Data and expected values: numpy 2.4.6 brute force, benchmarks/python/individual_reference.py
  // (seed 20261126): each row's neighbours are itself plus its k-1 nearest other rows, as
  // sklearn NearestNeighbors(k).fit(X).kneighbors(X) in AIF360's consistency(); no tie at the k-th
  // distance in any case below (the script asserts it).
  static final double[][] X = {
    {-0.374, 8.722, 1.188}, {1.392, 2.918, 1.014}, {1.879, 14.415, 0.658}, {1.112, 6.924, 0.811},
    {0.398, 10.427, 0.932}, {1.401, 13.293, 0.958}, {0.192, 5.332, 0.953}, {0.672, 13.578, 1.133},
    {1.202, 9.5, 0.77}, {1.529, 18.076, 0.697}, {-0.858, 5.7, 0.87}, {-0.498, 4.946, 0.886},
    {0.807, 17.996, 0.812}, {0.849, 9.952, 1.046}, {-0.159, 4.134, 1.019}, {-0.168, 10.149, 0.753},
    {-0.257, 7.204, 0.89}, {-2.129, 5.186, 0.956}, {0.328, 8.765, 1.255}, {1.015, 7.344, 0.986},
    {0.751, 7.217, 1.209}, {-1.205, 15.321, 1.293}, {0.367, 12.812, 1.384}, {0.15, 16.504, 0.736},
    {-1.157, 11.544, 1.536}, {-1.0, 10.765, 1.222}, {0.019, 10.862, 0.814}, {0.052, 21.437, 0.965},
    {-1.144, 3.362, 0.977}, {-1.479, 12.744, 0.594}
  };
  static final double[] Y_BINARY = {
    0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0,
    1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0
  };
  static final double[] Y_SCORES = {
    0.0243, 0.0713, 0.7838, 0.1921, 0.1403, 0.422, 0.0431, 0.1807, 0.33, 0.8254, 0.0213, 0.0249,
    0.6154, 0.142, 0.0201, 0.1304, 0.0481, 0.0042, 0.0398, 0.1219, 0.0506, 0.0288, 0.0617, 0.4361,
    0.007, 0.0178, 0.148, 0.4861, 0.0074, 0.0987
  };

  static final Distance CHEBYSHEV =
      Distance.of(
          "chebyshev",
          (a, b) -> {
            double m = 0;
            for (int j = 0; j < a.length; j++) {
              m = Math.max(m, Math.abs(a[j] - b[j]));
            }
            return m;
          });

  static double consistency(int k, Distance distance, Scaling scaling, double[] y) {
    return Consistency.builder()
        .k(k)
        .distance(distance)
        .scaling(scaling)
        .build()
        .audit(X, y)
        .consistency();
  }

  @Test
  void defaults_matchNumpyBruteForceWithFiveNeighboursIncludingSelf() {
    ConsistencyResult r = Consistency.defaults().audit(X, Y_BINARY);
    assertThat(r.consistency()).isCloseTo(0.7733333333333333, within(1e-12));
    assertThat(r.k()).isEqualTo(5);
    assertThat(r.rows()).isEqualTo(30);
    assertThat(r.distance()).isEqualTo("euclidean");
    assertThat(r.scaling()).isEqualTo("none");
    assertThat(r.approximate()).isFalse();
    assertThat(r.queries()).isEqualTo(30);
    assertThat(r.errorBound95()).isZero();
  }

  @Test
  void euclideanWithSeveralK_matchesNumpy() {
    Distance e = Distance.euclidean();
    assertThat(consistency(1, e, Scaling.NONE, Y_BINARY)).isEqualTo(1.0);
    assertThat(consistency(3, e, Scaling.NONE, Y_BINARY))
        .isCloseTo(0.8555555555555556, within(1e-12));
    assertThat(consistency(10, e, Scaling.NONE, Y_BINARY))
        .isCloseTo(0.6633333333333333, within(1e-12));
  }

  @Test
  void scalings_matchNumpy() {
    Distance e = Distance.euclidean();
    assertThat(consistency(5, e, Scaling.STANDARDIZE, Y_BINARY))
        .isCloseTo(0.8866666666666667, within(1e-12));
    assertThat(consistency(5, e, Scaling.MIN_MAX, Y_BINARY))
        .isCloseTo(0.8933333333333333, within(1e-12));
  }

  @Test
  void manhattan_matchesNumpy() {
    Distance m = Distance.manhattan();
    assertThat(consistency(5, m, Scaling.NONE, Y_BINARY)).isCloseTo(0.8, within(1e-12));
    assertThat(consistency(4, m, Scaling.STANDARDIZE, Y_BINARY))
        .isCloseTo(0.9083333333333333, within(1e-12));
    assertThat(consistency(7, m, Scaling.MIN_MAX, Y_SCORES))
        .isCloseTo(0.9406142857142857, within(1e-12));
  }

  @Test
  void customLambdaDistance_matchesNumpyChebyshev() {
    ConsistencyResult r = Consistency.builder().distance(CHEBYSHEV).build().audit(X, Y_BINARY);
    assertThat(r.consistency()).isCloseTo(0.7333333333333334, within(1e-12));
    assertThat(r.distance()).isEqualTo("chebyshev");
  }

  @Test
  void scores_matchNumpy() {
    assertThat(consistency(5, Distance.euclidean(), Scaling.NONE, Y_SCORES))
        .isCloseTo(0.9261726666666666, within(1e-12));
  }

  @Test
  void sequentialAndParallel_giveIdenticalResults() {
    double[][] x = gaussian(3000, 4, 7);
    double[] y = labels(x);
    double par = Consistency.builder().build().audit(x, y).consistency();
    double seq = Consistency.builder().parallel(false).build().audit(x, y).consistency();
    assertThat(par).isEqualTo(seq);
  }

  @Test
  void tiesInDistance_takeTheLowerRowIndex() {
    // By hand: points 0,1,2,3 on a line, k = 2. Row 1 has rows 0 and 2 at distance 1 and takes 0;
    // row 2 has 1 and 3 and takes 1. Neighbour means: {0,1} 0.5, {1,0} 0.5, {2,1} 1, {3,2} 1;
    // deviations 0.5, 0.5, 0, 0 -> 1 - 1/4 = 0.75 (the higher-index rule would give 0.875).
    double[][] x = {{0}, {1}, {2}, {3}};
    double[] y = {0, 1, 1, 1};
    assertThat(Consistency.builder().k(2).build().audit(x, y).consistency()).isEqualTo(0.75);
    assertThat(
            Consistency.builder()
                .k(2)
                .distance(Distance.of("l1", (a, b) -> Math.abs(a[0] - b[0])))
                .build()
                .audit(x, y)
                .consistency())
        .isEqualTo(0.75);
  }

  @Test
  void duplicateRows_stillCountEachRowAsItsOwnFirstNeighbour() {
    // By hand: with k = 1 every row's only neighbour is itself, so consistency is 1 even though
    // rows 0 and 1 are duplicates with different predictions.
    double[][] x = {{0, 0}, {0, 0}, {5, 5}};
    double[] y = {1, 0, 0};
    assertThat(Consistency.builder().k(1).build().audit(x, y).consistency()).isEqualTo(1.0);
    // k = 2: row 2's nearest other rows tie at distance sqrt(50); row 0 is taken. Means 0.5 each,
    // deviations 0.5, 0.5, 0.5 -> 0.5.
    assertThat(Consistency.builder().k(2).build().audit(x, y).consistency()).isEqualTo(0.5);
  }

  @Test
  void kdTreeAndBruteForce_agreeOnLargerData() {
    double[][] x = gaussian(4000, 6, 11);
    double[] y = labels(x);
    double tree = Consistency.builder().build().audit(x, y).consistency();
    Distance lambdaEuclid = Distance.of("l2", (a, b) -> StandardDistance.EUCLIDEAN.between(a, b));
    double brute = Consistency.builder().distance(lambdaEuclid).build().audit(x, y).consistency();
    assertThat(tree).isEqualTo(brute);
  }

  @Test
  void customDistanceAboveTheExactLimit_samplesQueriesWithSerflingBound() {
    double[][] x = gaussian(3000, 5, 3);
    double[] y = labels(x);
    double exact = Consistency.defaults().audit(x, y).consistency();
    Distance lambdaEuclid = Distance.of("l2", (a, b) -> StandardDistance.EUCLIDEAN.between(a, b));
    ConsistencyResult sampled =
        Consistency.builder()
            .distance(lambdaEuclid)
            .exactUpTo(1000)
            .sampleSize(400)
            .seed(1)
            .build()
            .audit(x, y);
    assertThat(sampled.approximate()).isTrue();
    assertThat(sampled.queries()).isEqualTo(400);
    // expected: R = 1 (0/1 labels), sqrt((1 - 399/3000) * ln(2/0.05) / (2 * 400)) (python3 math)
    assertThat(sampled.errorBound95()).isCloseTo(0.06322834102201305, within(1e-15));
    assertThat(sampled.consistency()).isCloseTo(exact, within(sampled.errorBound95()));
    assertThat(sampled.toString())
        .startsWith("Consistency ")
        .contains("approximate: 400 sampled rows, +/- 0.0632 at 95%");
  }

  @Test
  void builtInDistanceAboveTheExactLimit_samplesUnlessExactIsAsked() {
    double[][] x = gaussian(1200, 3, 8);
    double[] y = labels(x);
    ConsistencyResult sampled =
        Consistency.builder().exactUpTo(1000).sampleSize(300).build().audit(x, y);
    assertThat(sampled.approximate()).isTrue();
    assertThat(sampled.queries()).isEqualTo(300);
    ConsistencyResult exact =
        Consistency.builder().exactUpTo(1000).sampleSize(300).exact().build().audit(x, y);
    assertThat(exact.approximate()).isFalse();
    assertThat(exact.queries()).isEqualTo(1200);
    assertThat(exact.consistency()).isEqualTo(Consistency.defaults().audit(x, y).consistency());
  }

  @Test
  void sampledQueries_areTheMeanOverExactlyThoseRows() {
    double[][] x = gaussian(500, 3, 5);
    double[] y = labels(x);
    int[] rows = Consistency.sampleRows(500, 50, 9);
    assertThat(rows).hasSize(50).doesNotHaveDuplicates().isSorted();
    ConsistencyResult r = Consistency.builder().sampleQueries(50).seed(9).build().audit(x, y);
    // independent: brute-force neighbours by sorting all distances for each sampled row
    double sum = 0;
    for (int i : rows) {
      List<Integer> order = new ArrayList<>();
      for (int j = 0; j < x.length; j++) {
        order.add(j);
      }
      final int q = i;
      order.sort(
          (a, b) -> {
            double da = a == q ? -1 : StandardDistance.EUCLIDEAN.between(x[q], x[a]);
            double db = b == q ? -1 : StandardDistance.EUCLIDEAN.between(x[q], x[b]);
            return da != db ? Double.compare(da, db) : Integer.compare(a, b);
          });
      double mean = 0;
      for (int t = 0; t < 5; t++) {
        mean += y[order.get(t)] / 5;
      }
      sum += Math.abs(y[i] - mean);
    }
    assertThat(r.consistency()).isCloseTo(1 - sum / 50, within(1e-12));
  }

  @Test
  void badInput_failsNamingTheArgument() {
    Consistency c = Consistency.builder().build();
    assertThatThrownBy(() -> c.audit(null, new double[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("features must not be null");
    assertThatThrownBy(() -> c.audit(new double[0][], new double[0]))
        .hasMessage("features must be non-empty, but was an empty array");
    assertThatThrownBy(() -> c.audit(new double[][] {{1, 2}, {3}}, new double[2]))
        .hasMessage("features[1] must have 2 elements (as features[0]), but had 1");
    assertThatThrownBy(() -> c.audit(new double[][] {{1}, {Double.NaN}}, new double[2]))
        .hasMessage("features[1][0] must be finite, but was NaN");
    assertThatThrownBy(() -> c.audit(X, new double[29]))
        .hasMessage("predictions must have 30 elements (as features), but had 29");
    assertThatThrownBy(() -> c.audit(X, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("predictions must not be null");
    double[] nanY = Y_BINARY.clone();
    nanY[4] = Double.NaN;
    assertThatThrownBy(() -> c.audit(X, nanY))
        .hasMessage("predictions[4] must be finite, but was NaN");
    assertThatThrownBy(() -> Consistency.builder().k(0))
        .hasMessage("k must be positive, but was 0");
    assertThatThrownBy(() -> Consistency.builder().k(30).build().audit(X, Y_BINARY))
        .hasMessage("k must be less than the number of rows (30), but was 30");
    assertThatThrownBy(() -> Consistency.builder().distance(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("distance must not be null");
    assertThatThrownBy(() -> Distance.of(" ", Distance.euclidean()))
        .hasMessage("name must be non-blank, but was ' '");
  }

  @Test
  void customDistanceReturningNaN_isRejected() {
    Consistency c =
        Consistency.builder().distance(Distance.of("broken", (a, b) -> Double.NaN)).build();
    assertThatThrownBy(() -> c.audit(X, Y_BINARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("distance broken between rows 0 and 1 must be non-negative, but was NaN");
  }

  @Test
  void resultPrintsLogsAndWritesJson() throws Exception {
    ConsistencyResult r = Consistency.defaults().audit(X, Y_BINARY);
    assertThat(r.toString())
        .isEqualTo(
            "Consistency 0.7733 (k = 5 incl. self, n = 30, euclidean distance, scaling none,"
                + " exact)");
    assertThat(JsonBody.of(r.toJson(), "mlops4j.consistency"))
        .isEqualTo(
            "{\"consistency\":0.7733333333333333,\"k\":5,\"rows\":30,\"distance\":\"euclidean\","
                + "\"scaling\":\"none\",\"approximate\":false,\"queries\":30,\"errorBound95\":0.0}");
    InMemoryRun run = InMemoryRun.create("test");
    assertThat(r.logTo(run)).isSameAs(r);
    assertThat(run.latestMetrics())
        .containsExactly(entry("fairness.individual.consistency", 0.7733333333333333));
    assertThatThrownBy(() -> r.logTo(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("run must not be null");
  }

  @Test
  void save_writesJsonOrHtmlByTheFileName(@TempDir Path dir) throws Exception {
    ConsistencyResult r = Consistency.defaults().audit(X, Y_BINARY);
    r.save(dir.resolve("consistency.json"));
    r.save(dir.resolve("consistency.html"));
    assertThat(
            JsonBody.of(Files.readString(dir.resolve("consistency.json")), "mlops4j.consistency"))
        .isEqualTo(JsonBody.of(r.toJson(), "mlops4j.consistency"));
    assertThat(Files.readString(dir.resolve("consistency.html")))
        .isEqualTo(r.toHtml())
        .startsWith("<!DOCTYPE html>")
        .contains(">0.773333<");
  }

  @Test
  void toBuilder_startsFromTheSettings() {
    Consistency k3 = Consistency.builder().k(3).scaling(Scaling.MIN_MAX).build();
    Consistency same = k3.toBuilder().build();
    assertThat(same.audit(X, Y_BINARY)).isEqualTo(k3.audit(X, Y_BINARY));
    assertThat(k3.toBuilder().scaling(Scaling.NONE).build().audit(X, Y_BINARY).consistency())
        .isCloseTo(0.8555555555555556, within(1e-12)); // euclideanWithSeveralK, k = 3
  }

  static double[][] gaussian(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        // sum of uniforms: smooth, no exact ties
        x[i][j] = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
      }
    }
    return x;
  }

  static double[] labels(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int j = 0; j < x[i].length; j++) {
        s += (j % 2 == 0 ? 1 : -0.5) * x[i][j];
      }
      y[i] = s > 0.1 ? 1 : 0;
    }
    return y;
  }
}
