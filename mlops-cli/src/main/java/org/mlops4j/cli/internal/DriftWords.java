package org.mlops4j.cli.internal;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;

/**
 * The library's notes and reasons in the words of {@code mlops drift}: where the library names a
 * setting of its API ({@code maxCategories}, {@code identifierShare}, {@code binning EQUAL_WIDTH},
 * "set a method for the column"), a user of the command reads the option that sets it ({@code
 * --max-categories}, {@code --identifier-share}, {@code --binning equal-width}, {@code --method
 * COL=METHOD}). Only words change, never a number: the report the command prints (console, JSON,
 * HTML) is the library's with these texts.
 */
public final class DriftWords {

  private DriftWords() {}

  /**
   * @return the report with every feature's note and kind reason in the command's words
   */
  public static DriftReport of(DriftReport report) {
    List<FeatureDrift> features = new ArrayList<>();
    for (FeatureDrift f : report.features()) {
      features.add(
          new FeatureDrift(
              f.feature(),
              f.type(),
              f.kind(),
              text(f.kindReason(), f),
              f.method(),
              f.tested(),
              f.statistic(),
              f.pValue(),
              f.adjustedPValue(),
              f.effectGate(),
              f.drifted(),
              f.psiLevel(),
              f.referenceCount(),
              f.currentCount(),
              f.referenceMissing(),
              f.currentMissing(),
              f.referenceInfinite(),
              f.currentInfinite(),
              f.missingRateDrifted(),
              f.metrics(),
              f.shares(),
              text(f.note(), f),
              f.valueShares()));
    }
    return new DriftReport(
        features,
        report.correction(),
        report.alpha(),
        report.driftedCount(),
        report.driftedShare(),
        report.datasetDriftShare(),
        report.datasetDrift(),
        report.createdAt());
  }

  /** One text of a feature in the command's words. */
  static String text(String s, FeatureDrift f) {
    String method =
        f.type() == ColumnType.CATEGORICAL
            ? DriftMethod.CHI_SQUARE.key()
            : DriftMethod.KOLMOGOROV_SMIRNOV.key();
    return s.replace("binning EQUAL_WIDTH", "--binning equal-width")
        .replace("(maxCategories)", "(--max-categories)")
        .replace("identifierShare", "--identifier-share")
        .replace("identifierMinDistinct", "--identifier-min-distinct")
        .replace(
            "set a method for the column to test it",
            "--method " + f.feature() + "=" + method + " tests it")
        .replace("missingPolicy", "--missing-policy");
  }
}
