package org.mlops4j.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.CategoryCounts;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.HistogramCounts;

/**
 * Collects serving-time statistics of the input features and compares them with the training
 * baseline: training/serving skew. The baseline is the drift module's {@link DriftBaseline}, fitted
 * on the training inputs ({@code DriftDetector.defaults().fit(training)}); the monitor accumulates,
 * per feature of the baseline, the drift module's mergeable counts ({@link HistogramCounts} over
 * the baseline's PSI edges for a numeric feature, {@link CategoryCounts} for a categorical one)
 * and, for a numeric feature's two-sample test, a uniform reservoir sample of the serving values
 * (Vitter's algorithm R; every value while there are at most {@code sampleSize}). {@link #report()}
 * compares them with the baseline as the drift module does (KS, chi-square, two-proportion z, PSI,
 * missing rate; {@link DriftBaseline#compareNumeric}, {@link DriftBaseline#compareCategorical},
 * {@link DriftBaseline#psi(String, HistogramCounts)}).
 *
 * <pre>{@code
 * DriftBaseline baseline = DriftDetector.defaults().fit(trainingInputs);
 * SkewMonitor monitor = SkewMonitor.create(baseline);     // one per thread, then merge
 * monitor.observe(row);                                   // each served FeatureRow
 * SkewReport report = monitor.report();
 * }</pre>
 *
 * <p>Defaults: sample size 10,000 per numeric feature, seed 42. Fields of a row that the baseline
 * does not know are ignored. Not thread-safe: one monitor per thread, then {@link #merge}: the
 * counts of a merge equal those of the concatenated input; merged samples are exact while both fit
 * in the sample size, else drawn from each side in proportion to its count.
 *
 * @since 0.1.0
 */
public final class SkewMonitor {

  /** The default sample size per numeric feature: {@value}. */
  public static final int DEFAULT_SAMPLE_SIZE = 10_000;

  private final DriftBaseline baseline;
  private final int sampleSize;
  private final SplittableRandom random;
  private final List<String> features;
  private final boolean[] numeric;
  private final @Nullable HistogramCounts[] histograms;
  private final @Nullable CategoryCounts[] categories;
  private final double[][] samples;
  private final long[] seen;
  private long rows;
  private FeaturePipeline.@Nullable Layout lastLayout;
  private int[] rowToFeature = new int[0];

  private SkewMonitor(DriftBaseline baseline, int sampleSize, long seed) {
    this.baseline = baseline;
    this.sampleSize = sampleSize;
    this.random = new SplittableRandom(seed);
    this.features = baseline.features();
    int n = features.size();
    numeric = new boolean[n];
    histograms = new HistogramCounts[n];
    categories = new CategoryCounts[n];
    samples = new double[n][];
    seen = new long[n];
    for (int i = 0; i < n; i++) {
      String f = features.get(i);
      numeric[i] = baseline.type(f) == ColumnType.NUMERIC;
      if (numeric[i]) {
        histograms[i] = baseline.kind(f).testable() ? baseline.histogram(f) : null;
        samples[i] = new double[Math.min(sampleSize, 1024)];
      } else {
        categories[i] = CategoryCounts.create();
        samples[i] = new double[0];
      }
    }
  }

  /**
   * @param baseline the training baseline
   * @return an empty monitor with the default sample size and seed
   * @throws NullPointerException if baseline is null
   */
  public static SkewMonitor create(DriftBaseline baseline) {
    return create(baseline, DEFAULT_SAMPLE_SIZE, 42);
  }

  /**
   * @param baseline the training baseline
   * @param sampleSize the reservoir size per numeric feature, at least 1
   * @param seed the seed of the reservoir sampling
   * @return an empty monitor
   * @throws NullPointerException if baseline is null
   * @throws IllegalArgumentException if sampleSize is below 1
   */
  public static SkewMonitor create(DriftBaseline baseline, int sampleSize, long seed) {
    Require.nonNull(baseline, "baseline");
    Require.positive(sampleSize, "sampleSize");
    return new SkewMonitor(baseline, sampleSize, seed);
  }

