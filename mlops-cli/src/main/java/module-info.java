/**
 * The {@code mlops} command line of mlops4j: drift, fairness and slice checks over CSV files, the
 * runs and the model registry of a local store, data versioning and model cards. Exports {@code
 * org.mlops4j.cli} ({@code Main}) only; the helpers in {@code org.mlops4j.cli.internal} are not
 * exported. picocli reads the commands' annotated fields by reflection, so the command package is
 * open to it. {@code mlops-storage-s3} is not required: {@code mlops data} finds it at run time
 * through {@code ServiceLoader} when it is on the class path.
 */
module org.mlops4j.cli {
  requires org.mlops4j.api;
  requires org.mlops4j.report;
  requires org.mlops4j.core;
  requires org.mlops4j.drift;
  requires org.mlops4j.fairness;
  requires org.mlops4j.slices;
  requires org.mlops4j.registry;
  requires org.mlops4j.pipeline;
  requires org.mlops4j.cards;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.mlops4j.cli;

  opens org.mlops4j.cli to
      info.picocli;
}
