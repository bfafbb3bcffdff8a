/**
 * mlops4j serving: an in-process model service behind a registry alias. The implementation in
 * {@code org.mlops4j.serving.internal} is not exported.
 */
module org.mlops4j.serving {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires transitive org.mlops4j.drift;
  requires transitive org.mlops4j.features;
  requires transitive org.mlops4j.registry;
  requires static org.jspecify;
  requires static micrometer.core;
  requires org.slf4j;

  exports org.mlops4j.serving;
  exports org.mlops4j.serving.micrometer;
}
