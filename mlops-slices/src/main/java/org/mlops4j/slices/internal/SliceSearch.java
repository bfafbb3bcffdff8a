package org.mlops4j.slices.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.distribution.TDistribution;
import org.jspecify.annotations.Nullable;
import org.mlops4j.fairness.Interval;
import org.mlops4j.fairness.internal.CodeCounter;
import org.mlops4j.fairness.internal.Wilson;
import org.mlops4j.slices.Slice;
import org.mlops4j.slices.internal.SliceStatistics.Comparison;

/**
 * The lattice search of Slice Finder (Chung et al., 2019), level by level, with columnar counting.
 * Internal.
 *
 * <p>Depth d examines conjunctions of d conditions on d distinct features. Each combination of
 * features is counted in one pass over int codes (the combined code of a row indexes a table of
 * counts; errors are counted by the fairness module's {@code CodeCounter}, losses as shifted sums
 * and sums of squares). A conjunction is a candidate when it has at least minSupport rows, leaves
 * at least 2 rows outside it, selects fewer rows than each of its parents (the conjunctions with
 * one condition less), and every parent was examined and not found significant. Candidates of a
 * level are examined largest first until the budget is spent; after each level, the
 * Benjamini–Hochberg procedure runs over every slice examined so far, and its decisions say which
 * slices are not extended. The decisions of the last run are the report's.
 */
public final class SliceSearch {

  private static final int BITS = 21;

  private final SearchSettings s;
  private final int n;
  private final int @Nullable [] errors;
  private final double @Nullable [] loss;
  private final List<EncodedFeature> features = new ArrayList<>();
  private final int[] offset;
  private final List<String> notes = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private final List<Examined> examined = new ArrayList<>();
  private final Map<Long, Examined> index = new HashMap<>();
  private final int[] byDepth;
  private long totalErrors;
  private double shift;
  private double totalSum;
  private double totalSquares;

  /** A slice examined, with what the later levels need. */
  private static final class Examined {
    final long key;
    final int[] features;
    final int[] codes;
    final long rows;
    final Comparison comparison;
    double adjusted = 1;
    boolean flagged;

    Examined(long key, int[] features, int[] codes, long rows, Comparison comparison) {
      this.key = key;
      this.features = features;
      this.codes = codes;
      this.rows = rows;
      this.comparison = comparison;
    }
  }

  /** A cell of a count table that may be examined. */
  private record Candidate(long key, int[] features, int[] codes, long rows, double a, double b) {}

  /**
   * The result of a search.
   *
   * @param overall the error rate or mean loss over all rows
   * @param overallInterval its interval
   * @param slices every slice examined, by effect size (largest first)
   * @param examinedByDepth slices examined at depth 1, 2, 3 (trailing zeros dropped)
   * @param features how each feature was encoded
   * @param notes why something was skipped or not examined
   */
  public record Result(
      double overall,
      Interval overallInterval,
      List<Slice> slices,
      List<Integer> examinedByDepth,
      List<String> features,
      List<String> notes) {}

  private SliceSearch(
      SearchSettings s, int n, int @Nullable [] errors, double @Nullable [] loss, int features) {
    this.s = s;
    this.n = n;
    this.errors = errors;
    this.loss = loss;
    this.offset = new int[features + 1];
    this.byDepth = new int[s.maxDepth()];
  }

  /**
   * Runs the search.
   *
   * @param s the settings
   * @param errors 0/1 per row (error rate), or null
   * @param loss the loss per row (mean loss), or null
   * @param columns the features
   * @return what was found
   */
  public static Result run(
      SearchSettings s,
      int @Nullable [] errors,
      double @Nullable [] loss,
      List<FeatureColumn> columns) {
    int n = errors != null ? errors.length : loss.length;
    SliceSearch search = new SliceSearch(s, n, errors, loss, columns.size());
    return search.run(columns);
  }

  private Result run(List<FeatureColumn> columns) {
    Interval overallInterval = totals();
    double overall = errors != null ? (double) totalErrors / n : shift + totalSum / n;
    for (FeatureColumn c : columns) {
      Object e = EncodedFeature.encode(c, n, s);
      if (e instanceof EncodedFeature f) {
        offset[features.size() + 1] = offset[features.size()] + f.conditions().size();
        features.add(f);
        descriptions.add(f.description());
      } else {
        notes.add((String) e);
        descriptions.add(c.name() + ": skipped");
      }
    }
    if (columns.isEmpty()) {
      notes.add("nothing examined: no feature to slice on");
    } else if (features.isEmpty()) {
      notes.add("nothing examined: no feature can make a slice (see the notes above)");
    } else {
      search();
      if (examined.isEmpty()) {
        notes.add(
            "nothing examined: no slice has at least "
                + s.minSupport()
                + " rows and leaves 2 rows outside it");
      }
    }
    List<Slice> slices = new ArrayList<>();
    for (Examined e : examined) {
      slices.add(toSlice(e));
    }
    slices.sort(
        Comparator.comparingDouble((Slice x) -> -x.effectSize())
            .thenComparingDouble(Slice::pAdjusted)
            .thenComparing(Slice::name));
    List<Integer> depths = new ArrayList<>();
    int last = byDepth.length;
    while (last > 1 && byDepth[last - 1] == 0) {
      last--;
    }
    for (int d = 0; d < last; d++) {
      depths.add(byDepth[d]);
    }
    return new Result(overall, overallInterval, slices, depths, descriptions, notes);
  }

