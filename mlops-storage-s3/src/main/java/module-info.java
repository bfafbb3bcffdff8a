/**
 * mlops4j storage-s3: {@code s3://bucket/prefix} remotes on any S3-compatible server, found by the
 * pipeline module through {@link java.util.ServiceLoader}. The provider in {@code
 * org.mlops4j.storage.s3.internal} is not exported.
 */
module org.mlops4j.storage.s3 {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.pipeline;
  requires software.amazon.awssdk.auth;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.http.urlconnection;
  requires software.amazon.awssdk.regions;
  requires software.amazon.awssdk.retries.api;
  requires software.amazon.awssdk.services.s3;
  requires static org.jspecify;

  exports org.mlops4j.storage.s3;

  provides org.mlops4j.pipeline.RemoteStorageProvider with
      org.mlops4j.storage.s3.internal.S3StorageProvider;
}
