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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.core.Provenance;
import org.mlops4j.report.internal.Json;

/**
 * Writing results: JSON documents (in the one convention of {@link Json}), text tables, to a file
 * (atomically, through {@link AtomicFiles}) or to standard output; and the blocks the command line
 * adds to a library document ({@link #inputs(List)}, {@link #provenance()}).
 */
public final class Output {

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private Output() {}

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
   * @return one entry per file: {@code path} (as given), {@code sha256} of its bytes and {@code
   *     rows} (data records after the header)
   */
  public static List<Map<String, Object>> inputs(List<CsvTable> tables) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CsvTable t : tables) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("path", t.source());
      i.put("sha256", t.sha256());
      i.put("rows", t.rows());
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

  /**
   * Formats rows as a text table: columns padded to their widest cell, two spaces apart, decimal
   * numbers aligned right (but not in the first column).
   */
  public static String table(List<String[]> rows) {
    return table(rows, true);
  }

  /** As {@link #table(List)}; with {@code alignNumbers} false every cell is aligned left. */
  public static String table(List<String[]> rows, boolean alignNumbers) {
    int cols = 0;
    for (String[] r : rows) {
      cols = Math.max(cols, r.length);
    }
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        String cell = r[c];
        int pad = width[c] - cell.length();
        boolean right = alignNumbers && !first && c > 0 && NUMBER.matcher(cell).matches();
        if (right) {
          line.append(" ".repeat(pad)).append(cell);
        } else {
          line.append(cell).append(" ".repeat(pad));
        }
        if (c < r.length - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      first = false;
    }
    return sb.toString();
  }

  /**
   * @return a number for a table: whole numbers as such, else 4 decimals (scientific below 1e-4 or
   *     from 1e6), {@code -} when NaN
   */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * @return a new list with a header row
   */
  public static List<String[]> rows(String... header) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    return rows;
  }
}
