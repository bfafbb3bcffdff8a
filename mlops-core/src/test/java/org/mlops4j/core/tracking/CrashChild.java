package org.mlops4j.core.tracking;

import java.nio.file.Path;
import java.time.Duration;
import org.mlops4j.api.tracking.Run;

/**
 * The child JVM of {@link CrashRecoveryTest}: logs metrics into a store as fast as it can, flushes
 * every 500 points and prints {@code flushed <n>} once the first n points of each metric are
 * durable, until it is killed.
 *
 * <p>Given a second argument, the path of a named pipe (FIFO) that no process writes to, it also
 * logs that pipe as an artifact (the copy blocks for ever, so the kill always finds the temporary
 * file of a write in progress), and starts and ends runs and creates experiments in a loop (so that
 * the kill may also land in the middle of making a run or an experiment folder).
 */
public final class CrashChild {

  private CrashChild() {}

  /**
   * @param args the store's root folder, optionally the path of a named pipe
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
    if (args.length > 1) {
      Path fifo = Path.of(args[1]);
      daemon("artifact", () -> run.logArtifact(fifo));
      daemon(
          "churn",
          () -> {
            for (int i = 0; ; i++) {
              if (i % 5 == 0) {
                t.experiment("churn-" + i);
              }
              try (Run r = t.newRun("churn").name("r" + i).seed("split", i).start()) {
                r.logParam("i", Integer.toString(i)).setTag("kind", "churn");
              }
            }
          });
    }
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

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, "crash-child-" + name);
    thread.setDaemon(true);
    thread.start();
  }
}
