package org.mlops4j.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.CsvTable.CappedColumn;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Cells;
import org.mlops4j.cli.internal.CsvTable.Column;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.cli.internal.CsvTable.Type;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;

/**
 * The two files of {@code mlops drift}, read into the library's {@link Columns}, with the type
 * decision of every column and the reason for it.
 *
 * <p>Columns: those of the reference (or of {@code --columns}), less {@code --exclude}; each must
 * be in both files. Types: each file's cells decide (see {@link CsvTable}); {@code --categorical}
 * forces text. Where the files disagree: a column without any value in one file takes the other's
 * type; numeric against date, or either against text, is compared as categorical (both read as
 * text). A date column goes to the library as a time column (seconds since 1970-01-01T00:00Z),
 * compared by KS and PSI on its instants and reported as kind {@code time}; a column without any
 * value goes as an all-missing numeric column, which the library reports as not testable. A text
 * column with more distinct values than {@code --max-distinct} in either file ({@link
 * CappedColumn}: its values were not kept) is identifier-like ({@link Type#IDENTIFIER}): given to
 * the library as a column left out, of kind identifier, with its reason; so are the columns left
 * out with {@code --exclude} (not read), of kind excluded: the library's report lists every column
 * of the file (of {@code --columns}, when given), and why it was not tested.
 */
public final class DriftInputs {

  /**
   * The type of one compared column and why.
   *
   * @param name the column
   * @param type the type it is compared as: {@link Type#NUMERIC}, {@link Type#DATE}, {@link
   *     Type#CATEGORICAL}, {@link Type#EMPTY} (no value in either file), or {@link Type#IDENTIFIER}
   *     (more distinct values than {@code --max-distinct}: not tested)
   * @param reason why, in a sentence (values and rows from the files)
   * @param unparsed whether some cells of a numeric or date column were not numbers or dates and
   *     were read as missing (a note on standard error)
   * @param noteworthy whether the reason says more than the type (cells read as missing, files that
   *     disagree, a file without values, {@code --categorical}): a note under the table
   */
  public record Decision(
      String name, Type type, String reason, boolean unparsed, boolean noteworthy) {

    /**
     * @return the type's key in JSON and the console table: {@code numeric}, {@code date}, {@code
     *     categorical}, {@code empty}, {@code identifier}
     */
    public String typeKey() {
      return key(type);
    }

    /**
     * @return whether the column goes to the library (every type but {@link Type#IDENTIFIER})
     */
    public boolean compared() {
      return type != Type.IDENTIFIER;
    }
  }

  private final CsvTable reference;
  private final CsvTable current;
  private final List<String> names;
  private final List<String> excluded;
  private final Map<String, Decision> decisions;

  /** The columns of the reference left out with --exclude, in file order, with why. */
  private final Map<String, String> leftOut;

  private DriftInputs(
      CsvTable reference,
      CsvTable current,
      List<String> names,
      List<String> excluded,
      Map<String, Decision> decisions,
      Map<String, String> leftOut) {
    this.reference = reference;
    this.current = current;
    this.names = names;
    this.excluded = excluded;
    this.decisions = decisions;
    this.leftOut = leftOut;
  }

  /** The reason the library reports for a column left out with {@code --exclude}. */
  public static final String EXCLUDED = "excluded (--exclude): not read";

  /**
   * Reads the two files.
   *
   * @param referenceFile the reference file
   * @param currentFile the current file
   * @param columns the columns to compare, or null for every named column of the reference
   * @param exclude columns left out
   * @param categorical columns read as text whatever their cells
   * @param format the delimiter (null: detected in each file) and missing-value tokens
   * @throws IllegalArgumentException naming the file of a column it does not have
   * @throws org.mlops4j.api.MlopsException if a file cannot be read or is malformed
   */
  public static DriftInputs read(
      Path referenceFile,
      Path currentFile,
      @Nullable List<String> columns,
      Collection<String> exclude,
      Collection<String> categorical,
      CsvFormat format) {
    return read(referenceFile, currentFile, columns, exclude, categorical, format, Progress.off());
  }

