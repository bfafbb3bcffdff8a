package org.mlops4j.fairness;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every rate of one group (see {@link RateMetric}), its confusion counts and whether it is large
 * enough to be judged.
 *
 * @param name the group's name: the attribute value for one attribute ({@code "Black"}), or {@code
 *     attr=value} pairs joined by {@code |} for intersectional groups ({@code
 *     "race=Black|sex=Male"}); {@code "overall"} for all rows
 * @param counts the (weighted) confusion counts
 * @param status OK, or TOO_SMALL when the group has fewer rows than the minimum group size
 * @param rates every rate, each possibly undefined
 * @since 0.1.0
 */
public record GroupMetrics(
    String name, ConfusionCounts counts, GroupStatus status, Map<RateMetric, Rate> rates) {

  /** Copies the rates into an unmodifiable map. */
  public GroupMetrics {
    rates = Collections.unmodifiableMap(new EnumMap<>(rates));
  }

  static GroupMetrics of(
      String name, long[] rows, double[] w, double[] w2, int minGroupSize, double level) {
    long n = rows[0] + rows[1] + rows[2] + rows[3];
    ConfusionCounts counts = new ConfusionCounts(w[3], w[1], w[0], w[2], n);
    Map<RateMetric, Rate> rates = new EnumMap<>(RateMetric.class);
    for (RateMetric m : RateMetric.values()) {
      double num = 0;
      double den = 0;
      double sq = 0;
      for (int c = 0; c < 4; c++) {
        if ((m.numeratorCells() & (1 << c)) != 0) {
          num += w[c];
        }
        if ((m.denominatorCells() & (1 << c)) != 0) {
          den += w[c];
          sq += w2[c];
        }
      }
      double effective = sq > 0 ? den * den / sq : 0;
      rates.put(m, Rate.of(m, name, num, den, effective, level));
    }
    GroupStatus status = n < minGroupSize ? GroupStatus.TOO_SMALL : GroupStatus.OK;
    return new GroupMetrics(name, counts, status, rates);
  }

  /**
   * @return the rate of one metric
   */
  public Rate rate(RateMetric metric) {
    return rates.get(metric);
  }

  /**
   * @return the number of rows in the group
   */
  public long size() {
    return counts.rows();
  }

  /**
   * @return (TP + FP) / n
   */
  public Rate selectionRate() {
    return rate(RateMetric.SELECTION_RATE);
  }

  /**
   * @return (TP + FN) / n
   */
  public Rate baseRate() {
    return rate(RateMetric.BASE_RATE);
  }

  /**
   * @return TP / (TP + FN)
   */
  public Rate tpr() {
    return rate(RateMetric.TPR);
  }

  /**
   * @return FP / (FP + TN)
   */
  public Rate fpr() {
    return rate(RateMetric.FPR);
  }

  /**
   * @return TN / (FP + TN)
   */
  public Rate tnr() {
    return rate(RateMetric.TNR);
  }

  /**
   * @return FN / (TP + FN)
   */
  public Rate fnr() {
    return rate(RateMetric.FNR);
  }

  /**
   * @return TP / (TP + FP)
   */
  public Rate ppv() {
    return rate(RateMetric.PPV);
  }

  /**
   * @return TN / (TN + FN)
   */
  public Rate npv() {
    return rate(RateMetric.NPV);
  }

  /**
   * @return FP / (TP + FP)
   */
  public Rate fdr() {
    return rate(RateMetric.FDR);
  }

  /**
   * @return FN / (TN + FN)
   */
  public Rate falseOmissionRate() {
    return rate(RateMetric.FOR);
  }

  /**
   * @return (TP + TN) / n
   */
  public Rate accuracy() {
    return rate(RateMetric.ACCURACY);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(" (n=").append(size());
    if (status == GroupStatus.TOO_SMALL) {
      sb.append(", TOO_SMALL");
    }
    sb.append("): ");
    String sep = "";
    for (RateMetric m :
        new RateMetric[] {
          RateMetric.SELECTION_RATE,
          RateMetric.BASE_RATE,
          RateMetric.TPR,
          RateMetric.FPR,
          RateMetric.PPV,
          RateMetric.ACCURACY
        }) {
      sb.append(sep).append(rate(m));
      sep = ", ";
    }
    return sb.toString();
  }
}
