package org.mlops4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlops4j.api.internal.Require;

/**
 * Which columns of a DataFrame hold a binary classifier's decisions: the true label, the decision
 * (each 0/1 integers or booleans), optionally the score in [0, 1] (for calibration) and one or more
 * sensitive attributes (several make intersectional groups named {@code "sex=F|race=Black"}, as
 * {@code Decisions} names them). A value: the DataFrame goes to {@link SparkFairness#audit}.
 *
 * <pre>{@code
 * SparkDecisions columns = SparkDecisions.of("label", "prediction").groups("sex", "race").score("p");
 * }</pre>
 *
 * @param label the label column
 * @param prediction the decision column
 * @param score the score column, if any
 * @param groups the attribute columns, at least one before auditing
 * @since 0.1.0
 */
public record SparkDecisions(
    String label, String prediction, Optional<String> score, List<String> groups) {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException if a component or a group is null
   */
  public SparkDecisions {
    Require.nonNull(label, "label");
    Require.nonNull(prediction, "prediction");
    Require.nonNull(score, "score");
    groups = List.copyOf(Require.nonNull(groups, "groups"));
  }

  /**
   * @param label the label column (0/1 or boolean)
   * @param prediction the decision column (0/1 or boolean)
   * @return the columns, without a group attribute yet
   * @throws NullPointerException if an argument is null
   */
  public static SparkDecisions of(String label, String prediction) {
    return new SparkDecisions(label, prediction, Optional.empty(), List.of());
  }

  /**
   * @param columns attribute columns to add (each value of a string, boolean or integer column is a
   *     group)
   * @return new columns with these attributes
   * @throws NullPointerException if a column is null
   * @throws IllegalArgumentException if none is given or one is already an attribute
   */
  public SparkDecisions groups(String... columns) {
    Require.noNulls(columns, "columns");
    Require.argument(columns.length > 0, "columns", "at least one column", "none");
    List<String> all = new ArrayList<>(groups);
    for (String c : columns) {
      Require.argument(!all.contains(c), "columns", "new attributes", "'" + c + "' twice");
      all.add(c);
    }
    return new SparkDecisions(label, prediction, score, all);
  }

  /**
   * @param column the score column (a probability in [0, 1]) for per-group calibration
   * @return new columns with the score
   * @throws NullPointerException if column is null
   */
  public SparkDecisions score(String column) {
    return new SparkDecisions(
        label, prediction, Optional.of(Require.nonNull(column, "score")), groups);
  }
}
