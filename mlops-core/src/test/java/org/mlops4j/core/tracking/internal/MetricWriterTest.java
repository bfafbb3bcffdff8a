package org.mlops4j.core.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class MetricWriterTest {

  @TempDir Path tmp;

  @Test
  void flush_writesEveryPointLoggedBeforeIt() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    MetricSink sink = new MetricSink(run.resolve("metrics"), run, null);
    MetricWriter writer = new MetricWriter("test-writer", 4, 60_000, 1_000_000);
    try {
      for (int i = 0; i < 10; i++) {
        writer.log(sink, "loss", i / 4.0, i, 1000L + i);
      }
      writer.flush();
      // expected, by hand: "<timestamp> <value in Python repr> <step>" per line
      assertThat(Files.readString(run.resolve("metrics/loss"), StandardCharsets.UTF_8))
          .isEqualTo(
              "1000 0.0 0\n1001 0.25 1\n1002 0.5 2\n1003 0.75 3\n1004 1.0 4\n"
                  + "1005 1.25 5\n1006 1.5 6\n1007 1.75 7\n1008 2.0 8\n1009 2.25 9\n");
    } finally {
      writer.close();
    }
  }

  @Test
  void
      aWriterThreadKilledByAnUnexpectedException_makesFlushAndCloseFailInsteadOfLosingPointsSilently() {
    MetricWriter writer = new MetricWriter("test-writer", 16, 60_000, 1_000_000);
    // a null sink makes the writer thread itself throw (a NullPointerException outside any write)
    writer.log(null, "loss", 1.0, 0, 0);
    assertThatThrownBy(writer::flush)
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("writing metrics failed")
        .hasCauseInstanceOf(NullPointerException.class);
    assertThatThrownBy(writer::close).isInstanceOf(MlopsException.class);
  }

  @Test
  void aMetricFileThatCannotBeWritten_doesNotTakeTheOtherMetricsPointsWithIt() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run"));
    // a regular file where metric 'x/y' needs a folder: that one write must fail
    Files.createDirectories(run.resolve("metrics"));
    Files.writeString(run.resolve("metrics/x"), "0 1.0 0\n");
    MetricSink sink = new MetricSink(run.resolve("metrics"), run, null);
    MetricWriter writer = new MetricWriter("test-writer", 16, 60_000, 1_000_000);
    writer.log(sink, "x/y", 1.0, 0, 7);
    writer.log(sink, "z", 2.5, 3, 8);
    // the failure is the run's (its sink's): flush(sink) reports it, other runs are not poisoned
    writer.flush();
    assertThatThrownBy(() -> writer.flush(sink))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("metrics/x/y");
    // expected, by hand: the line of 'z' was written despite the failure of 'x/y'
    assertThat(Files.readString(run.resolve("metrics/z"), StandardCharsets.UTF_8))
        .isEqualTo("8 2.5 3\n");
    writer.close();
    assertThatThrownBy(() -> writer.flush(sink)).isInstanceOf(MlopsException.class);
  }

  @Test
  void logRacingClose_eitherWritesThePointOrThrows_neverLosesItSilently() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path run = Files.createDirectories(tmp.resolve("race-" + round));
      MetricSink sink = new MetricSink(run.resolve("metrics"), run, null);
      MetricWriter writer = new MetricWriter("test-writer", 8, 60_000, 1_000_000);
      java.util.concurrent.atomic.AtomicLong accepted =
          new java.util.concurrent.atomic.AtomicLong();
      Thread producer =
          new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  try {
                    writer.log(sink, "m", 1.0, i, 1L);
                    accepted.incrementAndGet();
                  } catch (IllegalStateException | MlopsException e) {
                    return; // refused: closed before or while logging
                  }
                }
              });
      producer.start();
      Thread.sleep(round % 5);
      writer.close();
      producer.join(30_000);
      Path file = run.resolve("metrics/m");
      long lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
      // every point whose log() returned normally is in the file
      assertThat(lines).as("round %d", round).isEqualTo(accepted.get());
    }
  }
}
