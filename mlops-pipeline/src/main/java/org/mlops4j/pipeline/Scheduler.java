package org.mlops4j.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a task once per stage, each only after the tasks of the stages it reads from have finished:
 * with one thread, in dependency order on the calling thread; with more, on a pool of daemon
 * threads named {@code mlops-pipeline-<n>}, so that independent stages run at once. The pool is
 * shut down when every task has finished.
 */
final class Scheduler {
  private Scheduler() {}

  /**
   * @param order the stages in dependency order
   * @param upstream for every stage, the names of the stages it reads from
   * @param threads how many tasks may run at once, at least 1
   * @param task what to do per stage; it should not throw (record a failure instead): a throw skips
   *     the tasks that depend on it and is rethrown once the others have finished
   */
  static void run(
      List<Stage> order, Map<String, List<String>> upstream, int threads, Consumer<Stage> task) {
    if (threads == 1) {
      for (Stage s : order) {
        task.accept(s);
      }
      return;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "mlops-pipeline-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
      for (Stage s : order) {
        CompletableFuture<?>[] deps =
            upstream.get(s.name()).stream().map(futures::get).toArray(CompletableFuture[]::new);
        futures.put(
            s.name(), CompletableFuture.allOf(deps).thenRunAsync(() -> task.accept(s), pool));
      }
      CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }
}
