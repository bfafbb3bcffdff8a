package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import org.mlops4j.api.MlopsException;

/**
 * The project's run lock, {@code .mlops/run.lock}: an OS file lock, so that two runs (threads or
 * processes) never work on one project at once. The file is opened without following a link, and a
 * link there is refused: a dangling link would otherwise make the open create a file wherever it
 * points.
 */
final class RunLock {
  private RunLock() {}

  /**
   * Runs {@code body} holding the lock.
   *
   * @return what body returns
   * @throws MlopsException if another run holds the lock ({@code another run of this pipeline holds
   *     <path>}), the lock is a link, or it cannot be opened
   */
  static <T> T hold(Pipeline p, Supplier<T> body) {
    return hold(p.ownFolder(), body);
  }

  /**
   * Runs {@code body} holding the lock of the project whose {@code .mlops} folder is given (already
   * checked by {@link Pipeline#ownFolder(Path)}).
   *
   * @return what body returns
   */
  static <T> T hold(Path mlopsDir, Supplier<T> body) {
    try {
      Files.createDirectories(mlopsDir);
    } catch (IOException e) {
      throw new MlopsException("cannot create " + mlopsDir, e);
    }
    Path lockPath = mlopsDir.resolve("run.lock");
    if (Files.isSymbolicLink(lockPath)) {
      throw linked(lockPath);
    }
    try (FileChannel ch =
        FileChannel.open(
            lockPath,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      FileLock held;
      try {
        held = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        held = null;
      }
      if (held == null) {
        throw new MlopsException("another run of this pipeline holds " + lockPath);
      }
      try {
        return body.get();
      } finally {
        held.release();
      }
    } catch (IOException e) {
      if (Files.isSymbolicLink(lockPath)) {
        throw linked(lockPath);
      }
      throw new MlopsException("cannot lock " + lockPath + ": " + e.getMessage(), e);
    }
  }

  private static MlopsException linked(Path lockPath) {
    return new MlopsException(
        lockPath + ": is a symbolic link; the run lock must be a regular file: remove the link");
  }
}
