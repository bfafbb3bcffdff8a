package org.mlops4j.drift.stream;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.PsiLevel;

/** Drift reports for hand-written {@link FeatureDriftCheck}s of the monitor tests. */
final class WindowChecks {
  private WindowChecks() {}

  /**
   * A report of one feature decided by the test itself: a statistic without a p-value (the PSI
   * method stands in), drifted or not.
   */
  static DriftReport oneFeature(String feature, double statistic, boolean drifted) {
    FeatureDrift f =
        new FeatureDrift(
            feature,
            ColumnType.NUMERIC,
            ColumnKind.NUMERIC,
            "numeric: a test's hand-written feature",
            DriftMethod.PSI,
            true,
            statistic,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            drifted,
            drifted,
            PsiLevel.STABLE,
            0,
            0,
            0,
            0,
            0,
            0,
            false,
            Map.of(),
            new BinShares(List.of(), List.of(), List.of()),
            "",
            Optional.empty());
    return new DriftReport(
        List.of(f),
        Correction.NONE,
        0.05,
        drifted ? 1 : 0,
        drifted ? 1.0 : 0.0,
        0.5,
        drifted,
        Instant.now());
  }

  /** A report without features. */
  static DriftReport none() {
    return new DriftReport(List.of(), Correction.NONE, 0.05, 0, 0.0, 0.5, false, Instant.now());
  }
}