  /**
   * Reads both files as {@link #read(Path, Path, List, Collection, Collection, CsvFormat)} does,
   * showing the progress of each read.
   *
   * @param progress where to show the progress ({@link Progress#off()} for nowhere)
   */
  public static DriftInputs read(
      Path referenceFile,
      Path currentFile,
      @Nullable List<String> columns,
      Collection<String> exclude,
      Collection<String> categorical,
      CsvFormat format,
      Progress progress) {
    return read(
        referenceFile,
        currentFile,
        columns,
        exclude,
        categorical,
        format,
        progress,
        CsvTable.UNBOUNDED);
  }

  /**
   * Reads both files as {@link #read(Path, Path, List, Collection, Collection, CsvFormat,
   * Progress)} does, keeping at most {@code maxDistinct} distinct values per text column: a column
   * with more in either file is identifier-like and not compared ({@link Type#IDENTIFIER}).
   *
   * @param maxDistinct distinct values kept per text column, positive ({@link CsvTable#UNBOUNDED}:
   *     all)
   */
  public static DriftInputs read(
      Path referenceFile,
      Path currentFile,
      @Nullable List<String> columns,
      Collection<String> exclude,
      Collection<String> categorical,
      CsvFormat format,
      Progress progress,
      int maxDistinct) {
    CsvFormat refFormat = format.resolve(referenceFile);
    List<String> header = CsvTable.header(referenceFile, refFormat);
    String refSource = referenceFile.toString();
    for (String c : concat(exclude, categorical)) {
      if (!header.contains(c)) {
        throw CsvTable.unknownColumn(refSource, c, header);
      }
    }
    Set<String> excluded = new LinkedHashSet<>(exclude);
    List<String> wanted = columns != null ? columns : CsvTable.named(header, refSource);
    Map<String, Kind> want = new LinkedHashMap<>();
    for (String c : wanted) {
      if (!excluded.contains(c)) {
        want.put(c, categorical.contains(c) ? Kind.CATEGORICAL : Kind.AUTO);
      }
    }
    CsvTable ref = CsvTable.read(referenceFile, want, refFormat, progress, maxDistinct);
    CsvTable cur = CsvTable.read(currentFile, want, format, progress, maxDistinct);
    List<String> names = new ArrayList<>(want.keySet());
    Map<String, Decision> decisions = new LinkedHashMap<>();
    for (String n : names) {
      Type r = ref.column(n).type();
      Type c = cur.column(n).type();
      if (r == Type.IDENTIFIER || c == Type.IDENTIFIER) {
        // more distinct values than kept in one file: not compared, whatever the other holds
        int limit =
            ref.column(n) instanceof CappedColumn rc
                ? rc.maxDistinct()
                : ((CappedColumn) cur.column(n)).maxDistinct();
        decisions.put(n, new Decision(n, Type.IDENTIFIER, CappedColumn.reason(limit), false, true));
        continue;
      }
      if (r != c && r != Type.EMPTY && c != Type.EMPTY) {
        // numeric against date, or against text: both as text
        ref = ref.withCategorical(referenceFile, n, progress);
        cur = cur.withCategorical(currentFile, n, progress);
      } else if (r == Type.EMPTY && c == Type.CATEGORICAL) {
        ref = ref.withCategorical(referenceFile, n, progress);
      } else if (c == Type.EMPTY && r == Type.CATEGORICAL) {
        cur = cur.withCategorical(currentFile, n, progress);
      }
      decisions.put(
          n,
          decide(
              n,
              categorical.contains(n),
              ref.column(n),
              r,
              ref.source(),
              cur.column(n),
              c,
              cur.source()));
    }
    Map<String, String> leftOut = new LinkedHashMap<>();
    for (String h : header) {
      if (h.isEmpty() || want.containsKey(h) || leftOut.containsKey(h)) {
        continue;
      }
      if (excluded.contains(h)) {
        leftOut.put(h, EXCLUDED);
      }
    }
    return new DriftInputs(ref, cur, List.copyOf(names), List.copyOf(excluded), decisions, leftOut);
  }

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * @param refRead the type the reference's cells called for (before agreeing with the current)
   * @param curRead the type the current's cells called for
   */
  private static Decision decide(
      String name,
      boolean forced,
      Column ref,
      Type refRead,
      String refSource,
      Column cur,
      Type curRead,
      String curSource) {
    Type type = ref.type() == Type.EMPTY ? cur.type() : ref.type();
    if (forced) {
      return new Decision(name, type, "read as text (--categorical)", false, true);
    }
    if (refRead != curRead && refRead != Type.EMPTY && curRead != Type.EMPTY) {
      return new Decision(
          name,
          type,
          read(refRead, ref.cells(), refSource)
              + "; "
              + read(curRead, cur.cells(), curSource)
              + ": compared as categorical",
          false,
          true);
    }
    if (type == Type.EMPTY) {
      return new Decision(
          name,
          type,
          "no values in either file: every cell is empty or a missing-value token",
          false,
          false); // the library's note says it is not testable
    }
    if (type == Type.CATEGORICAL) {
      String why = textReason(refRead == Type.EMPTY ? cur.cells() : ref.cells());
      String source = refRead == Type.EMPTY ? curSource : refSource;
      boolean oneSide = refRead == Type.EMPTY || curRead == Type.EMPTY;
      String sides =
          refRead == Type.EMPTY
              ? " (" + refSource + " has no values)"
              : curRead == Type.EMPTY ? " (" + curSource + " has no values)" : "";
      return new Decision(
          name,
          type,
          (why.isEmpty() ? "text" : "text: " + why + " in " + source) + sides,
          false,
          oneSide);
    }
    // numeric or date, in both files or in one while the other has no values
    String what = type == Type.DATE ? "ISO-8601 dates" : "numbers";
    List<String> parts = new ArrayList<>();
    if (ref.type() == type && ref.cells().unparsed() > 0) {
      parts.add(unparsed(ref.cells(), refSource, what));
    }
    if (cur.type() == type && cur.cells().unparsed() > 0) {
      parts.add(unparsed(cur.cells(), curSource, what));
    }
    String base =
        type == Type.DATE
            ? "every value is an ISO-8601 date or date-time, compared as seconds since"
                + " 1970-01-01T00:00Z"
            : "every value is a number";
    String emptySide =
        refRead == Type.EMPTY
            ? " (" + refSource + " has no values)"
            : curRead == Type.EMPTY ? " (" + curSource + " has no values)" : "";
    if (parts.isEmpty()) {
      return new Decision(name, type, base + emptySide, false, !emptySide.isEmpty());
    }
    return new Decision(
        name,
        type,
        key(type)
            + " but for "
            + String.join(" and ", parts)
            + ": read as missing (--categorical "
            + name
            + " keeps them as text)"
            + emptySide,
        true,
        true);
  }

