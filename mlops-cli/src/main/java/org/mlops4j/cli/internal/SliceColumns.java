package org.mlops4j.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Column;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.cli.internal.CsvTable.Type;
import org.mlops4j.slices.SliceData;

/**
 * The columns of a CSV file that {@code mlops slices} reads, and how they become the library's
 * {@link SliceData}: a label and a prediction column (a row is an error when the two cells differ,
 * as text, surrounding spaces ignored) or a numeric loss column ({@link SliceData#ofLoss}), and the
 * feature columns to slice on.
 *
 * <p>A feature is numeric ({@link SliceData#feature(String, double[])}, missing cells NaN, the
 * library's slice {@code name=missing}) when every cell that is not missing parses as a decimal
 * number, as {@code mlops drift} reads cells; any other feature (text, dates, a column of numbers
 * with a few other cells, or one named by {@code --categorical}) is categorical ({@link
 * SliceData#feature(String, String[])}), its text as it is, a missing cell the value {@value
 * #MISSING}.
 *
 * @param label the label column, or null with {@code loss}
 * @param prediction the prediction column, or null with {@code loss}
 * @param loss the loss column, or null with {@code label} and {@code prediction}
 * @param features the feature columns asked for, or null for every other column of the file
 * @param exclude columns not to slice on
 * @param categorical feature columns read as text whatever their cells
 */
