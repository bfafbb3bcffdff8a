package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;

/**
 * The private folder a stage's work writes to: {@code <tmp>/<stage>-<uuid>/out/<output path>} for
 * each declared output (its parent folder created) and {@code <tmp>/<stage>-<uuid>/scratch/} for
 * temporary files. Nothing the work writes reaches the project before {@link #check()} has passed.
 *
 * <p>{@link #check()} fails the stage, with an {@link IllegalStateException} whose message says
 * what to do, when the work wrote a file under {@code out/} that is neither a declared output nor
 * inside a declared directory output, or did not write a declared output.
 */
public final class OutputSandbox {
  private final String stage;
  private final List<String> outputs;
  private final Path folder;
  private final Path outDir;
  private final Path scratch;

  private OutputSandbox(String stage, List<String> outputs, Path folder) {
    this.stage = stage;
    this.outputs = List.copyOf(outputs);
    this.folder = folder;
    this.outDir = folder.resolve("out");
    this.scratch = folder.resolve("scratch");
  }

  /**
   * Creates a new sandbox.
   *
   * @param tmpDir the folder of sandboxes, on the same file system as the cache
   * @param stage the stage's name
   * @param outputs its declared outputs, normalized relative paths with {@code /}
   * @return the sandbox, its folders created
   * @throws IOException if a folder cannot be created
   */
  public static OutputSandbox create(Path tmpDir, String stage, List<String> outputs)
      throws IOException {
    Require.nonNull(tmpDir, "tmpDir");
    Require.nonNull(stage, "stage");
    Require.nonNull(outputs, "outputs");
    OutputSandbox box =
        new OutputSandbox(stage, outputs, tmpDir.resolve(stage + "-" + UUID.randomUUID()));
    Files.createDirectories(box.scratch);
    Files.createDirectories(box.outDir);
    for (String o : box.outputs) {
      Path parent = box.outDir.resolve(o).getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    }
    return box;
  }

  /**
   * @param output a declared output, normalized
   * @return where the work writes it
   */
  public Path output(String output) {
    return outDir.resolve(output);
  }

  /**
   * @return the folder for temporary files; its content is not an output
   */
  public Path scratchDir() {
    return scratch;
  }

  /**
   * Checks what the work wrote.
   *
   * @throws IllegalStateException if it wrote an undeclared output or missed a declared one
   * @throws IOException if the sandbox cannot be read
   */
  public void check() throws IOException {
    List<String> undeclared = new ArrayList<>();
    Files.walkFileTree(
        outDir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String rel = Digester.relative(outDir, dir);
            return outputs.contains(rel) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String rel = Digester.relative(outDir, file);
            if (!outputs.contains(rel)) {
              undeclared.add(rel);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    if (!undeclared.isEmpty()) {
      Collections.sort(undeclared);
      throw new IllegalStateException(
          "stage '"
              + stage
              + "' wrote undeclared output(s) "
              + undeclared
              + "; declare them with output(...) or write temporary files to scratchDir()");
    }
    for (String o : outputs) {
      if (!Files.exists(outDir.resolve(o))) {
        throw new IllegalStateException(
            "stage '"
                + stage
                + "' did not write its declared output '"
                + o
                + "' (write it to ctx.output(\""
                + o
                + "\"))");
      }
    }
  }

  /**
   * Deletes the sandbox and whatever is left in it.
   *
   * @throws IOException if it cannot be deleted
   */
  public void delete() throws IOException {
    AtomicFiles.deleteRecursively(folder);
  }

  @Override
  public String toString() {
    return folder.toString();
  }
}