  /** How one file's cells read, for a disagreement: "numeric in a.csv". */
  private static String read(Type type, Cells cells, String source) {
    String why = type == Type.CATEGORICAL ? textReason(cells) : "";
    return key(type) + " in " + source + (why.isEmpty() ? "" : " (" + why + ")");
  }

  /** Why a column is text: "12 of 500 values are neither numbers nor dates (...)", or "". */
  private static String textReason(Cells cells) {
    if (cells.numbers() > 0 && cells.dates() > 0) {
      return "it mixes numbers and dates";
    }
    if (cells.numbers() + cells.dates() == 0) {
      return "";
    }
    long present = (long) cells.numbers() + cells.dates() + cells.unparsed();
    String why =
        String.format(
            Locale.ROOT,
            "%d of %d values are not %s (%s), more than %d %%",
            cells.unparsed(),
            present,
            cells.numbers() > 0 ? "numbers" : "ISO-8601 dates",
            cells.describeUnparsed(),
            Math.round(CsvTable.FEW_UNPARSED * 100));
    // mostly values: the others may be the file's own missing-value marks
    if (cells.numbers() + cells.dates() > cells.unparsed()
        && cells.unparsedValues().size() < CsvTable.EXAMPLES) { // every distinct one is known
      List<String> marks = cells.unparsedValues();
      boolean plain = true;
      for (String m : marks) {
        plain &= m.matches("[^\\s,'\"]{1,20}");
      }
      if (plain) {
        why += "; --na-values " + String.join(",", marks) + " reads them as missing";
      }
    }
    return why;
  }

