package org.mlops4j.benchmarks.slices;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The slice search of issue 18: 1,000,000 rows, 10 categorical features of 20 values each, slices
 * up to two features deep (200 single values, 45 pairs of features of 400 cells each: about 18,200
 * slices examined, Benjamini–Hochberg over all of them). {@code audit} searches prepared data (the
 * String columns already encoded by {@code SliceData.feature}); {@code encodeAndAudit} starts from
 * the String columns, as the CLI does after reading a CSV file. The error rate is 0.1, and 0.3 in
 * the planted slice {@code f3=v7|f8=v2}.
 *
 * <pre>
 * flock /tmp/bench.lock sh -c 'cd /work/main &amp;&amp; mvn -B -ntp -o -q -pl benchmarks package -DskipTests
 *     &amp;&amp; cp benchmarks/target/benchmarks.jar /tmp/slices-bench.jar'
 * java -jar /tmp/slices-bench.jar 'slices\..*' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * Results: docs/perf/slices.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SliceFinderBenchmark {

  @Param({"1000000"})
  int rows;

  @Param({"10"})
  int features;

  @Param({"20"})
  int values;

  String[] labels;
  String[] predictions;
  String[][] columns;
  SliceData data;
  SliceFinder finder;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    String[] names = new String[values];
    for (int v = 0; v < values; v++) {
      names[v] = "v" + v;
    }
    labels = new String[rows];
    predictions = new String[rows];
    columns = new String[features][rows];
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < features; f++) {
        columns[f][i] = names[random.nextInt(values)];
      }
      boolean planted = columns[3][i].equals("v7") && columns[8][i].equals("v2");
      labels[i] = random.nextBoolean() ? "yes" : "no";
      boolean wrong = random.nextDouble() < (planted ? 0.3 : 0.1);
      predictions[i] = wrong == labels[i].equals("yes") ? "no" : "yes";
    }
    finder = SliceFinder.builder().maxDepth(2).build();
    data = prepare();
    SliceReport check = finder.audit(data);
    if (!check.significant().get(0).name().equals("f3=v7|f8=v2")) {
      throw new IllegalStateException("planted slice not found first: " + check);
    }
  }

  private SliceData prepare() {
    SliceData d = SliceData.of(labels, predictions);
    for (int f = 0; f < features; f++) {
      d = d.feature("f" + f, columns[f]);
    }
    return d;
  }

  /**
   * @return the report of prepared data
   */
  @Benchmark
  public SliceReport audit() {
    return finder.audit(data);
  }

  /**
   * @return the report, from the String columns
   */
  @Benchmark
  public SliceReport encodeAndAudit() {
    return finder.audit(prepare());
  }
}
