/**
 * mlops4j core: experiment tracking in a local store in MLflow's FileStore layout ({@link
 * org.mlops4j.core.tracking.LocalTracker}) and the {@link org.mlops4j.core.Provenance} of runs.
 * Internals ({@code org.mlops4j.core.tracking.internal}) are not exported.
 */
module org.mlops4j.core {
  requires transitive org.mlops4j.api;
  requires org.mlops4j.report;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.yaml.snakeyaml;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.mlops4j.core;
  exports org.mlops4j.core.tracking;
  exports org.mlops4j.core.tracking.internal to
      org.mlops4j.registry;
}
