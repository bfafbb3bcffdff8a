package org.mlops4j.cli.internal;

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
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;

/**
 * Columns of a CSV file (header row, RFC 4180, UTF-8) parsed into primitive arrays: numeric and
 * date columns as {@code double[]} with NaN for a missing cell, categorical columns as {@code
 * int[]} codes into a list of distinct values with -1 for a missing cell. The text of the file is
 * never held in memory; only the requested columns are kept.
 *
 * <p>Cells: the field delimiter is the {@link CsvFormat}'s, or detected from the first records
 * ({@link #detectDelimiter}); an empty cell and a missing-value token of the format ({@code NA},
 * {@code NaN}, {@code None}... by default) are missing values, counted per token ({@link Cells}).
 *
 * <p>Type inference ({@link Kind#AUTO}), over the cells that are not missing: a column whose cells
 * all parse as decimal numbers ({@link CsvReader#number(int)}) is {@link Type#NUMERIC}; one whose
 * cells all parse as ISO-8601 dates or date-times ({@link IsoTime}) is {@link Type#DATE} (values in
 * seconds since 1970-01-01T00:00Z); one without any such cell is {@link Type#EMPTY}. A column of
 * numbers (or dates) but for at most 1 % of its cells ({@link #FEW_UNPARSED}) keeps that type and
 * reads those cells as missing values, counted with their first rows and values ({@link
 * Cells#unparsed()}); any other column is {@link Type#CATEGORICAL}, read again from the file as
 * text, so that the original text of every cell is kept.
 */
