package org.mlops4j.core.tracking;

import java.nio.file.Path;
import java.time.Duration;
import org.mlops4j.api.tracking.Run;

/**
 * The child JVM of {@code MlflowInteropTest}'s SIGTERM test: starts a run, logs and flushes one
 * point, prints {@code run <id>} and waits to be terminated; it never closes the run or the tracker
 * itself.
 */
public final class SigtermChild {

  private SigtermChild() {}

  /**
   * @param args the store's root folder
   */
  public static void main(String[] args) throws InterruptedException {
    LocalTracker t =
        LocalTracker.builder()
            .root(Path.of(args[0]))
            .flushInterval(Duration.ofMillis(10))
            .provenance(TestSupport::fixedProvenance)
            .build();
    Run run = t.startRun("sigterm", "victim");
    run.logMetric("loss", 0.5, 1).flush();
    System.out.println("run " + run.id());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