  /** Sums over all rows (losses shifted by their mean, for precise variances). */
  private Interval totals() {
    if (errors != null) {
      for (int e : errors) {
        totalErrors += e;
      }
      return Wilson.interval((double) totalErrors / n, n, s.level());
    }
    double sum = 0;
    for (double v : loss) {
      sum += v;
    }
    shift = sum / n;
    for (double v : loss) {
      double d = v - shift;
      totalSum += d;
      totalSquares += d * d;
    }
    double mean = shift + totalSum / n;
    double var = n > 1 ? Math.max(0, (totalSquares - totalSum * totalSum / n) / (n - 1)) : 0;
    double half =
        var > 0
            ? TDistribution.of(n - 1.0).inverseSurvivalProbability((1 - s.level()) / 2)
                * Math.sqrt(var / n)
            : 0;
    return new Interval(mean - half, mean + half, s.level(), "t");
  }

  private void search() {
    int f = features.size();
    for (int depth = 1; depth <= Math.min(s.maxDepth(), f); depth++) {
      Set<List<Integer>> open = openCombinations(depth - 1);
      List<Candidate> candidates = new ArrayList<>();
      List<int[]> combos = new ArrayList<>();
      combinations(f, depth, 0, new int[depth], 0, combos);
      int[] scratch = depth > 1 ? new int[n] : null;
      for (int[] combo : combos) {
        if (depth > 1 && !parentsOpen(combo, open)) {
          continue;
        }
        collect(combo, scratch, candidates);
      }
      if (candidates.isEmpty()) {
        return;
      }
      candidates.sort(
          Comparator.comparingLong((Candidate c) -> -c.rows()).thenComparingLong(Candidate::key));
      int room = s.budget() - examined.size();
      int take = Math.min(room, candidates.size());
      for (int i = 0; i < take; i++) {
        examine(candidates.get(i));
      }
      byDepth[depth - 1] = take;
      adjust();
      if (take < candidates.size()) {
        notes.add(
            "budget of "
                + s.budget()
                + " slices reached at depth "
                + depth
                + ": "
                + (candidates.size() - take)
                + " of "
                + candidates.size()
                + " candidate slices not examined, no deeper slice examined");
        return;
      }
    }
  }

  /** The feature combinations of a depth with at least one examined, unflagged slice. */
  private Set<List<Integer>> openCombinations(int depth) {
    Set<List<Integer>> out = new HashSet<>();
    for (Examined e : examined) {
      if (e.features.length == depth && !e.flagged) {
        out.add(boxed(e.features));
      }
    }
    return out;
  }

  private static List<Integer> boxed(int[] a) {
    List<Integer> out = new ArrayList<>(a.length);
    for (int x : a) {
      out.add(x);
    }
    return out;
  }

  private static boolean parentsOpen(int[] combo, Set<List<Integer>> open) {
    for (int drop = 0; drop < combo.length; drop++) {
      List<Integer> parent = new ArrayList<>();
      for (int i = 0; i < combo.length; i++) {
        if (i != drop) {
          parent.add(combo[i]);
        }
      }
      if (!open.contains(parent)) {
        return false;
      }
    }
    return true;
  }

  private static void combinations(
      int f, int depth, int from, int[] current, int at, List<int[]> out) {
    if (at == depth) {
      out.add(current.clone());
      return;
    }
    for (int i = from; i < f; i++) {
      current[at] = i;
      combinations(f, depth, i + 1, current, at + 1, out);
    }
  }

