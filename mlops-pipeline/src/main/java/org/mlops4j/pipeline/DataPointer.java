package org.mlops4j.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.SafePaths;
import org.mlops4j.report.internal.Json;

/**
 * A pointer file, {@code <name>.mlops} beside the data {@code <name>} it tracks: what is committed
 * to git instead of the data. The hash links the two: the data itself is in the project's cache
 * ({@code .mlops/cache}) and on a remote.
 *
 * <p>Format (YAML, written in this order, no timestamps so that adding unchanged data leaves the
 * file unchanged):
 *
 * <pre>
 * # mlops4j data pointer: commit this file; the data lives in the cache and on the remote
 * format: mlops4j.data-pointer
 * formatVersion: 1
 * path: raw.csv
 * hash:
 *   algorithm: sha256
 *   value: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * size: 4
 * files: 1
 * directory: false
 * </pre>
 *
 * {@code path} is the data's name relative to the pointer's folder; {@code value} the SHA-256 of a
 * file's bytes, or for a folder the SHA-256 of its manifest ({@code <sha256> <relative path>} per
 * file, sorted: the text {@code find . -type f | sort | xargs sha256sum} prints under {@code
 * LC_ALL=C}, without the {@code ./}), which the cache keeps as an object of its own; {@code size}
 * the bytes (summed over a folder's files); {@code files} 1 for a file. The same hash is what
 * {@code mlops.lock} records for a stage input at that path.
 *
 * @param path the data's name, relative to the pointer's folder
 * @param hash the SHA-256, 64 lowercase hex digits
 * @param size bytes
 * @param files files (1 for a file)
 * @param directory whether the data is a folder
 * @since 0.1.0
 */
public record DataPointer(String path, String hash, long size, int files, boolean directory) {
  /** The {@code format} of a pointer file. */
  public static final String FORMAT = "mlops4j.data-pointer";

  /** The extension of a pointer file. */
  public static final String EXTENSION = ".mlops";

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> FIELDS =
      Set.of("format", "formatVersion", "path", "hash", "size", "files", "directory");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the path is not a normalised relative path, the hash not 64
   *     lowercase hex digits, the size negative or files below 1 for a file
   */
  public DataPointer {
    Require.nonNull(path, "path");
    Require.nonNull(hash, "hash");
    Optional<String> problem = SafePaths.problem(path);
    Require.argument(
        problem.isEmpty(), "path", "a relative path (" + problem.orElse("") + ")", path);
    Require.argument(FileHasher.isSha256(hash), "hash", "64 lowercase hex digits", hash);
    Require.nonNegative(size, "size");
    Require.nonNegative(files, "files");
    Require.argument(directory || files == 1, "files", "1 for a file", files);
  }

  static DataPointer of(String name, Digest d) {
    return new DataPointer(name, d.hash(), d.size(), d.files(), d.directory());
  }

  /**
   * @return the pointer's text, in the format of the class comment
   */
  public String toYaml() {
    return "# mlops4j data pointer: commit this file; the data lives in the cache and on the"
        + " remote\n"
        + "format: "
        + FORMAT
        + "\nformatVersion: 1\npath: '"
        + path.replace("'", "''")
        + "'\nhash:\n  algorithm: sha256\n  value: "
        + hash
        + "\nsize: "
        + size
        + "\nfiles: "
        + files
        + "\ndirectory: "
        + directory
        + "\n";
  }

  /**
   * The pointer as JSON: the header ({@code format} {@code mlops4j.data-pointer}, {@code
   * formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then the fields
   * of the pointer file ({@link #toYaml()}): {@code path}, {@code hash} ({@code algorithm} {@code
   * sha256}, {@code value}), {@code size}, {@code files}, {@code directory}.
   *
   * @return the JSON text
   */
  public String toJson() {
    Map<String, Object> doc = Json.document(FORMAT, 1);
    doc.put("path", path);
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("algorithm", "sha256");
    h.put("value", hash);
    doc.put("hash", h);
    doc.put("size", size);
    doc.put("files", files);
    doc.put("directory", directory);
    return Json.write(doc);
  }

