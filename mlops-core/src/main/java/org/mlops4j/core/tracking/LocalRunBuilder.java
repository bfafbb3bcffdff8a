package org.mlops4j.core.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Names;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunAction;
import org.mlops4j.api.tracking.RunBuilder;
import org.mlops4j.api.tracking.RunWork;
import org.mlops4j.core.Provenance;

/**
 * The {@link RunBuilder} of a {@link LocalTracker}. {@link #run} and {@link #runVoid} end the run
 * FINISHED when the work returns and FAILED when it throws; a checked exception of the work is
 * rethrown wrapped in an {@code MlopsException} {@code "run '<name>' failed: <exception>"}.
 */
final class LocalRunBuilder implements RunBuilder {

  private final LocalTracker tracker;
  private final String experimentName;
  private @Nullable String runName;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, Long> seeds = new TreeMap<>();

  LocalRunBuilder(LocalTracker tracker, String experimentName) {
    this.tracker = tracker;
    this.experimentName = LocalTracker.requireExperimentName(experimentName);
  }

  @Override
  public RunBuilder name(String name) {
    this.runName = Require.nonBlank(name, "run name");
    return this;
  }

  @Override
  public RunBuilder tag(String key, String value) {
    Names.validateKey("tag key", key);
    tags.put(key, Require.nonNull(value, "value"));
    return this;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The seed is written as tag {@code mlops4j.seed.<name>}, a file of the run's {@code tags/}
   * folder, so the name is checked as a key ({@link Names#validateKey}, {@code "seed name"}) and
   * the tag key as well (at most 250 characters).
   */
  @Override
  public RunBuilder seed(String name, long seed) {
    Require.nonBlank(name, "seed name");
    Names.validateKey("seed name", name);
    Names.validateKey("tag key", seedTag(name));
    seeds.put(name, seed);
    return this;
  }

  /**
   * @return the tag key of a seed, {@code mlops4j.seed.<name>}, as {@link Provenance#asMap()}
   *     writes it
   */
  static String seedTag(String name) {
    return Provenance.TAG_PREFIX + "seed." + name;
  }

  @Override
  public Run start() {
    return tracker.start(experimentName, runName, tags, seeds);
  }

  @Override
  public <T> T run(RunWork<T> work) {
    Require.nonNull(work, "work");
    return LocalTracker.runWork(start(), work);
  }

  @Override
  public void runVoid(RunAction work) {
    Require.nonNull(work, "work");
    LocalTracker.runWork(
        start(),
        r -> {
          work.accept(r);
          return null;
        });
  }
}
