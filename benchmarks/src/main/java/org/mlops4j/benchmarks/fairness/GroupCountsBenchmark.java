package org.mlops4j.benchmarks.fairness;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.fairness.GroupCodes;
import org.mlops4j.fairness.GroupCounts;
import org.mlops4j.fairness.GroupMetrics;
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
 * Group confusion counts and every rate (with Wilson intervals) for 10,000,000 rows and 4 groups
 * from byte arrays of labels, predictions and group codes ({@code countsAndRates}), and separately
 * the encoding of a String group column into codes ({@code encodeGroups}).
 *
 * <p>Python peer: {@code benchmarks/python/fairness_bincount.py}, {@code np.bincount(group*4 + y*2
 * + yhat)} on int8 arrays. Run both in the same shell session:
 *
 * <pre>
 * mvn -B -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'fairness.GroupCountsBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * (unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 benchmarks/python/fairness_bincount.py)
 * </pre>
 *
 * Results and ratios: docs/perf/fairness.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GroupCountsBenchmark {

  @Param({"10000000"})
  int rows;

  private static final String[] NAMES = {"a", "b", "c", "d"};

  byte[] labels;
  byte[] predictions;
  byte[] groups;
  String[] groupColumn;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    labels = new byte[rows];
    predictions = new byte[rows];
    groups = new byte[rows];
    groupColumn = new String[rows];
    for (int i = 0; i < rows; i++) {
      int g = random.nextInt(4);
      int y = random.nextInt(2);
      groups[i] = (byte) g;
      labels[i] = (byte) y;
      predictions[i] = (byte) (random.nextInt(10) < 7 ? y : 1 - y);
      groupColumn[i] = NAMES[g];
    }
  }

  /** Counts per group and cell, then all 11 rates of each group with Wilson intervals. */
  @Benchmark
  public List<GroupMetrics> countsAndRates() {
    return GroupCounts.ofCodes(labels, predictions, groups, NAMES).metrics(30, 0.95);
  }

  /** Encodes 10M String group values (4 distinct) into dense codes. */
  @Benchmark
  public GroupCodes encodeGroups() {
    return GroupCodes.encode("group", groupColumn);
  }
}
