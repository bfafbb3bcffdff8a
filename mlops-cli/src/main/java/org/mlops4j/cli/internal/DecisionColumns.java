package org.mlops4j.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.cli.internal.CsvTable.NumericColumn;
import org.mlops4j.fairness.Decisions;

/**
 * The columns of a CSV file that hold a classifier's decisions, and how they become the library's
 * {@link Decisions}: labels and predictions coded by {@link Labels#binary}, or numeric scores with
 * a threshold ({@link Decisions#ofScores}); one or more group columns. Every row needs a label, a
 * prediction or score, and a group; the first row without one is named.
 *
 * @param label the label column
 * @param prediction the prediction column, or null with {@code score}
 * @param score the score column, or null with {@code prediction}
 * @param threshold the decision threshold of the scores, or null with {@code prediction}
 * @param groups the group columns, at least one
 * @param positive the positive value of labels and predictions, or null for 0/1 and true/false
 */
public record DecisionColumns(
    String label,
    @Nullable String prediction,
    @Nullable String score,
    @Nullable Double threshold,
    List<String> groups,
    @Nullable String positive) {

  /**
   * Checks the combination of options.
   *
   * @throws UsageException if neither or both of prediction and score are given, or the threshold
   *     is missing or given without a score
   */
  public DecisionColumns {
    Require.nonNull(label, "label");
    groups = List.copyOf(Require.nonNull(groups, "groups"));
    if ((prediction == null) == (score == null)) {
      throw new UsageException("give either --prediction COL or --score COL with --threshold T");
    }
    if (score != null && threshold == null) {
      throw new UsageException("--score needs --threshold T");
    }
    if (prediction != null && threshold != null) {
      throw new UsageException("--threshold goes with --score, not with --prediction");
    }
  }

  /**
   * @return the columns to read and how: label, prediction and groups as text, a score as a number
   * @throws UsageException if one column is asked for both as a score and as text
   */
  public Map<String, Kind> request() {
    Map<String, Kind> want = new LinkedHashMap<>();
    request(want, label, Kind.CATEGORICAL, "--label");
    if (prediction != null) {
      request(want, prediction, Kind.CATEGORICAL, "--prediction");
    } else if (score != null) {
      request(want, score, Kind.NUMERIC, "--score");
    }
    for (String g : groups) {
      request(want, g, Kind.CATEGORICAL, "--group");
    }
    return want;
  }

  private static void request(Map<String, Kind> want, String column, Kind kind, String option) {
    Kind before = want.putIfAbsent(column, kind);
    if (before != null && before != kind) {
      throw new UsageException(
          "column '" + column + "' is used both as a score and as text (" + option + ")");
    }
  }

  /**
   * @param table the file read with {@link #request()}, with at least one row
   * @return the decisions with every group attribute
   * @throws IllegalArgumentException naming the file, column and row of an empty or non-binary
   *     cell, or a {@code positive} value that does not occur among the labels
   */
  public Decisions decisions(CsvTable table) {
    String src = table.source();
    CategoricalColumn labelColumn = (CategoricalColumn) table.column(label);
    if (positive != null && !labelColumn.levels().contains(positive)) {
      List<String> levels = labelColumn.levels();
      throw new IllegalArgumentException(
          src
              + ": --positive '"
              + positive
              + "' does not occur in column '"
              + label
              + "' (values: "
              + String.join(", ", levels.size() <= 10 ? levels : levels.subList(0, 10))
              + ")");
    }
    int[] y = Labels.binary(src, "label", labelColumn, positive);
    Decisions decisions;
    if (prediction != null) {
      CategoricalColumn p = (CategoricalColumn) table.column(prediction);
      decisions = Decisions.of(y, Labels.binary(src, "prediction", p, positive));
    } else {
      String scoreColumn = Require.nonNull(score, "score");
      NumericColumn scores = (NumericColumn) table.column(scoreColumn);
      double[] values = scores.values();
      for (int i = 0; i < values.length; i++) {
        if (Double.isNaN(values[i])) {
          throw new IllegalArgumentException(
              src
                  + ": column '"
                  + scoreColumn
                  + "', row "
                  + (i + 1)
                  + ": "
                  + scores.cells().missingCell(i, "score")
                  + " (every row needs a score)");
        }
      }
      decisions = Decisions.ofScores(y, values, Require.nonNull(threshold, "threshold"));
    }
    for (String g : groups) {
      CategoricalColumn c = (CategoricalColumn) table.column(g);
      for (int i = 0; i < c.size(); i++) {
        if (c.codes()[i] < 0) {
          throw new IllegalArgumentException(
              src
                  + ": column '"
                  + g
                  + "', row "
                  + (i + 1)
                  + ": "
                  + c.missingCell(i, "group value")
                  + " (every row needs a group)");
        }
      }
      decisions = decisions.groups(g, c.present());
    }
    return decisions;
  }

  /**
   * @param table the file read
   * @return the command's {@code data} block: {@code path}, {@code label}, {@code prediction} or
   *     {@code score} and {@code threshold}, and {@code positive} when given
   */
  public Map<String, Object> toJson(CsvTable table) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("path", table.source());
    o.put("label", label);
    if (prediction != null) {
      o.put("prediction", prediction);
    } else {
      o.put("score", score);
      o.put("threshold", threshold);
    }
    if (positive != null) {
      o.put("positive", positive);
    }
    return o;
  }
}
