package org.mlops4j.benchmarks.privacy;

import java.util.concurrent.TimeUnit;
import org.mlops4j.privacy.PseudonymKey;
import org.mlops4j.privacy.Pseudonymizer;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pseudonymising 1,000,000 identifiers ({@code C-0000000} to {@code C-0999999}, 9 characters) with
 * AES-SIV under a Tink keyset, on one thread ({@code pseudonymizeMillion}, milliseconds per
 * million; the bar is 2 s), and turning 1,000,000 pseudonyms back ({@code
 * reidentifyMillion}).
 *
 * <pre>
 * flock /tmp/bench.lock sh -c 'cd /work/main &amp;&amp; mvn -B -ntp -o -q -pl benchmarks package -DskipTests
 *     &amp;&amp; cp benchmarks/target/benchmarks.jar /tmp/privacy-bench.jar'
 * java -jar /tmp/privacy-bench.jar 'privacy\..*' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * Results: docs/perf/privacy.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PseudonymizeBenchmark {

  @Param({"1000000"})
  int identifiers;

  String[] ids;
  String[] pseudonyms;
  Pseudonymizer pseudonymizer;

  @Setup(Level.Trial)
  public void setUp() {
    pseudonymizer = Pseudonymizer.builder(PseudonymKey.generate()).domain("customer_id").build();
    ids = new String[identifiers];
    pseudonyms = new String[identifiers];
    for (int i = 0; i < identifiers; i++) {
      ids[i] = String.format("C-%07d", i);
      pseudonyms[i] = pseudonymizer.pseudonymize(ids[i]);
    }
  }

  /** One million identifiers to pseudonyms. */
  @Benchmark
  public void pseudonymizeMillion(Blackhole bh) {
    for (String id : ids) {
      bh.consume(pseudonymizer.pseudonymize(id));
    }
  }

  /** One million pseudonyms back to identifiers. */
  @Benchmark
  public void reidentifyMillion(Blackhole bh) {
    for (String p : pseudonyms) {
      bh.consume(pseudonymizer.reidentify(p));
    }
  }
}
