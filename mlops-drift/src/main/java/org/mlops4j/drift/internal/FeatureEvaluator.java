package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.KolmogorovSmirnovResult;
import org.mlops4j.drift.MissingPolicy;
import org.mlops4j.drift.Psi;
import org.mlops4j.drift.PsiLevel;

/**
 * Evaluates a current column against a fitted {@link FeatureReference}: every statistic of the
 * feature, the deciding method's statistic and p-value, the effect gate; then the verdicts of a
 * whole report after the multiple-testing correction. The rules are those documented on {@code
 * FeatureDrift} and {@code DriftBaseline}.
 */
public final class FeatureEvaluator {

  /** 2^53: every integer up to it is exact in a double. */
  private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

  private FeatureEvaluator() {}

  /**
   * Evaluates a window of a numeric feature (NaN missing, infinities counted apart).
   *
   * @param emptyAllowed whether a window without a finite value is reported as not tested (a report
   *     of a whole table) rather than refused (one feature's window)
   * @throws IllegalArgumentException if the window has no finite value and emptyAllowed is false,
   *     or has missing or infinite values under {@link MissingPolicy#FAIL}
   */
  public static FeatureEvaluation numeric(
      NumericReference r, double[] current, DriftDetector detector, boolean emptyAllowed) {
    long missing = 0;
    long infinite = 0;
    double[] f = new double[current.length];
    int m = 0;
    for (double v : current) {
      if (Double.isNaN(v)) {
        missing++;
      } else if (Double.isInfinite(v)) {
        infinite++;
      } else {
        f[m++] = v;
      }
    }
    requireMissingPolicy(r, current.length, missing, infinite, detector);
    Require.argument(
        m > 0 || emptyAllowed,
        "current column '" + r.name + "'",
        "non-empty after leaving out missing and infinite values",
        current.length + " rows: " + missing + " missing, " + infinite + " infinite");
    FeatureEvaluation e = numericEvaluation(r, m, missing, infinite);
    if (m == 0) {
      withoutNumericValues(e, r, current.length, missing, infinite, detector);
      e.valueShares = e.kind == ColumnKind.NUMERIC ? valueShares(r, f, 0) : null;
      return e;
    }
    Sorting.sort(f, 0, m);
    if (m < f.length) {
      f = Arrays.copyOf(f, m);
    }
    List<String> notes = new ArrayList<>();

    // A binary reference whose current leaves {0, 1}: a schema change. The automatic z-test
    // would only compare the share of ones, so the column is compared as numeric (KS) instead.
    DriftMethod method = r.method;
    long outside = 0;
    double example = Double.NaN;
    if (r.binary) {
      for (int i = 0; i < m; i++) {
        if (f[i] != 0.0 && f[i] != 1.0) {
          if (outside == 0) {
            example = f[i];
          }
          outside++;
        }
      }
    }
    if (outside > 0) {
      method = schemaChange(e, r, outside, m, ", e.g. " + example, detector, notes);
    }

    // KS: statistic always; p-value only when KS decides (the exact path costs O(n m)).
    boolean ksDecides = method == DriftMethod.KOLMOGOROV_SMIRNOV;
    KolmogorovSmirnovResult ks =
        ks(r, f, ksDecides ? detector.ksMethod() : KolmogorovSmirnov.Method.ASYMPTOTIC);
    // the deciding test's statistic and p-value (KS, z, CvM, AD), NaN for PSI and Wasserstein
    double statistic = Double.NaN;
    double pValue = Double.NaN;
    e.metrics.put("ks", ks.statistic());
    if (ksDecides) {
      statistic = ks.statistic();
      pValue = ks.pValue();
      e.metrics.put("ks_p", pValue);
    }

    long[] cc = Stats.binCounts(r.edges, f, 0, m);
    double psi = psi(e, r, cc, detector);
    if (r.counts.length == 1) {
      notes.add(
          "PSI has a single bin: every reference quantile is its minimum or its maximum"
              + " (binning EQUAL_WIDTH bins such a column)");
    }

    double w = wasserstein(r, f, 1.0);
    if (Double.isInfinite(w)) {
      // values near ±Double.MAX_VALUE: the halved distance does not overflow
      w = 2 * wasserstein(r, f, 0.5);
    }
    double[] window = f;
    double wstd = wasserstein(e, r, w, () -> wasserstein(r, window, 0.5), notes);
    if (outside > 0) {
      e.metrics.put("outside_domain_share", (double) outside / m);
    }

    if (method == DriftMethod.TWO_PROPORTION_Z) {
      long ones = 0;
      boolean binary = true;
      for (int i = 0; i < m; i++) {
        if (f[i] == 1.0) {
          ones++;
        } else if (f[i] != 0.0) {
          binary = false;
        }
      }
      double[] z = twoProportionZ(e, r, ones, m, !binary, notes);
      statistic = z[0];
      pValue = z[1];
    }
    if (method == DriftMethod.CRAMER_VON_MISES) {
      String why = SampleSizes.cramerVonMisesNote(r.count, m);
      if (why == null) {
        double[] c = CramerVonMisesMath.test(Require.nonNull(r.sorted, "sorted"), f);
        statistic = c[0];
        pValue = c[1];
        e.metrics.put("cvm", statistic);
        e.metrics.put("cvm_p", pValue);
      } else {
        e.tested = false;
        notes.add(0, why); // the first thing to read about the feature
      }
    }
    if (method == DriftMethod.ANDERSON_DARLING) {
      double[] sorted = Require.nonNull(r.sorted, "sorted");
      String why = SampleSizes.andersonDarlingNote(sorted, f);
      if (why == null) {
        double[] t = AndersonDarlingMath.testSorted(sorted, f);
        statistic = t[0];
        pValue = t[1];
        e.metrics.put("ad", statistic);
        e.metrics.put("ad_p", pValue);
      } else {
        e.tested = false;
        notes.add(0, why); // the first thing to read about the feature
      }
    }
    missingRate(e, r.rows, r.missing + r.infinite, current.length, missing + infinite, detector);
    decidingStatistic(e, method, statistic, pValue, psi, wstd, detector);
    e.shares = new BinShares(labels(r), shares(r.counts), shares(cc));
    e.valueShares = e.kind == ColumnKind.NUMERIC ? valueShares(r, f, m) : null;
    e.note = String.join("; ", notes);
    return e;
  }

