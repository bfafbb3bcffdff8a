package org.mlops4j.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.privacy.internal.Csv;
import org.mlops4j.report.internal.TextTable;

/**
 * A table of personal data: named columns of text, one row per record, as read from a CSV file.
 * Immutable: every operation returns a new table.
 *
 * <pre>{@code
 * PersonalData data = PersonalData.builder("zip", "age", "disease")
 *     .row("13053", "28", "heart")
 *     .row("13068", "29", "flu")
 *     .build();
 * PersonalData banded = data.map("age", Generalizer.band(10));   // 28 -> 20-29
 * }</pre>
 *
 * <p>CSV: RFC 4180 (comma separated, fields with commas, quotes or line breaks in double quotes),
 * the first record the header, UTF-8; written with LF line ends and quotes only where needed.
 *
 * @since 0.1.0
 */
public final class PersonalData {
  private final List<String> columns;
  private final List<List<String>> rows;

  private PersonalData(List<String> columns, List<List<String>> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * A table from its parts.
   *
   * @param columns the column names, distinct
   * @param rows the rows, each with one value per column
   * @return the table
   * @throws NullPointerException if a part, a name or a value is null
   * @throws IllegalArgumentException if names repeat or a row has another length
   */
  public static PersonalData of(List<String> columns, List<List<String>> rows) {
    Require.nonNull(columns, "columns");
    Require.nonNull(rows, "rows");
    List<String> cols = List.copyOf(columns);
    Require.argument(
        cols.stream().distinct().count() == cols.size(), "columns", "distinct names", cols);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = Require.nonNull(rows.get(i), "rows[" + i + "]");
      Require.sameLength(r.size(), "rows[" + i + "]", cols.size(), "columns");
      copy.add(List.copyOf(r));
    }
    return new PersonalData(cols, Collections.unmodifiableList(copy));
  }

  /**
   * @param columns the column names
   * @return a builder of rows
   */
  public static Builder builder(String... columns) {
    return new Builder(List.of(Require.noNulls(columns, "columns")));
  }

  /**
   * Parses CSV text (the first record is the header).
   *
   * @param csv the text
   * @return the table
   * @throws MlopsException {@code CSV: ...} if the text is empty, a quote is not closed or a record
   *     has another number of fields than the header
   */
  public static PersonalData fromCsv(String csv) {
    return parse(Require.nonNull(csv, "csv"), "CSV");
  }

  /**
   * Reads a CSV file (UTF-8, the first record the header).
   *
   * @param file the file
   * @return the table
   * @throws MlopsException {@code <file>: ...} if it cannot be read or is not CSV as above
   */
  public static PersonalData readCsv(Path file) {
    Require.nonNull(file, "file");
    return parse(AtomicFiles.read(file), file.toAbsolutePath().toString());
  }

  private static PersonalData parse(String text, String source) {
    List<List<String>> records = Csv.parse(text, source);
    if (records.isEmpty()) {
      throw new MlopsException(source + ": not CSV: no header");
    }
    List<String> header = records.get(0);
    for (int i = 1; i < records.size(); i++) {
      if (records.get(i).size() != header.size()) {
        throw new MlopsException(
            source
                + ": not CSV: record "
                + (i + 1)
                + " has "
                + records.get(i).size()
                + " fields, the header "
                + header.size());
      }
    }
    try {
      return of(header, records.subList(1, records.size()));
    } catch (IllegalArgumentException e) {
      throw new MlopsException(source + ": not CSV: " + e.getMessage(), e);
    }
  }

  /**
   * @return the CSV text of the table, the header first
   */
  public String toCsv() {
    List<List<String>> all = new ArrayList<>(rows.size() + 1);
    all.add(columns);
    all.addAll(rows);
    return Csv.write(all);
  }

  /**
   * Writes the table as CSV, atomically (a temporary file renamed over the target).
   *
   * @param file where to write
   * @throws MlopsException if the file cannot be written
   */
  public void writeCsv(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toCsv(), AtomicFiles.Durability.ATOMIC);
  }

  /**
   * @return the CSV text's UTF-8 bytes
   */
  byte[] csvBytes() {
    return toCsv().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @return the column names, in order
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * @return the rows, each a list of values in column order
   */
  public List<List<String>> rows() {
    return rows;
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return rows.size();
  }

  /**
   * @param name a column's name
   * @return its index
   * @throws IllegalArgumentException {@code column must be one of the columns [..], but was 'x'}
   */
  public int indexOf(String name) {
    return index(name, "column");
  }

  int index(String name, String argument) {
    Require.nonNull(name, argument);
    int i = columns.indexOf(name);
    Require.argument(i >= 0, argument, "one of the columns " + columns, "'" + name + "'");
    return i;
  }

  /**
   * @param name a column's name
   * @return its values, in row order
   * @throws IllegalArgumentException if there is no such column
   */
  public List<String> column(String name) {
    int i = indexOf(name);
    List<String> out = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      out.add(r.get(i));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Replaces every value of a column by {@code f} of it (a {@link Generalizer}, a pseudonymiser).
   *
   * @param name the column
   * @param f the function
   * @return a new table
   * @throws IllegalArgumentException if there is no such column
   */
  public PersonalData map(String name, UnaryOperator<String> f) {
    int i = indexOf(name);
    Require.nonNull(f, "f");
    List<List<String>> out = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      List<String> c = new ArrayList<>(r);
      c.set(i, Require.nonNull(f.apply(r.get(i)), "f(" + r.get(i) + ")"));
      out.add(Collections.unmodifiableList(c));
    }
    return new PersonalData(columns, Collections.unmodifiableList(out));
  }

  /**
   * @param keep which rows to keep (given each row's values in column order)
   * @return a new table of the rows kept
   */
  public PersonalData filter(Predicate<List<String>> keep) {
    Require.nonNull(keep, "keep");
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : rows) {
      if (keep.test(r)) {
        out.add(r);
      }
    }
    return new PersonalData(columns, Collections.unmodifiableList(out));
  }

  /** The columns and up to 20 rows, as an aligned table. */
  @Override
  public String toString() {
    TextTable t = new TextTable(columns.toArray(String[]::new));
    int shown = Math.min(rows.size(), 20);
    for (int i = 0; i < shown; i++) {
      t.row(rows.get(i).toArray());
    }
    String more = rows.size() > shown ? "... " + (rows.size() - shown) + " more rows\n" : "";
    return "PersonalData: " + rows.size() + " rows\n" + t + more;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonalData p && p.columns.equals(columns) && p.rows.equals(rows);
  }

  @Override
  public int hashCode() {
    return 31 * columns.hashCode() + rows.hashCode();
  }

  /**
   * Collects rows; {@link #build()} returns the table.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Builder(List<String> columns) {
      this.columns = columns;
    }

    /**
     * @param values one value per column
     * @return this
     * @throws IllegalArgumentException if the count differs from the columns'
     */
    public Builder row(String... values) {
      Require.noNulls(values, "values");
      Require.sameLength(values.length, "values", columns.size(), "columns");
      rows.add(List.of(values));
      return this;
    }

    /**
     * @return the table
     * @throws IllegalArgumentException if column names repeat
     */
    public PersonalData build() {
      return of(columns, rows);
    }
  }
}
