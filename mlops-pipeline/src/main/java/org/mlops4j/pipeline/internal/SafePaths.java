package org.mlops4j.pipeline.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;

/**
 * The checks of every path that comes from data rather than from the pipeline's declaration (a
 * cache manifest, a remote) and of every place a file is put in the project.
 *
 * <p>A relative path from data is accepted only in the shape a manifest written by mlops4j has: not
 * empty, segments separated by {@code /}, no empty segment (no leading, trailing or double {@code
 * /}), no {@code .} or {@code ..} segment, no backslash, no NUL, and not absolute or rooted on this
 * platform (so {@code C:x} is refused on Windows). Such a path, resolved against a folder, stays
 * inside it.
 *
 * <p>A file is put in the project only through folders that are real folders or symbolic links that
 * resolve inside the project root: {@link #placeInside} walks from the root down to the target's
 * folder without following links on the way, creating missing folders one by one.
 */
public final class SafePaths {
  private SafePaths() {}

  /**
   * @param rel a relative path read from data, with {@code /} separators
   * @return why the path is refused ("it is absolute", "it has a '..' segment", ...), or empty if
   *     it is a normalised relative path that stays inside the folder it is resolved against
   */
  public static Optional<String> problem(String rel) {
    if (rel.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (rel.indexOf('\0') >= 0) {
      return Optional.of("it has a NUL character");
    }
    if (rel.indexOf('\\') >= 0) {
      return Optional.of("it has a backslash");
    }
    if (rel.startsWith("/")) {
      return Optional.of("it is absolute");
    }
    for (String segment : rel.split("/", -1)) {
      if (segment.isEmpty()) {
        return Optional.of("it has an empty segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("it has a '" + segment + "' segment");
      }
    }
    Path p;
    try {
      p = Path.of(rel);
    } catch (InvalidPathException e) {
      return Optional.of("it is not a valid path on this platform");
    }
    if (p.isAbsolute() || p.getRoot() != null) {
      return Optional.of("it is absolute on this platform");
    }
    Path base = Path.of("base");
    if (!base.resolve(p).normalize().startsWith(base) || !p.normalize().equals(p)) {
      return Optional.of("it is not a normalised relative path on this platform");
    }
    return Optional.empty();
  }

  /**
   * Where a file or folder is renamed to so that it appears at {@code target}: the target's name in
   * the real path of its folder. Missing folders between the root and the target are created, one
   * at a time and without following links; a folder on the way that is a symbolic link is accepted
   * only when it resolves to a folder inside the root. The target itself is not looked at: a rename
   * replaces a link there instead of following it.
   *
   * @param root the project root, a real path
   * @param target a path below the root
   * @return the path to rename to
   * @throws MlopsException {@code <folder>: is a symbolic link to <where>, outside the project root
   *     <root>; ...} or {@code <folder>: is not a folder}
   * @throws IOException if a folder cannot be created or read
   */
  public static Path placeInside(Path root, Path target) throws IOException {
    Path rel = root.relativize(target);
    if (rel.isAbsolute() || rel.getNameCount() == 0 || rel.startsWith("..")) {
      throw new MlopsException(target + ": is not inside the project root " + root);
    }
    Path dir = root;
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      Path next = dir.resolve(rel.getName(i).toString());
      BasicFileAttributes a = attributes(next);
      if (a == null) {
        try {
          Files.createDirectory(next);
        } catch (FileAlreadyExistsException e) {
          // made meanwhile: looked at below
        }
        a = attributes(next);
        if (a == null) {
          throw new NoSuchFileException(next.toString(), null, "folder vanished while created");
        }
      }
      if (a.isSymbolicLink()) {
        Path real;
        try {
          real = next.toRealPath();
        } catch (IOException e) {
          throw new MlopsException(
              next
                  + ": is a symbolic link that leads nowhere ("
                  + Files.readSymbolicLink(next)
                  + "); outputs are not placed through it");
        }
        if (!real.startsWith(root) || !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
          throw new MlopsException(
              next
                  + ": is a symbolic link to "
                  + real
                  + ", outside the project root "
                  + root
                  + "; outputs are not placed through it: remove the link");
        }
        next = real;
      } else if (!a.isDirectory()) {
        throw new MlopsException(next + ": is not a folder, so " + target + " cannot be placed");
      }
      dir = next;
    }
    return dir.resolve(rel.getFileName().toString());
  }

  private static @Nullable BasicFileAttributes attributes(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
