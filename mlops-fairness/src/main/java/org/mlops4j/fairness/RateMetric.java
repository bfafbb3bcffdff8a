package org.mlops4j.fairness;

import java.util.Locale;

/**
 * The per-group rates computed from a confusion matrix. With TP, FP, TN, FN the (weighted) counts
 * of true positives, false positives, true negatives and false negatives:
 *
 * <ul>
 *   <li>{@link #SELECTION_RATE} = (TP + FP) / n, the fraction predicted positive;
 *   <li>{@link #BASE_RATE} = (TP + FN) / n, the fraction labelled positive (prevalence);
 *   <li>{@link #TPR} = TP / (TP + FN), recall; {@link #FNR} = FN / (TP + FN) = 1 − TPR;
 *   <li>{@link #FPR} = FP / (FP + TN); {@link #TNR} = TN / (FP + TN) = 1 − FPR;
 *   <li>{@link #PPV} = TP / (TP + FP), precision; {@link #FDR} = FP / (TP + FP) = 1 − PPV;
 *   <li>{@link #NPV} = TN / (TN + FN); {@link #FOR} = FN / (TN + FN) = 1 − NPV;
 *   <li>{@link #ACCURACY} = (TP + TN) / n.
 * </ul>
 *
 * <p>Names follow Fairlearn's {@code fairlearn.metrics} and Aequitas' group metrics. Each constant
 * knows which confusion cells form its numerator and denominator, and why the rate is undefined
 * when the denominator is zero. (Named {@code RateMetric}, not {@code Metric}, so that it does not
 * clash with {@code org.mlops4j.api.tracking.Metric}, a logged value, when both are imported.)
 *
 * <p>In JSON a rate is keyed by {@link #key()}, the constant's name in camelCase ({@code
 * selectionRate}, {@code tpr}, ...).
 *
 * @since 0.1.0
 */
public enum RateMetric {
  /** (TP + FP) / n. */
  SELECTION_RATE("selection rate", Cells.FP | Cells.TP, Cells.ALL, "no rows (total weight 0)"),
  /** (TP + FN) / n. */
  BASE_RATE("base rate", Cells.FN | Cells.TP, Cells.ALL, "no rows (total weight 0)"),
  /** TP / (TP + FN). */
  TPR("TPR", Cells.TP, Cells.TP | Cells.FN, "no positive labels"),
  /** FP / (FP + TN). */
  FPR("FPR", Cells.FP, Cells.FP | Cells.TN, "no negative labels"),
  /** TN / (FP + TN). */
  TNR("TNR", Cells.TN, Cells.FP | Cells.TN, "no negative labels"),
  /** FN / (TP + FN). */
  FNR("FNR", Cells.FN, Cells.TP | Cells.FN, "no positive labels"),
  /** TP / (TP + FP). */
  PPV("PPV", Cells.TP, Cells.TP | Cells.FP, "no positive predictions"),
  /** TN / (TN + FN). */
  NPV("NPV", Cells.TN, Cells.TN | Cells.FN, "no negative predictions"),
  /** FP / (TP + FP). */
  FDR("FDR", Cells.FP, Cells.TP | Cells.FP, "no positive predictions"),
  /** FN / (TN + FN). */
  FOR("FOR", Cells.FN, Cells.TN | Cells.FN, "no negative predictions"),
  /** (TP + TN) / n. */
  ACCURACY("accuracy", Cells.TP | Cells.TN, Cells.ALL, "no rows (total weight 0)");

  private final String label;
  private final int numeratorCells;
  private final int denominatorCells;
  private final String undefinedWhen;
  private final String key;

  RateMetric(String label, int numeratorCells, int denominatorCells, String undefinedWhen) {
    this.label = label;
    this.numeratorCells = numeratorCells;
    this.denominatorCells = denominatorCells;
    this.undefinedWhen = undefinedWhen;
    this.key = camel(name());
  }

  /**
   * @return the short human name, for example {@code "TPR"} or {@code "selection rate"}
   */
  public String label() {
    return label;
  }

  /**
   * @return the key of this rate in JSON: the constant's name in camelCase, for example {@code
   *     "selectionRate"} or {@code "tpr"}
   */
  public String key() {
    return key;
  }

  /**
   * @return why the rate is undefined when its denominator is zero, e.g. "no positive labels"
   */
  public String undefinedWhen() {
    return undefinedWhen;
  }

  /**
   * Bit mask of confusion cells in the numerator; bit {@code 2*label + prediction}: bit 0 = TN, bit
   * 1 = FP, bit 2 = FN, bit 3 = TP.
   */
  int numeratorCells() {
    return numeratorCells;
  }

  /** Bit mask of confusion cells in the denominator, as {@link #numeratorCells()}. */
  int denominatorCells() {
    return denominatorCells;
  }

  private static String camel(String constant) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** Cell bit masks; cell index = 2 * label + prediction. */
  static final class Cells {
    static final int TN = 1;
    static final int FP = 2;
    static final int FN = 4;
    static final int TP = 8;
    static final int ALL = 15;

    private Cells() {}
  }
}
