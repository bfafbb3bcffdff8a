package org.mlops4j.explain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;

/**
 * A bounded pool that runs independent tasks 0..n-1. Each task writes its own slot, so results do
 * not depend on scheduling; the failure of the lowest-numbered failing task is rethrown.
 */
public final class Parallel implements AutoCloseable {
  private final int threads;
  private @Nullable ExecutorService pool;

  private Parallel(int threads) {
    this.threads = threads;
  }

  /**
   * @param threads the most threads (1: everything in the calling thread)
   * @return a pool, started lazily; close it when done
   */
  public static Parallel of(int threads) {
    return new Parallel(threads);
  }

  /**
   * Runs tasks 0..n-1 on a pool of at most {@code threads} threads, closed at the end.
   *
   * @param tasks the number of tasks
   * @param threads the most threads to use (1: in the calling thread)
   * @param task the task body, given its number
   */
  public static void forEach(int tasks, int threads, IntConsumer task) {
    try (Parallel p = of(threads)) {
      p.run(tasks, task);
    }
  }

  /**
   * Runs tasks 0..n-1 and waits for all of them.
   *
   * @param tasks the number of tasks
   * @param task the task body, given its number
   */
  public void run(int tasks, IntConsumer task) {
    if (Math.min(threads, tasks) <= 1) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    ExecutorService p = pool;
    if (p == null) {
      p =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread th = new Thread(r, "mlops4j-explain");
                th.setDaemon(true);
                return th;
              });
      pool = p;
    }
    List<Future<?>> futures = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      int k = i;
      futures.add(p.submit(() -> task.accept(k)));
    }
    RuntimeException first = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof Error err) {
          throw err;
        }
        if (first == null) {
          first =
              c instanceof RuntimeException re
                  ? re
                  : new MlopsException("explain task failed: " + c, c);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MlopsException("explain task interrupted", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void close() {
    ExecutorService p = pool;
    if (p != null) {
      p.shutdownNow();
      pool = null;
    }
  }
}
