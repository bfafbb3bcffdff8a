package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanaryPolicyTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    CanaryPolicy p = CanaryPolicy.defaults();
    assertEquals(0.05, p.share());
    assertEquals(100, p.minRequests());
    assertEquals(50, p.checkEvery());
    assertEquals(0.05, p.maxErrorRate());
    assertEquals(Duration.ofSeconds(1), p.maxP99Latency());
    assertEquals(0.25, p.maxScorePsi());
  }

  @Test
  void share_outsideTheUnitInterval_isRefused() {
    assertEquals(
        "share must be in (0, 1], but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> CanaryPolicy.builder().share(0))
            .getMessage());
    assertEquals(
        "share must be in (0, 1], but was 1.5",
        assertThrows(IllegalArgumentException.class, () -> CanaryPolicy.builder().share(1.5))
            .getMessage());
  }

  @Test
  void latencyBound_mustBePositive() {
    assertEquals(
        "maxP99Latency must be positive, but was PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> CanaryPolicy.builder().maxP99Latency(Duration.ZERO))
            .getMessage());
  }
}
