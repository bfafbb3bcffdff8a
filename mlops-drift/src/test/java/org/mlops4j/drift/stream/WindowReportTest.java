package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class WindowReportTest {

  private static WindowReport report(boolean dataDrift, boolean predictionDrift) {
    return new WindowReport(
        2,
        Instant.EPOCH,
        Instant.ofEpochSecond(60),
        10,
        dataDrift ? Optional.of(WindowChecks.oneFeature("a", 0.5, true)) : Optional.empty(),
        dataDrift,
        OptionalDouble.of(0.125),
        predictionDrift,
        3,
        1,
        0,
        DriftState.STABLE,
        LatencySummary.EMPTY);
  }

  @Test
  void drifted_isDataOrPredictionDrift() {
    assertThat(report(false, false).drifted()).isFalse();
    assertThat(report(true, false).drifted()).isTrue();
    assertThat(report(false, true).drifted()).isTrue();
  }

  @Test
  void toString_namesTheDriftedFeaturesAndThePsi() {
    assertThat(report(true, false).toString())
        .startsWith(
            "WindowReport[#2 1970-01-01T00:00:00Z..1970-01-01T00:01:00Z n=10 dataDrift=true a"
                + " [numeric] psi=0.500000 DRIFT")
        .contains("psi=0.1250 feedback=3 errors=1");
  }
}
