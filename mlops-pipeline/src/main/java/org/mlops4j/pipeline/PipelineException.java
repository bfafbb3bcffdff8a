package org.mlops4j.pipeline;

import org.mlops4j.api.MlopsException;

/**
 * Thrown by {@link Pipeline#run()} when a stage failed: its work threw, or it wrote a file it did
 * not declare, or it did not write a declared output. The cause is the first failure; {@link
 * #result()} tells what happened to every stage. Stages that succeeded are in the lock and their
 * outputs in place; the failed stage's previous outputs are untouched, and the next run redoes it
 * and the stages that depend on it.
 *
 * @since 0.1.0
 */
public final class PipelineException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final transient PipelineResult result;

  PipelineException(String message, Throwable cause, PipelineResult result) {
    super(message, cause);
    this.result = result;
  }

  /** @return what happened to every stage */
  public PipelineResult result() {
    return result;
  }
}
