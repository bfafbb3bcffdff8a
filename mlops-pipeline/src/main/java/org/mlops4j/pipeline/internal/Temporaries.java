package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlops4j.api.internal.AtomicFiles;

/**
 * Temporary names for copies into a cache that other machines share, and their clean-up.
 *
 * <p>{@link AtomicFiles#temporaryName(String)} records the writing process's pid and start time,
 * which say whether the process is gone only on the machine (and in the pid namespace) that wrote
 * it. A remote on a shared drive is written by several machines, so {@link #name(String)} adds this
 * machine's tag to the readable part: {@code h<8 hex>.}, the first 8 hex digits of the SHA-256 of
 * the boot id, the pid namespace and the host name (on Linux; elsewhere the host name). {@link
 * #removeStale(Path, int)} removes a temporary of this machine once its process is gone, and one of
 * another machine (or without a tag) only once it has not been written to for an hour, so that a
 * push in progress elsewhere is never broken.
 */
public final class Temporaries {
  /** Age after which a temporary of another machine counts as stale. */
  static final Duration FOREIGN_STALE_AFTER = Duration.ofHours(1);

  private static final String TAG = "h" + machine() + ".";

  private Temporaries() {}

  /**
   * @param base a readable part, such as the target's file name
   * @return a temporary name ({@link AtomicFiles#temporaryName(String)}) that also names this
   *     machine
   */
  public static String name(String base) {
    return AtomicFiles.temporaryName(TAG + base);
  }

  /**
   * Removes the stale temporaries (see the class comment) below {@code top}, down to {@code
   * maxDepth} folders deep, never following a link; nothing if {@code top} does not exist.
   *
   * @param top a folder
   * @param maxDepth how deep to look (0: the folder's own entries)
   * @return how many were removed
   * @throws IOException if one cannot be deleted
   */
  public static int removeStale(Path top, int maxDepth) throws IOException {
    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    List<Path> stale = new ArrayList<>();
    Files.walkFileTree(
        top,
        EnumSet.noneOf(FileVisitOption.class),
        maxDepth + 1,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(top) && stale(dir, attrs)) {
              stale.add(dir);
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (stale(file, attrs)) {
              stale.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }
        });
    for (Path p : stale) {
      AtomicFiles.deleteRecursively(p);
    }
    return stale.size();
  }

  /** Whether an entry is a temporary left by a gone process of this machine, or an old one. */
  static boolean stale(Path entry, BasicFileAttributes attrs) {
    Path fileName = entry.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    if (!name.startsWith(AtomicFiles.TMP_PREFIX)) {
      return false;
    }
    String[] parts = name.substring(AtomicFiles.TMP_PREFIX.length()).split("-", 3);
    if (parts.length == 3 && parts[2].startsWith(TAG)) {
      try {
        long pid = Long.parseLong(parts[0]);
        long start = Long.parseLong(parts[1]);
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
          return true;
        }
        long actual = p.get().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return start != 0 && actual != 0 && actual != start;
      } catch (NumberFormatException e) {
        // not a name of this format: judged by age below
      }
    }
    return attrs.lastModifiedTime().toInstant().isBefore(Instant.now().minus(FOREIGN_STALE_AFTER));
  }

  /** The tag of this machine and pid namespace: 8 hex digits. */
  private static String machine() {
    StringBuilder id = new StringBuilder();
    for (String f :
        new String[] {
          "/proc/sys/kernel/random/boot_id", "/proc/sys/kernel/hostname", "/etc/machine-id"
        }) {
      try {
        id.append(Files.readString(Path.of(f), StandardCharsets.UTF_8).trim()).append('\n');
      } catch (IOException | RuntimeException e) {
        id.append('\n');
      }
    }
    try {
      id.append(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    String host = System.getenv("COMPUTERNAME");
    if (host == null) {
      host = System.getenv("HOSTNAME");
    }
    if (id.toString().isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException | RuntimeException e) {
        // no name
      }
    }
    if (id.toString().isBlank() && host == null) {
      // nothing tells this machine from another: a tag of this process alone, so that temporaries
      // are judged by age only, never by a pid that may belong to another machine
      return FileHasher.sha256(UUID.randomUUID().toString()).substring(0, 8);
    }
    id.append('\n').append(host);
    return FileHasher.sha256(id.toString()).substring(0, 8);
  }
}
