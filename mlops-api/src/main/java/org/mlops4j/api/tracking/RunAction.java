package org.mlops4j.api.tracking;

/**
 * Work done inside a run that returns nothing, for {@link Tracker#runVoid(String, String,
 * RunAction)}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RunAction {

  /**
   * @param run the run in progress
   * @throws Exception any failure, which ends the run as {@link RunStatus#FAILED}
   */
  void accept(Run run) throws Exception;
}
