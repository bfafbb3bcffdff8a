/**
 * mlops4j storage-s3: {@code s3://bucket/prefix} remotes on any S3-compatible server (AWS, MinIO,
 * Ceph, Garage, S3Proxy), for the data cache and the pipeline's outputs.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.storage.s3;

import org.jspecify.annotations.NullMarked;
