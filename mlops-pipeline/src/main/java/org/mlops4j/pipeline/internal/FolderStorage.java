package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.RemoteStorage;

/**
 * A remote in a local or mounted folder: key {@code cache/ab/cdef} is the file {@code
 * <folder>/cache/ab/cdef}, the layout {@code Pipeline.push(Path)} writes. An upload is copied to a
 * temporary name beside its target, forced to the device and renamed (see {@link
 * ObjectCache#copyTo(Path, Path, String)}), so a killed upload never shows under the key. A key
 * outside {@code cache/} (a tracking manifest) replaces what is there; a cache object already there
 * is kept, as its name is its content.
 *
 * @since 0.1.0
 */
public final class FolderStorage implements RemoteStorage {
  private final Path root;
  private final ObjectCache writer;

  /**
   * @param folder the remote folder (created on first upload)
   */
  public FolderStorage(Path folder) {
    this.root = folder.toAbsolutePath().normalize();
    this.writer = new ObjectCache(root.resolve("cache"), root.resolve("runs"));
  }

  @Override
  public String url() {
    return root.toString();
  }

  @Override
  public Set<String> list(String prefix) throws IOException {
    Set<String> keys = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return keys;
    }
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return keys;
    }
    try (Stream<Path> s = Files.walk(start)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> Digester.relative(root, p))
          .filter(k -> k.startsWith(prefix))
          .forEach(keys::add);
    }
    return keys;
  }

  @Override
  public void upload(Path file, String key) throws IOException {
    Path target = resolve(key);
    if (!key.startsWith("cache/")) {
      // a named file (a tracking manifest): replaced, atomically and durably
      AtomicFiles.write(target, out -> Files.copy(file, out), AtomicFiles.Durability.DURABLE);
      return;
    }
    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return; // a cache object: named by its content, so the same bytes
    }
    writer.copyTo(file, target, null);
  }

  @Override
  public void download(String key, Path target) throws IOException {
    Path source = resolve(key);
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(source.toString(), null, "not in the remote " + root);
    }
    AtomicFiles.copy(source, target);
  }

  private Path resolve(String key) {
    if (SafePaths.problem(key).isPresent()) {
      throw new IllegalArgumentException("key must be a relative path, but was '" + key + "'");
    }
    return root.resolve(key);
  }

  @Override
  public String toString() {
    return "FolderStorage[" + root + "]";
  }
}
