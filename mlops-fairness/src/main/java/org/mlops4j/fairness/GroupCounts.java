package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.internal.CodeCounter;

/**
 * A mergeable accumulator of confusion counts per group: for each group and each confusion cell
 * (TN, FP, FN, TP) the number of rows, the sum of weights and the sum of squared weights. Memory
 * grows with the number of groups, not rows. {@code a.merge(b)} equals the counts of the
 * concatenated data, so partitions (files, threads, Spark partitions) can be counted apart.
 *
 * <pre>{@code
 * GroupCounts counts = GroupCounts.create();
 * counts.add("A", true, false);          // label positive, predicted negative: a false negative
 * counts.add("B", false, true, 2.5);      // weighted false positive
 * GroupCounts all = counts.merge(otherPartition);
 * }</pre>
 *
 * <p>The fast path {@link #ofCodes(byte[], byte[], byte[], String...)} counts code arrays in one
 * primitive pass. Not thread-safe: use one instance per thread and merge.
 *
 * @since 0.1.0
 */
public final class GroupCounts {

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private long[] rows = new long[16];
  private double[] weights = new double[16];
  private double[] squares = new double[16];

  private GroupCounts() {}

  /**
   * @return an empty accumulator
   */
  public static GroupCounts create() {
    return new GroupCounts();
  }

  /**
   * Counts byte-coded rows in one pass: {@code labels[i]} and {@code predictions[i]} are 0 or 1,
   * {@code groupCodes[i]} (read as an unsigned byte) indexes {@code groupNames}.
   *
   * @param labels 0 or 1 per row
   * @param predictions 0 or 1 per row
   * @param groupCodes the group of each row, an index into groupNames
   * @param groupNames the groups' names, distinct
   * @return the counts
   * @throws IllegalArgumentException if the lengths differ, a label or prediction is not 0/1, a
   *     code has no name, or the names are not distinct
   * @throws NullPointerException if an argument or a name is null
   */
  public static GroupCounts ofCodes(
      byte[] labels, byte[] predictions, byte[] groupCodes, String... groupNames) {
    Require.nonNull(labels, "labels");
    Require.nonNull(predictions, "predictions");
    Require.nonNull(groupCodes, "groupCodes");
    Require.noNulls(groupNames, "groupNames");
    checkLengths(labels.length, predictions.length, groupCodes.length);
    Require.argument(
        groupNames.length <= 256,
        "groupNames.length",
        "at most 256 for byte codes",
        groupNames.length);
    long[] cells = CodeCounter.count(labels, predictions, groupCodes, groupNames.length);
    return fromCells(cells, groupNames);
  }

  /**
   * Counts int-coded rows in one pass, as {@link #ofCodes(byte[], byte[], byte[], String...)}.
   *
   * @param labels 0 or 1 per row
   * @param predictions 0 or 1 per row
   * @param groupCodes the group of each row, an index into groupNames
   * @param groupNames the groups' names, distinct
   * @return the counts
   * @throws IllegalArgumentException if the lengths differ, a label or prediction is not 0/1, a
   *     code is outside [0, groupNames.length), or the names are not distinct
   * @throws NullPointerException if an argument or a name is null
   */
  public static GroupCounts ofCodes(
      int[] labels, int[] predictions, int[] groupCodes, String... groupNames) {
    Require.nonNull(labels, "labels");
    Require.nonNull(predictions, "predictions");
    Require.nonNull(groupCodes, "groupCodes");
    Require.noNulls(groupNames, "groupNames");
    checkLengths(labels.length, predictions.length, groupCodes.length);
    long[] cells = CodeCounter.count(labels, predictions, groupCodes, groupNames.length);
    return fromCells(cells, groupNames);
  }

  private static void checkLengths(int labels, int predictions, int groupCodes) {
    Require.sameLength(predictions, "predictions", labels, "labels");
    Require.sameLength(groupCodes, "groupCodes", labels, "labels");
  }

