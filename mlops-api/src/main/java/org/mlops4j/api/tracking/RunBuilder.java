package org.mlops4j.api.tracking;

/**
 * Declares a run before starting it: its name, its tags and the random seeds it uses (recorded in
 * its provenance). Obtained from {@link Tracker#newRun(String)}; ends in {@link #start()}, {@link
 * #run(RunWork)} or {@link #runVoid(RunAction)}.
 *
 * <pre>{@code
 * try (Run run = tracker.newRun("churn").name("baseline").tag("team", "risk").seed("split", 42L).start()) {
 *   run.logMetric("auc", 0.91);
 * }
 * }</pre>
 *
 * <p>Defaults: a generated name, no extra tags, no seeds.
 *
 * @since 0.1.0
 */
public interface RunBuilder {

  /**
   * @param runName the run's display name (any non-blank text)
   * @return this builder
   * @throws NullPointerException if runName is null
   * @throws IllegalArgumentException if runName is blank
   */
  RunBuilder name(String runName);

  /**
   * Adds a tag set when the run starts.
   *
   * @return this builder
   * @throws NullPointerException if the key or the value is null
   * @throws IllegalArgumentException if the key is not a valid name
   */
  RunBuilder tag(String key, String value);

  /**
   * Declares a random seed the run uses; it is recorded in the run's provenance, as tag {@code
   * mlops4j.seed.<name>}, so the name follows the rules of keys ({@link Run}).
   *
   * @return this builder
   * @throws NullPointerException if the name is null
   * @throws IllegalArgumentException if the name is blank, is not a valid key (for example {@code
   *     x/../y}), or makes the tag key longer than 250 characters
   */
  RunBuilder seed(String name, long seed);

  /**
   * Starts the run.
   *
   * @return the run, RUNNING; close it to end it
   */
  Run start();

  /**
   * Starts the run, applies the work, and ends the run FINISHED; if the work throws, ends the run
   * FAILED and rethrows (a checked exception wrapped in an {@link org.mlops4j.api.MlopsException}
   * {@code "run '<name>' failed: <cause>"}).
   *
   * @return the work's result
   */
  <T> T run(RunWork<T> work);

  /** As {@link #run(RunWork)}, for work that returns nothing. */
  void runVoid(RunAction work);
}
