package org.mlops4j.explain;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * SHAP values by group (see {@link ShapReport#byGroup(String, String[])}): per group of a sensitive
 * attribute, the mean SHAP value and the mean |SHAP| of each feature, to show where a model leans
 * differently on groups.
 *
 * @param attribute the attribute's name, for example {@code "sex"}
 * @param groups the groups, in order of first appearance
 * @param counts the rows of each group
 * @param mean {@code mean[g][i]}: the mean SHAP value of feature i over group g's rows
 * @param meanAbs {@code meanAbs[g][i]}: the mean |SHAP| of feature i over group g's rows
 * @since 0.1.0
 */
public record ShapGroups(
    String attribute, List<String> groups, int[] counts, double[][] mean, double[][] meanAbs) {

  /**
   * Copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ShapGroups {
    Require.nonNull(attribute, "attribute");
    groups = List.copyOf(Require.nonNull(groups, "groups"));
    counts = Require.nonNull(counts, "counts").clone();
    mean = copy(Require.noNulls(mean, "mean"));
    meanAbs = copy(Require.noNulls(meanAbs, "meanAbs"));
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /**
   * @return a copy of the rows per group
   */
  @Override
  public int[] counts() {
    return counts.clone();
  }

  /**
   * @return a copy of the mean SHAP values, group by feature
   */
  @Override
  public double[][] mean() {
    return copy(mean);
  }

  /**
   * @return a copy of the mean |SHAP| values, group by feature
   */
  @Override
  public double[][] meanAbs() {
    return copy(meanAbs);
  }

  @Override
  public String toString() {
    return "ShapGroups(" + attribute + ": " + groups + ")";
  }
}
