/**
 * mlops4j registry: the model registry: registered models and versions (artifacts stored by
 * SHA-256), aliases and stages in MLflow's registry FileStore layout, lineage, gated promotion and
 * an append-only audit log. The implementation in {@code org.mlops4j.registry.internal} is not
 * exported.
 */
module org.mlops4j.registry {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.mlops4j.core;
  requires transitive org.mlops4j.pipeline;
  requires transitive org.mlops4j.drift;
  requires transitive org.mlops4j.fairness;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.statistics.distribution;
  requires static org.jspecify;

  exports org.mlops4j.registry;
}
