package org.mlops4j.benchmarks.stream;

import java.util.concurrent.TimeUnit;
import moa.classifiers.core.driftdetection.ADWIN;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The peer of {@link DetectorBenchmark}: MOA 2024.07.0's detectors ({@code
 * nz.ac.waikato.cms.moa:moa}, GPL-3.0) on the same data, same batch, with MOA's default options.
 *
 * <p>MOA is never a dependency of this project, so this file is not part of the benchmarks module:
 * {@code benchmarks/scripts/moa_peer.sh} downloads MOA into a temporary folder, compiles this class
 * there against MOA and {@code benchmarks/target/benchmarks.jar} (for {@code StreamData} and JMH),
 * runs it, and deletes the folder.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MoaPeerBenchmark {

  private double[] errors;
  private double[] gaussian;
  private double[] alternating;
  private ADWIN adwin;
  private ADWIN adwinOnErrors;
  private ADWIN adwinAlt;
  private DDM ddm;
  private EDDM eddm;
  private PageHinkleyDM pageHinkley;
  private HDDM_A_Test hddmA;

  @Setup
  public void setup() {
    errors = StreamData.errors(1);
    gaussian = StreamData.gaussian(2);
    alternating = StreamData.alternating(3);
    adwin = new ADWIN(0.002);
    adwinOnErrors = new ADWIN(0.002);
    adwinAlt = new ADWIN(0.002);
    ddm = new DDM();
    ddm.prepareForUse();
    eddm = new EDDM();
    eddm.prepareForUse();
    pageHinkley = new PageHinkleyDM();
    pageHinkley.prepareForUse();
    hddmA = new HDDM_A_Test();
    hddmA.prepareForUse();
  }

  @Benchmark
  @OperationsPerInvocation(StreamData.BATCH)
  public int adwinGaussian() {
    int drifts = 0;
    for (double x : gaussian) {
      if (adwin.setInput(x)) {
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
      if (adwinAlt.setInput(x)) {
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
      if (adwinOnErrors.setInput(x)) {
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
      ddm.input(x);
      if (ddm.getChange()) {
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
      eddm.input(x);
      if (eddm.getChange()) {
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
      pageHinkley.input(x);
      if (pageHinkley.getChange()) {
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
      hddmA.input(x);
      if (hddmA.getChange()) {
        drifts++;
      }
    }
    return drifts;
  }
}