public final class CsvTable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CsvTable.class);

  /**
   * The largest share of a column's non-missing cells that may fail to parse as numbers (or dates)
   * while the column stays numeric (or a date), those cells read as missing: 1 %.
   */
  public static final double FEW_UNPARSED = 0.01;

  /** Delimiters tried by {@link #detectDelimiter}, in order of preference on a tie. */
  static final char[] DELIMITERS = {',', ';', '\t', '|'};

  /** Records read by {@link #detectDelimiter}, header included. */
  static final int DETECTION_RECORDS = 20;

  /** Rows and values of unparsed or token cells kept as examples, per column. */
  static final int EXAMPLES = 5;

  /** How a requested column is parsed. */
  public enum Kind {
    /** numeric, date, empty or categorical as the cells say (see the class comment) */
    AUTO,
    /** every non-missing cell must be a number */
    NUMERIC,
    /** the text of each cell, dictionary-coded */
    CATEGORICAL
  }

  /** What a column was read as. */
  public enum Type {
    /** numbers ({@link NumericColumn}) */
    NUMERIC,
    /** ISO-8601 dates and date-times, as seconds since 1970-01-01T00:00Z ({@link NumericColumn}) */
    DATE,
    /** text ({@link CategoricalColumn}) */
    CATEGORICAL,
    /** no value at all: every cell empty or a missing-value token ({@link NumericColumn}, NaN) */
    EMPTY,
    /**
     * text with more distinct values than the reader keeps ({@link CappedColumn}): identifier-like,
     * its values dropped
     */
    IDENTIFIER
  }

  /**
   * What the cells of a column held, besides its values.
   *
   * @param empty empty cells
   * @param tokens missing-value tokens and how often each occurred, in order of first occurrence
   * @param tokenRows the first rows (1-based data rows) holding a token, with the token
   * @param numbers cells that parsed as numbers (0 for a column read as text)
   * @param dates cells that parsed as dates (0 for a column read as text or numbers)
   * @param unparsed non-missing cells that parsed neither as numbers nor as dates (for a numeric or
   *     date column: the cells read as missing; for a column read as text after a first pass: its
   *     cells that were not numbers or dates; 0 for a column asked for as text)
   * @param unparsedRows the first rows (1-based) of unparsed cells
   * @param unparsedValues the first distinct values of unparsed cells (abbreviated)
   */
  public record Cells(
      int empty,
      Map<String, Integer> tokens,
      Map<Long, String> tokenRows,
      int numbers,
      int dates,
      int unparsed,
      List<Long> unparsedRows,
      List<String> unparsedValues) {

    /** Nothing recorded. */
    public static final Cells NONE =
        new Cells(0, Map.of(), Map.of(), 0, 0, 0, List.of(), List.of());

    /** Copies the collections (order kept). */
    public Cells {
      tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
      tokenRows = Collections.unmodifiableMap(new LinkedHashMap<>(tokenRows));
      unparsedRows = List.copyOf(unparsedRows);
      unparsedValues = List.copyOf(unparsedValues);
    }

    /**
     * @return the number of cells holding a missing-value token
     */
    public int tokenCount() {
      int n = 0;
      for (int c : tokens.values()) {
        n += c;
      }
      return n;
    }

    /**
     * @param i a row index (0-based) whose cell is missing
     * @param what what the cell holds, for the message ({@code "label"})
     * @return {@code "empty label"}, or {@code "missing label 'NA'"} when the cell was one of the
     *     first missing-value tokens of the column
     */
    public String missingCell(int i, String what) {
      String token = tokenRows.get(i + 1L);
      return token == null ? "empty " + what : "missing " + what + " '" + token + "'";
    }

    /**
     * @return the unparsed cells' values and rows for a message: {@code '?', 'n.a.'; rows 4, 77,
     *     102} (with {@code ...} when there are more)
     */
    public String describeUnparsed() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < unparsedValues.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append('\'').append(unparsedValues.get(i)).append('\'');
      }
      if (unparsedValues.size() == EXAMPLES) {
        sb.append(", ...");
      }
      sb.append(unparsedRows.size() == 1 ? "; row " : "; rows ");
      for (int i = 0; i < unparsedRows.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(unparsedRows.get(i));
      }
      if (unparsed > unparsedRows.size()) {
        sb.append(", ...");
      }
      return sb.toString();
    }
  }

  /** A parsed column. */
  public sealed interface Column permits NumericColumn, CategoricalColumn, CappedColumn {
    /**
     * @return the header name
     */
    String name();

    /**
     * @return number of rows, missing cells included
     */
    int size();

    /**
     * @return number of missing cells: empty, a missing-value token, or (numeric and date columns)
     *     unparsed
     */
    int missing();

    /**
     * @return what the column was read as
     */
    Type type();

    /**
     * @return what the cells held
     */
    Cells cells();
  }

  /**
   * A numeric, date or empty column.
   *
   * @param type {@link Type#NUMERIC}, {@link Type#DATE} (seconds since 1970-01-01T00:00Z) or {@link
   *     Type#EMPTY}
   * @param values one per row, NaN for a missing cell
   */
  public record NumericColumn(String name, Type type, double[] values, int missing, Cells cells)
      implements Column {

    /** A numeric column without cell records (tests). */
    public NumericColumn(String name, double[] values, int missing) {
      this(name, Type.NUMERIC, values, missing, Cells.NONE);
    }

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
      return "NumericColumn["
          + name
          + ", "
          + type
          + ", n="
          + values.length
          + ", missing="
          + missing
          + "]";
    }
  }

  /**
   * A categorical column.
   *
   * @param codes one per row: an index into {@code levels}, or -1 for a missing cell
   * @param levels the distinct values, in order of first appearance
   */
  public record CategoricalColumn(
      String name, int[] codes, List<String> levels, int missing, Cells cells) implements Column {

    /** A categorical column without cell records (tests). */
    public CategoricalColumn(String name, int[] codes, List<String> levels, int missing) {
      this(name, codes, levels, missing, Cells.NONE);
    }

    @Override
    public int size() {
      return codes.length;
    }

    @Override
    public Type type() {
      return Type.CATEGORICAL;
    }

    /**
     * @return the value of row i, or null for a missing cell
     */
    public @Nullable String value(int i) {
      int c = codes[i];
      return c < 0 ? null : levels.get(c);
    }

    /**
     * @param i a row index (0-based) whose cell is missing
     * @param what what the cell holds, for the message ({@code "label"})
     * @return {@code "empty label"}, or {@code "missing label 'NA'"} when the cell was one of the
     *     first missing-value tokens of the column
     */
    public String missingCell(int i, String what) {
      return cells.missingCell(i, what);
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

  /**
   * A text column that had more distinct values than the reader keeps ({@code maxDistinct}): its
   * dictionary and codes were dropped when the next distinct value came, so that memory stays
   * bounded; only its row and missing counts are kept. Identifier-like, not tested.
   *
   * @param maxDistinct the distinct values kept per column, exceeded by this one
   * @param largestDictionary the most distinct values the reader held for this column at once (at
   *     most {@code maxDistinct + 1})
   */
  public record CappedColumn(
      String name, int size, int missing, Cells cells, int maxDistinct, int largestDictionary)
      implements Column {

    @Override
    public Type type() {
      return Type.IDENTIFIER;
    }

    /**
     * @return {@code "more than N distinct values: not tested (identifier-like); raise
     *     --max-distinct to test it"}
     */
    public String reason() {
      return reason(maxDistinct);
    }

    /**
     * @return the reason of a column with more than maxDistinct distinct values
     */
    public static String reason(int maxDistinct) {
      return "more than "
          + maxDistinct
          + " distinct values: not tested (identifier-like); raise --max-distinct to test it";
    }
  }

  /** Distinct values kept per text column when no limit is given: unbounded. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  private final String source;
  private final List<String> header;
  private final int rows;
  private final Map<String, Column> columns;
  private final String sha256;
  private final CsvFormat format;
  private final int maxDistinct;

  private CsvTable(
      String source,
      List<String> header,
      int rows,
      Map<String, Column> columns,
      String sha256,
      CsvFormat format,
      int maxDistinct) {
    this.source = source;
    this.header = header;
    this.rows = rows;
    this.columns = columns;
    this.sha256 = sha256;
    this.format = format;
    this.maxDistinct = maxDistinct;
  }

  /**
   * Reads every column of the file, inferring each type, in the {@link CsvFormat#defaults()}.
   *
   * @throws MlopsException if the file cannot be read or is malformed
   */
  public static CsvTable read(Path file) {
    return read(file, null, CsvFormat.defaults());
  }

  /**
   * Reads the named columns of the file in the {@link CsvFormat#defaults()}.
   *
   * @see #read(Path, Map, CsvFormat)
   */
  public static CsvTable read(Path file, @Nullable Map<String, Kind> requested) {
    return read(file, requested, CsvFormat.defaults());
  }

  /**
   * Reads the named columns of the file.
   *
   * @param requested column name to kind, in the order wanted; null for all columns as AUTO
   * @param format the delimiter (or null to detect it) and the missing-value tokens
   * @throws IllegalArgumentException if a requested column is not in the header, or a NUMERIC
   *     column has a cell that is neither a number nor missing
   * @throws MlopsException if the file cannot be read or is malformed
   */
  public static CsvTable read(Path file, @Nullable Map<String, Kind> requested, CsvFormat format) {
    return read(file, requested, format, Progress.off());
  }

  /**
   * Reads the named columns of the file, showing the progress: a line when the file is read (and
   * read again for the columns that turn out to be text), and the rows read so far.
   *
   * @param requested column name to kind, in the order wanted; null for all columns as AUTO
   * @param format the delimiter (or null to detect it) and the missing-value tokens
   * @param progress where to show the progress ({@link Progress#off()} for nowhere)
   * @throws IllegalArgumentException if a requested column is not in the header, or a NUMERIC
   *     column has a cell that is neither a number nor missing
   * @throws MlopsException if the file cannot be read or is malformed
   */
  public static CsvTable read(
      Path file, @Nullable Map<String, Kind> requested, CsvFormat format, Progress progress) {
    return read(file, requested, format, progress, UNBOUNDED);
  }

  /**
   * Reads the named columns of the file, showing the progress, keeping at most {@code maxDistinct}
   * distinct values per text column: a text column with more is read as a {@link CappedColumn} (its
   * values dropped, its row and missing counts kept), so that memory stays bounded whatever the
   * data.
   *
   * @param requested column name to kind, in the order wanted; null for all columns as AUTO
   * @param format the delimiter (or null to detect it) and the missing-value tokens
   * @param progress where to show the progress ({@link Progress#off()} for nowhere)
   * @param maxDistinct distinct values kept per text column, positive ({@link #UNBOUNDED}: all)
   * @throws IllegalArgumentException if a requested column is not in the header, or a NUMERIC
   *     column has a cell that is neither a number nor missing
   * @throws MlopsException if the file cannot be read or is malformed
   */
  public static CsvTable read(
      Path file,
      @Nullable Map<String, Kind> requested,
      CsvFormat format,
      Progress progress,
      int maxDistinct) {
    Require.positive(maxDistinct, "maxDistinct");
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new MlopsException(source + ": is a directory, not a CSV file");
    }
    CsvFormat fmt = format.resolve(file);
    List<String> header = readHeader(file, source, fmt);
    Map<String, Kind> want = new LinkedHashMap<>();
    if (requested == null) {
      for (String name : named(header, source)) {
        want.put(name, Kind.AUTO);
      }
    } else {
      for (Map.Entry<String, Kind> e : requested.entrySet()) {
        if (!header.contains(e.getKey())) {
          throw unknownColumn(source, e.getKey(), header);
        }
        want.put(e.getKey(), Require.nonNull(e.getValue(), "kind"));
      }
    }
    progress.phase("reading " + source);
    Pass first = scan(file, source, header, want, fmt, progress, maxDistinct);
    Map<String, Kind> again = new LinkedHashMap<>();
    for (Builder b : first.builders) {
      if (b.decide() == Type.CATEGORICAL && b.kind != Kind.CATEGORICAL) {
        again.put(b.name, Kind.CATEGORICAL);
      }
    }
    Map<String, Column> cols = new LinkedHashMap<>();
    for (Builder b : first.builders) {
      cols.put(b.name, again.containsKey(b.name) ? null : b.build(first.rows));
    }
    if (!again.isEmpty()) {
      progress.phase(
          "reading "
              + source
              + " again for "
              + again.size()
              + (again.size() == 1 ? " text column" : " text columns"));
      Pass second = scan(file, source, header, again, fmt, progress, maxDistinct);
      for (Builder b : second.builders) {
        // the second pass keeps the text; the first knows how many cells were numbers or dates
        Builder firstPass = first.builder(b.name);
        b.numbers = firstPass.numbers;
        b.dates = firstPass.dates;
        b.unparsed = firstPass.unparsed;
        b.unparsedRows = firstPass.unparsedRows;
        b.unparsedValues = firstPass.unparsedValues;
        cols.put(b.name, b.build(second.rows));
      }
    }
    return new CsvTable(
        source,
        header,
        first.rows,
        Collections.unmodifiableMap(cols),
        first.sha256,
        fmt,
        maxDistinct);
  }

  /**
   * @param header a header
   * @param source the file name, for the warning
   * @return the names of the header that are not empty, in order; a warning is logged for each
   *     column without a name (a trailing delimiter in the header, an unnamed index column: nothing
   *     to name it by), which is skipped
   */
  public static List<String> named(List<String> header, String source) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).isEmpty()) {
        LOG.warn("{}: column {} has no name in the header; it is skipped", source, i + 1);
      } else {
        out.add(header.get(i));
      }
    }
    return out;
  }

  /**
   * Reads the header of a file.
   *
   * @param format the format, its delimiter resolved ({@link CsvFormat#resolve})
   * @return the header's names, trimmed
   * @throws MlopsException if the file cannot be read, is empty or has a duplicate name
   */
  public static List<String> header(Path file, CsvFormat format) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new MlopsException(source + ": is a directory, not a CSV file");
    }
    return readHeader(file, source, format);
  }

  /**
   * Re-reads this table's numeric, date or empty column as categorical (for a column read as
   * another type in the other file).
   */
  public CsvTable withCategorical(Path file, String name) {
    return withCategorical(file, name, Progress.off());
  }

  /**
   * Re-reads this table's numeric, date or empty column as categorical, showing the progress.
   *
   * @param progress where to show the progress ({@link Progress#off()} for nowhere)
   */
  public CsvTable withCategorical(Path file, String name, Progress progress) {
    Column c = column(name);
    if (c instanceof CategoricalColumn || c instanceof CappedColumn) {
      return this;
    }
    Map<String, Kind> one = new LinkedHashMap<>();
    one.put(name, Kind.CATEGORICAL);
    progress.phase("reading " + source + " again for column '" + name + "' as text");
    Builder b = scan(file, source, header, one, format, progress, maxDistinct).builders.get(0);
    b.numbers = c.cells().numbers();
    b.dates = c.cells().dates();
    Column replaced = b.build(rows);
    Map<String, Column> cols = new LinkedHashMap<>(columns);
    cols.put(name, replaced);
    return new CsvTable(
        source, header, rows, Collections.unmodifiableMap(cols), sha256, format, maxDistinct);
  }

  /**
   * Detects the field delimiter from the first {@value #DETECTION_RECORDS} records: of comma,
   * semicolon, tab and pipe ({@link #DELIMITERS}), the one that splits the header into the most
   * fields, more than one, while every record read has as many fields as the header; on a tie the
   * earlier in that list; a comma when none does (a file of one column, or a malformed one, whose
   * errors the full read then names).
   *
   * @return the delimiter
   * @throws MlopsException if the file cannot be opened
   */
  public static char detectDelimiter(Path file) {
    String source = file.toString();
    char best = ',';
    int bestFields = 1;
    for (char d : DELIMITERS) {
      int fields = consistentFields(file, source, d);
      if (fields > bestFields) {
        best = d;
        bestFields = fields;
      }
    }
    return best;
  }

  /** The header's field count if the first records all have it, else 0. */
  private static int consistentFields(Path file, String source, char delimiter) {
    try (CsvReader r = new CsvReader(openDecoding(file, source), source, delimiter)) {
      if (!r.next()) {
        return 0;
      }
      int fields = r.fieldCount();
      for (int i = 1; i < DETECTION_RECORDS && r.next(); i++) {
        if (r.fieldCount() != fields) {
          return 0;
        }
      }
      return fields;
    } catch (MlopsException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source + ": no such file")) {
        throw e;
      }
      return 0; // a quote error with this delimiter: not this one
    }
  }

  static IllegalArgumentException unknownColumn(String source, String name, List<String> header) {
    return new IllegalArgumentException(
        source + ": unknown column '" + name + "' (columns: " + String.join(", ", header) + ")");
  }

  /** Opens the file as UTF-8 that must be valid. */
  private static java.io.Reader openDecoding(Path file, String source) {
    try {
      return new InputStreamReader(Files.newInputStream(file), utf8());
    } catch (NoSuchFileException e) {
      throw new MlopsException(source + ": no such file");
    } catch (IOException e) {
      throw new MlopsException(source + ": cannot open: " + e, e);
    }
  }

  private static CharsetDecoder utf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Opens the file for a full pass, computing the SHA-256 of its bytes on the way. */
  private static java.io.Reader openDigesting(Path file, String source, MessageDigest digest) {
    try {
      return new InputStreamReader(
          new DigestInputStream(Files.newInputStream(file), digest), utf8());
    } catch (NoSuchFileException e) {
      throw new MlopsException(source + ": no such file");
    } catch (IOException e) {
      throw new MlopsException(source + ": cannot open: " + e, e);
    }
  }

  private static List<String> readHeader(Path file, String source, CsvFormat format) {
    char delimiter = Require.nonNull(format.delimiter(), "delimiter");
    try (CsvReader r = new CsvReader(openDecoding(file, source), source, delimiter)) {
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

  private record Pass(List<Builder> builders, int rows, String sha256) {
    Builder builder(String name) {
      for (Builder b : builders) {
        if (b.name.equals(name)) {
          return b;
        }
      }
      throw new IllegalStateException("no column " + name);
    }
  }

  private static Pass scan(
      Path file,
      String source,
      List<String> header,
      Map<String, Kind> want,
      CsvFormat format,
      Progress progress,
      int maxDistinct) {
    List<Builder> builders = new ArrayList<>();
    boolean tokenFirst = format.tokenLooksLikeAValue();
    for (Map.Entry<String, Kind> e : want.entrySet()) {
      builders.add(
          new Builder(
              source,
              e.getKey(),
              header.indexOf(e.getKey()),
              e.getValue(),
              format.missing(),
              tokenFirst,
              maxDistinct));
    }
    Builder[] bs = builders.toArray(new Builder[0]);
    int rows = 0;
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    char delimiter = Require.nonNull(format.delimiter(), "delimiter");
    try (CsvReader r = new CsvReader(openDigesting(file, source, digest), source, delimiter);
        Progress.Rows shown = progress.rows(source)) {
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
        shown.read(rows);
      }
    }
    return new Pass(builders, rows, HexFormat.of().formatHex(digest.digest()));
  }

  /** Accumulates one column during a pass. */
  private static final class Builder {
    final String source;
    final String name;
    final int index;
    final Kind kind;
    final Set<String> missingTokens;
    final boolean tokenFirst;
    final int maxDistinct;

    /** a text column that exceeded maxDistinct: its dictionary and codes dropped */
    boolean capped;

    int largestDictionary;
    double @Nullable [] values;
    int @Nullable [] codes;
    @Nullable Map<String, Integer> dictionary;
    @Nullable List<String> levels;
    int empty;
    final Map<String, Integer> tokens = new LinkedHashMap<>();
    final Map<Long, String> tokenRows = new LinkedHashMap<>();
    int numbers;
    int dates;
    int unparsed;
    List<Long> unparsedRows = new ArrayList<>();
    List<String> unparsedValues = new ArrayList<>();

    Builder(
        String source,
        String name,
        int index,
        Kind kind,
        Set<String> missingTokens,
        boolean tokenFirst,
        int maxDistinct) {
      this.source = source;
      this.name = name;
      this.index = index;
      this.kind = kind;
      this.missingTokens = missingTokens;
      this.tokenFirst = tokenFirst;
      this.maxDistinct = maxDistinct;
      if (kind == Kind.CATEGORICAL) {
        codes = new int[1024];
        dictionary = new HashMap<>();
        levels = new ArrayList<>();
      } else {
        values = new double[1024];
      }
    }

    void add(CsvReader r, int row) {
      if (kind == Kind.CATEGORICAL) {
        addText(r, row);
        return;
      }
      double[] v = values;
      if (row == v.length) {
        v = values = Arrays.copyOf(v, grow(row));
      }
      v[row] = Double.NaN;
      if (r.isEmpty(index)) {
        empty++;
        return;
      }
      String text = null;
      if (tokenFirst) {
        text = r.field(index).strip();
        if (token(text, r)) {
          return;
        }
      }
      double x = r.number(index);
      if (!Double.isNaN(x)) {
        v[row] = x;
        numbers++;
        return;
      }
      if (kind == Kind.AUTO) {
        x = r.date(index);
        if (!Double.isNaN(x)) {
          v[row] = x;
          dates++;
          return;
        }
      }
      if (text == null) {
        text = r.field(index).strip();
        if (token(text, r)) {
          return;
        }
      }
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
      unparsed++;
      if (unparsedRows.size() < EXAMPLES) {
        unparsedRows.add(r.recordNumber() - 1);
      }
      String shown = abbreviate(text);
      if (unparsedValues.size() < EXAMPLES && !unparsedValues.contains(shown)) {
        unparsedValues.add(shown);
      }
    }

    /** Counts the text if it is a missing-value token. */
    private boolean token(String text, CsvReader r) {
      if (!missingTokens.contains(text)) {
        return false;
      }
      tokens.merge(text, 1, Integer::sum);
      if (tokenRows.size() < EXAMPLES) {
        tokenRows.put(r.recordNumber() - 1, text);
      }
      return true;
    }

    private void addText(CsvReader r, int row) {
      if (capped) {
        // only the counts: empty cells and tokens
        if (r.isEmpty(index)) {
          empty++;
        } else {
          token(r.field(index).strip(), r);
        }
        return;
      }
      int[] c = codes;
      if (row == c.length) {
        c = codes = Arrays.copyOf(c, grow(row));
      }
      if (r.isEmpty(index)) {
        c[row] = -1;
        empty++;
        return;
      }
      String s = r.field(index);
      if (token(s.strip(), r)) {
        c[row] = -1;
        return;
      }
      Map<String, Integer> dict = dictionary;
      List<String> lv = levels;
      Integer code = dict.get(s);
      if (code == null) {
        code = lv.size();
        dict.put(s, code);
        lv.add(s);
        largestDictionary = Math.max(largestDictionary, dict.size());
        if (dict.size() > maxDistinct) {
          capped = true;
          dictionary = null;
          levels = null;
          codes = null;
          return;
        }
      }
      c[row] = code;
    }

    private static int grow(int n) {
      return (int) Math.min(Integer.MAX_VALUE - 8L, n * 2L);
    }

    /** The type the cells seen call for (see the class comment). */
    Type decide() {
      if (kind == Kind.CATEGORICAL) {
        return Type.CATEGORICAL;
      }
      if (kind == Kind.NUMERIC) {
        return Type.NUMERIC;
      }
      long present = (long) numbers + dates + unparsed;
      if (present == 0) {
        return Type.EMPTY;
      }
      if ((numbers > 0 && dates > 0) || unparsed > FEW_UNPARSED * present) {
        return Type.CATEGORICAL;
      }
      return numbers > 0 ? Type.NUMERIC : Type.DATE;
    }

    Column build(int rows) {
      Type type = decide();
      int tokenCount = 0;
      for (int n : tokens.values()) {
        tokenCount += n;
      }
      Cells cells =
          new Cells(
              empty, tokens, tokenRows, numbers, dates, unparsed, unparsedRows, unparsedValues);
      if (type == Type.CATEGORICAL && capped) {
        return new CappedColumn(
            name, rows, empty + tokenCount, cells, maxDistinct, largestDictionary);
      }
      if (type == Type.CATEGORICAL) {
        return new CategoricalColumn(
            name, Arrays.copyOf(codes, rows), List.copyOf(levels), empty + tokenCount, cells);
      }
      return new NumericColumn(
          name, type, Arrays.copyOf(values, rows), empty + tokenCount + unparsed, cells);
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
   * @return the field delimiter used
   */
  public char delimiter() {
    return Require.nonNull(format.delimiter(), "delimiter");
  }

  /**
   * @return whether the delimiter was detected rather than given
   */
  public boolean delimiterDetected() {
    return format.delimiterDetected();
  }

  /**
   * @return a note for the user when the delimiter was detected and is not a comma: {@code "<file>:
   *     fields separated by ';' (detected; --delimiter chooses another)"}
   */
  public java.util.Optional<String> delimiterNote() {
    if (!format.delimiterDetected() || delimiter() == ',') {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        source
            + ": fields separated by "
            + CsvFormat.describe(delimiter())
            + " (detected; --delimiter chooses another)");
  }

  /**
   * @return the format the file was read in, its delimiter resolved
   */
  public CsvFormat format() {
    return format;
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
