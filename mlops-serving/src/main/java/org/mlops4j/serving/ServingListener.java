package org.mlops4j.serving;

/**
 * Receives the events of a {@link ModelService} synchronously, on the thread that caused them (the
 * refresh thread, the request thread for a canary rollback or a monitor alert). A listener that
 * throws is logged and skipped.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ServingListener {

  /**
   * @param event the event
   */
  void onEvent(ServingEvent event);
}
