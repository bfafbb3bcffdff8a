/**
 * mlops4j storage-s3: {@code s3://bucket/prefix} remotes on any S3-compatible server, found by the
 * pipeline module through {@link java.util.ServiceLoader}. The implementation in {@code
 * org.mlops4j.storage.s3.internal} is not exported.
 */
module org.mlops4j.storage.s3 {
  requires transitive org.mlops4j.api;
  requires org.mlops4j.pipeline;
  requires static org.jspecify;
// exports org.mlops4j.storage.s3; (added with the first public type)
}
