package org.mlops4j.serving;

/**
 * What a {@link ModelService} runs when its {@link Retraining} rule fires: typically a pipeline run
 * that retrains what changed, registers a new version and proposes it for promotion. Runs on the
 * service's background thread, never on a request thread; one at a time.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RetrainingCallback {

  /**
   * @param request why and when
   * @throws Exception if retraining fails (raised as a {@link ServingEventType#RETRAINING_FAILED}
   *     event; the service keeps serving)
   */
  void retrain(RetrainingRequest request) throws Exception;
}
