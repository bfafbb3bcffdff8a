package org.mlops4j.api.tracking;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;

/**
 * An experiment: a named group of runs, as stored in an experiment's {@code meta.yaml} and its
 * {@code tags/} folder.
 *
 * @param id the experiment id, also the name of its folder ({@code "0"} for {@code Default})
 * @param name the experiment's unique name
 * @param artifactLocation the URI under which the experiment's runs keep their artifacts
 * @param lifecycleStage active, or deleted (in the store's {@code .trash})
 * @param creationTime when the experiment was created (millisecond precision)
 * @param lastUpdateTime when the experiment was last changed (millisecond precision)
 * @param tags the experiment's tags, by key, in key order
 * @since 0.1.0
 */
public record Experiment(
    String id,
    String name,
    String artifactLocation,
    LifecycleStage lifecycleStage,
    Instant creationTime,
    Instant lastUpdateTime,
    Map<String, String> tags) {

  /** Canonical constructor; copies the tags into an immutable, key-ordered map. */
  public Experiment {
    Require.nonNull(id, "id");
    Require.nonNull(name, "name");
    Require.nonNull(artifactLocation, "artifactLocation");
    Require.nonNull(lifecycleStage, "lifecycleStage");
    Require.nonNull(creationTime, "creationTime");
    Require.nonNull(lastUpdateTime, "lastUpdateTime");
    tags = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(tags, "tags")));
  }

  /**
   * @return true unless the experiment has been deleted
   */
  public boolean isActive() {
    return lifecycleStage == LifecycleStage.ACTIVE;
  }
}
