package org.mlops4j.drift.stream.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Per-thread staging of observations for a monitor whose data lock is contended: a thread that
 * finds the lock taken appends its observation (time, score, features) to its own stripe instead of
 * waiting, and the stripes are handed to the windows in batches, by the next thread that holds the
 * lock. Without contention nothing is staged.
 *
 * <p>A stripe is picked by the thread's id (consecutive ids, as a pool's, fall on different
 * stripes); it holds at most {@link #CAPACITY} observations in flat arrays, under a spin lock held
 * for one append or for the swap of its arrays with empty ones, and sits on its own cache lines. A
 * thread that found the lock taken stays in staging mode while other threads keep observing (see
 * {@link #staging(long)}), so that under sustained contention the lock is taken once per batch, not
 * once per call. Order: whoever takes the lock hands over every stripe (merged by time) before its
 * own observation, so the observations of one thread reach the windows in call order. Stripes are
 * created the first time a thread of theirs stages.
 */
public final class ObservationStaging {

  /** Observations a stripe holds before its thread hands them over itself, under the lock. */
  public static final int CAPACITY = 64;

  /** Four stripes per core, a power of two from 4 to 64. */
  private static final int STRIPES =
      Math.min(
          64, Integer.highestOneBit(Math.max(4, 4 * Runtime.getRuntime().availableProcessors())));

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Stripe[].class);

  /** Receives staged observations, oldest first per stripe. */
  @FunctionalInterface
  public interface Consumer {
    /**
     * @param time the time read when the observation was made (epoch ms)
     * @param score the score
     * @param features the feature values, {@code dims} of them from {@code offset}
     * @param offset where this observation's features start
     * @return whether a window closed
     */
    boolean accept(long time, double score, double[] features, int offset);
  }

  private final int dims;
  private final Stripe[] stripes = new Stripe[STRIPES];
  private final Batch[] taken = new Batch[STRIPES]; // used by drain only, one drain at a time
  private boolean skipped; // a drain left a stripe in staging mode: guarded by the caller's lock
  private long recheckAt; // when to look at it again (epoch ms): guarded by the caller's lock

  /** Set when a stripe goes from empty to not empty; cleared by a drain. */
  private volatile boolean pending;

  /**
   * @param dims number of features per observation (0 allowed)
   */
  public ObservationStaging(int dims) {
    this.dims = dims;
  }

  private static int index() {
    return (int) Thread.currentThread().getId() & (STRIPES - 1);
  }

  /**
   * Whether the calling thread should stage its next observation rather than try the lock: it is in
   * staging mode, which it enters when it finds the lock taken and keeps while other threads hand
   * over observations between its own hand-overs (see {@link #handedOver}), for at most the
   * millisecond after the last such sign of contention. A hint read without the stripe's lock.
   *
   * @param now the time read for the observation (epoch ms)
   * @return whether to stage
   */
  public boolean staging(long now) {
    Stripe s = (Stripe) SLOTS.getAcquire(stripes, index());
    if (s == null || !s.sticky) {
      return false;
    }
    long d = now - s.stickyAt;
    return d >= 0 && d <= 1;
  }

  /**
   * @return whether the calling thread's stripe holds staged observations (a hint, as {@link
   *     #staging(long)})
   */
  public boolean holdsStaged() {
    Stripe s = (Stripe) SLOTS.getAcquire(stripes, index());
    return s != null && s.active.size > 0;
  }

  /**
   * Under the caller's lock, by a thread that has just handed over its full stripe: it stays in
   * staging mode when observations were handed over by other threads since its previous hand-over
   * (they observe concurrently), else it goes back to trying the lock first.
   *
   * @param before the caller's count of observations handed over, before this drain
   * @param after the same count after it
   * @param now the time of the observation that filled the stripe (epoch ms)
   */
  public void handedOver(long before, long after, long now) {
    Stripe s = (Stripe) SLOTS.getAcquire(stripes, index());
    if (s != null) {
      s.sticky = before != s.lastTotal;
      s.stickyAt = now;
      s.lastTotal = after;
    }
  }

  /**
   * Stages one observation in the calling thread's stripe.
   *
   * @param time the time read for it (epoch ms)
   * @param score the score
   * @param x the feature values ({@code dims} of them; copied)
   * @param contended whether the caller found the lock taken: it enters staging mode from {@code
   *     time}
   * @return whether the stripe is now full: the caller must then {@link #drain} under the lock
   */
  public boolean stage(long time, double score, double[] x, boolean contended) {
    int i = index();
    Stripe s = (Stripe) SLOTS.getAcquire(stripes, i);
    if (s == null) {
      Stripe created = new Stripe(dims);
      Stripe won = (Stripe) SLOTS.compareAndExchange(stripes, i, (Stripe) null, created);
      s = won == null ? created : won;
    }
    s.lock.lock();
    try {
      Batch b = s.active;
      int n = b.size;
      b.times[n] = time;
      b.scores[n] = score;
      if (dims > 0) {
        System.arraycopy(x, 0, b.features, n * dims, dims);
      }
      b.size = n + 1;
      if (contended) {
        s.sticky = true;
        s.stickyAt = time;
      }
      if (n == 0) {
        pending = true;
      }
      return n + 1 == CAPACITY;
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Under the caller's lock (one drain at a time): hands every staged observation to the consumer,
   * stripe by stripe, each stripe's oldest first.
   *
   * @param force drain even when no stripe was marked as holding observations since the last drain
   * @param consumer receives the observations
   * @return whether the consumer closed a window
   */
  public boolean drain(boolean force, Consumer consumer) {
    if (!force && !pending) {
      return false;
    }
    pending = false;
    return handOver(collect(-1, 0), consumer);
  }

  /**
   * Under the caller's lock (one drain at a time), from a thread about to add its own observation
   * directly: hands over the caller's own stripe (its order) and the stripes of threads no longer
   * staging, but leaves the stripes of threads still in staging mode to them (they hand over when
   * full), so that a thread that observes directly does not pull another's stripe to its core on
   * every call. Skipped stripes are looked at again 2 ms later at the earliest (or at the next
   * stripe that starts a batch, or a forced drain).
   *
   * @param now the caller's time (epoch ms)
   * @param consumer receives the observations
   * @return whether the consumer closed a window
   */
  public boolean drainIdle(long now, Consumer consumer) {
    if (!pending && !holdsStaged() && !(skipped && now >= recheckAt)) {
      return false;
    }
    pending = false;
    skipped = false;
    int n = collect(index(), now);
    if (skipped) {
      recheckAt = now + 2;
    }
    return handOver(n, consumer);
  }

  /**
   * Takes the non-empty stripes' batches into {@link #taken}, swapping in empty ones; with {@code
   * own} at least 0, skips the stripes (other than {@code own}) still in staging mode at {@code
   * now}, noting in {@link #skipped} that one held observations.
   */
  private int collect(int own, long now) {
    Batch[] batches = taken;
    int n = 0;
    for (int i = 0; i < STRIPES; i++) {
      Stripe s = (Stripe) SLOTS.getAcquire(stripes, i);
      if (s == null) {
        continue;
      }
      if (own >= 0 && i != own && s.sticky && now - s.stickyAt >= 0 && now - s.stickyAt <= 1) {
        if (s.active.size > 0) {
          skipped = true;
        }
        continue;
      }
      s.lock.lock();
      try {
        Batch b = s.active;
        if (b.size == 0) {
          continue;
        }
        s.active = s.spare;
        s.spare = b; // handed back empty below, before the next drain can swap again
        batches[n++] = b;
      } finally {
        s.lock.unlock();
      }
    }
    return n;
  }

  /** Hands over the collected batches, then empties them. */
  private boolean handOver(int n, Consumer consumer) {
    Batch[] batches = taken;
    boolean due = false;
    if (n == 1) {
      Batch b = batches[0];
      for (int k = 0; k < b.size; k++) {
        due |= consumer.accept(b.times[k], b.scores[k], b.features, k * dims);
      }
    } else if (n > 1) {
      due = merge(batches, n, consumer);
    }
    for (int j = 0; j < n; j++) {
      batches[j].size = 0;
      batches[j].next = 0;
      batches[j] = null;
    }
    return due;
  }

  /**
   * Under the caller's lock: {@link #drain(boolean, Consumer) drain(true, consumer)}, and every
   * stripe leaves staging mode, for a reader that wants every observation in its window and each
   * next one handed over at once (until contention again).
   *
   * @param consumer receives the observations
   * @return whether the consumer closed a window
   */
  public boolean drainAll(Consumer consumer) {
    boolean due = drain(true, consumer);
    for (int i = 0; i < STRIPES; i++) {
      Stripe s = (Stripe) SLOTS.getAcquire(stripes, i);
      if (s != null) {
        s.sticky = false;
      }
    }
    return due;
  }

  /** Hands over several batches in time order (ties: stripe order), each batch in its own order. */
  private boolean merge(Batch[] batches, int n, Consumer consumer) {
    boolean due = false;
    while (true) {
      Batch min = null;
      for (int j = 0; j < n; j++) {
        Batch b = batches[j];
        if (b.next < b.size && (min == null || b.times[b.next] < min.times[min.next])) {
          min = b;
        }
      }
      if (min == null) {
        return due;
      }
      int k = min.next++;
      due |= consumer.accept(min.times[k], min.scores[k], min.features, k * dims);
    }
  }

  /** One batch of staged observations in flat arrays. */
  private static final class Batch {
    final long[] times = new long[CAPACITY];
    final double[] scores = new double[CAPACITY];
    final double[] features;
    int size;
    int next; // the next one to hand over, during a drain

    Batch(int dims) {
      this.features = new double[CAPACITY * dims];
    }
  }

  /** Padding before a stripe's fields, so that two stripes never share a cache line. */
  @SuppressWarnings("unused")
  private static class Pad {
    long p01, p02, p03, p04, p05, p06, p07, p08;
  }

  /** The fields of a stripe. */
  private static class Fields extends Pad {
    final SpinLock lock = new SpinLock();
    Batch active;
    Batch spare;
    boolean sticky; // staging mode: written by the stripe's threads
    long stickyAt; // when it was entered or last renewed (epoch ms)
    long lastTotal; // observations handed over after its thread's last hand-over

    Fields(int dims) {
      active = new Batch(dims);
      spare = new Batch(dims);
    }
  }

  /** A stripe: the batch being written (under its lock) and an empty one to swap in, padded. */
  @SuppressWarnings("unused")
  private static final class Stripe extends Fields {
    long q01, q02, q03, q04, q05, q06, q07, q08;

    Stripe(int dims) {
      super(dims);
    }
  }
}
