package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.fairness.Disparity.Basis;
import org.mlops4j.fairness.Disparity.Scale;

/**
 * Evaluates disparity specifications on per-group confusion weights. Package-private; works on
 * arrays so that bootstrap replicates are cheap. Undefined results carry NaN only inside this class
 * and become {@link Disparity#undefined} before they leave it.
 */
final class DisparityEngine {

  static final int OVERALL = -2;

  /** How several metrics combine. */
  enum Aggregation {
    SINGLE,
    WORST,
    MEAN,
    /** Selection-rate ratio to the reference (or highest) group, not folded: AIF360/EEOC. */
    DISPARATE_IMPACT
  }

  record Spec(
      String name, RateMetric[] metrics, Aggregation aggregation, Basis basis, Scale scale) {}

  record Result(double value, String reason, int a, int b) {
    boolean defined() {
      return reason == null;
    }
  }

  private final String[] names;
  private final double[][] w;
  private final boolean[] eligible;
  private final int reference;
  private final double[] overall;
  private final int minGroupSize;

  DisparityEngine(String[] names, double[][] w, boolean[] eligible, int reference, int minSize) {
    this.names = names;
    this.w = w;
    this.eligible = eligible;
    this.reference = reference;
    this.minGroupSize = minSize;
    this.overall = new double[4];
    for (double[] g : w) {
      for (int c = 0; c < 4; c++) {
        overall[c] += g[c];
      }
    }
  }

  static double rate(double[] cells, RateMetric m) {
    double num = 0;
    double den = 0;
    for (int c = 0; c < 4; c++) {
      if ((m.numeratorCells() & (1 << c)) != 0) {
        num += cells[c];
      }
      if ((m.denominatorCells() & (1 << c)) != 0) {
        den += cells[c];
      }
    }
    return den > 0 ? num / den : Double.NaN;
  }

  Result evaluate(Spec spec) {
    return switch (spec.aggregation()) {
      case SINGLE -> single(spec.metrics()[0], spec.basis(), spec.scale());
      case DISPARATE_IMPACT -> disparateImpact();
      default -> {
        Result x = single(spec.metrics()[0], spec.basis(), spec.scale());
        Result y = single(spec.metrics()[1], spec.basis(), spec.scale());
        if (!x.defined()) {
          yield x;
        }
        if (!y.defined()) {
          yield y;
        }
        boolean xWorse =
            spec.scale() == Scale.DIFFERENCE ? x.value() >= y.value() : x.value() <= y.value();
        Result worse = xWorse ? x : y;
        if (spec.aggregation() == Aggregation.WORST) {
          yield worse;
        }
        yield new Result((x.value() + y.value()) / 2, null, worse.a(), worse.b());
      }
    };
  }

  private String tooFew(RateMetric m) {
    return "fewer than two groups with a defined "
        + m.label()
        + " and at least "
        + minGroupSize
        + " rows";
  }

