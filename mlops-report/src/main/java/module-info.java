/**
 * mlops4j report: how results leave the JVM. The report toolkit ({@code org.mlops4j.report}: a
 * composable, self-contained HTML {@code Page} of sections, tables and SVG charts with axes, ticks,
 * legends and intervals, on which several results and the user's own blocks share one page), HTML
 * escaping, and the one JSON convention (a header with format, version, library version and
 * creation time; camelCase fields; an undefined number is {@code null} with a sibling {@code
 * <name>Reason}). Its internals are exported to the modules that write reports only.
 */
module org.mlops4j.report {
  requires transitive org.mlops4j.api;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;

  exports org.mlops4j.report;
  exports org.mlops4j.report.internal to
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
