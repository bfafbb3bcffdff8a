package org.mlops4j.pipeline.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.RemoteStorage;
import org.mlops4j.pipeline.RemoteStorageProvider;

/**
 * Serves {@code file:} URLs with a {@link FolderStorage}: a local or mounted folder.
 *
 * @since 0.1.0
 */
public final class FolderStorageProvider implements RemoteStorageProvider {

  /** For {@link java.util.ServiceLoader}. */
  public FolderStorageProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("file");
  }

  @Override
  public RemoteStorage open(String url) {
    try {
      return new FolderStorage(Path.of(new URI(url)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          Require.mustBe("url", "a valid file: URL (" + e.getMessage() + ")", "'" + url + "'"), e);
    }
  }
}
