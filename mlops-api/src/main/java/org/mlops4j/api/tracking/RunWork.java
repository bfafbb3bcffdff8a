package org.mlops4j.api.tracking;

/**
 * Work done inside a run that returns a result, for {@link Tracker#run(String, String, RunWork)}.
 *
 * @param <T> the type of the result
 * @since 0.1.0
 */
@FunctionalInterface
public interface RunWork<T> {

  /**
   * @param run the run in progress
   * @return the result of the work
   * @throws Exception any failure, which ends the run as {@link RunStatus#FAILED}
   */
  T apply(Run run) throws Exception;
}
