package org.mlops4j.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.core.Provenance;
import org.mlops4j.report.internal.Json;

/**
 * The command line's JSON documents: the library's document ({@link #document(String)}) with the
 * blocks the command line adds ({@link #inputs(List)}, {@link #provenance()}), written in the one
 * convention of {@link Json} to a file (atomically, through {@link AtomicFiles}) or to standard
 * output ({@link #write(String, String, PrintWriter)}). Text tables are {@link TextTable}'s.
 */
public final class Documents {

  private Documents() {}

  /**
   * @param document a map, list or JSON tree
   * @return the document as indented JSON ({@link Json#write(Object)}) with a final newline
   */
  public static String json(Object document) {
    return Json.write(document) + "\n";
  }

  /**
   * Parses a document the library wrote ({@code toJson()}), so that the command line can add its
   * own top-level fields after the library's.
   *
   * @param libraryJson the library's JSON object
   * @return its fields, in order
   * @throws MlopsException if the text is not a JSON object
   */
  public static Map<String, Object> document(String libraryJson) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = Json.mapper().readValue(libraryJson, LinkedHashMap.class);
      return map;
    } catch (IOException e) {
      throw new MlopsException("cannot read the library's JSON: " + e.getMessage(), e);
    }
  }

  /**
   * @param tables the files read, in order
   * @return one entry per file: {@code path} (as given), {@code sha256} of its bytes, {@code rows}
   *     (data records after the header), {@code delimiter} (the field delimiter used) and {@code
   *     delimiterDetected} (whether it was detected rather than given with {@code --delimiter})
   */
  public static List<Map<String, Object>> inputs(List<CsvTable> tables) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CsvTable t : tables) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("path", t.source());
      i.put("sha256", t.sha256());
      i.put("rows", t.rows());
      i.put("delimiter", String.valueOf(t.delimiter()));
      i.put("delimiterDetected", t.delimiterDetected());
      out.add(i);
    }
    return out;
  }

  /**
   * @return the environment that made an output, under the names of {@link Provenance}: {@code
   *     jvmVersion}, {@code jvmVendor}, {@code osName}, {@code osArch} (the library's version is in
   *     the document's header); captured once per JVM
   */
  public static Map<String, Object> provenance() {
    return new LinkedHashMap<>(Environment.FIELDS);
  }

  /** Holder of the environment, captured on first use ({@link Provenance#capture()}). */
  private static final class Environment {
    static final Map<String, Object> FIELDS = capture();

    private static Map<String, Object> capture() {
      Provenance p = Provenance.capture();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("jvmVersion", p.jvmVersion());
      m.put("jvmVendor", p.jvmVendor());
      m.put("osName", p.osName());
      m.put("osArch", p.osArch());
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * Writes text to {@code target}: {@code "-"} means standard output, anything else a file written
   * atomically ({@link AtomicFiles.Durability#ATOMIC}: a temporary file beside it, then an atomic
   * rename over the target), into a folder that must exist.
   *
   * @throws MlopsException {@code "<target>: cannot write: ..."} if the folder does not exist or
   *     the file cannot be written
   */
  public static void write(String target, String text, PrintWriter stdout) {
    if (target.equals("-")) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    Path file = Path.of(target).toAbsolutePath();
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new MlopsException(target + ": cannot write: folder " + dir + " does not exist");
    }
    try {
      AtomicFiles.write(file, text, AtomicFiles.Durability.ATOMIC);
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException(target + ": cannot write: " + e, e);
    }
  }
}