public record SliceColumns(
    @Nullable String label,
    @Nullable String prediction,
    @Nullable String loss,
    @Nullable List<String> features,
    List<String> exclude,
    List<String> categorical) {

  /** The value of a missing cell of a categorical feature, as the library names a missing NaN. */
  public static final String MISSING = "missing";

  /**
   * Checks the combination of options.
   *
   * @throws UsageException if neither {@code --label} with {@code --prediction} nor {@code --loss}
   *     is given, or both are, or a feature is also the label, prediction or loss
   */
  public SliceColumns {
    exclude = List.copyOf(Require.nonNull(exclude, "exclude"));
    categorical = List.copyOf(Require.nonNull(categorical, "categorical"));
    features = features == null ? null : List.copyOf(features);
    if (loss != null && (label != null || prediction != null)) {
      throw new UsageException("give either --label COL with --prediction COL, or --loss COL");
    }
    if (loss == null && (label == null || prediction == null)) {
      throw new UsageException(
          label == null && prediction == null
              ? "give --label COL with --prediction COL, or --loss COL"
              : (label == null
                  ? "--prediction needs --label COL"
                  : "--label needs --prediction COL"));
    }
    if (features != null) {
      for (String f : features) {
        if (f.equals(label) || f.equals(prediction) || f.equals(loss)) {
          throw new UsageException(
              "column '" + f + "' is given with --features and as the label, prediction or loss");
        }
      }
    }
  }

  /**
   * @param header the file's header
   * @param source the file name, for messages
   * @return the feature columns: those given with {@code --features}, else every named column of
   *     the header but the label, prediction, loss and {@code --exclude}
   * @throws IllegalArgumentException if a column of {@code --features}, {@code --exclude} or {@code
   *     --categorical} is not in the header, or no feature is left
   */
  public List<String> featureNames(List<String> header, String source) {
    for (String c : exclude) {
      if (!header.contains(c)) {
        throw CsvTable.unknownColumn(source, c, header);
      }
    }
    List<String> out = new ArrayList<>();
    if (features != null) {
      for (String f : features) {
        if (!header.contains(f)) {
          throw CsvTable.unknownColumn(source, f, header);
        }
        if (!exclude.contains(f) && !out.contains(f)) {
          out.add(f);
        }
      }
    } else {
      for (String h : CsvTable.named(header, source)) {
        if (!h.equals(label) && !h.equals(prediction) && !h.equals(loss) && !exclude.contains(h)) {
          out.add(h);
        }
      }
    }
    for (String c : categorical) {
      if (!header.contains(c)) {
        throw CsvTable.unknownColumn(source, c, header);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(source + ": no feature column to slice on");
    }
    return out;
  }

  /**
   * @param featureNames the features ({@link #featureNames})
   * @return the columns to read and how: label and prediction as text, the loss as a number, the
   *     features as text ({@code --categorical}) or as their cells say
   */
  public Map<String, Kind> request(List<String> featureNames) {
    Map<String, Kind> want = new LinkedHashMap<>();
    if (loss != null) {
      want.put(loss, Kind.NUMERIC);
    } else {
      want.put(Require.nonNull(label, "label"), Kind.CATEGORICAL);
      want.put(Require.nonNull(prediction, "prediction"), Kind.CATEGORICAL);
    }
    for (String f : featureNames) {
      want.put(f, categorical.contains(f) ? Kind.CATEGORICAL : Kind.AUTO);
    }
    return want;
  }

  /**
   * Re-reads as text every feature that was read as a date, or as numbers with a few cells that are
   * not, so that every numeric feature is numbers in every non-missing cell.
   *
   * @param file the file
   * @param table the file read with {@link #request}
   * @param featureNames the features
   * @param progress where to show the progress
   * @return the table with those columns as text
   */
  public static CsvTable textWhereNotAllNumbers(
      Path file, CsvTable table, List<String> featureNames, Progress progress) {
    CsvTable t = table;
    for (String f : featureNames) {
      if (t.column(f) instanceof NumericColumn n
          && (n.type() == Type.DATE || n.cells().unparsed() > 0)) {
        t = t.withCategorical(file, f, progress);
      }
    }
    return t;
  }

  /**
   * @param table the file read, at least one row
   * @param featureNames the features
   * @return the library's data
   * @throws IllegalArgumentException naming the file, column and row of a missing label, prediction
   *     or loss
   */
  public SliceData data(CsvTable table, List<String> featureNames) {
    SliceData data;
    if (loss != null) {
      NumericColumn c = (NumericColumn) table.column(loss);
      double[] v = c.values();
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          throw missing(table, loss, i, c.cells().missingCell(i, "loss"), "loss");
        }
      }
      data = SliceData.ofLoss(v);
    } else {
      data =
          SliceData.of(
              texts(table, Require.nonNull(label, "label"), "label"),
              texts(table, Require.nonNull(prediction, "prediction"), "prediction"));
    }
    for (String f : featureNames) {
      Column c = table.column(f);
      if (c instanceof NumericColumn n) {
        data = data.feature(f, n.values());
      } else {
        CategoricalColumn cat = (CategoricalColumn) c;
        String[] s = new String[cat.size()];
        for (int i = 0; i < s.length; i++) {
          String v = cat.value(i);
          s[i] = v == null ? MISSING : v;
        }
        data = data.feature(f, s);
      }
    }
    return data;
  }

  private static String[] texts(CsvTable table, String name, String role) {
    CategoricalColumn c = (CategoricalColumn) table.column(name);
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) {
      String v = c.value(i);
      if (v == null) {
        throw missing(table, name, i, c.missingCell(i, role), role);
      }
      out[i] = v.strip();
    }
    return out;
  }

  private static IllegalArgumentException missing(
      CsvTable table, String column, int row, String cell, String role) {
    return new IllegalArgumentException(
        table.source()
            + ": column '"
            + column
            + "', row "
            + (row + 1)
            + ": "
            + cell
            + " (every row needs a "
            + role
            + ")");
  }

  /**
   * @param table the file read
   * @param featureNames the features
   * @return the command's {@code data} block: {@code path}, {@code label} and {@code prediction} or
   *     {@code loss}, and {@code features} (each {@code name} and {@code type}: {@code numeric} or
   *     {@code categorical})
   */
  public Map<String, Object> toJson(CsvTable table, List<String> featureNames) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", table.source());
    if (loss != null) {
      o.put("loss", loss);
    } else {
      o.put("label", label);
      o.put("prediction", prediction);
    }
    List<Map<String, Object>> fs = new ArrayList<>();
    for (String f : featureNames) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f);
      m.put("type", table.column(f) instanceof NumericColumn ? "numeric" : "categorical");
      fs.add(m);
    }
    o.put("features", fs);
    o.put("excluded", exclude);
    return o;
  }
}
