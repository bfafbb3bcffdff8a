package org.mlops4j.benchmarks.stream;

import java.util.concurrent.TimeUnit;
import org.mlops4j.drift.stream.Adwin;
import org.mlops4j.drift.stream.Ddm;
import org.mlops4j.drift.stream.DriftState;
import org.mlops4j.drift.stream.Eddm;
import org.mlops4j.drift.stream.HddmA;
import org.mlops4j.drift.stream.PageHinkley;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Updates per second of the concept-drift detectors, one thread, on stationary streams (the common
 * case: no drift, so ADWIN's window keeps growing and its cut checks cover every bucket). One
 * operation = one update; each invocation feeds a batch of 16,384 pre-generated values.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'stream.DetectorBenchmark' -f 1 -wi 3
 * -i 5 -w 1s -r 1s}. Peer: {@code benchmarks/scripts/moa/MoaPeerBenchmark.java} (same data, MOA
 * 2024.07.0), run by {@code benchmarks/scripts/moa_peer.sh}, which downloads MOA into a temporary
 * folder: MOA (GPL-3.0) is never a dependency.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectorBenchmark {

  private double[] errors;
  private double[] gaussian;
  private double[] alternating;
  private Adwin adwin;
  private Adwin adwinOnErrors;
  private Adwin adwinAlt;
  private Ddm ddm;
  private Eddm eddm;
  private PageHinkley pageHinkley;
  private HddmA hddmA;

  @Setup
  public void setup() {
    errors = StreamData.errors(1);
    gaussian = StreamData.gaussian(2);
    alternating = StreamData.alternating(3);
    adwin = Adwin.defaults();
    adwinOnErrors = Adwin.defaults();
    adwinAlt = Adwin.defaults();
    ddm = Ddm.defaults();
    eddm = Eddm.defaults();
    pageHinkley = PageHinkley.defaults();
    hddmA = HddmA.defaults();
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int adwinGaussian() {
    int drifts = 0;
    for (double x : gaussian) {
      if (adwin.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }

  /** Mean shifts every 8,192 values: the cut path runs and the window stays small. */
  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int adwinAlternating() {
    int drifts = 0;
    for (double x : alternating) {
      if (adwinAlt.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int adwinErrors() {
    int drifts = 0;
    for (double x : errors) {
      if (adwinOnErrors.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int ddm() {
    int drifts = 0;
    for (double x : errors) {
      if (ddm.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int eddm() {
    int drifts = 0;
    for (double x : errors) {
      if (eddm.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int pageHinkley() {
    int drifts = 0;
    for (double x : errors) {
      if (pageHinkley.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int hddmA() {
    int drifts = 0;
    for (double x : errors) {
      if (hddmA.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }
}
