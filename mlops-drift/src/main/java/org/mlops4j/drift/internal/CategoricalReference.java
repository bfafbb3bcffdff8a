package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.MissingPolicy;

/**
 * The fitted reference of one categorical feature: the categories kept and their counts, and the
 * count of the others. With at most {@link DriftDetector#maxCategories()} distinct labels every
 * category is kept, in first-seen order, and {@code other} is 0; with more, the most frequent
 * {@code maxCategories} are kept (by count, then label, descending count first) and the rest is
 * counted in {@code other}, the bucket a current's categories outside the kept ones fall into too.
 * Immutable.
 *
 * <p>Memory: labels are counted in a hash map up to {@value #SPILL_ABOVE} distinct ones (or
 * maxCategories, if larger); a column with more is counted by sorting a copy of its references (one
 * reference per row) and keeping the top categories in a heap, so that the extra memory stays a
 * fraction of the column's own whatever the number of distinct labels.
 */
public final class CategoricalReference implements FeatureReference {

  /** Distinct labels counted in a hash map before counting switches to sorting. */
  static final int SPILL_ABOVE = 1 << 16;

  /** Most frequent first, then by label: the order of the kept categories of a capped column. */
  private static final Comparator<Map.Entry<String, Long>> BY_FREQUENCY =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  final String name;
  final DriftMethod method;
  final long rows;
  final long missing;
  final List<String> vocabulary;
  final long[] counts;
  final long other;
  final long distinct;
  final String kindReason;
  final Map<String, Integer> index;

  CategoricalReference(
      String name,
      DriftMethod method,
      long rows,
      long missing,
      List<String> vocabulary,
      long[] counts,
      long other,
      long distinct,
      String kindReason) {
    this.name = name;
    this.method = method;
    this.rows = rows;
    this.missing = missing;
    this.vocabulary = List.copyOf(vocabulary);
    this.counts = counts;
    this.other = other;
    this.distinct = distinct;
    this.kindReason = kindReason;
    this.index = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
  }

  /**
   * Fits the reference of one categorical column ({@code null} = missing). A column without a label
   * becomes an {@link UntestableReference} of kind {@link ColumnKind#EMPTY}; an identifier-like one
   * (more than {@link DriftDetector#identifierMinDistinct()} distinct labels, and a share of
   * distinct labels among the non-missing ones above {@link DriftDetector#identifierShare()}) one
   * of kind {@link ColumnKind#IDENTIFIER}, unless the column has a method override.
   *
   * @throws IllegalArgumentException if the column has missing values under {@link
   *     MissingPolicy#FAIL}, or its method override does not apply
   */
  public static FeatureReference fit(
      String name, @Nullable String[] values, DriftDetector detector) {
    return fit(name, values, detector, SPILL_ABOVE);
  }

  /** {@link #fit(String, String[], DriftDetector)} switching to sorting above spillAbove labels. */
  static FeatureReference fit(
      String name, @Nullable String[] values, DriftDetector detector, int spillAbove) {
    long missing = 0;
    for (String s : values) {
      if (s == null) {
        missing++;
      }
    }
    return fit(
        name,
        values.length,
        missing,
        detector,
        () ->
            count(
                values, Math.max(spillAbove, detector.maxCategories()), detector.maxCategories()));
  }

  /**
   * Fits the reference of one categorical column from its label counts (in the order of the map:
   * the vocabulary's first-seen order) and its missing count, as {@link #fit(String, String[],
   * DriftDetector)} fits the rows those counts describe.
   *
   * @throws IllegalArgumentException if the column has missing values under {@link
   *     MissingPolicy#FAIL}, or its method override does not apply
   */
  public static FeatureReference fit(
      String name, Map<String, Long> counts, long missing, DriftDetector detector) {
    long rows = missing;
    for (long c : counts.values()) {
      rows += c;
    }
    return fit(name, rows, missing, detector, () -> counted(counts, detector.maxCategories()));
  }

