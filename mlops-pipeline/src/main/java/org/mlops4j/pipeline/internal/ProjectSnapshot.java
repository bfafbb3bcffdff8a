package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * Finds files a stage created in the project tree instead of its sandbox: the relative paths of the
 * files under the root are listed before the first stage runs ({@link #take()}) and after each
 * stage ({@link #check(String)}); a path not seen before fails that stage. Paths in the skip set
 * (mlops4j's own files, every declared output, ignored paths such as {@code .git}) and everything
 * below them are not listed; unreadable files are passed over.
 *
 * <p>Thread-safe: stages running at once check one after the other, and a file is reported once.
 */
public final class ProjectSnapshot {
  private final Path root;
  private final Set<String> skip;
  private @Nullable Set<String> seen;

  /**
   * @param root the project root (real path)
   * @param skip relative paths, with {@code /}, not to list (nor anything below them)
   */
  public ProjectSnapshot(Path root, Set<String> skip) {
    this.root = Require.nonNull(root, "root");
    this.skip = Set.copyOf(Require.nonNull(skip, "skip"));
  }

  /**
   * Lists the files of the project, once; later calls do nothing.
   *
   * @throws IOException if the tree cannot be walked
   */
  public synchronized void take() throws IOException {
    seen();
  }

  private Set<String> seen() throws IOException {
    Set<String> known = seen;
    if (known == null) {
      known = files();
      seen = known;
    }
    return known;
  }

  /**
   * Lists the files again; new ones are remembered, so that they fail one stage only.
   *
   * @param stage the stage that just ran, for the message
   * @throws IllegalStateException naming the new files, sorted, if there are any
   * @throws IOException if the tree cannot be walked
   */
  public void check(String stage) throws IOException {
    List<String> created = new ArrayList<>();
    synchronized (this) {
      Set<String> known = seen();
      for (String f : files()) {
        if (known.add(f)) {
          created.add(f);
        }
      }
    }
    if (!created.isEmpty()) {
      Collections.sort(created);
      throw new IllegalStateException(
          "stage '"
              + stage
              + "' wrote undeclared file(s) in the project: "
              + created
              + "; write outputs to ctx.output(...) and declare them with output(...)");
    }
  }

  private Set<String> files() throws IOException {
    Set<String> files = new HashSet<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && skip.contains(Digester.relative(root, dir))
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String rel = Digester.relative(root, file);
            if (!skip.contains(rel)) {
              files.add(rel);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }
}
