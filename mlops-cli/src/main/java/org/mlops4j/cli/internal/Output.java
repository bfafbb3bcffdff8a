package org.mlops4j.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.api.MlopsException;

/** Writing results: JSON trees, HTML and text tables, to a file (atomically) or to standard output. */
public final class Output {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private Output() {}

  /** @return a new empty JSON object; fields keep insertion order */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** @return the node as indented JSON with LF line ends and a final newline */
  public static String json(JsonNode node) {
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
      pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      return MAPPER.writer(pp).writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new MlopsException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /**
   * @param version the tool's version
   * @param inputs the tables read, in order
   * @return what made an output: tool and JVM versions, OS, and each input file with its SHA-256
   *     and row count (no timestamp, so the same inputs give the same JSON)
   */
  public static ObjectNode provenance(String version, List<CsvTable> inputs) {
    ObjectNode p = object();
    p.put("tool", "mlops " + version);
    p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    var arr = p.putArray("inputs");
    for (CsvTable t : inputs) {
      ObjectNode i = arr.addObject();
      i.put("path", t.source());
      i.put("sha256", t.sha256());
      i.put("rows", t.rows());
    }
    return p;
  }

  /**
   * Puts a number, or JSON null when it is NaN or infinite (JSON has no NaN); returns whether the
   * number was finite so the caller can add a reason field.
   */
  public static boolean putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
      return true;
    }
    node.putNull(field);
    return false;
  }

  /**
   * Writes text to {@code target}: {@code "-"} means standard output, anything else a file written
   * atomically (a temporary file in the same folder, then an atomic move over the target).
   *
   * @throws MlopsException if the file cannot be written
   */
  public static void write(String target, String text, PrintWriter stdout) {
    if (target.equals("-")) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    Path file = Path.of(target).toAbsolutePath();
    Path dir = file.getParent();
    Path tmp = null;
    try {
      if (dir != null && !Files.isDirectory(dir)) {
        throw new MlopsException(target + ": cannot write: folder " + dir + " does not exist");
      }
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new MlopsException(target + ": cannot write: " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temp file is hidden and named after the target
        }
      }
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
        boolean right = alignNumbers && !first && c > 0 && looksNumeric(cell);
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

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private static boolean looksNumeric(String s) {
    return NUMBER.matcher(s).matches();
  }

  /** @return a number for a table: up to 4 significant decimals, {@code -} when undefined */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e6)) {
      return String.format(java.util.Locale.ROOT, "%.3e", v);
    }
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  /** @return a new list with a header row */
  public static List<String[]> rows(String... header) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    return rows;
  }

  /** Escapes text for HTML. */
  public static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A self-contained HTML page showing tables (first row of each is its header).
   *
   * @param title the page title
   * @param sections heading then table rows, in order
   */
  public static String htmlPage(String title, List<String> headings, List<List<String[]>> tables,
      List<String> notes) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(html(title)).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
        .append("table{border-collapse:collapse;margin-bottom:2em}\n")
        .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append("tr.bad td{background:#fde2e2}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(html(title)).append("</h1>\n");
    for (String note : notes) {
      sb.append("<p>").append(html(note)).append("</p>\n");
    }
    for (int t = 0; t < tables.size(); t++) {
      sb.append("<h2>").append(html(headings.get(t))).append("</h2>\n<table>\n");
      List<String[]> rows = tables.get(t);
      for (int i = 0; i < rows.size(); i++) {
        String[] r = rows.get(i);
        boolean bad = i > 0 && r.length > 0 && java.util.Arrays.asList(r).contains("DRIFT");
        sb.append(bad ? "<tr class=\"bad\">" : "<tr>");
        for (String cell : r) {
          if (i == 0) {
            sb.append("<th>").append(html(cell)).append("</th>");
          } else {
            sb.append(looksNumeric(cell) ? "<td class=\"n\">" : "<td>").append(html(cell)).append("</td>");
          }
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }
}
