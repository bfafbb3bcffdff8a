package org.mlops4j.pipeline;

import java.util.Set;

/**
 * Opens {@link RemoteStorage}s of some URL schemes; found through {@link java.util.ServiceLoader}
 * ({@code provides org.mlops4j.pipeline.RemoteStorageProvider with ...} in a module, or a {@code
 * META-INF/services/org.mlops4j.pipeline.RemoteStorageProvider} file on the class path). A provider
 * needs a public no-argument constructor.
 *
 * @since 0.1.0
 */
public interface RemoteStorageProvider {

  /**
   * @return the URL schemes served, lowercase, such as {@code s3}
   */
  Set<String> schemes();

  /**
   * Opens the store; settings not in the URL (credentials, endpoint) come from the usual
   * configuration of the storage system.
   *
   * @param url a URL of one of {@link #schemes()}
   * @return the store
   * @throws IllegalArgumentException if the URL is malformed
   * @throws org.mlops4j.api.MlopsException if the store cannot be reached or configured
   */
  RemoteStorage open(String url);
}
