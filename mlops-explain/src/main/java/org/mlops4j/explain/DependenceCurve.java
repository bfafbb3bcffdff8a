package org.mlops4j.explain;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * The partial dependence and ICE curves of one feature (see {@link PartialDependence}).
 *
 * @param feature the feature's name
 * @param categorical whether the feature was treated as categorical
 * @param grid the grid values, increasing
 * @param labels the grid values as text (integers without a decimal point)
 * @param average the partial dependence at each grid value
 * @param share the share of rows nearest to (categorical: equal to) each grid value
 * @param iceRows the rows whose ICE curves are kept, increasing
 * @param ice the ICE curve of each kept row, {@code ice[r][k]} at grid value k
 * @since 0.1.0
 */
public record DependenceCurve(
    String feature,
    boolean categorical,
    double[] grid,
    List<String> labels,
    double[] average,
    double[] share,
    int[] iceRows,
    double[][] ice) {

  /**
   * Copies the arrays and the list.
   *
   * @throws NullPointerException if a component is null
   */
  public DependenceCurve {
    Require.nonNull(feature, "feature");
    grid = Require.nonNull(grid, "grid").clone();
    labels = List.copyOf(Require.nonNull(labels, "labels"));
    average = Require.nonNull(average, "average").clone();
    share = Require.nonNull(share, "share").clone();
    iceRows = Require.nonNull(iceRows, "iceRows").clone();
    double[][] c = new double[Require.noNulls(ice, "ice").length][];
    for (int r = 0; r < c.length; r++) {
      c[r] = ice[r].clone();
    }
    ice = c;
  }

  /**
   * @return a copy of the grid
   */
  @Override
  public double[] grid() {
    return grid.clone();
  }

  /**
   * @return a copy of the partial dependence values
   */
  @Override
  public double[] average() {
    return average.clone();
  }

  /**
   * @return a copy of the shares
   */
  @Override
  public double[] share() {
    return share.clone();
  }

  /**
   * @return a copy of the rows whose ICE curves are kept
   */
  @Override
  public int[] iceRows() {
    return iceRows.clone();
  }

  /**
   * @return a copy of the ICE curves
   */
  @Override
  public double[][] ice() {
    double[][] c = new double[ice.length][];
    for (int r = 0; r < c.length; r++) {
      c[r] = ice[r].clone();
    }
    return c;
  }

  /**
   * @return the difference between the largest and the smallest partial dependence, a rough measure
   *     of the feature's main effect
   */
  public double range() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : average) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  @Override
  public String toString() {
    return "DependenceCurve("
        + feature
        + (categorical ? ", categorical" : "")
        + ", "
        + grid.length
        + " grid values, range "
        + org.mlops4j.explain.internal.Files.num(range())
        + ", "
        + iceRows.length
        + " ICE curves)";
  }
}
