package org.mlops4j.drift.stream.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.mlops4j.drift.stream.LatencySummary;

/**
 * Latency of the predict calls (HdrHistogram, 3 significant digits), recorded into per-thread
 * stripes so that concurrent callers do not write the same memory.
 *
 * <p>A call is recorded into the stripe picked by its thread's id (consecutive ids, as a thread
 * pool's, fall on different stripes): a plain {@link Histogram} guarded by a spin lock held only
 * for that one {@code recordValue}, on its own cache lines. Readers (under this object's lock) swap
 * each stripe's histogram for an empty one (the stripe is held for the swap only, never while
 * counting) and add what they took into a histogram of the calls since the last window and one of
 * every call. Nothing is lost or counted twice: a call lands in the window being taken or in the
 * next one. This replaced HdrHistogram's {@code Recorder}, whose every call wrote a shared phaser
 * and counts array from all threads and whose interval swap slept 0.5 ms whenever a writer was
 * inside it.
 */
public final class LatencyRecorder {

  /** Four stripes per core, a power of two from 4 to 64. */
  private static final int STRIPES =
      Math.min(
          64, Integer.highestOneBit(Math.max(4, 4 * Runtime.getRuntime().availableProcessors())));

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Stripe[].class);

  private final Stripe[] stripes = new Stripe[STRIPES];

  // guarded by this
  private final Histogram cumulative = new Histogram(3);
  private final Histogram pendingWindow = new Histogram(3);

  /** Records one call of {@code nanos} (at least 0) nanoseconds. */
  public void record(long nanos) {
    int i = (int) Thread.currentThread().getId() & (STRIPES - 1);
    Stripe s = (Stripe) SLOTS.getAcquire(stripes, i);
    if (s == null) {
      s = stripe(i);
    }
    s.record(nanos);
  }

  private Stripe stripe(int i) {
    Stripe created = new Stripe();
    Stripe won = (Stripe) SLOTS.compareAndExchange(stripes, i, (Stripe) null, created);
    return won == null ? created : won;
  }

  /**
   * @return the percentiles of every call recorded since creation
   */
  public synchronized LatencySummary total() {
    drain();
    return summarize(cumulative);
  }

  /**
   * @return the percentiles of the calls since the previous call of this method
   */
  public synchronized LatencySummary takeWindow() {
    drain();
    LatencySummary s = summarize(pendingWindow);
    pendingWindow.reset();
    return s;
  }

  /** Under this: moves every stripe's calls into the window and the total. */
  private void drain() {
    for (int i = 0; i < STRIPES; i++) {
      Stripe s = (Stripe) SLOTS.getAcquire(stripes, i);
      if (s != null) {
        Histogram taken = s.take();
        if (taken.getTotalCount() > 0) {
          pendingWindow.add(taken);
          cumulative.add(taken);
          taken.reset();
        }
        s.spare = taken;
      }
    }
  }

  static LatencySummary summarize(Histogram h) {
    long n = h.getTotalCount();
    if (n == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(
        n,
        Duration.ofNanos(h.getValueAtPercentile(50)),
        Duration.ofNanos(h.getValueAtPercentile(95)),
        Duration.ofNanos(h.getValueAtPercentile(99)),
        Duration.ofNanos(h.getMaxValue()),
        Duration.ofNanos(Math.round(h.getMean())));
  }

  /** Padding before a stripe's lock word, so that two stripes never share a cache line. */
  @SuppressWarnings("unused")
  private static class Pad {
    long p01, p02, p03, p04, p05, p06, p07, p08;
  }

  /** The lock word and the histogram being written. */
  private static class Head extends Pad {
    volatile int busy;
    Histogram active = new Histogram(3);
  }

  /** One stripe: a histogram written under a spin lock, padded on both sides. */
  @SuppressWarnings("unused")
  private static final class Stripe extends Head {
    private static final VarHandle BUSY;

    static {
      try {
        BUSY = MethodHandles.lookup().findVarHandle(Head.class, "busy", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    long q01, q02, q03, q04, q05, q06, q07, q08;

    /** An empty histogram to swap in at the next take; only the reader touches it. */
    Histogram spare = new Histogram(3);

    void record(long nanos) {
      lock();
      try {
        active.recordValue(nanos);
      } finally {
        BUSY.setRelease(this, 0);
      }
    }

    /** Swaps the histogram being written for the (empty) spare and returns the one taken. */
    Histogram take() {
      Histogram empty = spare;
      lock();
      Histogram taken = active;
      active = empty;
      BUSY.setRelease(this, 0);
      return taken;
    }

    private void lock() {
      int spins = 0;
      while (!BUSY.compareAndSet(this, 0, 1)) {
        if (++spins < 100) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }
}