  /**
   * Reads a pointer file.
   *
   * @param pointerFile a {@code .mlops} file
   * @return the pointer
   * @throws MlopsException {@code <file>: not a data pointer: <why>} if it cannot be read, is not
   *     YAML of the format above, is of a newer {@code formatVersion}, or names another file than
   *     the one beside it
   */
  public static DataPointer load(Path pointerFile) {
    Require.nonNull(pointerFile, "pointerFile");
    String text;
    try {
      if (Files.isSymbolicLink(pointerFile)) {
        throw new MlopsException(pointerFile + ": not a data pointer: it is a symbolic link");
      }
      text = Files.readString(pointerFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MlopsException(pointerFile + ": cannot be read: " + e.getMessage(), e);
    }
    String name = pointerFile.getFileName().toString();
    return parse(
        text, pointerFile.toString(), name.substring(0, name.length() - EXTENSION.length()));
  }

  /**
   * Parses a pointer's text (as {@code git show} prints it).
   *
   * @param text the YAML
   * @param source where it came from, for messages
   * @param expectedName the data name the pointer must name, or null to accept any
   * @return the pointer
   * @throws MlopsException {@code <source>: not a data pointer: <why>}
   */
  static DataPointer parse(
      String text, String source, @org.jspecify.annotations.Nullable String expectedName) {
    JsonNode n;
    try {
      n = YAML.readTree(text);
    } catch (IOException e) {
      throw bad(source, "not YAML (" + firstLine(e.getMessage()) + ")");
    }
    if (n == null || !n.isObject()) {
      throw bad(source, "not a YAML mapping");
    }
    if (!FORMAT.equals(n.path("format").asText(null))) {
      throw bad(source, "format must be " + FORMAT + ", but was " + n.get("format"));
    }
    int version = n.path("formatVersion").asInt(-1);
    if (version > 1) {
      throw bad(
          source,
          "formatVersion "
              + version
              + " is newer than the formatVersion 1 this library reads: upgrade mlops4j");
    }
    if (version != 1) {
      throw bad(source, "formatVersion must be 1, but was " + n.get("formatVersion"));
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw bad(source, "unknown field '" + f + "'");
      }
    }
    JsonNode h = n.path("hash");
    if (!"sha256".equals(h.path("algorithm").asText(null))) {
      throw bad(source, "hash.algorithm must be sha256, but was " + h.get("algorithm"));
    }
    JsonNode size = n.get("size");
    JsonNode files = n.get("files");
    JsonNode dir = n.get("directory");
    JsonNode path = n.get("path");
    if (path == null || !path.isTextual()) {
      throw bad(source, "path must be text, but was " + path);
    }
    if (size == null || !size.canConvertToLong()) {
      throw bad(source, "size must be an integer, but was " + size);
    }
    if (files == null || !files.canConvertToInt()) {
      throw bad(source, "files must be an integer, but was " + files);
    }
    if (dir == null || !dir.isBoolean()) {
      throw bad(source, "directory must be true or false, but was " + dir);
    }
    if (expectedName != null && !expectedName.equals(path.asText())) {
      throw bad(
          source,
          "path must be '" + expectedName + "', the name beside the pointer, but was " + path);
    }
    if (path.asText().contains("/")) {
      throw bad(source, "path must be a name in the pointer's folder, but was " + path);
    }
    try {
      return new DataPointer(
          path.asText(), h.path("value").asText(""), size.asLong(), files.asInt(), dir.asBoolean());
    } catch (IllegalArgumentException e) {
      throw bad(source, e.getMessage());
    }
  }

  private static MlopsException bad(String source, String why) {
    return new MlopsException(source + ": not a data pointer: " + why);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Whether a path is a pointer file (a regular file named {@code *.mlops}). */
  static boolean isPointer(Path p) {
    return p.getFileName() != null
        && p.getFileName().toString().endsWith(EXTENSION)
        && p.getFileName().toString().length() > EXTENSION.length()
        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public String toString() {
    return path
        + (directory ? "/ " : " ")
        + hash
        + " "
        + size
        + " bytes"
        + (directory ? ", " + files + " files" : "");
  }
}
