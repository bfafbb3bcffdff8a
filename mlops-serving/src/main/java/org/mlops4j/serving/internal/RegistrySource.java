package org.mlops4j.serving.internal;

import org.mlops4j.api.internal.Require;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;

/**
 * A {@link ModelSource} over a {@link ModelRegistry}: {@code versionByAlias} to resolve, {@code
 * load(name, "<n>", loader)} (every artifact's SHA-256 checked before the loader runs) to load.
 *
 * @param <M> the model type
 */
public final class RegistrySource<M> implements ModelSource<M> {
  private final ModelRegistry registry;
  private final String name;
  private final ModelLoader<? extends M> loader;

  /**
   * @param registry the registry
   * @param name the model's name
   * @param loader turns a version's files into a model
   */
  public RegistrySource(ModelRegistry registry, String name, ModelLoader<? extends M> loader) {
    this.registry = Require.nonNull(registry, "registry");
    this.name = Require.nonBlank(name, "name");
    this.loader = Require.nonNull(loader, "loader");
  }

  @Override
  public int resolve(String alias) {
    return registry.versionByAlias(name, alias).version();
  }

  @Override
  public M load(int version) {
    M model = registry.load(name, Integer.toString(version), loader);
    return Require.nonNull(model, "the loader's model");
  }

  @Override
  public String name() {
    return name;
  }
}
