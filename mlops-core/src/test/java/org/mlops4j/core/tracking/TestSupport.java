package org.mlops4j.core.tracking;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mlops4j.core.Provenance;

/** Deterministic clocks, ids and provenance for tracker tests. */
final class TestSupport {

  static final String COMMIT = "3f1c0e5a9b7d4c2e8f6a1b3c5d7e9f0a1b2c3d4e";

  private TestSupport() {}

  /** A clock that starts at {@code start} ms and advances 1 ms each time it is read. */
  static final class TickingClock extends Clock {
    private final AtomicLong now;

    TickingClock(long start) {
      this.now = new AtomicLong(start);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return now.getAndIncrement();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }
  }

  static Provenance fixedProvenance(Map<String, Long> seeds) {
    return new Provenance(
        "17.0.15",
        "Debian",
        "Linux",
        "amd64",
        "0.1.0-SNAPSHOT",
        Optional.of(COMMIT),
        Optional.of(false),
        "build-host",
        "tester",
        seeds,
        Instant.parse("2026-11-26T12:00:00Z"));
  }

  /** A builder with a ticking clock, sequential ids and a fixed provenance. */
  static LocalTracker.Builder deterministic(Path root) {
    AtomicLong exp = new AtomicLong(123456789012345600L);
    AtomicInteger run = new AtomicInteger();
    return LocalTracker.builder()
        .root(root)
        .clock(new TickingClock(1_800_000_000_000L))
        .user("tester")
        .experimentIds(() -> Long.toString(exp.incrementAndGet()))
        .runIds(() -> "a" + String.format("%031x", run.incrementAndGet()))
        .provenance(TestSupport::fixedProvenance);
  }
}
