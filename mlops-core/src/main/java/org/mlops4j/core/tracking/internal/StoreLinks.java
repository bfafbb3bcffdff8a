package org.mlops4j.core.tracking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Symbolic links inside a tracking store: the store never follows one. MLflow's FileStore makes no
 * links, so a link inside a store was put there by someone else; following it would let whoever can
 * write into the store make a reader print, or a writer overwrite, files outside it ({@code ln -s
 * /etc/hostname params/leak}). The reader skips links (with a warning) and reads files with {@link
 * LinkOption#NOFOLLOW_LINKS}; the writer refuses to write through a linked folder. The store's root
 * itself may be a link: it is the caller's choice.
 */
public final class StoreLinks {

  private StoreLinks() {}

  /**
   * @return the first symbolic link among the folders between {@code base} (excluded) and {@code
   *     target} (excluded), from the top down; empty if there is none or target is not below base
   */
  public static Optional<Path> linkedFolder(Path base, Path target) {
    if (!target.startsWith(base)) {
      return Optional.empty();
    }
    Path found = null;
    for (Path p = target.getParent(); p != null && !p.equals(base); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * @return the first symbolic link among {@code target} and the folders between {@code base}
   *     (excluded) and it
   */
  public static Optional<Path> linkOnTheWay(Path base, Path target) {
    Optional<Path> folder = linkedFolder(base, target);
    if (folder.isPresent()) {
      return folder;
    }
    return Files.isSymbolicLink(target) ? Optional.of(target) : Optional.empty();
  }

  /**
   * Refuses to write {@code target} when a folder between {@code base} and it is a link. A link at
   * target itself needs no check: a whole-file write renames over it (replacing the link, never
   * writing through it), an append opens it with {@link LinkOption#NOFOLLOW_LINKS}.
   *
   * @throws IOException {@code "<link>: a symbolic link, which the tracker does not write through;
   *     ..."}
   */
  public static void requireNoLinkedFolder(Path base, Path target) throws IOException {
    Optional<Path> link = linkedFolder(base, target);
    if (link.isPresent()) {
      throw new IOException(writeMessage(link.get()));
    }
  }

  /**
   * @return the message for a link the writer found at {@code link}
   */
  public static String writeMessage(Path link) {
    return link
        + ": a symbolic link, which the tracker does not write through (the folders of a store"
        + " must be real folders; remove the link)";
  }

  /**
   * @return the attributes of the entry itself (a link is not followed), or null if it does not
   *     exist or cannot be read
   */
  static @Nullable BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * @return the bytes of a file, refusing a symbolic link ({@link LinkOption#NOFOLLOW_LINKS}: no
   *     race between a check and the read)
   */
  static byte[] readBytes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    }
  }

  /**
   * @return the UTF-8 text of a file, refusing a symbolic link; malformed UTF-8 is an {@link
   *     IOException}, as for {@link Files#readString(Path)}
   */
  static String readText(Path file) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(readBytes(file)))
        .toString();
  }
}
