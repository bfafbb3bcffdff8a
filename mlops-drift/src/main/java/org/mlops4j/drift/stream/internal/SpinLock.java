package org.mlops4j.drift.stream.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A non-reentrant lock for critical sections of a few tens of nanoseconds: a compare-and-set on one
 * word, then {@link Thread#onSpinWait()} while it is held, and {@link Thread#yield()} after 100
 * spins (so that a holder preempted on a busy machine gets the core back). Never parks: a waiter
 * pays no park and the holder no unpark, which under contention cost microseconds each with {@code
 * ReentrantLock}. Internal.
 */
public final class SpinLock {
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(SpinLock.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through STATE
  private volatile int state;

  /** Takes the lock, spinning (then yielding) until it is free. */
  public void lock() {
    if (STATE.compareAndSet(this, 0, 1)) {
      return;
    }
    int spins = 0;
    do {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    } while (state != 0 || !STATE.compareAndSet(this, 0, 1));
  }

  /**
   * @return whether the lock was free and is now held by the caller (no waiting)
   */
  public boolean tryLock() {
    return state == 0 && STATE.compareAndSet(this, 0, 1);
  }

  /** Releases the lock; only its holder may call it. */
  public void unlock() {
    STATE.setRelease(this, 0);
  }
}
