package org.mlops4j.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;

/**
 * Runs one transfer action per item, several at once, for {@link Data} and {@link TrackingRemote}:
 * after the first failure no new one starts, and the call throws at the end naming how many failed
 * and the first cause. Progress goes to the listener from the transfer threads.
 */
final class ParallelTransfers {
  private ParallelTransfers() {}

  /** Transfers one item; returns its size in bytes. */
  @FunctionalInterface
  interface Action<T> {
    long apply(T item) throws IOException;
  }

  /** The objects and bytes done so far. */
  static final class Tally {
    final AtomicInteger count = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
  }

  /**
   * @param op the operation, for thread names and messages ({@code push}, {@code fetch}, ...)
   * @param url the remote, for messages
   * @param parallel how many at once
   * @param listener told of each item done or failed
   * @param items what to transfer
   * @param hash an item's SHA-256, for the listener
   * @param key an item's remote key, for messages
   * @param action the transfer of one item
   * @param tally counts what was done
   * @throws MlopsException if one failed ({@code <op> <url> failed for <n> of <m> objects ...}) or
   *     the calling thread was interrupted
   */
  static <T> void run(
      String op,
      String url,
      int parallel,
      TransferListener listener,
      List<T> items,
      Function<T, String> hash,
      Function<T, String> key,
      Action<T> action,
      Tally tally) {
    if (items.isEmpty()) {
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<@Nullable Exception> first = new AtomicReference<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallel, items.size()),
            task -> {
              Thread t = new Thread(task, "mlops4j-" + op);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (T o : items) {
        fs.add(
            pool.submit(
                () -> {
                  if (stop.get()) {
                    skipped.incrementAndGet();
                    return;
                  }
                  try {
                    long size = action.apply(o);
                    tally.count.incrementAndGet();
                    tally.bytes.addAndGet(size);
                    listener.transferred(hash.apply(o), size);
                  } catch (IOException | RuntimeException e) {
                    stop.set(true);
                    failed.incrementAndGet();
                    first.compareAndSet(
                        null, new IOException(key.apply(o) + ": " + e.getMessage(), e));
                    listener.failed(hash.apply(o), String.valueOf(e.getMessage()));
                  }
                }));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stop.set(true);
          throw new MlopsException(op + " " + url + " interrupted", e);
        } catch (ExecutionException e) {
          throw new MlopsException(op + " " + url + " failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Exception e = first.get();
    if (e != null) {
      Throwable cause = e.getCause() instanceof MlopsException me ? me : e;
      throw new MlopsException(
          op
              + " "
              + url
              + " failed for "
              + failed.get()
              + " of "
              + items.size()
              + " objects ("
              + skipped.get()
              + " not tried after the first failure); what was transferred stays: run "
              + op
              + " again to resume. First failure: "
              + e.getMessage(),
          cause);
    }
  }
}