  private static FeatureReference fit(
      String name,
      long rows,
      long missing,
      DriftDetector detector,
      java.util.function.Supplier<Counted> counting) {
    String column = "reference column '" + name + "'";
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing == 0,
        column,
        "free of missing values (missingPolicy FAIL)",
        missing + " missing of " + rows + " rows");
    DriftMethod override = detector.methodFor(name).orElse(null);
    if (override != null) {
      Require.argument(
          override.appliesTo(ColumnType.CATEGORICAL),
          "the method of column '" + name + "'",
          "one for categorical columns",
          override.key());
    }
    DriftMethod method = override != null ? override : DriftMethod.CHI_SQUARE;
    long count = rows - missing;
    if (count == 0) {
      return UntestableReference.empty(name, ColumnType.CATEGORICAL, method, rows, missing, 0);
    }
    Counted c = counting.get();
    if (override == null
        && c.distinct > detector.identifierMinDistinct()
        && c.distinct > detector.identifierShare() * count) {
      return UntestableReference.identifier(
          name, method, rows, missing, c.distinct, count, detector.identifierShare());
    }
    List<String> vocabulary = new ArrayList<>(c.kept.size());
    long[] counts = new long[c.kept.size()];
    long kept = 0;
    for (Map.Entry<String, Long> e : c.kept) {
      counts[vocabulary.size()] = e.getValue();
      vocabulary.add(e.getKey());
      kept += e.getValue();
    }
    String reason =
        "categorical: "
            + c.distinct
            + " categories in the reference"
            + (c.distinct > vocabulary.size()
                ? ", the " + vocabulary.size() + " most frequent kept"
                : "")
            + FeatureReference.overrideSuffix(override != null, method);
    return new CategoricalReference(
        name, method, rows, missing, vocabulary, counts, count - kept, c.distinct, reason);
  }

  /** The kept categories of given counts (labels with a zero count are not seen). */
  private static Counted counted(Map<String, Long> counts, int keep) {
    List<Map.Entry<String, Long>> all = new ArrayList<>(counts.size());
    counts.forEach(
        (k, v) -> {
          if (v > 0) {
            all.add(Map.entry(k, v));
          }
        });
    int distinct = all.size();
    if (distinct > keep) {
      all.sort(BY_FREQUENCY);
      return new Counted(List.copyOf(all.subList(0, keep)), distinct);
    }
    return new Counted(all, distinct);
  }

  /** The kept categories with their counts, and the number of distinct labels. */
  private record Counted(List<Map.Entry<String, Long>> kept, long distinct) {}

  /**
   * Counts the labels: every one in first-seen order when there are at most {@code keep}, else the
   * {@code keep} most frequent ({@link #BY_FREQUENCY}); in a hash map while there are at most
   * {@code mapLimit} distinct labels, else by sorting a copy.
   */
  private static Counted count(@Nullable String[] values, int mapLimit, int keep) {
    Counted c = countInMap(values, mapLimit, keep);
    return c != null ? c : countSorted(values, keep);
  }

  /** Counts in a hash map; null when there are more than mapLimit distinct labels. */
  private static @Nullable Counted countInMap(@Nullable String[] values, int mapLimit, int keep) {
    Map<String, long[]> m = new LinkedHashMap<>();
    for (String s : values) {
      if (s == null) {
        continue;
      }
      long[] c = m.get(s);
      if (c != null) {
        c[0]++;
      } else if (m.size() < mapLimit) {
        m.put(s, new long[] {1});
      } else {
        return null;
      }
    }
    List<Map.Entry<String, Long>> all = new ArrayList<>(m.size());
    m.forEach((k, v) -> all.add(Map.entry(k, v[0])));
    if (all.size() > keep) {
      all.sort(BY_FREQUENCY);
      return new Counted(List.copyOf(all.subList(0, keep)), m.size());
    }
    return new Counted(all, m.size());
  }

  /** Counts by sorting a copy of the labels; keeps the top {@code keep} in a heap. */
  private static Counted countSorted(@Nullable String[] values, int keep) {
    String[] a = new String[values.length];
    int n = 0;
    for (String s : values) {
      if (s != null) {
        a[n++] = s;
      }
    }
    Arrays.sort(a, 0, n);
    // the worst of the kept on top: the least frequent, then the last label
    PriorityQueue<Map.Entry<String, Long>> top =
        new PriorityQueue<>(keep + 1, BY_FREQUENCY.reversed());
    long distinct = 0;
    int i = 0;
    while (i < n) {
      String label = a[i];
      int start = i;
      while (i < n && a[i].equals(label)) {
        i++;
      }
      distinct++;
      top.add(Map.entry(label, (long) (i - start)));
      if (top.size() > keep) {
        top.poll();
      }
    }
    List<Map.Entry<String, Long>> kept = new ArrayList<>(top);
    kept.sort(BY_FREQUENCY);
    return new Counted(kept, distinct);
  }

  /**
   * @return the number of non-missing reference labels
   */
  long count() {
    long s = other;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  public ColumnKind kind() {
    return ColumnKind.CATEGORICAL;
  }

  @Override
  public String kindReason() {
    return kindReason;
  }

  @Override
  public DriftMethod method() {
    return method;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public long missing() {
    return missing;
  }

  /**
   * @return the categories kept: in first-seen order, or most frequent first when capped
   */
  public List<String> vocabulary() {
    return vocabulary;
  }

  /**
   * @return the reference counts per kept category (the array itself: do not modify)
   */
  public long[] counts() {
    return counts;
  }

  /**
   * @return the reference labels outside the kept categories (0 unless capped)
   */
  public long other() {
    return other;
  }

  /**
   * @return whether the reference had more distinct labels than were kept
   */
  public boolean capped() {
    return distinct > vocabulary.size();
  }

  /**
   * @return the number of distinct reference labels
   */
  public long distinct() {
    return distinct;
  }

  /**
   * @return the counts of the kept categories, then of the last bucket ({@code other}: the
   *     reference never has a label of the unseen bucket of an uncapped column)
   */
  public long[] countsWithLastBucket() {
    long[] c = Arrays.copyOf(counts, counts.length + 1);
    c[counts.length] = other;
    return c;
  }

  /**
   * @return the category's index in the vocabulary, or null when it was not kept
   */
  public @Nullable Integer indexOf(String category) {
    return index.get(category);
  }

  @Override
  public String toString() {
    return name
        + ":categorical/"
        + method.key()
        + " k="
        + vocabulary.size()
        + (capped() ? " of " + distinct : "");
  }
}
