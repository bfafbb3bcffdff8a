package org.mlops4j.benchmarks.features;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.drift.Columns;
import org.mlops4j.features.CategoryEncoder;
import org.mlops4j.features.FeaturePipeline;
import org.mlops4j.features.FeatureRow;
import org.mlops4j.features.NumericSteps;
import org.mlops4j.features.UnseenPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serving one record of 50 input features through a fitted {@code FeaturePipeline} into a
 * preallocated array ({@code applyInto}): 25 numeric fields median-imputed and standardised, 10
 * mean-imputed and Yeo-Johnson transformed, 5 log1p then min-max, 5 quantile-bucketed (10 buckets),
 * 3 categorical one-hot (8 labels, unknown slot) and 2 hashed (16 outputs); 5% missing values;
 * 1,024 different records cycled; fitted on 5,000 generated rows (seed 42). {@code applyBatchRow}
 * is the batch path per row ({@code apply(Columns)} of 1,024 rows, divided by 1,024 by the reader).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'features\..*' -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeatureServingBenchmark {

  private static final int ROWS = 1024;
  private static final String[] LABELS = {"a", "b", "c", "d", "e", "f", "g", "h"};

  /**
   * Whether the 10 "y" fields use Yeo-Johnson (true) or standard scaling (false), to see its cost.
   */
  @Param({"true", "false"})
  boolean power;

  FeaturePipeline pipeline;
  FeatureRow[] rows;
  double[] out;
  int next;
  Columns batch;

  @Setup
  public void setUp() {
    FeaturePipeline.Builder b = FeaturePipeline.builder();
    for (int i = 0; i < 25; i++) {
      b.numeric("s" + i, NumericSteps.medianImputer(), NumericSteps.standard());
    }
    for (int i = 0; i < 10; i++) {
      b.numeric(
          "y" + i,
          NumericSteps.meanImputer(),
          power ? NumericSteps.yeoJohnson() : NumericSteps.standard());
    }
    for (int i = 0; i < 5; i++) {
      b.numeric(
          "l" + i, NumericSteps.constantImputer(0), NumericSteps.log1p(), NumericSteps.minMax());
    }
    for (int i = 0; i < 5; i++) {
      b.numeric("q" + i, NumericSteps.quantileBuckets(10));
    }
    for (int i = 0; i < 3; i++) {
      b.categorical("c" + i, CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN));
    }
    for (int i = 0; i < 2; i++) {
      b.categorical("h" + i, CategoryEncoder.hashing(16));
    }
    FeaturePipeline unfitted = b.build();
    pipeline = unfitted.fit(data(unfitted, 5000, 42));
    batch = data(unfitted, ROWS, 43);
    rows = new FeatureRow[ROWS];
    for (int r = 0; r < ROWS; r++) {
      FeatureRow row = pipeline.newRow();
      for (String name : pipeline.inputs()) {
        if (batch.type(name) == org.mlops4j.drift.ColumnType.NUMERIC) {
          row.set(name, batch.numeric(name)[r]);
        } else {
          row.set(name, batch.categorical(name)[r]);
        }
      }
      rows[r] = row;
    }
    out = new double[pipeline.width()];
  }

  private static Columns data(FeaturePipeline p, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Columns.Builder c = Columns.builder();
    for (String name : p.inputs()) {
      if (name.startsWith("c") || name.startsWith("h")) {
        String[] l = new String[n];
        for (int i = 0; i < n; i++) {
          l[i] = rnd.nextDouble() < 0.05 ? null : LABELS[rnd.nextInt(LABELS.length)];
        }
        c.categorical(name, l);
      } else {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = rnd.nextDouble() < 0.05 ? Double.NaN : Math.exp(rnd.nextGaussian()) * 10;
        }
        c.numeric(name, x);
      }
    }
    return c.build();
  }

  /**
   * @return the output array
   */
  @Benchmark
  public double[] applyInto() {
    FeatureRow row = rows[next];
    next = (next + 1) & (ROWS - 1);
    return pipeline.applyInto(row, out);
  }

  /**
   * @return the outputs of 1,024 rows
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double[][] applyBatch1024() {
    return pipeline.apply(batch);
  }
}