  /**
   * Evaluates a window of a categorical feature ({@code null} = missing). Labels outside the kept
   * categories count in the last bucket: {@value Psi#UNSEEN} (categories the reference never saw)
   * or, for a capped reference, {@value Psi#OTHER} (with the reference's other categories).
   *
   * @param emptyAllowed whether a window without a label is reported as not tested rather than
   *     refused
   * @throws IllegalArgumentException if the window has no label and emptyAllowed is false, or has
   *     missing labels under {@link MissingPolicy#FAIL}
   */
  public static FeatureEvaluation categorical(
      CategoricalReference r,
      @Nullable String[] current,
      DriftDetector detector,
      boolean emptyAllowed) {
    int k = r.vocabulary.size();
    long[] cc = new long[k + 1];
    long missing = 0;
    for (String s : current) {
      if (s == null) {
        missing++;
        continue;
      }
      Integer i = r.index.get(s);
      cc[i == null ? k : i]++;
    }
    return categorical(r, cc, current.length, missing, detector, emptyAllowed);
  }

  /**
   * Evaluates the label counts of a categorical feature's window ({@code missing} labels apart), as
   * {@link #categorical(CategoricalReference, String[], DriftDetector, boolean)} evaluates the rows
   * those counts describe.
   *
   * @throws IllegalArgumentException if the window has no label and emptyAllowed is false, or has
   *     missing labels under {@link MissingPolicy#FAIL}
   */
  public static FeatureEvaluation categorical(
      CategoricalReference r,
      java.util.Map<String, Long> counts,
      long missing,
      DriftDetector detector,
      boolean emptyAllowed) {
    int k = r.vocabulary.size();
    long[] cc = new long[k + 1];
    long rows = missing;
    for (java.util.Map.Entry<String, Long> e : counts.entrySet()) {
      Integer i = r.index.get(e.getKey());
      cc[i == null ? k : i] += e.getValue();
      rows += e.getValue();
    }
    return categorical(r, cc, rows, missing, detector, emptyAllowed);
  }

