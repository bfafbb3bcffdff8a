package org.mlops4j.drift.stream;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftReport;

/**
 * Compares one window of input feature values with a reference: the data-drift part of a {@link
 * DriftMonitor}. The monitor calls it once per closed window with a {@link Columns} table of one
 * numeric column per feature (same order as configured; NaN marks a missing value), and keeps the
 * returned {@link DriftReport}, the same record a batch comparison gives, in the window's {@link
 * WindowReport#driftReport()}.
 *
 * <p>{@link #against(DriftBaseline)} compares each window with a fitted {@link DriftBaseline} (its
 * methods, multiple-testing correction and verdicts); {@link
 * DriftMonitorBuilder#baseline(DriftBaseline)} wires it with the baseline's feature names. A lambda
 * works too, for instance against the previous window:
 *
 * <pre>{@code
 * DriftDetector detector = DriftDetector.defaults();
 * AtomicReference<Columns> previous = new AtomicReference<>(reference);
 * FeatureDriftCheck rolling = window -> detector.compare(previous.getAndSet(window), window);
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FeatureDriftCheck {

  /**
   * @param window the window's feature values, one numeric column per feature
   * @return the window's drift report (not null)
   */
  DriftReport check(Columns window);

  /**
   * A check of every window against a fitted baseline: {@link DriftBaseline#compare(Columns)}.
   *
   * @param baseline a baseline whose features are all numeric
   * @return the check
   * @throws NullPointerException if the baseline is null
   * @throws IllegalArgumentException if the baseline has a categorical feature (the monitor
   *     observes numeric vectors)
   */
  static FeatureDriftCheck against(DriftBaseline baseline) {
    Require.nonNull(baseline, "baseline");
    List<String> categorical = new ArrayList<>();
    for (String f : baseline.features()) {
      if (baseline.type(f) != ColumnType.NUMERIC) {
        categorical.add(f);
      }
    }
    Require.argument(
        categorical.isEmpty(),
        "the baseline's features",
        "all numeric for a DriftMonitor",
        categorical + " categorical");
    return baseline::compare;
  }
}
