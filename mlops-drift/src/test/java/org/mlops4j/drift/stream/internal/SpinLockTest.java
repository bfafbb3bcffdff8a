package org.mlops4j.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Mutual exclusion: increments of a plain field under the lock from 4 threads all count. */
class SpinLockTest {
  private long counter; // guarded by the lock under test

  @Test
  void lock_excludesOtherThreads_soNoIncrementIsLost() throws Exception {
    SpinLock lock = new SpinLock();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  lock.lock();
                  try {
                    counter++;
                  } finally {
                    lock.unlock();
                  }
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(counter).isEqualTo(400_000); // 4 x 100,000
  }

  @Test
  void tryLock_failsWhileAnotherThreadHoldsTheLock_andSucceedsOnceReleased() throws Exception {
    SpinLock lock = new SpinLock();
    lock.lock();
    AtomicBoolean got = new AtomicBoolean(true);
    Thread other = new Thread(() -> got.set(lock.tryLock()));
    other.start();
    other.join();
    assertThat(got).isFalse();
    lock.unlock();
    assertThat(lock.tryLock()).isTrue();
    lock.unlock();
  }
}