  private static GroupCounts fromCells(long[] cells, String[] groupNames) {
    GroupCounts out = new GroupCounts();
    for (int g = 0; g < groupNames.length; g++) {
      String name = groupNames[g];
      Require.argument(
          !out.index.containsKey(name), "groupNames", "distinct", "'" + name + "' twice");
      long total = cells[4 * g] + cells[4 * g + 1] + cells[4 * g + 2] + cells[4 * g + 3];
      if (total == 0) {
        continue;
      }
      int k = out.slot(name);
      for (int c = 0; c < 4; c++) {
        out.rows[4 * k + c] = cells[4 * g + c];
        out.weights[4 * k + c] = cells[4 * g + c];
        out.squares[4 * k + c] = cells[4 * g + c];
      }
    }
    return out;
  }

  private int slot(String group) {
    Integer k = index.get(group);
    if (k != null) {
      return k;
    }
    int next = names.size();
    index.put(group, next);
    names.add(group);
    if (4 * next + 4 > rows.length) {
      int cap = rows.length * 2;
      rows = Arrays.copyOf(rows, cap);
      weights = Arrays.copyOf(weights, cap);
      squares = Arrays.copyOf(squares, cap);
    }
    return next;
  }

  /**
   * Adds one unweighted row.
   *
   * @param group the group's name
   * @param label true if the label is the positive class
   * @param prediction true if the prediction is positive
   * @return this accumulator
   * @throws NullPointerException if group is null
   */
  public GroupCounts add(String group, boolean label, boolean prediction) {
    return add(group, label, prediction, 1.0);
  }

  /**
   * Adds unweighted rows counted elsewhere (a partition's confusion cell): as {@code rows} calls of
   * {@link #add(String, boolean, boolean)}.
   *
   * @param group the group's name
   * @param label true if the label is the positive class
   * @param prediction true if the prediction is positive
   * @param rows how many rows
   * @return this accumulator
   * @throws NullPointerException if group is null
   * @throws IllegalArgumentException if rows is negative
   * @since 0.1.0
   */
  public GroupCounts addRows(String group, boolean label, boolean prediction, long rows) {
    Require.nonNull(group, "group");
    Require.nonNegative(rows, "rows");
    if (rows == 0) {
      return this;
    }
    int cell = 4 * slot(group) + (label ? 2 : 0) + (prediction ? 1 : 0);
    this.rows[cell] += rows;
    weights[cell] += rows;
    squares[cell] += rows;
    return this;
  }

  /**
   * Adds one row with a sample weight.
   *
   * @param group the group's name
   * @param label true if the label is the positive class
   * @param prediction true if the prediction is positive
   * @param weight the row's sample weight, finite and non-negative
   * @return this accumulator
   * @throws NullPointerException if group is null
   * @throws IllegalArgumentException if weight is negative, NaN or infinite
   */
  public GroupCounts add(String group, boolean label, boolean prediction, double weight) {
    Require.nonNull(group, "group");
    Require.nonNegative(weight, "weight");
    int cell = 4 * slot(group) + (label ? 2 : 0) + (prediction ? 1 : 0);
    rows[cell]++;
    weights[cell] += weight;
    squares[cell] += weight * weight;
    return this;
  }

  /**
   * Returns a new accumulator holding the counts of both; neither input changes.
   *
   * @param other the counts to add
   * @return this + other
   */
  public GroupCounts merge(GroupCounts other) {
    Require.nonNull(other, "other");
    GroupCounts out = new GroupCounts();
    for (GroupCounts src : List.of(this, other)) {
      for (int g = 0; g < src.names.size(); g++) {
        int k = out.slot(src.names.get(g));
        for (int c = 0; c < 4; c++) {
          out.rows[4 * k + c] += src.rows[4 * g + c];
          out.weights[4 * k + c] += src.weights[4 * g + c];
          out.squares[4 * k + c] += src.squares[4 * g + c];
        }
      }
    }
    return out;
  }

