package org.mlops4j.core.tracking.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one run's metric points go: its {@code metrics/} folder (and optionally a DVCLive folder).
 * Used only by the {@link MetricWriter}'s thread, which batches the lines per metric file.
 */
public final class MetricSink {

  private static final Logger LOG = LoggerFactory.getLogger(MetricSink.class);

  private final Path metricsDir;
  private final Path tmpDir;
  private final @Nullable DvcLiveWriter dvcLive;
  private final Map<String, StringBuilder> pending = new HashMap<>();
  private final Set<String> existing = new HashSet<>();
  private volatile @Nullable Throwable failure;
  boolean dirty;

  /**
   * @param metricsDir the run's {@code metrics/} folder
   * @param tmpDir where temporary files go (the run folder: MLflow's reader ignores files there);
   *     no folder between it and a metric file may be a symbolic link
   * @param dvcLive the DVCLive writer of the run, or null
   */
  public MetricSink(Path metricsDir, Path tmpDir, @Nullable DvcLiveWriter dvcLive) {
    this.metricsDir = metricsDir;
    this.tmpDir = tmpDir;
    this.dvcLive = dvcLive;
  }

  void add(String key, double value, long step, long timestamp) {
    StringBuilder sb = pending.get(key);
    if (sb == null) {
      sb = new StringBuilder(256);
      pending.put(key, sb);
    }
    sb.append(timestamp)
        .append(' ')
        .append(PyFloat.repr(value))
        .append(' ')
        .append(step)
        .append('\n');
    DvcLiveWriter dvc = dvcLive;
    if (dvc != null) {
      dvc.add(key, value, step, timestamp);
    }
  }

  /**
   * Writes the pending lines: a new metric file atomically (temporary file in {@code tmpDir}), an
   * existing one by appending whole lines in one call; nothing is forced to the device. Nothing is
   * written through a symbolic link: neither a linked folder between the run's folder and the file
   * (checked at a key's first write) nor a link in the file's place (appends do not follow it). A
   * key whose write fails does not stop the others from being written; the first failure is thrown
   * once all were tried.
   */
  void write() throws IOException {
    IOException first = null;
    try {
      for (Map.Entry<String, StringBuilder> e : pending.entrySet()) {
        String key = e.getKey();
        byte[] bytes = e.getValue().toString().getBytes(StandardCharsets.ISO_8859_1);
        Path file = metricsDir.resolve(key);
        try {
          if (!existing.contains(key)) {
            StoreLinks.requireNoLinkedFolder(tmpDir, file);
          }
          if (existing.contains(key)) {
            AtomicFiles.append(file, bytes, Durability.ATOMIC);
          } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // written by another process that may have died mid-line: whole lines only
            repairTornTail(file);
            AtomicFiles.append(file, bytes, Durability.ATOMIC);
          } else {
            AtomicFiles.write(file, out -> out.write(bytes), Durability.ATOMIC, tmpDir);
          }
          existing.add(key);
        } catch (IOException ex) {
          if (first == null) {
            first = new IOException("cannot write metric file " + file + ": " + ex, ex);
          } else {
            first.addSuppressed(ex);
          }
        }
      }
    } finally {
      pending.clear();
    }
    DvcLiveWriter dvc = dvcLive;
    if (dvc != null) {
      try {
        dvc.writePending();
      } catch (IOException ex) {
        if (first == null) {
          first = ex;
        } else {
          first.addSuppressed(ex);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Records a failed write of this run's metrics; the first failure is kept. */
  void failed(Throwable e) {
    if (failure == null) {
      failure = e;
    }
  }

  /**
   * @return the first failure to write this run's metrics, or null
   */
  public @Nullable Throwable failure() {
    return failure;
  }

  /**
   * @throws MlopsException if writing this run's metrics failed
   */
  public void throwIfFailed() {
    Throwable f = failure;
    if (f != null) {
      throw new MlopsException("writing metrics failed: " + f.getMessage(), f);
    }
  }

  /**
   * Cuts a torn last line (one without its {@code "\n"}, left by a process killed in the middle of
   * a write) off a metric file, so that MLflow's reader, which would take {@code "1795968244807 2"}
   * for a point, never sees it. Never follows a symbolic link.
   *
   * @param file a metric file
   * @return whether a torn line was cut
   * @throws IOException if the file cannot be read or truncated
   */
  public static boolean repairTornTail(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      if (size == 0 || lastByte(ch, size - 1) == '\n') {
        return false;
      }
      long keep = 0;
      ByteBuffer buf = ByteBuffer.allocate(4096);
      for (long end = size; end > 0 && keep == 0; ) {
        long start = Math.max(0, end - buf.capacity());
        buf.clear().limit((int) (end - start));
        while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
          // fill
        }
        for (int i = (int) (end - start) - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') {
            keep = start + i + 1;
            break;
          }
        }
        end = start;
      }
      LOG.warn(
          "Cut a torn last line of {} bytes (no newline; its writer was interrupted) off {}",
          size - keep,
          file);
      ch.truncate(keep);
      return true;
    }
  }

  private static byte lastByte(FileChannel ch, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, position);
    return one.get(0);
  }
}
