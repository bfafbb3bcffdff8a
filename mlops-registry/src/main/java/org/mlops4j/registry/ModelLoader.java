package org.mlops4j.registry;

import java.nio.file.Path;

/**
 * Turns a verified version's files into a model object, with any model library (Tribuo, XGBoost4J,
 * ONNX Runtime, a serialised object). Called by {@link ModelRegistry#load} only after every file's
 * SHA-256 matched.
 *
 * @param <T> the model type
 * @since 0.1.0
 */
@FunctionalInterface
public interface ModelLoader<T> {
  /**
   * @param directory the version's {@code artifacts/} folder, the files under their registered
   *     paths
   * @param version the version
   * @return the model
   * @throws Exception if the model library fails (wrapped in an {@code MlopsException})
   */
  T load(Path directory, ModelVersion version) throws Exception;
}
