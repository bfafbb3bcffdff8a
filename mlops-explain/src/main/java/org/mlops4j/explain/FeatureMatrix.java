package org.mlops4j.explain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;

/**
 * Named numeric feature columns, one row per example: the data the engines of this package explain
 * a model on. A categorical feature is given by its codes (0, 1, 2, ...). Immutable: {@link
 * #of(List, double[][])} copies the rows.
 *
 * <pre>{@code
 * FeatureMatrix data = FeatureMatrix.of(List.of("age", "income"), rows);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FeatureMatrix {
  private final List<String> names;
  private final Map<String, Integer> index;
  private final double[][] rows;

  private FeatureMatrix(List<String> names, Map<String, Integer> index, double[][] rows) {
    this.names = names;
    this.index = index;
    this.rows = rows;
  }

  /**
   * @param names the feature names, distinct, one per column
   * @param rows the rows, each with one finite value per name
   * @return the matrix (a copy of the rows)
   * @throws NullPointerException if an argument, a name or a row is null
   * @throws IllegalArgumentException if there is no name or no row, a name repeats, a row has
   *     another width, or a value is not finite
   */
  public static FeatureMatrix of(List<String> names, double[][] rows) {
    List<String> n = List.copyOf(Require.nonNull(names, "names"));
    Require.argument(!n.isEmpty(), "names", "non-empty", "an empty list");
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < n.size(); j++) {
      Require.argument(
          index.put(n.get(j), j) == null, "names", "distinct", n + " ('" + n.get(j) + "' twice)");
    }
    Require.noNulls(rows, "rows");
    Require.argument(rows.length > 0, "rows", "non-empty", "an empty array");
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      Require.sameLength(rows[i].length, "rows[" + i + "]", n.size(), "names");
      copy[i] = Require.finite(rows[i], "rows[" + i + "]").clone();
    }
    return new FeatureMatrix(n, Map.copyOf(index), copy);
  }

  /**
   * @param names the feature names, distinct, one per column
   * @param rows the rows
   * @return the matrix (a copy of the rows)
   * @throws NullPointerException if an argument, a name or a row is null
   * @throws IllegalArgumentException as {@link #of(List, double[][])}
   */
  public static FeatureMatrix of(String[] names, double[][] rows) {
    return of(List.of(Require.noNulls(names, "names")), rows);
  }

  /**
   * @return the feature names, in column order
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return rows.length;
  }

  /**
   * @return the number of features (columns)
   */
  public int width() {
    return names.size();
  }

  /**
   * @param i the row, from 0
   * @return a copy of the row
   * @throws IllegalArgumentException if i is out of range
   */
  public double[] row(int i) {
    Require.argument(i >= 0 && i < rows.length, "i", "in [0, " + rows.length + ")", i);
    return rows[i].clone();
  }

  /**
   * @param name a feature's name
   * @return a copy of its column
   * @throws IllegalArgumentException if there is no such feature
   */
  public double[] column(String name) {
    int j = indexOf(name);
    double[] c = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      c[i] = rows[i][j];
    }
    return c;
  }

  /**
   * @param name a feature's name
   * @return its column index
   * @throws NullPointerException if name is null
   * @throws IllegalArgumentException {@code "feature must be one of [...], but was 'x'"} if there
   *     is no such feature
   */
  public int indexOf(String name) {
    Require.nonNull(name, "name");
    Integer j = index.get(name);
    Require.argument(j != null, "feature", "one of " + names, "'" + name + "'");
    return j;
  }

  /** The rows themselves, not copied: for the engines of this package only. */
  double[][] data() {
    return rows;
  }

  @Override
  public String toString() {
    return "FeatureMatrix" + names + " (" + rows.length + " rows)";
  }
}
