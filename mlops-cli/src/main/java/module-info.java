/**
 * The {@code mlops} command line of mlops4j: drift and fairness checks over CSV files and the runs
 * of a local tracking store. Exports {@code org.mlops4j.cli} ({@code Main}) only; the helpers in
 * {@code org.mlops4j.cli.internal} are not exported. picocli reads the commands' annotated fields
 * by reflection, so the command package is open to it.
 */
module org.mlops4j.cli {
  requires org.mlops4j.api;
  requires org.mlops4j.report;
  requires org.mlops4j.core;
  requires org.mlops4j.drift;
  requires org.mlops4j.fairness;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.mlops4j.cli;

  opens org.mlops4j.cli to
      info.picocli;
}
