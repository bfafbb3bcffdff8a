package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReferenceStreamTest {

  @Test
  void level_isPiecewiseLinearThroughThePoints_andConstantOutside() {
    double[][] points = {{10, 0.1}, {20, 0.4}, {30, 0.4}, {31, 0.0}};
    // by hand: before 10 and at 10: 0.1; at 15: 0.1 + 0.3 * 0.5 = 0.25; at 20..30: 0.4;
    // at 31 and after: 0.0
    assertThat(ReferenceStream.level(points, 0)).isEqualTo(0.1);
    assertThat(ReferenceStream.level(points, 10)).isEqualTo(0.1);
    assertThat(ReferenceStream.level(points, 15)).isEqualTo(0.1 + (0.4 - 0.1) * 0.5);
    assertThat(ReferenceStream.level(points, 25)).isEqualTo(0.4);
    assertThat(ReferenceStream.level(points, 31)).isEqualTo(0.0);
    assertThat(ReferenceStream.level(points, 1000)).isEqualTo(0.0);
  }

  @Test
  void streams_areTheDrawsOfTheDetectorTests() {
    // the same draws as Streams.bernoulli / Streams.gauss, so the MOA figures quoted in the
    // detector tests and the fixture describe the same streams
    double[] errors =
        ReferenceStream.generate(
            "bernoulli", 7, 4000, new double[][] {{1999, 0.1}, {2000, 0.4}}, 0);
    double[] gauss =
        ReferenceStream.generate("gaussian", 42, 2000, new double[][] {{999, 0}, {1000, 1}}, 1.0);
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 4000; i++) {
      assertThat(errors[i]).isEqualTo(Streams.bernoulli(a, i >= 2000 ? 0.4 : 0.1));
    }
    for (int i = 0; i < 2000; i++) {
      assertThat(gauss[i]).isEqualTo(Streams.gauss(b) + (i >= 1000 ? 1.0 : 0.0));
    }
    assertThatThrownBy(() -> ReferenceStream.generate("poisson", 1, 1, new double[][] {{0, 1}}, 0))
        .hasMessage("kind must be bernoulli or gaussian, but was poisson");
  }

  @Test
  void fixture_coversEveryDetectorWithUniqueCaseNames() {
    List<MoaReference.Case> cases = MoaReference.all();
    assertThat(cases).hasSize(37);
    assertThat(cases.stream().map(MoaReference.Case::id).distinct()).hasSize(cases.size());
    assertThat(new TreeSet<>(cases.stream().map(MoaReference.Case::moaClass).toList()))
        .containsExactly(
            "moa.classifiers.core.driftdetection.ADWIN",
            "moa.classifiers.core.driftdetection.ADWINChangeDetector",
            "moa.classifiers.core.driftdetection.DDM",
            "moa.classifiers.core.driftdetection.EDDM",
            "moa.classifiers.core.driftdetection.HDDM_A_Test",
            "moa.classifiers.core.driftdetection.PageHinkleyDM");
    // every configuration named in the fixture is one the detector tests can build
    cases.forEach(c -> assertThat(MoaReference.ours(c.ours())).isNotNull());
  }
}
