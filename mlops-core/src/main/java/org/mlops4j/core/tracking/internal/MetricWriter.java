package org.mlops4j.core.tracking.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background writer of metric points. Callers hand points to {@link #log} (a bounded queue, no
 * I/O on their thread); one daemon thread drains the queue, groups the lines per metric file and
 * writes each file's lines with one append. Data reaches the files when {@code maxPendingLines}
 * lines are waiting, when the oldest waiting line is {@code flushInterval} old, and on {@link
 * #flush()} (which returns once everything logged before it is written) and {@link #close()}.
 *
 * <p>Back-pressure: when the queue is full, {@link #log} blocks until the writer has made room, so
 * memory stays bounded (queue capacity plus {@code maxPendingLines} lines) whatever the rate.
 */
public final class MetricWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);
  private static final Object STOP = new Object();
  private static final int DRAIN_BATCH = 8192;
  private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private static final class Point {
    final MetricSink sink;
    final String key;
    final double value;
    final long step;
    final long timestamp;

    Point(MetricSink sink, String key, double value, long step, long timestamp) {
      this.sink = sink;
      this.key = key;
      this.value = value;
      this.step = step;
      this.timestamp = timestamp;
    }
  }

  private static final class Barrier {
    final CountDownLatch done = new CountDownLatch(1);
  }

  private final ArrayBlockingQueue<Object> queue;
  private final long intervalNanos;
  private final int maxPendingLines;
  private final Thread thread;
  private final List<MetricSink> dirty = new ArrayList<>();
  private int pendingLines;
  private long firstPendingNanos;
  private volatile @Nullable Throwable failure;
  private volatile boolean closed;

  /**
   * @param name the writer thread's name
   * @param queueCapacity how many points may wait in the queue before {@link #log} blocks
   * @param flushIntervalMillis the longest a logged point waits before it is written
   * @param maxPendingLines how many lines the writer gathers before writing them
   */
  public MetricWriter(
      String name, int queueCapacity, long flushIntervalMillis, int maxPendingLines) {
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(flushIntervalMillis);
    this.maxPendingLines = maxPendingLines;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a point; blocks while the queue is full.
   *
   * @throws IllegalStateException if the writer is closed
   */
  public void log(MetricSink sink, String key, double value, long step, long timestamp) {
    if (closed) {
      throw new IllegalStateException("the tracker is closed; metric '" + key + "' was not logged");
    }
    Point point = new Point(sink, key, value, step, timestamp);
    enqueue(point);
    if (closed) {
      // close() ran between the check above and the enqueue: the point is written only if the
      // writer's final drain took it. Wait for the writer to end; a point still queued then was
      // not written, and the caller must hear so rather than lose it silently.
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!thread.isAlive() && queue.remove(point)) {
        throw new IllegalStateException(
            "the tracker was closed while metric '" + key + "' was logged; it was not written");
      }
    }
  }

  private void enqueue(Object o) {
    if (queue.offer(o)) {
      return;
    }
    LockSupport.unpark(thread);
    try {
      while (!queue.offer(o, 5, TimeUnit.MILLISECONDS)) {
        if (!thread.isAlive()) {
          Throwable f = failure;
          throw f == null
              ? new MlopsException("the metric writer thread has stopped")
              : new MlopsException("the metric writer thread has stopped", f);
        }
        LockSupport.unpark(thread);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlopsException("interrupted while waiting for room in the metric queue", e);
    }
  }

  /**
   * Returns once every point logged before the call is written to its file (or tried: a failed
   * write is its run's, {@link #flush(MetricSink)}).
   *
   * @throws MlopsException if the writer thread stopped
   */
  public void flush() {
    if (Thread.currentThread() == thread) {
      return;
    }
    if (!thread.isAlive()) {
      throwIfFailed();
      throwIfStoppedEarly();
      return;
    }
    Barrier b = new Barrier();
    enqueue(b);
    LockSupport.unpark(thread);
    try {
      while (!b.done.await(100, TimeUnit.MILLISECONDS)) {
        if (!thread.isAlive()) {
          break;
        }
        LockSupport.unpark(thread);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlopsException("interrupted while flushing metrics", e);
    }
    throwIfFailed();
    if (b.done.getCount() > 0) {
      throwIfStoppedEarly();
    }
  }

  private void throwIfStoppedEarly() {
    if (!closed) {
      throw new MlopsException(
          "the metric writer thread has stopped; metrics logged since may be lost");
    }
  }

  private void throwIfFailed() {
    Throwable f = failure;
    if (f != null) {
      throw new MlopsException("writing metrics failed: " + f.getMessage(), f);
    }
  }

  /**
   * Returns once every point logged before the call is written to its file.
   *
   * @param sink the run whose writes must have succeeded
   * @throws MlopsException if the writer thread stopped, or a write of this run's metrics failed
   *     (another run's failure is that run's)
   */
  public void flush(MetricSink sink) {
    flush();
    sink.throwIfFailed();
  }

  /** Writes everything queued, then stops the writer thread. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    enqueue(STOP);
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throwIfFailed();
  }

  private void loop() {
    try {
      drainUntilStopped();
    } catch (Throwable t) {
      // never die silently: flush() and close() report the failure instead of returning as if
      // everything had been written
      if (failure == null) {
        LOG.error("The metric writer thread stopped", t);
      }
      failure = t;
    }
  }

  private void drainUntilStopped() {
    List<Object> batch = new ArrayList<>(DRAIN_BATCH);
    long park = MIN_PARK_NANOS;
    boolean stop = false;
    while (!stop) {
      batch.clear();
      int n = queue.drainTo(batch, DRAIN_BATCH);
      for (int i = 0; i < n; i++) {
        Object o = batch.get(i);
        if (o instanceof Point p) {
          add(p);
        } else if (o instanceof Barrier b) {
          writeAll();
          b.done.countDown();
        } else if (o == STOP) {
          stop = true;
        }
      }
      if (stop) {
        batch.clear();
        queue.drainTo(batch);
        for (Object o : batch) {
          if (o instanceof Point p) {
            add(p);
          } else if (o instanceof Barrier b) {
            b.done.countDown();
          }
        }
        writeAll();
        break;
      }
      if (pendingLines >= maxPendingLines
          || (pendingLines > 0 && System.nanoTime() - firstPendingNanos >= intervalNanos)) {
        writeAll();
      }
      if (n == 0) {
        long wait = park;
        if (pendingLines > 0) {
          wait =
              Math.max(1, Math.min(wait, intervalNanos - (System.nanoTime() - firstPendingNanos)));
        }
        LockSupport.parkNanos(this, wait);
        park = Math.min(park * 2, MAX_PARK_NANOS);
      } else {
        park = MIN_PARK_NANOS;
      }
    }
  }

  private void add(Point p) {
    if (pendingLines == 0) {
      firstPendingNanos = System.nanoTime();
    }
    p.sink.add(p.key, p.value, p.step, p.timestamp);
    if (!p.sink.dirty) {
      p.sink.dirty = true;
      dirty.add(p.sink);
    }
    pendingLines++;
  }

  private void writeAll() {
    for (MetricSink sink : dirty) {
      sink.dirty = false;
      try {
        sink.write();
      } catch (IOException | RuntimeException e) {
        // the run's own failure: the other runs of the tracker go on and end cleanly
        if (sink.failure() == null) {
          LOG.error("Writing metrics failed", e);
        }
        sink.failed(e);
      }
    }
    dirty.clear();
    pendingLines = 0;
  }
}
