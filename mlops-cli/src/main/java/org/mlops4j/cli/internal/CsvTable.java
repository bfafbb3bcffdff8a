package org.mlops4j.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;

/**
 * Columns of a CSV file (header row, RFC 4180, UTF-8) parsed into primitive arrays: numeric columns
 * as {@code double[]} with NaN for an empty cell, categorical columns as {@code int[]} codes into a
 * list of distinct values with -1 for an empty cell. The text of the file is never held in memory;
 * only the requested columns are kept.
 *
 * <p>Type inference ({@link Kind#AUTO}): a column whose non-empty cells all parse as decimal
 * numbers (see {@link CsvReader#number(int)}) is numeric, any other is categorical. A column that
 * turns out categorical after numeric cells is read again from the file as categorical, so that the
 * original text of every cell is kept.
 */
public final class CsvTable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CsvTable.class);

  /** How a requested column is parsed. */
  public enum Kind {
    /** numeric if every non-empty cell is a number, else categorical */
    AUTO,
    /** every non-empty cell must be a number */
    NUMERIC,
    /** the text of each cell, dictionary-coded */
    CATEGORICAL
  }

  /** A parsed column. */
  public sealed interface Column permits NumericColumn, CategoricalColumn {
    /**
     * @return the header name
     */
    String name();

    /**
     * @return number of rows, empty cells included
     */
    int size();

    /**
     * @return number of empty cells
     */
    int missing();
  }

  /**
   * A numeric column.
   *
   * @param values one per row, NaN for an empty cell
   */
  public record NumericColumn(String name, double[] values, int missing) implements Column {
    @Override
    public int size() {
      return values.length;
    }

    /**
     * @return the non-missing values, in row order
     */
    public double[] present() {
      if (missing == 0) {
        return values.clone();
      }
      double[] out = new double[values.length - missing];
      int j = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          out[j++] = v;
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return "NumericColumn[" + name + ", n=" + values.length + ", missing=" + missing + "]";
    }
  }

  /**
   * A categorical column.
   *
   * @param codes one per row: an index into {@code levels}, or -1 for an empty cell
   * @param levels the distinct values, in order of first appearance
   */
  public record CategoricalColumn(String name, int[] codes, List<String> levels, int missing)
      implements Column {
    @Override
    public int size() {
      return codes.length;
    }

    /**
     * @return the value of row i, or null for an empty cell
     */
    public @Nullable String value(int i) {
      int c = codes[i];
      return c < 0 ? null : levels.get(c);
    }

    /**
     * @return the non-missing values, in row order
     */
    public String[] present() {
      String[] out = new String[codes.length - missing];
      int j = 0;
      for (int c : codes) {
        if (c >= 0) {
          out[j++] = levels.get(c);
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return "CategoricalColumn["
          + name
          + ", n="
          + codes.length
          + ", levels="
          + levels.size()
          + ", missing="
          + missing
          + "]";
    }
  }

  private final String source;
  private final List<String> header;
  private final int rows;
  private final Map<String, Column> columns;
  private final String sha256;

  private CsvTable(
      String source, List<String> header, int rows, Map<String, Column> columns, String sha256) {
    this.source = source;
    this.header = header;
    this.rows = rows;
    this.columns = columns;
    this.sha256 = sha256;
  }

  /**
   * Reads every column of the file, inferring each type.
   *
   * @throws MlopsException if the file cannot be read or is malformed
   */
  public static CsvTable read(Path file) {
    return read(file, null);
  }

  /**
   * Reads the named columns of the file.
   *
   * @param requested column name to kind, in the order wanted; null for all columns as AUTO
   * @throws IllegalArgumentException if a requested column is not in the header, or a NUMERIC
   *     column has a cell that is not a number
   * @throws MlopsException if the file cannot be read or is malformed
   */
  public static CsvTable read(Path file, @Nullable Map<String, Kind> requested) {
    String source = file.toString();
    List<String> header = readHeader(file, source);
    Map<String, Kind> want = new LinkedHashMap<>();
    if (requested == null) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).isEmpty()) {
          // e.g. a trailing comma in the header, or an unnamed index column: nothing to name it by
          LOG.warn("{}: column {} has no name in the header; it is skipped", source, i + 1);
        } else {
          want.put(header.get(i), Kind.AUTO);
        }
      }
    } else {
      for (Map.Entry<String, Kind> e : requested.entrySet()) {
        if (!header.contains(e.getKey())) {
          throw new IllegalArgumentException(
              source
                  + ": unknown column '"
                  + e.getKey()
                  + "' (columns: "
                  + String.join(", ", header)
                  + ")");
        }
        want.put(e.getKey(), Require.nonNull(e.getValue(), "kind"));
      }
    }
    Pass first = scan(file, source, header, want);
    Map<String, Kind> again = new LinkedHashMap<>();
    for (Builder b : first.builders) {
      if (b.reread) {
        again.put(b.name, Kind.CATEGORICAL);
      }
    }
    Map<String, Column> cols = new LinkedHashMap<>();
    for (Builder b : first.builders) {
      cols.put(b.name, b.reread ? null : b.build(first.rows));
    }
    if (!again.isEmpty()) {
      Pass second = scan(file, source, header, again);
      for (Builder b : second.builders) {
        cols.put(b.name, b.build(second.rows));
      }
    }
    return new CsvTable(
        source, header, first.rows, Collections.unmodifiableMap(cols), first.sha256);
  }

  /**
   * Re-reads this table's numeric column as categorical (for a column numeric in one file and
   * categorical in the other).
   */
  public CsvTable withCategorical(Path file, String name) {
    Column c = column(name);
    if (c instanceof CategoricalColumn) {
      return this;
    }
    Map<String, Kind> one = new LinkedHashMap<>();
    one.put(name, Kind.CATEGORICAL);
    Column replaced = scan(file, source, header, one).builders.get(0).build(rows);
    Map<String, Column> cols = new LinkedHashMap<>(columns);
    cols.put(name, replaced);
    return new CsvTable(source, header, rows, Collections.unmodifiableMap(cols), sha256);
  }

  private static BufferedReader open(Path file, String source) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new MlopsException(source + ": no such file");
    } catch (IOException e) {
      throw new MlopsException(source + ": cannot open: " + e, e);
    }
  }

  /** Opens the file for a full pass, computing the SHA-256 of its bytes on the way. */
  private static java.io.Reader openDigesting(Path file, String source, MessageDigest digest) {
    try {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new InputStreamReader(
          new DigestInputStream(Files.newInputStream(file), digest), decoder);
    } catch (NoSuchFileException e) {
      throw new MlopsException(source + ": no such file");
    } catch (IOException e) {
      throw new MlopsException(source + ": cannot open: " + e, e);
    }
  }

  private static List<String> readHeader(Path file, String source) {
    if (Files.isDirectory(file)) {
      throw new MlopsException(source + ": is a directory, not a CSV file");
    }
    try (CsvReader r = new CsvReader(open(file, source), source)) {
      if (!r.next()) {
        throw new MlopsException(source + ": empty file (a header row is required)");
      }
      List<String> header = new ArrayList<>(r.fieldCount());
      for (int i = 0; i < r.fieldCount(); i++) {
        String h = r.field(i).strip();
        if (!h.isEmpty() && header.contains(h)) {
          throw new MlopsException(source + ": line 1: duplicate column name '" + h + "'");
        }
        header.add(h);
      }
      return Collections.unmodifiableList(header);
    }
  }

  private record Pass(List<Builder> builders, int rows, String sha256) {}

  private static Pass scan(Path file, String source, List<String> header, Map<String, Kind> want) {
    List<Builder> builders = new ArrayList<>();
    for (Map.Entry<String, Kind> e : want.entrySet()) {
      builders.add(new Builder(source, e.getKey(), header.indexOf(e.getKey()), e.getValue()));
    }
    Builder[] bs = builders.toArray(new Builder[0]);
    int rows = 0;
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    try (CsvReader r = new CsvReader(openDigesting(file, source, digest), source)) {
      r.next(); // header
      while (r.next()) {
        if (r.fieldCount() != header.size()) {
          throw new MlopsException(
              source
                  + ": row "
                  + (r.recordNumber() - 1)
                  + " (line "
                  + r.recordLine()
                  + ") has "
                  + r.fieldCount()
                  + " field"
                  + (r.fieldCount() == 1 ? "" : "s")
                  + " but the header has "
                  + header.size());
        }
        if (rows == Integer.MAX_VALUE - 8) {
          throw new MlopsException(source + ": more than " + rows + " rows");
        }
        for (Builder b : bs) {
          b.add(r, rows);
        }
        rows++;
      }
    }
    return new Pass(builders, rows, HexFormat.of().formatHex(digest.digest()));
  }

  /** Accumulates one column during a pass. */
  private static final class Builder {
    final String source;
    final String name;
    final int index;
    Kind kind;
    boolean reread;
    double[] values = new double[1024];
    int[] codes;
    Map<String, Integer> dictionary;
    List<String> levels;
    int missing;
    boolean sawNumber;

    Builder(String source, String name, int index, Kind kind) {
      this.source = source;
      this.name = name;
      this.index = index;
      this.kind = kind;
      if (kind == Kind.CATEGORICAL) {
        toCategorical(0);
      }
    }

    private void toCategorical(int rowsSoFar) {
      kind = Kind.CATEGORICAL;
      codes = new int[Math.max(1024, rowsSoFar * 2)];
      Arrays.fill(codes, 0, rowsSoFar, -1);
      values = null;
      dictionary = new HashMap<>();
      levels = new ArrayList<>();
    }

    void add(CsvReader r, int row) {
      if (reread) {
        return;
      }
      boolean empty = r.isEmpty(index);
      if (kind != Kind.CATEGORICAL) {
        double v = empty ? Double.NaN : r.number(index);
        if (!empty && Double.isNaN(v)) {
          if (kind == Kind.NUMERIC) {
            throw new IllegalArgumentException(
                source
                    + ": column '"
                    + name
                    + "', row "
                    + (r.recordNumber() - 1)
                    + " (line "
                    + r.recordLine()
                    + "): '"
                    + abbreviate(r.field(index))
                    + "' is not a number");
          }
          if (sawNumber) {
            reread =
                true; // keep the exact text of the earlier numeric cells: read the column again
            values = null;
            return;
          }
          toCategorical(row);
        } else {
          if (row == values.length) {
            values = Arrays.copyOf(values, grow(row));
          }
          values[row] = v;
          if (empty) {
            missing++;
          } else {
            sawNumber = true;
          }
          return;
        }
      }
      if (row == codes.length) {
        codes = Arrays.copyOf(codes, grow(row));
      }
      if (empty) {
        codes[row] = -1;
        missing++;
        return;
      }
      String s = r.field(index);
      Integer code = dictionary.get(s);
      if (code == null) {
        code = levels.size();
        dictionary.put(s, code);
        levels.add(s);
      }
      codes[row] = code;
    }

    private static int grow(int n) {
      return (int) Math.min(Integer.MAX_VALUE - 8L, n * 2L);
    }

    Column build(int rows) {
      if (kind == Kind.CATEGORICAL) {
        return new CategoricalColumn(
            name, Arrays.copyOf(codes, rows), List.copyOf(levels), missing);
      }
      return new NumericColumn(name, Arrays.copyOf(values, rows), missing);
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /**
   * @return the file name, as given
   */
  public String source() {
    return source;
  }

  /**
   * @return this table
   * @throws IllegalArgumentException {@code "<file>: no data rows"} if the file has a header only
   */
  public CsvTable requireRows() {
    if (rows == 0) {
      throw new IllegalArgumentException(source + ": no data rows");
    }
    return this;
  }

  /**
   * @return every column name of the header, in file order
   */
  public List<String> header() {
    return header;
  }

  /**
   * @return the SHA-256 of the file's bytes, as read, in lowercase hex
   */
  public String sha256() {
    return sha256;
  }

  /**
   * @return number of data rows (header excluded)
   */
  public int rows() {
    return rows;
  }

  /**
   * @return the columns read, in the order requested
   */
  public Map<String, Column> columns() {
    return columns;
  }

  /**
   * @return the column
   * @throws IllegalArgumentException if it was not read
   */
  public Column column(String name) {
    Column c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          source + ": unknown column '" + name + "' (columns: " + String.join(", ", header) + ")");
    }
    return c;
  }
}
