package org.mlops4j.serving.internal;

/**
 * The seam between the service and the store: resolves an alias to a version number and loads a
 * version. The registry's implementation is {@link RegistrySource}.
 *
 * @param <M> the model type
 */
public interface ModelSource<M> {

  /**
   * @param alias an alias
   * @return the version number it points at now
   */
  int resolve(String alias);

  /**
   * Loads and verifies one version; returns only a fully built model.
   *
   * @param version the version number
   * @return the model
   */
  M load(int version);

  /**
   * @return the model's name, for messages
   */
  String name();
}
