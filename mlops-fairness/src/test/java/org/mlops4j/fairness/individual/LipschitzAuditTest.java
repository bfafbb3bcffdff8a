package org.mlops4j.fairness.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class LipschitzAuditTest {

  /** f(x) = 3 x0 + 4 x1 + 1: Lipschitz constant |w| = 5 under the Euclidean distance. */
  static final ToDoubleFunction<double[]> LINEAR = x -> 3 * x[0] + 4 * x[1] + 1;

  static final double[][] POINTS = {{0, 0}, {3, 4}, {1, 0}, {0, 0}, {4, -3}};

  @Test
  void linearModel_allPairs_worstRatioIsTheNormOfTheWeights() {
    // By hand: f = 1, 26, 4, 1, 1. Pair ratios: (0,1) 25/5 = 5; (0,2) 3/1 = 3; (0,3) 0/0 -> 0;
    // (0,4) 0/5 = 0; (1,2) 22/sqrt(20) = 4.919349550499537; (1,3) 25/5 = 5;
    // (1,4) 25/sqrt(50) = 3.5355339059327373; (2,3) 3/1 = 3; (2,4) 3/sqrt(18) = 0.7071...;
    // (3,4) 0. Above L = 4: (0,1), (1,2), (1,3) -> 3 of 10. (python3 math for the square roots)
    LipschitzResult r = LipschitzAudit.builder().bound(4).top(3).build().audit(LINEAR, POINTS);
    assertThat(r.exhaustive()).isTrue();
    assertThat(r.pairs()).isEqualTo(10);
    assertThat(r.maxRatio()).isEqualTo(5.0);
    assertThat(r.violations()).isEqualTo(3);
    assertThat(r.violationShare()).isEqualTo(0.3);
    assertThat(r.zeroDistanceViolations()).isZero();
    assertThat(r.worstPairs())
        .extracting(p -> p.i() + "-" + p.j())
        .containsExactly("0-1", "1-3", "1-2");
    LipschitzResult.PairRatio third = r.worstPairs().get(2);
    assertThat(third.ratio()).isCloseTo(4.919349550499537, within(1e-15));
    assertThat(third.distance()).isCloseTo(4.47213595499958, within(1e-15));
    assertThat(third.outputI()).isEqualTo(26.0);
    assertThat(third.outputJ()).isEqualTo(4.0);
  }

  @Test
  void linearModel_atItsConstant_hasNoViolations() {
    LipschitzResult r = LipschitzAudit.builder().bound(5).build().audit(LINEAR, POINTS);
    assertThat(r.violations()).isZero();
    assertThat(r.violationShare()).isZero();
  }

  @Test
  void manhattanDistance_givesTheDualNormBound() {
    // By hand: under L1 the constant of a linear model is max |w_j| = 4, reached by (0,0)-(0,1).
    double[][] pts = {{0, 0}, {0, 1}, {1, 0}};
    LipschitzResult r =
        LipschitzAudit.builder().distance(Distance.manhattan()).build().audit(LINEAR, pts);
    assertThat(r.maxRatio()).isEqualTo(4.0);
    assertThat(r.worstPairs().get(0).i()).isZero();
    assertThat(r.worstPairs().get(0).j()).isEqualTo(1);
  }

  @Test
  void pairsAtDistanceZeroWithDifferentOutputs_areInfiniteViolationsNotNaN() throws Exception {
    // distance looks at x0 only; the model at x1 only. By hand: (0,1) d = 0, |0 - 1| -> Infinity;
    // (0,2) d = 2, 0 -> 0; (1,2) d = 2, |1 - 0| -> 0.5.
    Distance x0Only = Distance.of("x0-only", (a, b) -> Math.abs(a[0] - b[0]));
    double[][] pts = {{0, 0}, {0, 1}, {2, 0}};
    LipschitzResult r = LipschitzAudit.builder().distance(x0Only).build().audit(x -> x[1], pts);
    assertThat(r.maxRatio()).isInfinite();
    assertThat(r.zeroDistanceViolations()).isEqualTo(1);
    assertThat(r.violations()).isEqualTo(1);
    assertThat(r.worstPairs())
        .extracting(LipschitzResult.PairRatio::ratio)
        .containsExactly(Double.POSITIVE_INFINITY, 0.5, 0.0);
    // an infinite ratio is null with a reason in JSON (never "Infinity", which is not JSON)
    assertThat(JsonBody.of(r.toJson(), "mlops4j.lipschitz"))
        .isEqualTo(
            "{\"points\":3,\"pairs\":3,\"exhaustive\":true,\"distance\":\"x0-only\",\"bound\":1.0,\"maxRatio\":null,\"maxRatioReason\":\"infinite:"
                + " a pair at distance 0 has different"
                + " outputs\",\"violations\":1,\"violationShare\":0.3333333333333333,"
                + "\"zeroDistanceViolations\":1,\"worstPairs\":["
                + "{\"i\":0,\"j\":1,\"distance\":0.0,\"outputI\":0.0,\"outputJ\":1.0,\"ratio\":null,\"ratioReason\":\"infinite:"
                + " a pair at distance 0 has different outputs\"},"
                + "{\"i\":1,\"j\":2,\"distance\":2.0,\"outputI\":1.0,\"outputJ\":0.0,\"ratio\":0.5},"
                + "{\"i\":0,\"j\":2,\"distance\":2.0,\"outputI\":0.0,\"outputJ\":0.0,\"ratio\":0.0}]}");
    assertThat(r.toString())
        .isEqualTo(
            "Lipschitz audit (x0-only distance, L = 1.0): max ratio Infinity; 1 of 3 (all) pairs"
                + " above L (33.33%), 1 at distance 0 with different outputs; worst pairs:\n"
                + "  (0, 1): |0.00000 - 1.00000| / 0.00000 = Infinity\n"
                + "  (1, 2): |1.00000 - 0.00000| / 2.00000 = 0.500000\n"
                + "  (0, 2): |0.00000 - 0.00000| / 2.00000 = 0.00000");
  }

  @Test
  void sampledPairs_areSeededAndRepeatable() {
    double[][] pts = randomPoints(500, 3, 1);
    LipschitzAudit audit = LipschitzAudit.builder().pairs(2000).seed(7).build();
    LipschitzResult a = audit.audit(x -> Math.tanh(x[0]) + x[1] * x[1], pts);
    LipschitzResult b = audit.audit(x -> Math.tanh(x[0]) + x[1] * x[1], pts);
    assertThat(a.exhaustive()).isFalse();
    assertThat(a.pairs()).isEqualTo(2000);
    assertThat(a).isEqualTo(b);
    assertThat(a.worstPairs()).hasSize(10);
    assertThat(a.worstPairs()).allSatisfy(p -> assertThat(p.i()).isLessThan(p.j()));
  }

  @Test
  void topZero_keepsNoPairsButStillCounts() {
    LipschitzResult r = LipschitzAudit.builder().bound(4).top(0).build().audit(LINEAR, POINTS);
    assertThat(r.worstPairs()).isEmpty();
    assertThat(r.violations()).isEqualTo(3);
    assertThat(r.maxRatio()).isEqualTo(5.0);
  }

  @Test
  void logTo_logsFourMetrics() {
    InMemoryRun run = InMemoryRun.create("test");
    LipschitzResult r = LipschitzAudit.builder().bound(4).build().audit(LINEAR, POINTS);
    assertThat(r.logTo(run)).isSameAs(r);
    assertThat(run.latestMetrics())
        .containsExactly(
            entry("fairness.individual.lipschitz.max_ratio", 5.0),
            entry("fairness.individual.lipschitz.violation_share", 0.3),
            entry("fairness.individual.lipschitz.violations", 3.0),
            entry("fairness.individual.lipschitz.pairs", 10.0));
    assertThatThrownBy(() -> r.logTo(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("run must not be null");
  }

  @Test
  void defaults_areEuclideanBoundOneAndToBuilderStartsFromThem() {
    // By hand (see the first test): ratios above L = 1 are 5, 3, 4.919, 5, 3.536, 3 -> 6 of 10
    LipschitzResult r = LipschitzAudit.defaults().audit(LINEAR, POINTS);
    assertThat(r.bound()).isEqualTo(1.0);
    assertThat(r.distance()).isEqualTo("euclidean");
    assertThat(r.violations()).isEqualTo(6);
    assertThat(r.worstPairs()).hasSize(10); // all 10 pairs: the default keeps the top 10
    LipschitzAudit top2 = LipschitzAudit.defaults().toBuilder().top(2).build();
    assertThat(top2.audit(LINEAR, POINTS).worstPairs()).hasSize(2);
    assertThat(top2.audit(LINEAR, POINTS).violations()).isEqualTo(6);
  }

  @Test
  void badInput_failsNamingTheArgument() {
    LipschitzAudit audit = LipschitzAudit.builder().build();
    assertThatThrownBy(() -> audit.audit(null, POINTS))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("model must not be null");
    assertThatThrownBy(() -> audit.audit(LINEAR, new double[][] {{1, 2}}))
        .hasMessage("points.length must be at least 2, but was 1");
    assertThatThrownBy(() -> audit.audit(LINEAR, new double[][] {{1, 2}, {1}}))
        .hasMessage("points[1] must have 2 elements (as points[0]), but had 1");
    assertThatThrownBy(() -> audit.audit(x -> Double.NaN, POINTS))
        .hasMessage("model(points[0]) must be a number, but was NaN");
    assertThatThrownBy(() -> LipschitzAudit.builder().bound(Double.NaN))
        .hasMessage("bound must be non-negative and finite, but was NaN");
    assertThatThrownBy(() -> LipschitzAudit.builder().pairs(0))
        .hasMessage("pairs must be positive, but was 0");
  }

  @Test
  void save_writesJsonOrHtmlByTheFileName(@TempDir Path dir) throws Exception {
    Distance x0Only = Distance.of("<x0>", (a, b) -> Math.abs(a[0] - b[0]));
    LipschitzResult r =
        LipschitzAudit.builder()
            .distance(x0Only)
            .build()
            .audit(x -> x[1], new double[][] {{0, 0}, {0, 1}, {2, 0}});
    r.save(dir.resolve("lipschitz.json"));
    r.save(dir.resolve("lipschitz.html"));
    assertThat(JsonBody.of(Files.readString(dir.resolve("lipschitz.json")), "mlops4j.lipschitz"))
        .isEqualTo(JsonBody.of(r.toJson(), "mlops4j.lipschitz"));
    // the distance's name is escaped; an infinite ratio is printed as a word
    assertThat(Files.readString(dir.resolve("lipschitz.html")))
        .isEqualTo(r.toHtml())
        .contains("&lt;x0&gt;")
        .doesNotContain("<x0>")
        .contains(">Infinity</td>");
  }

  /** Invariant: a linear model never exceeds |w| under the Euclidean distance (Cauchy-Schwarz). */
  @Property(tries = 50)
  void linearModel_neverExceedsTheNormOfItsWeights(
      @ForAll @DoubleRange(min = -10, max = 10) double w0,
      @ForAll @DoubleRange(min = -10, max = 10) double w1,
      @ForAll @IntRange(min = 2, max = 80) int n,
      @ForAll long seed) {
    double norm = Math.hypot(w0, w1);
    LipschitzResult r =
        LipschitzAudit.builder()
            .bound(norm * (1 + 1e-12))
            .pairs(500)
            .seed(seed)
            .build()
            .audit(x -> w0 * x[0] + w1 * x[1], randomPoints(n, 2, seed));
    assertThat(r.maxRatio()).isLessThanOrEqualTo(norm * (1 + 1e-12));
    assertThat(r.violations()).isZero();
  }

  static double[][] randomPoints(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextDouble() * 4 - 2;
      }
    }
    return x;
  }
}
