/**
 * mlops4j pipeline: reproducible pipelines of stages with declared inputs, params and outputs, a
 * content-addressed cache, a lock file and provenance; data versioning with pointer files ({@code
 * Data}) and remotes ({@code RemoteStorage}, found by URL scheme through {@link
 * java.util.ServiceLoader}: a folder is built in, {@code s3://} comes with mlops-storage-s3); runs
 * and registered models of a tracking store shared through the same remote ({@code
 * TrackingRemote}). Exports {@code org.mlops4j.pipeline} only; the internals ({@code
 * org.mlops4j.pipeline.internal}) are opened to Jackson alone, which reads and writes the lock and
 * run-cache records kept there.
 */
module org.mlops4j.pipeline {
  requires transitive org.mlops4j.api;
  requires org.mlops4j.core;
  requires org.mlops4j.report;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.mlops4j.pipeline;

  opens org.mlops4j.pipeline.internal to
      com.fasterxml.jackson.databind;

  uses org.mlops4j.pipeline.RemoteStorageProvider;

  provides org.mlops4j.pipeline.RemoteStorageProvider with
      org.mlops4j.pipeline.internal.FolderStorageProvider;
}
