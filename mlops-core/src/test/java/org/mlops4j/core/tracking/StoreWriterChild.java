package org.mlops4j.core.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.api.tracking.Run;

/**
 * A child JVM of {@link TwoProcessesTest}: opens the store, prints {@code ready}, waits for the go
 * file, then for each of {@link TwoProcessesTest#EXPERIMENTS} experiments starts a run, logs a
 * param and {@link TwoProcessesTest#POINTS} metric points, and closes it; prints {@code done}.
 */
public final class StoreWriterChild {

  private StoreWriterChild() {}

  /**
   * @param args the store's root folder, the go file, this writer's name
   */
  public static void main(String[] args) throws Exception {
    Path go = Path.of(args[1]);
    try (LocalTracker t =
        LocalTracker.builder()
            .root(Path.of(args[0]))
            .provenance(TestSupport::fixedProvenance)
            .build()) {
      System.out.println("ready");
      System.out.flush();
      while (!Files.exists(go)) {
        Thread.sleep(1);
      }
      for (int e = 0; e < TwoProcessesTest.EXPERIMENTS; e++) {
        try (Run run = t.startRun("shared-" + e, args[2])) {
          run.logParam("writer", args[2]);
          for (int i = 0; i < TwoProcessesTest.POINTS; i++) {
            run.logMetric("m", i, i);
          }
        }
      }
    }
    System.out.println("done");
    System.out.flush();
  }
}