  /** Counts one combination of features in one pass and keeps the cells that may be examined. */
  private void collect(int[] combo, int @Nullable [] scratch, List<Candidate> out) {
    int d = combo.length;
    int[] k = new int[d];
    int cells = 1;
    for (int i = 0; i < d; i++) {
      k[i] = features.get(combo[i]).cardinality();
      cells *= k[i];
    }
    int[] codes;
    if (d == 1) {
      codes = features.get(combo[0]).codes();
    } else {
      codes = scratch;
      int[] c0 = features.get(combo[0]).codes();
      int[] c1 = features.get(combo[1]).codes();
      int k1 = k[1];
      if (d == 2) {
        for (int r = 0; r < n; r++) {
          codes[r] = c0[r] * k1 + c1[r];
        }
      } else {
        int[] c2 = features.get(combo[2]).codes();
        int k2 = k[2];
        for (int r = 0; r < n; r++) {
          codes[r] = (c0[r] * k1 + c1[r]) * k2 + c2[r];
        }
      }
    }
    long[] rows = new long[cells];
    double[] a = new double[cells];
    double[] b = new double[cells];
    if (errors != null) {
      long[] confusion = CodeCounter.count(errors, errors, codes, cells);
      for (int g = 0; g < cells; g++) {
        rows[g] = confusion[4 * g] + confusion[4 * g + 3];
        a[g] = confusion[4 * g + 3];
      }
    } else {
      double[] x = loss;
      double m = shift;
      for (int r = 0; r < n; r++) {
        int g = codes[r];
        double v = x[r] - m;
        rows[g]++;
        a[g] += v;
        b[g] += v * v;
      }
    }
    int[] cell = new int[d];
    for (int g = 0; g < cells; g++) {
      long size = rows[g];
      if (size < s.minSupport() || n - size < 2) {
        continue;
      }
      int rest = g;
      boolean sentinel = false;
      for (int i = d - 1; i >= 0; i--) {
        cell[i] = rest % k[i];
        rest /= k[i];
        sentinel |= cell[i] == k[i] - 1;
      }
      if (sentinel) {
        continue;
      }
      if (d > 1 && !parentsAllow(combo, cell, size)) {
        continue;
      }
      out.add(new Candidate(key(combo, cell), combo, cell.clone(), size, a[g], b[g]));
    }
  }

  private boolean parentsAllow(int[] combo, int[] cell, long size) {
    int d = combo.length;
    int[] pf = new int[d - 1];
    int[] pc = new int[d - 1];
    for (int drop = 0; drop < d; drop++) {
      for (int i = 0, j = 0; i < d; i++) {
        if (i != drop) {
          pf[j] = combo[i];
          pc[j] = cell[i];
          j++;
        }
      }
      Examined parent = index.get(key(pf, pc));
      if (parent == null || parent.flagged || parent.rows <= size) {
        return false;
      }
    }
    return true;
  }

  private long key(int[] combo, int[] cell) {
    long key = 0;
    for (int i = 0; i < combo.length; i++) {
      key = (key << BITS) | (offset[combo[i]] + cell[i] + 1L);
    }
    return key;
  }

  private void examine(Candidate c) {
    long n1 = c.rows();
    long n2 = n - n1;
    Comparison cmp;
    if (errors != null) {
      long e1 = (long) c.a();
      cmp = SliceStatistics.proportions(e1, n1, totalErrors - e1, n2, s.level());
    } else {
      double s1 = c.a();
      double q1 = c.b();
      double s2 = totalSum - s1;
      double q2 = totalSquares - q1;
      double m1 = shift + s1 / n1;
      double m2 = shift + s2 / n2;
      double v1 = Math.max(0, (q1 - s1 * s1 / n1) / (n1 - 1));
      double v2 = Math.max(0, (q2 - s2 * s2 / n2) / (n2 - 1));
      cmp = SliceStatistics.welch(m1, v1, n1, m2, v2, n2, s.level());
    }
    Examined e = new Examined(c.key(), c.features(), c.codes(), n1, cmp);
    examined.add(e);
    index.put(c.key(), e);
  }

  /** Benjamini–Hochberg over every slice examined so far; flags the significant ones. */
  private void adjust() {
    double[] p = new double[examined.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = examined.get(i).comparison.pValue();
    }
    double[] q = SliceStatistics.benjaminiHochberg(p);
    for (int i = 0; i < p.length; i++) {
      Examined e = examined.get(i);
      e.adjusted = q[i];
      e.flagged = q[i] <= s.alpha() && e.comparison.effectSize() >= s.minEffectSize();
    }
  }

  private Slice toSlice(Examined e) {
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < e.features.length; i++) {
      conditions.add(features.get(e.features[i]).conditions().get(e.codes[i]));
    }
    Comparison c = e.comparison;
    return new Slice(
        String.join("|", conditions),
        conditions,
        (int) e.rows,
        c.value(),
        c.interval(),
        (int) (n - e.rows),
        c.restValue(),
        c.value() - c.restValue(),
        c.effectSize(),
        c.statistic(),
        c.df(),
        c.pValue(),
        e.adjusted,
        e.flagged);
  }
}
