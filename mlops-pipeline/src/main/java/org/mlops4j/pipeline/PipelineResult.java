package org.mlops4j.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.mlops4j.api.internal.Require;

/**
 * The outcome of {@link Pipeline#run()} (per stage, in dependency order) or of {@link
 * Pipeline#status()}.
 *
 * <pre>{@code
 * PipelineResult r = pipeline.run();
 * r.ran();      // [train]
 * r.skipped();  // [prepare]
 * System.out.println(r);
 * // pipeline run in 812 ms: 1 ran, 0 restored, 1 skipped, 0 failed
 * //   prepare: SKIPPED (up to date)
 * //   train: RAN (param 'lr' changed: 0.1 -> 0.01, 800 ms)
 * }</pre>
 *
 * @param stages one outcome per stage, in dependency order (ties by declaration order)
 * @param duration wall time of the whole run
 * @param lockFile the lock file the run wrote or would compare against
 * @since 0.1.0
 */
public record PipelineResult(List<StageOutcome> stages, Duration duration, Path lockFile) {

  /**
   * Canonical constructor; copies the list.
   *
   * @throws NullPointerException if an argument or an element of stages is null
   */
  public PipelineResult {
    stages = List.copyOf(Require.nonNull(stages, "stages"));
    Require.nonNull(duration, "duration");
    Require.nonNull(lockFile, "lockFile");
  }

  /**
   * @return names of the stages whose work ran
   */
  public List<String> ran() {
    return names(StageOutcome.Action.RAN);
  }

  /**
   * @return names of the stages restored from the run cache
   */
  public List<String> restored() {
    return names(StageOutcome.Action.RESTORED);
  }

  /**
   * @return names of the stages skipped as up to date
   */
  public List<String> skipped() {
    return names(StageOutcome.Action.SKIPPED);
  }

  /**
   * @return names of the stages that failed
   */
  public List<String> failed() {
    return names(StageOutcome.Action.FAILED);
  }

  /**
   * @return names of the stages that are stale (in a status)
   */
  public List<String> stale() {
    return names(StageOutcome.Action.STALE);
  }

  /**
   * @return whether every stage is up to date (in a status) or was skipped (in a run)
   */
  public boolean upToDate() {
    return stages.stream().allMatch(s -> s.action() == StageOutcome.Action.SKIPPED);
  }

  /**
   * @param name a stage name
   * @return the outcome of the named stage
   * @throws IllegalArgumentException if there is no such stage
   */
  public StageOutcome stage(String name) {
    Require.nonNull(name, "name");
    return stages.stream()
        .filter(s -> s.stage().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    Require.mustBe(
                        "name",
                        "one of " + stages.stream().map(StageOutcome::stage).toList(),
                        "'" + name + "'")));
  }

  private List<String> names(StageOutcome.Action a) {
    return stages.stream()
        .filter(s -> s.action() == a)
        .map(StageOutcome::stage)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("pipeline in ")
        .append(duration.toMillis())
        .append(" ms: ")
        .append(ran().size())
        .append(" ran, ")
        .append(restored().size())
        .append(" restored, ")
        .append(skipped().size())
        .append(" skipped, ");
    if (!stale().isEmpty()) {
      sb.append(stale().size()).append(" stale, ");
    }
    sb.append(failed().size()).append(" failed");
    for (StageOutcome s : stages) {
      sb.append("\n  ").append(s);
    }
    return sb.toString();
  }
}
