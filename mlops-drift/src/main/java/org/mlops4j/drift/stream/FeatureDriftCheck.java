package org.mlops4j.drift.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;

/**
 * Checks one window of input feature values against a reference: the data-drift part of a {@link
 * DriftMonitor}. The monitor calls it once per closed window, on the thread that closed the
 * window, with one column per feature (same order as configured; NaN marks a missing value).
 *
 * <p>{@link #against(DriftBaseline)} checks each window against a fitted {@link DriftBaseline}
 * (its tests, multiple-testing correction and verdicts); {@link
 * DriftMonitor.Builder#baseline(DriftBaseline)} wires it with the baseline's feature names. A
 * lambda works too:
 *
 * <pre>{@code
 * FeatureDriftCheck meanShift = window -> List.of(new FeatureVerdict("age", "mean",
 *     mean(window.get("age")), Math.abs(mean(window.get("age")) - 40) > 5));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FeatureDriftCheck {

  /**
   * @param window feature name to the window's values (unmodifiable map; the arrays are copies the
   *     check may keep)
   * @return one verdict per feature checked
   */
  List<FeatureVerdict> check(Map<String, double[]> window);

  /**
   * A check of every window against a fitted baseline: the window becomes a {@link Columns} table
   * of numeric columns and goes through {@link DriftBaseline#check(Columns)}; each {@link
   * FeatureDrift} becomes a verdict with the deciding test's key, its statistic and its verdict.
   *
   * @param baseline a baseline whose features are all numeric
   * @return the check
   * @throws IllegalArgumentException if the baseline is null or has a categorical feature (the
   *     monitor observes numeric vectors)
   */
  static FeatureDriftCheck against(DriftBaseline baseline) {
    if (baseline == null) {
      throw new IllegalArgumentException("baseline must not be null");
    }
    List<String> categorical = new ArrayList<>();
    for (String f : baseline.features()) {
      if (baseline.type(f) != ColumnType.NUMERIC) {
        categorical.add(f);
      }
    }
    if (!categorical.isEmpty()) {
      throw new IllegalArgumentException(
          "baseline features must all be numeric for a DriftMonitor, but " + categorical
              + " are categorical");
    }
    return window -> {
      Columns.Builder table = Columns.builder();
      for (Map.Entry<String, double[]> e : window.entrySet()) {
        table.numeric(e.getKey(), e.getValue());
      }
      DriftReport report = baseline.check(table.build());
      List<FeatureVerdict> out = new ArrayList<>(report.features().size());
      for (FeatureDrift f : report.features()) {
        out.add(new FeatureVerdict(f.feature(), f.test().key(), f.statistic(), f.drifted()));
      }
      return out;
    };
  }
}
