package org.mlops4j.core.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunAction;
import org.mlops4j.api.tracking.RunBuilder;
import org.mlops4j.api.tracking.RunWork;
import org.mlops4j.api.internal.Names;

/** The {@link RunBuilder} of a {@link LocalTracker}. */
final class LocalRunBuilder implements RunBuilder {

  private final LocalTracker tracker;
  private final String experimentName;
  private String runName;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, Long> seeds = new TreeMap<>();

  LocalRunBuilder(LocalTracker tracker, String experimentName) {
    this.tracker = tracker;
    this.experimentName = LocalTracker.requireExperimentName(experimentName);
  }

  @Override
  public RunBuilder name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("run name must not be blank, but was '" + name + "'");
    }
    this.runName = name;
    return this;
  }

  @Override
  public RunBuilder tag(String key, String value) {
    Names.validateKey("tag key", key);
    if (value == null) {
      throw new IllegalArgumentException("tag value must not be null (key '" + key + "')");
    }
    tags.put(key, value);
    return this;
  }

  @Override
  public RunBuilder seed(String name, long seed) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("seed name must not be blank, but was '" + name + "'");
    }
    seeds.put(name, seed);
    return this;
  }

  @Override
  public Run start() {
    return tracker.start(experimentName, runName, tags, seeds);
  }

  @Override
  public <T> T run(RunWork<T> work) {
    return LocalTracker.runWork(start(), work);
  }

  @Override
  public void runVoid(RunAction work) {
    LocalTracker.runWork(start(), r -> {
      work.accept(r);
      return null;
    });
  }
}
