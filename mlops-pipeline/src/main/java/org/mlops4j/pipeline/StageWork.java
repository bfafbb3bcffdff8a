package org.mlops4j.pipeline;

/**
 * The work of a stage: reads its inputs through {@link StageContext#input(String)} and writes each
 * declared output to {@link StageContext#output(String)}, a path in a private sandbox from which
 * the outputs are moved into place only when the work returns normally. A lambda or any class.
 *
 * <pre>{@code
 * StageWork split = ctx -> {
 *   List<String> rows = Files.readAllLines(ctx.input("data/raw.csv"));
 *   Files.write(ctx.output("data/train.csv"), rows.subList(0, rows.size() * 4 / 5));
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface StageWork {

  /**
   * Does the stage's work.
   *
   * @param ctx the stage's inputs, outputs, params, seed and progress reporting
   * @throws Exception any failure, checked or not: the stages that do not depend on this one still
   *     run, then {@link Pipeline#run()} throws a {@link PipelineException} that names this stage
   *     and has the failure as its cause; the stage's previous outputs stay in place and it runs
   *     again next time
   */
  void run(StageContext ctx) throws Exception;
}
