package org.mlops4j.storage.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataTransfer;
import org.mlops4j.pipeline.RemoteStorage;

/**
 * Not a test (no timed unit tests): a harness for docs/perf/data.md, run by hand. Pushes 1,000
 * small files (1 KiB each) to S3Proxy started in this process on a loopback port, with the default
 * 8 transfers at once and with 1 (one upload after the other), each round to a fresh prefix, and
 * prints every round and the medians.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl mlops-storage-s3 test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/s3cp.txt -Dmdep.includeScope=test
 * java -cp mlops-storage-s3/target/test-classes:mlops-storage-s3/target/classes:$(cat /tmp/s3cp.txt) \
 *     org.mlops4j.storage.s3.S3PushHarness [rounds] [backend: transient|filesystem] [latencyMs]
 *     [parallel transfers, default 8]
 * </pre>
 */
public final class S3PushHarness {
  private S3PushHarness() {}

  private static RemoteStorage delayed(RemoteStorage s, long ms) {
    return new RemoteStorage() {
      @Override
      public String url() {
        return s.url();
      }

      @Override
      public Set<String> list(String prefix) throws IOException {
        return s.list(prefix);
      }

      @Override
      public void upload(Path file, String key) throws IOException {
        try {
          Thread.sleep(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        s.upload(file, key);
      }

      @Override
      public void download(String key, Path target) throws IOException {
        s.download(key, target);
      }
    };
  }

  /**
   * CPU time (user + system) of the whole process, client and in-process server, from {@code
   * /proc/self/stat} (Linux; clock ticks of 10 ms): unlike the wall time, not inflated by other
   * processes on a loaded machine. -1 elsewhere.
   */
  private static long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String backend = args.length > 1 ? args[1] : "transient";
    // optional: a round-trip time added before each upload, to model a server across a network
    long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
    // optional: how many transfers at once in the parallel rounds (default 8, Data's default)
    int parallelTransfers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Path work = Files.createTempDirectory(Path.of("/tmp"), "mlops-s3-push").toRealPath();
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", work.resolve("s3").toString());
    BlobStoreContext ctx =
        ContextBuilder.newBuilder(backend)
            .credentials("identity", "credential")
            .overrides(props)
            .build(BlobStoreContext.class);
    BlobStore store = ctx.getBlobStore();
    store.createContainerInLocation(null, "bench");
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "a", "s")
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    try {
      Path p = work.resolve("project");
      Path dir = Files.createDirectories(p.resolve("data/small"));
      byte[] b = new byte[1024];
      for (int i = 0; i < 1000; i++) {
        new java.util.Random(i).nextBytes(b);
        Files.write(dir.resolve("f" + i + ".bin"), b);
      }
      Data.create(p).add(Path.of("data/small"));
      List<Double> parallel = new ArrayList<>();
      List<Double> sequential = new ArrayList<>();
      for (int r = -1; r < rounds; r++) { // round -1 warms up
        for (int t : new int[] {parallelTransfers, 1}) {
          try (S3Storage s =
              S3Storage.builder("s3://bench/r" + r + "-t" + t)
                  .endpoint("http://127.0.0.1:" + proxy.getPort())
                  .pathStyle(true)
                  .region("us-east-1")
                  .credentials("a", "s")
                  .build()) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            RemoteStorage remote = latencyMs == 0 ? s : delayed(s, latencyMs);
            DataTransfer tr = Data.builder(p).remote(remote).transfers(t).build().push();
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpu = (cpuNanos() - c0) / 1e6;
            System.out.printf(
                "round %d transfers=%d: %.0f ms, process CPU %.0f ms (%s)%n", r, t, ms, cpu, tr);
            if (r >= 0) {
              (t == parallelTransfers ? parallel : sequential).add(ms);
            }
          }
        }
      }
      Collections.sort(parallel);
      Collections.sort(sequential);
      double mp = parallel.get(parallel.size() / 2);
      double ms = sequential.get(sequential.size() / 2);
      System.out.printf(
          "median: %d at once %.0f ms, one at a time %.0f ms, ratio %.2f%n",
          parallelTransfers, mp, ms, ms / mp);
    } finally {
      proxy.stop();
      ctx.close();
      AtomicFiles.deleteRecursively(work);
    }
  }
}