  /**
   * @return the group names, sorted
   */
  public List<String> groups() {
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted);
    return List.copyOf(sorted);
  }

  /**
   * @param group the group's name
   * @return the counts of one group
   * @throws IllegalArgumentException if the group has no rows
   */
  public ConfusionCounts counts(String group) {
    Integer k = index.get(Require.nonNull(group, "group"));
    if (k == null) {
      throw new IllegalArgumentException(Require.mustBe("group", "one of " + groups(), group));
    }
    return toCounts(k);
  }

  /**
   * @return the counts of all groups together
   */
  public ConfusionCounts overall() {
    double[] w = new double[4];
    long r = 0;
    for (int g = 0; g < names.size(); g++) {
      for (int c = 0; c < 4; c++) {
        w[c] += weights[4 * g + c];
        r += rows[4 * g + c];
      }
    }
    return new ConfusionCounts(w[3], w[1], w[0], w[2], r);
  }

  private ConfusionCounts toCounts(int k) {
    int b = 4 * k;
    return new ConfusionCounts(
        weights[b + 3],
        weights[b + 1],
        weights[b],
        weights[b + 2],
        rows[b] + rows[b + 1] + rows[b + 2] + rows[b + 3]);
  }

  /**
   * Every rate of every group (sorted by name), with Wilson intervals.
   *
   * @param minGroupSize groups with fewer rows are TOO_SMALL (the report's default is 30)
   * @param confidenceLevel level of the Wilson intervals, in (0, 1) (default 0.95)
   * @return one {@link GroupMetrics} per group
   * @throws IllegalArgumentException if minGroupSize &lt; 0 or the level is not in (0, 1)
   */
  public List<GroupMetrics> metrics(int minGroupSize, double confidenceLevel) {
    Require.nonNegative(minGroupSize, "minGroupSize");
    Require.openUnit(confidenceLevel, "confidenceLevel");
    List<GroupMetrics> out = new ArrayList<>();
    for (String g : groups()) {
      out.add(
          GroupMetrics.of(g, rowsOf(g), weightsOf(g), squaresOf(g), minGroupSize, confidenceLevel));
    }
    return List.copyOf(out);
  }

  /** True if some row weighs other than 1. */
  boolean weighted() {
    for (int k = 0; k < 4 * names.size(); k++) {
      if (weights[k] != rows[k] || squares[k] != rows[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the number of groups
   */
  public int size() {
    return names.size();
  }

  /**
   * The per-cell arrays of one group, in cell order TN, FP, FN, TP: rows, weights, squared weights.
   * Package-private: used to build reports.
   */
  long[] rowsOf(String group) {
    int b = 4 * index.get(group);
    return Arrays.copyOfRange(rows, b, b + 4);
  }

  double[] weightsOf(String group) {
    int b = 4 * index.get(group);
    return Arrays.copyOfRange(weights, b, b + 4);
  }

  double[] squaresOf(String group) {
    int b = 4 * index.get(group);
    return Arrays.copyOfRange(squares, b, b + 4);
  }

  private Map<String, List<Object>> content() {
    Map<String, List<Object>> m = new TreeMap<>();
    for (String g : names) {
      m.put(
          g,
          List.of(
              Arrays.toString(rowsOf(g)),
              Arrays.toString(weightsOf(g)),
              Arrays.toString(squaresOf(g))));
    }
    return m;
  }

  /** Equal when every group has the same rows, weights and squared weights per cell. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof GroupCounts other && content().equals(other.content());
  }

  @Override
  public int hashCode() {
    return content().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("GroupCounts{");
    String sep = "";
    for (String g : groups()) {
      sb.append(sep).append(g).append(": ").append(counts(g));
      sep = ", ";
    }
    return sb.append('}').toString();
  }
}
