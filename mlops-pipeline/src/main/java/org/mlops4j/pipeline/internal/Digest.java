package org.mlops4j.pipeline.internal;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * The content hash of a file or a directory.
 *
 * <p>A directory's hash is the SHA-256 of its manifest: one line {@code <sha256> <relative path>\n}
 * per regular file below it (paths with {@code /}, sorted by {@link String#compareTo}, i.e.
 * code-unit order), exactly the text {@code find . -type f | sort | xargs sha256sum} prints under
 * {@code LC_ALL=C} with the {@code ./} prefixes removed. Empty directories do not count.
 *
 * @param hash SHA-256, lowercase hex
 * @param size bytes (sum over files for a directory)
 * @param files 1 for a file, the number of files for a directory
 * @param directory whether this is a directory
 * @param entries the manifest entries of a directory, empty for a file
 * @since 0.1.0
 */
public record Digest(
    String hash, long size, int files, boolean directory, List<ManifestEntry> entries) {

  /**
   * One file of a directory manifest.
   *
   * @param path the file's path relative to the directory, with {@code /}
   * @param hash its SHA-256, lowercase hex
   * @param size its size in bytes
   */
  public record ManifestEntry(String path, String hash, long size) {}

  /** Canonical constructor. */
  public Digest {
    Require.nonNull(hash, "hash");
    entries = List.copyOf(Require.nonNull(entries, "entries"));
  }

  /**
   * @return the digest of a single file
   */
  public static Digest ofFile(String hash, long size) {
    return new Digest(hash, size, 1, false, List.of());
  }

  /**
   * @return the digest of a directory from its entries, sorted by path
   */
  public static Digest ofDirectory(List<ManifestEntry> sortedEntries) {
    String text = manifestText(sortedEntries);
    long size = 0;
    for (ManifestEntry e : sortedEntries) {
      size += e.size();
    }
    return new Digest(FileHasher.sha256(text), size, sortedEntries.size(), true, sortedEntries);
  }

  /**
   * @return the manifest text whose SHA-256 is a directory's hash
   */
  public static String manifestText(List<ManifestEntry> sortedEntries) {
    StringBuilder sb = new StringBuilder(sortedEntries.size() * 96);
    for (ManifestEntry e : sortedEntries) {
      sb.append(e.hash()).append("  ").append(e.path()).append('\n');
    }
    return sb.toString();
  }
}
