/**
 * The public vocabulary of mlops4j: the interfaces, records and exceptions that the other modules
 * implement and exchange. Depends on the JDK only (JSpecify's nullness annotations are needed at
 * compile time only). The {@code internal} package holds the one copy of what every module needs
 * (atomic writes, argument checks, names, the library version) and is exported to the siblings
 * only.
 */
module org.mlops4j.api {
  requires static org.jspecify;

  exports org.mlops4j.api;
  exports org.mlops4j.api.tracking;
  exports org.mlops4j.api.internal to
      org.mlops4j.report,
      org.mlops4j.core,
      org.mlops4j.pipeline,
      org.mlops4j.drift,
      org.mlops4j.fairness,
      org.mlops4j.features,
      org.mlops4j.slices,
      org.mlops4j.explain,
      org.mlops4j.registry,
      org.mlops4j.cards,
      org.mlops4j.serving,
      org.mlops4j.storage.s3,
      org.mlops4j.spark,
      org.mlops4j.privacy,
      org.mlops4j.cli;
}