  /**
   * Adds one served record.
   *
   * @param row the record's inputs
   * @return this monitor
   * @throws NullPointerException if row is null
   * @throws IllegalArgumentException if a field's type differs from the baseline's
   */
  public SkewMonitor observe(FeatureRow row) {
    Require.nonNull(row, "row");
    if (row.layout != lastLayout) {
      map(row.layout);
    }
    for (int j = 0; j < rowToFeature.length; j++) {
      int i = rowToFeature[j];
      if (i >= 0) {
        if (numeric[i]) {
          addNumber(i, row.numbers[j]);
        } else {
          categories[i].add(row.labels[j]);
          seen[i]++;
        }
      }
    }
    rows++;
    return this;
  }

  /**
   * Adds every row of a batch (columns the baseline does not know are ignored).
   *
   * @param batch the served records
   * @return this monitor
   * @throws NullPointerException if batch is null
   * @throws IllegalArgumentException if a column's type differs from the baseline's
   */
  public SkewMonitor observe(Columns batch) {
    Require.nonNull(batch, "batch");
    for (int i = 0; i < features.size(); i++) {
      String f = features.get(i);
      if (!batch.has(f)) {
        continue;
      }
      checkType(f, batch.type(f));
      if (numeric[i]) {
        for (double x : batch.numeric(f)) {
          addNumber(i, x);
        }
      } else {
        categories[i].addAll(batch.categorical(f));
        seen[i] += batch.rowCount();
      }
    }
    rows += batch.rowCount();
    return this;
  }

  private void map(FeaturePipeline.Layout layout) {
    int[] m = new int[layout.names().size()];
    for (int j = 0; j < m.length; j++) {
      String name = layout.names().get(j);
      int i = features.indexOf(name);
      if (i >= 0) {
        checkType(name, layout.numeric()[j] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL);
      }
      m[j] = i;
    }
    rowToFeature = m;
    lastLayout = layout;
  }

