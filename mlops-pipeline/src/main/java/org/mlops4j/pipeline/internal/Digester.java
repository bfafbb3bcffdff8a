package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Hashes files and directories of a project through a {@link StateStore}, refusing symbolic links
 * that lead outside the project root.
 *
 * @since 0.1.0
 */
public final class Digester {
  private final Path realRoot;
  private final StateStore state;

  /**
   * @param realRoot the project root, already resolved with {@link Path#toRealPath}
   * @param state where known hashes are kept
   */
  public Digester(Path realRoot, StateStore state) {
    this.realRoot = realRoot;
    this.state = state;
  }

  /**
   * @return the state store
   */
  public StateStore state() {
    return state;
  }

  /**
   * @param path an absolute path under the root
   * @return its digest, or empty if nothing exists there
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if a symbolic link below leads outside the root
   */
  public Optional<Digest> digest(Path path) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (attrs.isSymbolicLink()) {
      Path real = checkLink(path);
      if (!Files.exists(real)) {
        return Optional.empty();
      }
      attrs = Files.readAttributes(real, BasicFileAttributes.class);
      path = real;
    }
    if (attrs.isDirectory()) {
      return Optional.of(directory(path));
    }
    return Optional.of(Digest.ofFile(state.hash(path, attrs), attrs.size()));
  }

  private Digest directory(Path dir) throws IOException {
    List<Digest.ManifestEntry> entries = new ArrayList<>();
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = file;
            BasicFileAttributes a = attrs;
            if (attrs.isSymbolicLink()) {
              target = checkLink(file);
              a = Files.readAttributes(target, BasicFileAttributes.class);
              if (a.isDirectory()) {
                throw new IllegalArgumentException(
                    "symbolic link to a directory inside a directory is not supported: " + file);
              }
            }
            if (a.isRegularFile()) {
              String rel = relative(dir, file);
              entries.add(new Digest.ManifestEntry(rel, state.hash(target, a), a.size()));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    entries.sort(Comparator.comparing(Digest.ManifestEntry::path));
    return Digest.ofDirectory(entries);
  }

  /**
   * @return the link's real target, if inside the root
   */
  Path checkLink(Path link) throws IOException {
    Path target = Files.readSymbolicLink(link);
    Path resolved = link.getParent().resolve(target).normalize();
    Path real;
    try {
      real = resolved.toRealPath();
    } catch (NoSuchFileException e) {
      real = resolved;
    }
    if (!real.startsWith(realRoot)) {
      throw new IllegalArgumentException(
          "symbolic link "
              + relative(realRoot, link)
              + " points to "
              + real
              + ", outside the project root "
              + realRoot);
    }
    return real;
  }

  /**
   * @return {@code file} relative to {@code base}, with {@code /} separators
   */
  public static String relative(Path base, Path file) {
    String s = base.relativize(file).toString();
    return file.getFileSystem().getSeparator().equals("/")
        ? s
        : s.replace(file.getFileSystem().getSeparator(), "/");
  }
}
