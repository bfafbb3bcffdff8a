package org.mlops4j.pipeline;

import org.mlops4j.api.MlopsException;

/**
 * Thrown by {@link Pipeline#run()} when a stage failed: its work threw (any exception, checked or
 * not), it wrote a file it did not declare or did not write a declared output, or one of its inputs
 * no longer exists. Thrown once every stage that does not depend on a failed one has finished.
 *
 * <p>The message is {@code stage '<name>' failed: <the failure's message>} for the first failed
 * stage in dependency order (the failure's class name when it has no message), followed by {@code ;
 * also failed: [<names>]} and {@code ; not run: [<names>]} when there are such stages. The cause is
 * the first failed stage's failure; {@link #result()} tells what happened to every stage. Stages
 * that succeeded are in the lock and their outputs in place; the failed stage's previous outputs
 * are untouched, and the next run redoes it and the stages that depend on it.
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

  /**
   * @return what happened to every stage
   */
  public PipelineResult result() {
    return result;
  }
}