  private Result single(RateMetric m, Basis basis, Scale scale) {
    double[] r = new double[names.length];
    List<Integer> usable = new ArrayList<>();
    for (int g = 0; g < names.length; g++) {
      r[g] = rate(w[g], m);
      if (eligible[g] && !Double.isNaN(r[g])) {
        usable.add(g);
      }
    }
    return switch (basis) {
      case BETWEEN_GROUPS -> {
        if (usable.size() < 2) {
          yield new Result(Double.NaN, tooFew(m), -1, -1);
        }
        int hi = usable.get(0);
        int lo = usable.get(0);
        for (int g : usable) {
          if (r[g] > r[hi]) {
            hi = g;
          }
          if (r[g] < r[lo]) {
            lo = g;
          }
        }
        if (scale == Scale.DIFFERENCE) {
          yield new Result(r[hi] - r[lo], null, hi, lo);
        }
        if (r[hi] == 0) {
          yield new Result(Double.NaN, m.label() + " is 0 in every group: ratio 0/0", -1, -1);
        }
        yield new Result(r[lo] / r[hi], null, lo, hi);
      }
      case TO_OVERALL -> {
        double o = rate(overall, m);
        if (Double.isNaN(o)) {
          yield new Result(
              Double.NaN, m.label() + " undefined overall: " + m.undefinedWhen(), -1, -1);
        }
        yield toTarget(m, scale, r, usable, o, OVERALL, "overall");
      }
      default -> {
        if (reference < 0) {
          yield new Result(Double.NaN, "no reference group was chosen", -1, -1);
        }
        if (!eligible[reference]) {
          yield new Result(
              Double.NaN,
              "reference group '" + names[reference] + "' has fewer than " + minGroupSize + " rows",
              -1,
              -1);
        }
        if (Double.isNaN(r[reference])) {
          yield new Result(
              Double.NaN,
              m.label()
                  + " undefined for reference group '"
                  + names[reference]
                  + "': "
                  + m.undefinedWhen(),
              -1,
              -1);
        }
        usable.remove(Integer.valueOf(reference));
        yield toTarget(
            m,
            scale,
            r,
            usable,
            r[reference],
            reference,
            "reference group '" + names[reference] + "'");
      }
    };
  }

  private Result toTarget(
      RateMetric m,
      Scale scale,
      double[] r,
      List<Integer> usable,
      double t,
      int target,
      String what) {
    if (usable.isEmpty()) {
      return new Result(
          Double.NaN,
          "no group with a defined "
              + m.label()
              + " and at least "
              + minGroupSize
              + " rows to compare with "
              + what,
          -1,
          -1);
    }
    if (scale == Scale.DIFFERENCE) {
      int worst = -1;
      double best = -1;
      for (int g : usable) {
        double d = Math.abs(r[g] - t);
        if (d > best) {
          best = d;
          worst = g;
        }
      }
      return new Result(best, null, worst, target);
    }
    if (t == 0) {
      return new Result(Double.NaN, m.label() + " of " + what + " is 0: ratio undefined", -1, -1);
    }
    int worst = -1;
    double min = Double.POSITIVE_INFINITY;
    for (int g : usable) {
      double q = r[g] / t;
      if (q > 1) {
        q = 1 / q;
      }
      if (q < min) {
        min = q;
        worst = g;
      }
    }
    return new Result(min, null, worst, target);
  }

  /** min over groups g != ref of selection_rate(g) / selection_rate(ref). */
  private Result disparateImpact() {
    RateMetric m = RateMetric.SELECTION_RATE;
    double[] r = new double[names.length];
    List<Integer> usable = new ArrayList<>();
    for (int g = 0; g < names.length; g++) {
      r[g] = rate(w[g], m);
      if (eligible[g] && !Double.isNaN(r[g])) {
        usable.add(g);
      }
    }
    int ref = reference;
    if (ref < 0) {
      if (usable.size() < 2) {
        return new Result(Double.NaN, tooFew(m), -1, -1);
      }
      ref = usable.get(0);
      for (int g : usable) {
        if (r[g] > r[ref]) {
          ref = g;
        }
      }
    } else if (!eligible[ref]) {
      return new Result(
          Double.NaN,
          "reference group '" + names[ref] + "' has fewer than " + minGroupSize + " rows",
          -1,
          -1);
    }
    usable.remove(Integer.valueOf(ref));
    if (usable.isEmpty()) {
      return new Result(Double.NaN, tooFew(m), -1, -1);
    }
    if (Double.isNaN(r[ref])) {
      return new Result(
          Double.NaN,
          "selection rate of reference group '"
              + names[ref]
              + "' is undefined: "
              + m.undefinedWhen(),
          -1,
          -1);
    }
    if (!(r[ref] > 0)) {
      return new Result(
          Double.NaN,
          "selection rate of reference group '" + names[ref] + "' is 0: ratio undefined",
          -1,
          -1);
    }
    int worst = usable.get(0);
    for (int g : usable) {
      if (r[g] < r[worst]) {
        worst = g;
      }
    }
    return new Result(r[worst] / r[ref], null, worst, ref);
  }
}
