package org.mlops4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a file write costs when it must never be torn ({@link Durability#ATOMIC}: temporary file and
 * atomic rename) and when it must also survive a power loss ({@link Durability#DURABLE}: the same,
 * plus {@code fsync} of the file before the rename and of the folder after it), against the peer a
 * user would write without mlops4j: {@link Files#write} over the file in place ({@code plainWrite},
 * which a crash can leave empty or half written). {@code plainWriteForced} is the in-place write
 * followed by one {@code fsync} of the file: the price of durability without atomicity.
 *
 * <p>Each invocation replaces the same file with {@code bytes} bytes of random data (1 KiB: a
 * {@code meta.yaml}, a lock or a small JSON report; 1 MiB: an HTML report), as a store rewrites its
 * metadata. The files live in a new folder under {@code -Dmlops.bench.dir} (default the JVM's
 * {@code java.io.tmpdir}), deleted at the end. Put it on the file system whose cost you want: on
 * {@code tmpfs} an {@code fsync} does nothing, so DURABLE costs what ATOMIC costs there.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AtomicWrite -f 1 -wi 2 -i 5 -w 1s -r 2s
 * -jvmArgsAppend -Dmlops.bench.dir=/path/on/the/disk}. Report each mode as a ratio to {@code
 * plainWrite} of the same size, measured in the same session; docs/PERFORMANCE.md, "Atomic and
 * durable file writes", has the figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AtomicWriteBenchmark {

  /** Size of each write: 1 KiB and 1 MiB. */
  @Param({"1024", "1048576"})
  public int bytes;

  private Path dir;
  private Path target;
  private byte[] data;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path base =
        Path.of(System.getProperty("mlops.bench.dir", System.getProperty("java.io.tmpdir")));
    dir = Files.createTempDirectory(base, "mlops-atomic-write-bench").toRealPath();
    target = dir.resolve("target.bin");
    data = new byte[bytes];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) random.nextInt(256);
    }
    Files.write(target, data);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    AtomicFiles.deleteRecursively(dir);
  }

  /** The peer: {@code Files.write} truncates and rewrites the file in place. */
  @Benchmark
  public Path plainWrite() throws IOException {
    return Files.write(target, data);
  }

  /** The peer with one {@code fsync} of the file: durable, but a crash can still tear it. */
  @Benchmark
  public Path plainWriteForced() throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            target,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    return target;
  }

  /** Temporary file beside the target, atomic rename; nothing forced to the device. */
  @Benchmark
  public Path atomic() throws IOException {
    AtomicFiles.write(target, data, Durability.ATOMIC);
    return target;
  }

  /** As {@link #atomic()}, plus fsync of the temporary file and of the folder. */
  @Benchmark
  public Path durable() throws IOException {
    AtomicFiles.write(target, data, Durability.DURABLE);
    return target;
  }
}
