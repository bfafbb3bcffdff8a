package org.mlops4j.core.tracking;

import java.nio.file.Path;
import java.time.Duration;
import org.mlops4j.api.tracking.Run;

/**
 * The child JVM of {@link CrashRecoveryTest}: logs metrics into a store as fast as it can, flushes
 * every 500 points and prints {@code flushed <n>} once the first n points of each metric are
 * durable, until it is killed.
 */
public final class CrashChild {

  private CrashChild() {}

  /**
   * @param args the store's root folder
   */
  public static void main(String[] args) {
    LocalTracker t =
        LocalTracker.builder()
            .root(Path.of(args[0]))
            .flushInterval(Duration.ofMillis(10))
            .provenance(TestSupport::fixedProvenance)
            .build();
    Run run = t.startRun("crash", "victim");
    System.out.println("run " + run.id());
    System.out.flush();
    for (long i = 0; i < 50_000_000L; i++) {
      run.logMetric("a", i, i);
      run.logMetric("b/c", i * 0.5, i);
      if ((i + 1) % 500 == 0) {
        run.flush();
        System.out.println("flushed " + (i + 1));
        System.out.flush();
      }
      if ((i + 1) % 2000 == 0) {
        run.setTag("progress", Long.toString(i + 1));
      }
    }
    t.close();
  }
}
