package org.mlops4j.registry.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.mlops4j.api.MlopsException;
import org.mlops4j.registry.RegistryConflictException;

/**
 * A lock file held with an operating-system lock ({@link FileLock}) across processes and a {@link
 * ReentrantLock} within this JVM. The holder writes who it is into the file (pid, host, operation,
 * time) so a refused caller can say who holds it. Stale-lock rule: the operating system releases
 * the lock of a process that dies (also {@code kill -9}), so a lock left by a dead process is free
 * at once; the text it leaves is only a record, overwritten by the next holder.
 */
public final class ModelLock implements AutoCloseable {

  private static final ConcurrentHashMap<Path, ReentrantLock> JVM = new ConcurrentHashMap<>();

  private final ReentrantLock jvmLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private ModelLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
    this.jvmLock = jvmLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /**
   * Takes the lock, waiting up to {@code wait}.
   *
   * @param file the lock file (created if absent; never followed if a link)
   * @param operation what the holder does, for the message of others
   * @param wait how long to wait; zero to try once
   * @return the held lock
   * @throws RegistryConflictException if another holder keeps it longer than {@code wait}
   */
  public static ModelLock acquire(Path file, String operation, Duration wait) {
    Path key = file.toAbsolutePath().normalize();
    ReentrantLock jvm = JVM.computeIfAbsent(key, k -> new ReentrantLock());
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      if (!jvm.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw conflict(key, operation);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlopsException("interrupted while waiting for " + key, e);
    }
    FileChannel ch = null;
    try {
      Files.createDirectories(key.getParent());
      ch =
          FileChannel.open(
              key,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ,
              LinkOption.NOFOLLOW_LINKS);
      while (true) {
        FileLock fl;
        try {
          fl = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          fl = null;
        }
        if (fl != null) {
          ch.truncate(0);
          ch.write(
              ByteBuffer.wrap(
                  ("pid "
                          + ProcessHandle.current().pid()
                          + " on "
                          + HOST
                          + ", "
                          + operation
                          + ", since "
                          + Instant.now())
                      .getBytes(StandardCharsets.UTF_8)),
              0);
          return new ModelLock(jvm, ch, fl);
        }
        if (System.nanoTime() >= deadline) {
          throw conflict(key, operation);
        }
        Thread.sleep(10);
      }
    } catch (IOException e) {
      closeQuietly(ch);
      jvm.unlock();
      throw new MlopsException(key + ": cannot lock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      closeQuietly(ch);
      jvm.unlock();
      Thread.currentThread().interrupt();
      throw new MlopsException("interrupted while waiting for " + key, e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      jvm.unlock();
      throw e;
    }
  }

  private static RegistryConflictException conflict(Path key, String operation) {
    String holder;
    try {
      holder = Files.readString(key, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      holder = "";
    }
    return new RegistryConflictException(
        key
            + ": held by another writer ("
            + (holder.isEmpty() ? "unknown" : holder)
            + "); "
            + operation
            + " was not done, nothing changed: try again when it is finished");
  }

  private static final String HOST = host();

  /** The host name, without a name-service lookup (which can take seconds). */
  private static String host() {
    try {
      String h =
          Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    for (String v : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
      String h = System.getenv(v);
      if (h != null && !h.isBlank()) {
        return h;
      }
    }
    return "unknown host";
  }

  private static void closeQuietly(@org.jspecify.annotations.Nullable FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    try {
      fileLock.release();
      channel.close();
    } catch (IOException e) {
      // the channel's close releases the lock in any case
    } finally {
      jvmLock.unlock();
    }
  }

  /** How long writers wait for the lock by default. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
}