  private static FeatureEvaluation categorical(
      CategoricalReference r,
      long[] cc,
      long rows,
      long missing,
      DriftDetector detector,
      boolean emptyAllowed) {
    int k = r.vocabulary.size();
    String column = "current column '" + r.name + "'";
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing == 0,
        column,
        "free of missing values (missingPolicy FAIL)",
        missing + " missing of " + rows + " rows");
    long m = rows - missing;
    Require.argument(
        m > 0 || emptyAllowed,
        column,
        "non-empty after leaving out missing values",
        rows + " rows: " + missing + " missing");
    long[] rc = r.countsWithLastBucket();
    boolean capped = r.capped();
    List<String> labels = new ArrayList<>(r.vocabulary);
    labels.add(capped ? Psi.OTHER : Psi.UNSEEN);
    FeatureEvaluation e = new FeatureEvaluation();
    e.feature = r.name;
    e.type = ColumnType.CATEGORICAL;
    e.kind = ColumnKind.CATEGORICAL;
    e.kindReason = r.kindReason;
    e.method = r.method;
    e.refCount = r.count();
    e.curCount = m;
    e.refMissing = r.missing;
    e.curMissing = missing;
    if (m == 0) {
      return withoutCurrentValues(
          e,
          "not tested: the current has no value ("
              + UntestableReference.counts(ColumnType.CATEGORICAL, rows, missing, 0)
              + ")",
          labels,
          shares(rc),
          r.rows,
          r.missing,
          rows,
          missing,
          detector);
    }
    double[] chi = Stats.chiSquare(rc, cc);
    e.metrics.put("chi2", chi[0]);
    e.metrics.put("chi2_p", chi[1]);
    e.metrics.put("chi2_dof", chi[2]);
    double psi = Stats.psi(rc, cc, detector.epsilon());
    e.psi = psi;
    e.metrics.put("psi", psi);
    double js = Stats.jensenShannon(Stats.toDouble(rc), Stats.toDouble(cc));
    e.metrics.put("js", js);
    if (capped) {
      e.metrics.put("other_share_ref", (double) r.other / r.count());
      e.metrics.put("other_share_cur", (double) cc[k] / m);
      e.note =
          "kept the "
              + k
              + " most frequent of "
              + r.distinct
              + " categories (maxCategories); the other "
              + (r.distinct - k)
              + " ("
              + Texts.percent((double) r.other / r.count())
              + " of the reference) and the current's other categories are compared as "
              + Psi.OTHER;
    } else {
      e.metrics.put("unseen_share", (double) cc[k] / m);
    }
    missingRate(e, r.rows, r.missing, rows, missing, detector);
    switch (r.method) {
      case CHI_SQUARE -> {
        e.statistic = chi[0];
        e.pValue = chi[1];
        e.effectGate = js >= detector.jsGate();
      }
      case PSI -> {
        e.statistic = psi;
        e.effectGate = psi >= detector.psiGate();
      }
      default -> { // JENSEN_SHANNON
        e.statistic = js;
        e.effectGate = js >= detector.jsGate();
      }
    }
    e.shares = new BinShares(labels, shares(rc), shares(cc));
    return e;
  }

  /**
   * Evaluates a window of a feature whose reference cannot be tested (no value, identifier-like):
   * only the missing rate, and the reference's note.
   */
  public static FeatureEvaluation untestable(
      UntestableReference r, Object current, DriftDetector detector) {
    long rows;
    long missing = 0;
    long infinite = 0;
    if (current instanceof double[] d) {
      rows = d.length;
      for (double v : d) {
        if (Double.isNaN(v)) {
          missing++;
        } else if (Double.isInfinite(v)) {
          infinite++;
        }
      }
    } else {
      @Nullable String[] s = (@Nullable String[]) current;
      rows = s.length;
      for (String v : s) {
        if (v == null) {
          missing++;
        }
      }
    }
    return untestable(
        r,
        rows,
        missing,
        infinite,
        detector,
        () -> currentIdentifier((double[]) current, detector));
  }

  /**
   * Evaluates a window given by its counts against a reference that cannot be tested, as {@link
   * #untestable(UntestableReference, Object, DriftDetector)} does, without the note on a numeric
   * identifier's current values (which needs them).
   */
  public static FeatureEvaluation untestable(
      UntestableReference r, long rows, long missing, long infinite, DriftDetector detector) {
    return untestable(r, rows, missing, infinite, detector, () -> "");
  }

  private static FeatureEvaluation untestable(
      UntestableReference r,
      long rows,
      long missing,
      long infinite,
      DriftDetector detector,
      java.util.function.Supplier<String> identifierNote) {
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing + infinite == 0,
        "current column '" + r.name + "'",
        r.type == ColumnType.NUMERIC
            ? "free of missing and infinite values (missingPolicy FAIL)"
            : "free of missing values (missingPolicy FAIL)",
        r.type == ColumnType.NUMERIC
            ? missing + " missing and " + infinite + " infinite of " + rows + " rows"
            : missing + " missing of " + rows + " rows");
    FeatureEvaluation e = new FeatureEvaluation();
    e.feature = r.name;
    e.type = r.type;
    e.kind = r.kind;
    e.kindReason = r.kindReason;
    e.method = r.method;
    e.refCount = r.rows - r.missing - r.infinite;
    e.curCount = rows - missing - infinite;
    e.refMissing = r.missing;
    e.curMissing = missing;
    e.refInfinite = r.infinite;
    e.curInfinite = infinite;
    withoutCurrentValues(
        e,
        r.note,
        List.of(),
        List.of(),
        r.rows,
        r.missing + r.infinite,
        rows,
        missing + infinite,
        detector);
    if (r.kind == ColumnKind.IDENTIFIER && r.type == ColumnType.NUMERIC && r.rows > 0) {
      e.note = e.note + identifierNote.get();
    }
    if (r.kind == ColumnKind.IDENTIFIER && e.missingRateDrifted) {
      e.note =
          e.note
              + "; the missing rate changed ("
              + Texts.percent(e.metrics.getOrDefault("missing_rate_ref", Double.NaN))
              + " to "
              + Texts.percent(e.metrics.getOrDefault("missing_rate_cur", Double.NaN))
              + "), not counted as drift for an identifier";
    }
    return e;
  }

  /**
   * Evaluates a feature whose current column the caller left out ({@code Columns.Builder#untested})
   * against any reference: not tested, of the current's kind and reason (the reference's, when it
   * left the column out too), no missing rate.
   */
  public static FeatureEvaluation leftOut(
      FeatureReference r, ColumnKind kind, String reason, DriftDetector detector) {
    FeatureEvaluation e = new FeatureEvaluation();
    e.feature = r.name();
    e.type = r.type();
    boolean both = r instanceof UntestableReference u && u.rows == 0;
    e.kind = both ? r.kind() : kind;
    e.kindReason = both ? r.kindReason() : reason;
    e.method = r.method();
    if (r instanceof NumericReference n) {
      e.refCount = n.count;
      e.refInfinite = n.infinite;
    } else if (r instanceof CategoricalReference c) {
      e.refCount = c.count();
    } else {
      UntestableReference u = (UntestableReference) r;
      e.refCount = u.rows - u.missing - u.infinite;
      e.refInfinite = u.infinite;
    }
    e.refMissing = r.missing();
    return withoutCurrentValues(
        e,
        "not tested: " + e.kindReason + (both ? "" : " (the current column)"),
        List.of(),
        List.of(),
        0,
        0,
        0,
        0,
        detector);
  }

  // ------------------------------------------------- shared with SummaryEvaluator (numeric)

  /**
   * Refuses a numeric window with missing or infinite values under {@link MissingPolicy#FAIL}.
   *
   * @param rows the window's rows: finite, missing and infinite
   */
  static void requireMissingPolicy(
      NumericReference r, long rows, long missing, long infinite, DriftDetector detector) {
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing + infinite == 0,
        "current column '" + r.name + "'",
        "free of missing and infinite values (missingPolicy FAIL)",
        missing + " missing and " + infinite + " infinite of " + rows + " rows");
  }

  /** A numeric feature's evaluation with its reference's name, kind, method and the counts. */
  static FeatureEvaluation numericEvaluation(
      NumericReference r, long finite, long missing, long infinite) {
    FeatureEvaluation e = new FeatureEvaluation();
    e.feature = r.name;
    e.type = ColumnType.NUMERIC;
    e.kind = r.kind();
    e.kindReason = r.kindReason;
    e.method = r.method;
    e.refCount = r.count;
    e.curCount = finite;
    e.refMissing = r.missing;
    e.curMissing = missing;
    e.refInfinite = r.infinite;
    e.curInfinite = infinite;
    return e;
  }

  /** Fills the evaluation of a numeric window without a finite value: not tested. */
  static FeatureEvaluation withoutNumericValues(
      FeatureEvaluation e,
      NumericReference r,
      long rows,
      long missing,
      long infinite,
      DriftDetector detector) {
    return withoutCurrentValues(
        e,
        "not tested: the current has no value ("
            + UntestableReference.counts(ColumnType.NUMERIC, rows, missing, infinite)
            + ")",
        labels(r),
        shares(r.counts),
        r.rows,
        r.missing + r.infinite,
        rows,
        missing + infinite,
        detector);
  }

  /**
   * A binary reference whose current leaves {0, 1}: a schema change, noted. The automatic z-test
   * would only compare the share of ones, so the column is then compared as numeric (KS) instead.
   *
   * @param example ", e.g. " and a value outside {0, 1}, or "" when none is known
   * @return the deciding method: KS instead of the automatic z-test, else the reference's
   */
  static DriftMethod schemaChange(
      FeatureEvaluation e,
      NumericReference r,
      long outside,
      long finite,
      String example,
      DriftDetector detector,
      List<String> notes) {
    DriftMethod method = r.method;
    boolean automatic =
        method == DriftMethod.TWO_PROPORTION_Z && detector.methodFor(r.name).isEmpty();
    if (automatic) {
      method = DriftMethod.KOLMOGOROV_SMIRNOV;
      e.method = method;
      e.kind = ColumnKind.NUMERIC;
      e.kindReason =
          "numeric: binary in the reference (only 0 and 1), but the current has other values";
    }
    notes.add(
        "schema change: the current has values outside the reference's {0, 1} ("
            + outside
            + " of "
            + finite
            + example
            + ")"
            + (automatic
                ? "; compared as numeric (ks) instead of the two-proportion z-test"
                : method == DriftMethod.TWO_PROPORTION_Z
                    ? "; the z-test compares the share of ones"
                    : ""));
    return method;
  }

  /**
   * PSI of the current's counts over the reference's bins, put as the metrics {@code psi} and
   * {@code psi_bins}.
   *
   * @return the PSI
   */
  static double psi(
      FeatureEvaluation e, NumericReference r, long[] currentCounts, DriftDetector detector) {
    double psi = Stats.psi(r.counts, currentCounts, detector.epsilon());
    e.psi = psi;
    e.metrics.put("psi", psi);
    e.metrics.put("psi_bins", (double) r.counts.length);
    return psi;
  }

  /**
   * Puts the Wasserstein-1 distance and its ratio to the reference's standard deviation (the raw
   * distance, noted, for a constant reference) as the metrics {@code wasserstein} and {@code
   * wasserstein_std}.
   *
   * @param w the distance
   * @param half half the distance, asked for only when w overflowed to infinity: a distance above
   *     Double.MAX_VALUE still has a finite ratio to the standard deviation
   * @return the ratio, {@code wasserstein_std}
   */
  static double wasserstein(
      FeatureEvaluation e,
      NumericReference r,
      double w,
      java.util.function.DoubleSupplier half,
      List<String> notes) {
    e.metrics.put("wasserstein", w);
    double wstd;
    if (r.std > 0) {
      wstd = Double.isInfinite(w) ? half.getAsDouble() / (r.std / 2) : w / r.std;
    } else {
      wstd = w;
      notes.add("reference is constant: wasserstein_std is the raw distance");
    }
    e.metrics.put("wasserstein_std", wstd);
    return wstd;
  }

  /**
   * The two-proportion z-test of the share of ones, put as the metrics {@code share_ones_ref},
   * {@code share_ones_cur}, {@code z} and {@code z_p}.
   *
   * @param other whether the current has values other than 0 and 1 (noted when the reference has
   *     none: for a binary reference, {@link #schemaChange} noted them)
   * @return z and its two-sided p-value
   */
  static double[] twoProportionZ(
      FeatureEvaluation e,
      NumericReference r,
      long ones,
      long finite,
      boolean other,
      List<String> notes) {
    if (other && !r.binary) {
      notes.add("current has values other than 0 and 1; z-test compares the share of ones");
    }
    double[] z = Stats.twoProportionZ(r.ones, r.count, ones, finite);
    e.metrics.put("share_ones_ref", (double) r.ones / r.count);
    e.metrics.put("share_ones_cur", (double) ones / finite);
    e.metrics.put("z", z[0]);
    e.metrics.put("z_p", z[1]);
    return z;
  }

  /**
   * Sets the deciding statistic, its p-value and the effect gate of a numeric feature: PSI and
   * Wasserstein (standardized) decide by their own threshold; a test (KS, z, CvM, AD) by its
   * p-value, gated by PSI or Wasserstein reaching theirs. NaN for a feature not tested.
   *
   * @param statistic the deciding test's statistic (ignored for PSI and Wasserstein)
   * @param pValue the deciding test's p-value (ignored for PSI and Wasserstein)
   */
  static void decidingStatistic(
      FeatureEvaluation e,
      DriftMethod method,
      double statistic,
      double pValue,
      double psi,
      double wstd,
      DriftDetector detector) {
    switch (method) {
      case PSI -> {
        e.statistic = psi;
        e.effectGate = psi >= detector.psiGate();
      }
      case WASSERSTEIN -> {
        e.statistic = wstd;
        e.effectGate = wstd >= detector.wassersteinGate();
      }
      default -> { // KS, z, CvM, AD
        e.statistic = statistic;
        e.pValue = pValue;
        e.effectGate = psi >= detector.psiGate() || wstd >= detector.wassersteinGate();
      }
    }
    if (!e.tested) {
      e.statistic = Double.NaN;
      e.pValue = Double.NaN;
    }
  }

  /** The labels of a numeric reference's PSI bins: ISO-8601 instants for a time column. */
  static List<String> labels(NumericReference r) {
    return r.time ? Stats.timeBinLabels(r.edges) : Stats.binLabels(r.edges);
  }

  /**
   * A note on a numeric identifier whose current is not identifier-like (not all integers, or not
   * nearly all distinct), or "".
   */
  private static String currentIdentifier(double[] current, DriftDetector detector) {
    double[] f = new double[current.length];
    int m = 0;
    for (double v : current) {
      if (Double.isFinite(v)) {
        f[m++] = v;
      }
    }
    if (m == 0) {
      return "";
    }
    Sorting.sort(f, 0, m);
    long distinct = NumericReference.distinct(f, m);
    boolean integers = true;
    for (int i = 0; i < m && integers; i++) {
      integers = f[i] == Math.rint(f[i]);
    }
    if (integers && distinct > detector.identifierShare() * m) {
      return "";
    }
    return "; the current is not identifier-like ("
        + distinct
        + " distinct values in "
        + m
        + (integers ? "" : ", not all integers")
        + "): the column may have changed meaning";
  }

  /** Fills an evaluation that no test could decide: the note, the shares, the missing rate. */
  static FeatureEvaluation withoutCurrentValues(
      FeatureEvaluation e,
      String note,
      List<String> labels,
      List<Double> referenceShares,
      long refRows,
      long refBad,
      long curRows,
      long curBad,
      DriftDetector detector) {
    e.tested = false;
    e.statistic = Double.NaN;
    e.pValue = Double.NaN;
    e.psi = 0;
    e.effectGate = false;
    List<Double> none = new ArrayList<>(referenceShares.size());
    referenceShares.forEach(x -> none.add(0.0));
    e.shares = new BinShares(labels, referenceShares, none);
    missingRate(e, refRows, refBad, curRows, curBad, detector);
    e.note = note;
    return e;
  }

  static void missingRate(
      FeatureEvaluation e,
      long refRows,
      long refBad,
      long curRows,
      long curBad,
      DriftDetector detector) {
    if (refBad + curBad == 0 || refRows == 0 || curRows == 0) {
      return;
    }
    e.metrics.put("missing_rate_ref", (double) refBad / refRows);
    e.metrics.put("missing_rate_cur", (double) curBad / curRows);
    double[] z = Stats.twoProportionZ(refBad, refRows, curBad, curRows);
    e.metrics.put("missing_rate_p", z[1]);
    e.missingRateDrifted = z[1] < detector.alpha();
  }

  /**
   * Decides one feature.
   *
   * @param adjusted the corrected p-value, or null for no correction (a single feature)
   */
  public static FeatureDrift decide(
      FeatureEvaluation e, @Nullable Double adjusted, DriftDetector detector) {
    OptionalDouble p = e.hasPValue() ? OptionalDouble.of(e.pValue) : OptionalDouble.empty();
    OptionalDouble adj =
        e.hasPValue()
            ? OptionalDouble.of(adjusted == null ? e.pValue : adjusted)
            : OptionalDouble.empty();
    boolean significant = e.tested && (!adj.isPresent() || adj.getAsDouble() < detector.alpha());
    boolean drifted = significant && e.effectGate;
    // an identifier's missing rate is shown (metrics, note, missingRateDrifted) but is no drift:
    // the column is not tested and its missing values say nothing the other columns do not
    if (detector.missingPolicy() == MissingPolicy.IGNORE_AND_REPORT
        && e.missingRateDrifted
        && e.kind != ColumnKind.IDENTIFIER) {
      drifted = true;
    }
    PsiLevel level = PsiLevel.of(e.psi, detector.psiModerate(), detector.psiSignificant());
    return new FeatureDrift(
        e.feature,
        e.type,
        e.kind,
        e.kindReason,
        e.method,
        e.tested,
        e.statistic,
        p,
        adj,
        e.effectGate,
        drifted,
        level,
        e.refCount,
        e.curCount,
        e.refMissing,
        e.curMissing,
        e.refInfinite,
        e.curInfinite,
        e.missingRateDrifted,
        e.metrics,
        Require.nonNull(e.shares, "shares"),
        e.note,
        Optional.ofNullable(e.valueShares));
  }

  /**
   * The report of the evaluated features: p-values corrected with the detector's correction over
   * the features that have one, verdicts, the share of drifted features and the dataset verdict.
   */
  public static DriftReport report(List<FeatureEvaluation> evaluations, DriftDetector detector) {
    List<Integer> withP = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      if (evaluations.get(i).hasPValue()) {
        withP.add(i);
      }
    }
    double[] ps = new double[withP.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = evaluations.get(withP.get(i)).pValue;
    }
    double[] adj = detector.correction().adjust(ps);
    @Nullable Double[] adjusted = new Double[evaluations.size()];
    for (int i = 0; i < ps.length; i++) {
      adjusted[withP.get(i)] = adj[i];
    }
    List<FeatureDrift> out = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      out.add(decide(evaluations.get(i), adjusted[i], detector));
    }
    return report(out, detector.correction(), detector.alpha(), detector.datasetDriftShare());
  }

  /** A report of decided features: counts the drifted ones and gives the dataset verdict. */
  public static DriftReport report(
      List<FeatureDrift> features, Correction correction, double alpha, double datasetDriftShare) {
    int drifted = 0;
    int compared = 0;
    for (FeatureDrift f : features) {
      if (f.drifted()) {
        drifted++;
      }
      if (f.kind().testable() || f.drifted()) {
        compared++; // as DriftReport.comparedCount()
      }
    }
    double share = compared == 0 ? 0.0 : (double) drifted / compared;
    return new DriftReport(
        features,
        correction,
        alpha,
        drifted,
        share,
        datasetDriftShare,
        share >= datasetDriftShare,
        java.time.Instant.now());
  }

  /**
   * Two-sided Kolmogorov–Smirnov test of a sorted, finite window against a numeric reference
   * (sample 1 = reference). Against a sketched reference, D comes from the sketch's ranks and the
   * p-value is asymptotic.
   */
  public static KolmogorovSmirnovResult ks(
      NumericReference r, double[] sortedWindow, KolmogorovSmirnov.Method method) {
    if (r.sorted != null) {
      return KolmogorovSmirnovMath.testSorted(
          r.sorted, sortedWindow, KolmogorovSmirnov.Alternative.TWO_SIDED, method, r.ties);
    }
    int m = sortedWindow.length;
    double d = sketchKs(Require.nonNull(r.sketch, "sketch"), sortedWindow);
    double p =
        KolmogorovSmirnovDistribution.asymptoticSf(
            r.count, m, d, KolmogorovSmirnovDistribution.TWO_SIDED);
    return new KolmogorovSmirnovResult(
        d,
        p,
        KolmogorovSmirnov.Alternative.TWO_SIDED,
        KolmogorovSmirnov.Method.ASYMPTOTIC,
        r.count,
        m,
        false);
  }

  /** KS D between a KLL-sketched reference (sample 1) and a sorted sample, via sketch ranks. */
  static double sketchKs(KllDoublesSketch sketch, double[] f) {
    int m = f.length;
    // distinct values of f
    double[] xs = new double[m];
    int[] upTo = new int[m];
    int[] below = new int[m];
    int d = 0;
    int i = 0;
    while (i < m) {
      double v = f[i];
      int start = i;
      while (i < m && f[i] == v) {
        i++;
      }
      xs[d] = v;
      below[d] = start;
      upTo[d] = i;
      d++;
    }
    double[] q = Arrays.copyOf(xs, d);
    double[] incl;
    double[] excl;
    synchronized (
        sketch) { // the sketch builds its sorted view lazily: not safe for concurrent reads
      incl = sketch.getRanks(q, QuantileSearchCriteria.INCLUSIVE);
      excl = sketch.getRanks(q, QuantileSearchCriteria.EXCLUSIVE);
    }
    double best = 0;
    for (int k = 0; k < d; k++) {
      best = Math.max(best, Math.abs(incl[k] - (double) upTo[k] / m));
      best = Math.max(best, Math.abs(excl[k] - (double) below[k] / m));
    }
    return Math.min(1.0, best);
  }

  /**
   * Wasserstein-1 distance of a sorted window to the reference, times {@code scale} (1, or 0.5 to
   * keep values near ±Double.MAX_VALUE from overflowing).
   */
  private static double wasserstein(NumericReference r, double[] f, double scale) {
    return r.sorted != null
        ? Stats.wassersteinSorted(r.sorted, r.count, f, f.length, scale)
        : sketchWasserstein(Require.nonNull(r.sketch, "sketch"), f, scale);
  }

  /**
   * Wasserstein-1 between a sketch and a sorted sample on a grid of 1,000 quantile levels, times
   * {@code scale}.
   */
  static double sketchWasserstein(KllDoublesSketch sketch, double[] f, double scale) {
    int g = 1000;
    double[] ranks = new double[g];
    for (int k = 0; k < g; k++) {
      ranks[k] = (k + 0.5) / g;
    }
    double[] qr;
    synchronized (sketch) {
      qr = sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    }
    int m = f.length;
    double sum = 0;
    for (int k = 0; k < g; k++) {
      int idx = (int) Math.ceil(ranks[k] * m) - 1;
      double qc = f[Math.max(0, Math.min(m - 1, idx))];
      sum += Math.abs(qr[k] * scale - qc * scale);
    }
    return sum / g;
  }

  /**
   * The share of each value of a discrete column (see {@code FeatureDrift#valueShares()}): the
   * values of the reference's sorted sample and of the sorted window together, when every one is a
   * whole number of magnitude at most 2^53 and there are at most {@link
   * FeatureDrift#MAX_DISCRETE_VALUES} of them; null otherwise, and for a sketched reference. One
   * merge of the two sorted arrays, that stops at the first value that is not a whole number or
   * past the limit.
   */
  static @Nullable BinShares valueShares(NumericReference r, double[] sortedWindow, int m) {
    double[] ref = r.sorted;
    if (ref == null) {
      return null;
    }
    int n = r.count;
    List<String> labels = new ArrayList<>();
    List<Long> refCounts = new ArrayList<>();
    List<Long> curCounts = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      double v = j >= m || (i < n && ref[i] <= sortedWindow[j]) ? ref[i] : sortedWindow[j];
      if (Math.abs(v) > MAX_EXACT_INTEGER
          || v != Math.rint(v)
          || labels.size() == FeatureDrift.MAX_DISCRETE_VALUES) {
        return null;
      }
      long rc = 0;
      long cc = 0;
      while (i < n && ref[i] == v) {
        i++;
        rc++;
      }
      while (j < m && sortedWindow[j] == v) {
        j++;
        cc++;
      }
      labels.add(Long.toString((long) v));
      refCounts.add(rc);
      curCounts.add(cc);
    }
    return new BinShares(labels, shares(refCounts), shares(curCounts));
  }

  private static List<Double> shares(List<Long> counts) {
    long[] c = new long[counts.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = counts.get(k);
    }
    return shares(c);
  }

  static List<Double> shares(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    List<Double> out = new ArrayList<>(counts.length);
    for (long c : counts) {
      out.add(total == 0 ? 0.0 : (double) c / total);
    }
    return out;
  }
}
