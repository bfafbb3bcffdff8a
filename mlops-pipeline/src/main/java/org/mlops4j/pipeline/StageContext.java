package org.mlops4j.pipeline;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a stage's {@link StageWork} sees while it runs.
 *
 * @since 0.1.0
 */
public interface StageContext {

  /**
   * @return the stage's name
   */
  String stageName();

  /**
   * @return the stage's seed, derived from the pipeline seed and the stage name (see {@link
   *     Pipeline#deriveSeed(long, String)})
   */
  long seed();

  /**
   * @return the project root (absolute, real path)
   */
  Path projectRoot();

  /**
   * @param path a declared input, relative to the project root, as declared or in any spelling that
   *     normalizes to it ({@code ./data/raw.csv} for {@code data/raw.csv})
   * @return the absolute path to read it from
   * @throws IllegalArgumentException if the stage did not declare it
   */
  Path input(String path);

  /**
   * The location to write a declared output to: a path in the stage's sandbox, whose parent
   * directory exists. Write a file there, or create a directory there for a directory output.
   *
   * @param path a declared output, as declared or in any spelling that normalizes to it
   * @return the absolute path to write it to
   * @throws IllegalArgumentException if the stage did not declare it
   */
  Path output(String path);

  /**
   * @return a scratch directory for temporary files, deleted when the stage ends; files here are
   *     not outputs
   */
  Path scratchDir();

  /**
   * @param name a declared param
   * @return its value (String, Long, Double or Boolean)
   * @throws IllegalArgumentException if the stage did not declare it
   */
  Object param(String name);

  /**
   * @return every declared param, by name
   */
  Map<String, Object> params();

  /**
   * Reports progress to the pipeline's {@link ProgressListener} and to the SLF4J logger {@code
   * org.mlops4j.pipeline.Pipeline} at INFO.
   *
   * @param fraction done so far, in [0, 1]
   * @param message what is being done
   * @throws IllegalArgumentException if fraction is outside [0, 1] or NaN
   */
  void progress(double fraction, String message);
}