  private void checkType(String f, ColumnType t) {
    ColumnType want = baseline.type(f);
    if (t != want) {
      throw new IllegalArgumentException(
          Require.mustBe(
              "field '" + f + "'",
              want.name().toLowerCase(java.util.Locale.ROOT) + " as in the baseline",
              t.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private void addNumber(int i, double x) {
    HistogramCounts h = histograms[i];
    if (h != null) {
      h.add(x);
    }
    long k = seen[i]++;
    if (k < sampleSize) {
      if (k == samples[i].length) {
        samples[i] = Arrays.copyOf(samples[i], (int) Math.min(sampleSize, 2 * k));
      }
      samples[i][(int) k] = x;
    } else {
      long j = random.nextLong(k + 1);
      if (j < sampleSize) {
        samples[i][(int) j] = x;
      }
    }
  }

  /**
   * @return the number of records observed
   */
  public long rows() {
    return rows;
  }

  /**
   * A new monitor holding both monitors' observations (neither is changed).
   *
   * @param other a monitor of the same baseline
   * @return the merged monitor
   * @throws NullPointerException if other is null
   * @throws IllegalArgumentException if other has another baseline or sample size
   */
  public SkewMonitor merge(SkewMonitor other) {
    Require.nonNull(other, "other");
    Require.argument(
        other.baseline == baseline && other.sampleSize == sampleSize,
        "other",
        "a monitor of the same baseline and sample size",
        "another");
    SkewMonitor m = new SkewMonitor(baseline, sampleSize, random.split().nextLong());
    m.rows = rows + other.rows;
    for (int i = 0; i < features.size(); i++) {
      m.seen[i] = seen[i] + other.seen[i];
      if (numeric[i]) {
        HistogramCounts a = histograms[i];
        HistogramCounts b = other.histograms[i];
        m.histograms[i] = a == null || b == null ? null : a.merge(b);
        double[] sa = Arrays.copyOf(samples[i], (int) Math.min(seen[i], sampleSize));
        double[] sb = Arrays.copyOf(other.samples[i], (int) Math.min(other.seen[i], sampleSize));
        if (sa.length + sb.length <= sampleSize) {
          double[] s = Arrays.copyOf(sa, sa.length + sb.length);
          System.arraycopy(sb, 0, s, sa.length, sb.length);
          m.samples[i] = s;
        } else {
          int ka = (int) Math.round((double) sampleSize * seen[i] / m.seen[i]);
          ka = Math.min(ka, sa.length);
          int kb = Math.min(sampleSize - ka, sb.length);
          double[] s = new double[ka + kb];
          System.arraycopy(m.shuffled(sa), 0, s, 0, ka);
          System.arraycopy(m.shuffled(sb), 0, s, ka, kb);
          m.samples[i] = s;
        }
      } else {
        m.categories[i] = categories[i].merge(other.categories[i]);
      }
    }
    return m;
  }

  private double[] shuffled(double[] xs) {
    for (int i = xs.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    }
    return xs;
  }

  /**
   * Compares the serving statistics with the training baseline. A feature without a serving value
   * (or not testable in the baseline: identifier, empty) is reported as not tested.
   *
   * @return the report
   */
  public SkewReport report() {
    List<FeatureSkew> out = new ArrayList<>();
    List<String> notObserved = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      String f = features.get(i);
      if (seen[i] == 0) {
        notObserved.add(f);
        continue;
      }
      if (numeric[i]) {
        double[] sample = Arrays.copyOf(samples[i], (int) Math.min(seen[i], sampleSize));
        boolean anyFinite = false;
        for (double x : sample) {
          anyFinite |= Double.isFinite(x);
        }
        if (!anyFinite) {
          notObserved.add(f);
          continue;
        }
        FeatureDrift d = baseline.compareNumeric(f, sample);
        HistogramCounts h = histograms[i];
        double psi = h != null && h.total() > 0 ? baseline.psi(f, h) : Double.NaN;
        out.add(new FeatureSkew(f, d, psi, seen[i], seen[i] > sampleSize));
      } else {
        CategoryCounts c = categories[i];
        String[] labels = new String[(int) (seen[i])];
        int k = 0;
        for (Map.Entry<String, Long> e : c.counts().entrySet()) {
          for (long j = 0; j < e.getValue(); j++) {
            labels[k++] = e.getKey();
          }
        }
        if (k == 0) {
          notObserved.add(f);
          continue;
        }
        FeatureDrift d = baseline.compareCategorical(f, labels);
        double psi = d.metrics().getOrDefault("psi", Double.NaN);
        out.add(new FeatureSkew(f, d, psi, seen[i], false));
      }
    }
    return new SkewReport(out, rows, sampleSize, notObserved);
  }

  /**
   * @return the observed counts of a numeric feature (a copy), over the baseline's PSI edges
   * @param feature the feature's name
   * @throws IllegalArgumentException if the feature is unknown, categorical or not testable
   */
  public HistogramCounts histogram(String feature) {
    int i = indexOf(feature);
    HistogramCounts h = histograms[i];
    Require.argument(h != null, "feature '" + feature + "'", "a testable numeric feature", "not");
    return h.merge(baseline.histogram(feature));
  }

  /**
   * @param feature the feature's name
   * @return the observed counts of a categorical feature (a copy)
   * @throws IllegalArgumentException if the feature is unknown or numeric
   */
  public CategoryCounts categories(String feature) {
    CategoryCounts c = categories[indexOf(feature)];
    Require.argument(c != null, "feature '" + feature + "'", "categorical", "numeric");
    return c.merge(CategoryCounts.create());
  }

  private int indexOf(String feature) {
    int i = features.indexOf(Require.nonNull(feature, "feature"));
    Require.argument(i >= 0, "feature", "one of " + features, "'" + feature + "'");
    return i;
  }

  @Override
  public String toString() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      m.put(features.get(i), seen[i]);
    }
    return "SkewMonitor[rows=" + rows + ", values=" + m + "]";
  }
}
