package org.mlops4j.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.FolderStorage;
import org.mlops4j.pipeline.internal.FolderStorageProvider;

/**
 * A remote store of cache objects, addressed by keys such as {@code cache/ab/cdef...} (an object)
 * and {@code cache/ab/cdef....dir} (a folder's manifest): the layout of the local cache and of a
 * remote folder written by {@link Pipeline#push(Path)}. Implementations are found by URL scheme
 * through {@link ServiceLoader} ({@link RemoteStorageProvider}): a folder path or {@code file:} URL
 * is built in; {@code s3://bucket/prefix} comes with the module {@code mlops-storage-s3}.
 *
 * <p>Contract for implementations: {@link #upload} makes the key visible only once all its bytes
 * are stored (a temporary name and a rename, an S3 PUT or a completed multipart upload), so an
 * interrupted upload never looks complete; methods may be called from several threads at once.
 * mlops4j checks the SHA-256 of everything it downloads, so a store need not be trusted.
 *
 * @since 0.1.0
 */
public interface RemoteStorage extends AutoCloseable {

  /**
   * @return the URL this store was opened with, for messages
   */
  String url();

  /**
   * @param prefix a key prefix such as {@code cache/}
   * @return every key that starts with it
   * @throws IOException if the store cannot be listed
   */
  Set<String> list(String prefix) throws IOException;

  /**
   * Stores a file under a key, replacing what is there; the key shows only once complete.
   *
   * @param file a local file
   * @param key where it goes
   * @throws IOException if it cannot be stored
   */
  void upload(Path file, String key) throws IOException;

  /**
   * Writes the content of a key to a local file (created or replaced).
   *
   * @param key what to read
   * @param target the local file
   * @throws java.nio.file.NoSuchFileException if the store has no such key
   * @throws IOException if it cannot be read
   */
  void download(String key, Path target) throws IOException;

  /** Releases connections and threads; does nothing by default. */
  @Override
  default void close() {}

  /**
   * Opens the store at a URL through the first {@link RemoteStorageProvider} that serves its
   * scheme; a URL without a scheme (or with a one-letter one, a Windows drive) is a local folder.
   *
   * @param url a folder path, a {@code file:} URL or a URL of a scheme a provider serves, such as
   *     {@code s3://bucket/prefix}
   * @return the store
   * @throws NullPointerException if url is null
   * @throws IllegalArgumentException {@code url must be a folder or a URL of a scheme with a
   *     provider [file, s3], but was 'ftp://host/x'} if no provider serves the scheme
   */
  static RemoteStorage open(String url) {
    Require.nonNull(url, "url");
    String scheme = schemeOf(url);
    if (scheme.isEmpty()) {
      return new FolderStorage(Path.of(url));
    }
    List<RemoteStorageProvider> providers = providers();
    for (RemoteStorageProvider p : providers) {
      if (p.schemes().contains(scheme)) {
        return p.open(url);
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe(
            "url", "a folder or a URL of a scheme with a provider " + schemes(), "'" + url + "'"));
  }

  /**
   * @return the schemes the providers on the class or module path serve, sorted
   */
  static Set<String> schemes() {
    Set<String> s = new TreeSet<>();
    providers().forEach(p -> s.addAll(p.schemes()));
    return s;
  }

  private static List<RemoteStorageProvider> providers() {
    List<RemoteStorageProvider> out = new ArrayList<>();
    ServiceLoader.load(RemoteStorageProvider.class, RemoteStorage.class.getClassLoader())
        .forEach(out::add);
    if (out.stream().noneMatch(p -> p.schemes().contains("file"))) {
      out.add(new FolderStorageProvider());
    }
    return out;
  }

  private static String schemeOf(String url) {
    int colon = url.indexOf(':');
    if (colon <= 1) {
      return "";
    }
    try {
      String s = new URI(url).getScheme();
      return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    } catch (URISyntaxException e) {
      String s = url.substring(0, colon);
      return s.matches("[A-Za-z][A-Za-z0-9+.-]*") ? s.toLowerCase(java.util.Locale.ROOT) : "";
    }
  }
}
