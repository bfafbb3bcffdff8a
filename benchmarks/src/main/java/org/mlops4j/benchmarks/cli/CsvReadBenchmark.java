package org.mlops4j.benchmarks.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mlops4j.cli.Main;
import org.mlops4j.cli.internal.CsvTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import picocli.CommandLine;

/**
 * Reading a CSV file into typed columns ({@code CsvTable.read}) and a whole {@code mlops drift
 * --json} run in-process, on two generated files of {@code rows} rows with the header {@code
 * x,age,flag,city}: a Gaussian with 6 decimals, an integer 18..90, a 0/1 flag and a categorical
 * column of 8 levels (one of them a quoted field with a comma); seeds 42 and 43, the current file's
 * Gaussian shifted by 0.05. The files are written once to {@code $TMPDIR/mlops-cli-bench-<rows>-
 * {ref,cur}.csv}, which the Python peer {@code benchmarks/python/cli_csv_peer.py} reads too.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar cli.CsvReadBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * (unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 benchmarks/python/cli_csv_peer.py)
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvReadBenchmark {

  private static final String[] CITIES = {
    "Paris", "Lyon", "Lille", "\"Nantes, FR\"", "Nice", "Brest", "Metz", "Caen"
  };

  @Param({"1000000"})
  int rows;

  Path reference;
  Path current;
  Path json;

  @Setup
  public void setUp() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    reference = tmp.resolve("mlops-cli-bench-" + rows + "-ref.csv");
    current = tmp.resolve("mlops-cli-bench-" + rows + "-cur.csv");
    json = Files.createTempFile("mlops-cli-bench", ".json");
    write(reference, 42, 0.0);
    write(current, 43, 0.05);
  }

  private void write(Path file, long seed, double shift) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    Random random = new Random(seed);
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("x,age,flag,city\n");
      for (int i = 0; i < rows; i++) {
        w.write(
            String.format(
                java.util.Locale.ROOT,
                "%.6f,%d,%d,%s%n",
                random.nextGaussian() + shift,
                18 + random.nextInt(73),
                random.nextInt(2),
                CITIES[random.nextInt(CITIES.length)]));
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Benchmark
  public CsvTable readCsv() {
    return CsvTable.read(reference);
  }

  @Benchmark
  public int driftCommand() {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(
        "drift",
        "--reference",
        reference.toString(),
        "--current",
        current.toString(),
        "--json",
        json.toString());
  }
}