  private static String unparsed(Cells cells, String source, String what) {
    int n = cells.unparsed();
    return n
        + (n == 1 ? " cell of " : " cells of ")
        + source
        + (n == 1 ? " that is not " : " that are not ")
        + (n == 1 ? (what.equals("numbers") ? "a number" : "an ISO-8601 date") : what)
        + " ("
        + cells.describeUnparsed()
        + ")";
  }

  static String key(Type type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @return the reference file read
   */
  public CsvTable reference() {
    return reference;
  }

  /**
   * @return the current file read
   */
  public CsvTable current() {
    return current;
  }

  /**
   * @return the compared columns, in order
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return the columns left out with {@code --exclude}
   */
  public List<String> excluded() {
    return excluded;
  }

  /**
   * @return the type decision of a compared column
   */
  public Decision decision(String name) {
    Decision d = decisions.get(name);
    if (d == null) {
      throw new IllegalArgumentException("column '" + name + "' is not compared");
    }
    return d;
  }

  /**
   * @return the type decisions, in column order
   */
  public List<Decision> decisions() {
    return List.copyOf(decisions.values());
  }

  /**
   * @return the reference columns for {@code DriftDetector.compare}
   */
  public Columns referenceColumns() {
    return columns(reference);
  }

  /**
   * @return the current columns for {@code DriftDetector.compare}
   */
  public Columns currentColumns() {
    return columns(current);
  }

  /**
   * The library's columns: numeric, time (a date column, as seconds since 1970-01-01T00:00Z) or
   * categorical; an identifier-like column whose values were not kept ({@code --max-distinct}) and
   * the columns not read ({@code --exclude}, not among {@code --columns}) as columns left out with
   * their reason, so that the library's report lists every column of the file.
   */
  private Columns columns(CsvTable t) {
    Columns.Builder b = Columns.builder();
    for (String n : names) {
      Decision d = decision(n);
      if (!d.compared()) {
        b.untested(n, ColumnType.CATEGORICAL, ColumnKind.IDENTIFIER, d.reason());
        continue;
      }
      Column c = t.column(n);
      if (c instanceof NumericColumn num) {
        if (d.type() == Type.DATE) {
          b.timeSeconds(n, num.values());
        } else {
          b.numeric(n, num.values());
        }
      } else {
        CategoricalColumn cat = (CategoricalColumn) c;
        @Nullable String[] values = new String[cat.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = cat.value(i);
        }
        b.categorical(n, values);
      }
    }
    leftOut.forEach((n, why) -> b.untested(n, ColumnType.CATEGORICAL, ColumnKind.EXCLUDED, why));
    return b.build();
  }

  /**
   * @return the columns of the reference left out with {@code --exclude}, in file order, with the
   *     reason the report gives (the columns a {@code --columns} list leaves out are not listed:
   *     the user chose the others)
   */
  public Map<String, String> leftOut() {
    return java.util.Collections.unmodifiableMap(leftOut);
  }

  /**
   * The command's {@code columns} block: per compared column {@code name}, {@code type} ({@link
   * Decision#typeKey()}), {@code reason}, and for {@code reference} and {@code current}: {@code
   * missing} (cells given to the library as missing), {@code empty}, {@code missingTokens} (token:
   * count), {@code unparsed} (cells of a numeric or date column that were neither and were read as
   * missing), {@code unparsedRows} and {@code unparsedValues} (the first ones).
   *
   * @return the block, in column order
   */
  public List<Map<String, Object>> toJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Decision d : decisions.values()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", d.name());
      o.put("type", d.typeKey());
      o.put("reason", d.reason());
      o.put("reference", cells(reference.column(d.name())));
      o.put("current", cells(current.column(d.name())));
      out.add(o);
    }
    return out;
  }

  private static Map<String, Object> cells(Column c) {
    Cells cells = c.cells();
    boolean parsed = c.type() == Type.NUMERIC || c.type() == Type.DATE;
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("missing", c.missing());
    o.put("empty", cells.empty());
    o.put("missingTokens", cells.tokens());
    o.put("unparsed", parsed ? cells.unparsed() : 0);
    o.put("unparsedRows", parsed ? cells.unparsedRows() : List.of());
    o.put("unparsedValues", parsed ? cells.unparsedValues() : List.of());
    return o;
  }
}
