package org.mlops4j.features;

import java.util.Map;
import java.util.SplittableRandom;
import org.mlops4j.drift.Columns;

/** A pipeline using every built-in step and encoder, and random data for it. */
final class PipelineFixtures {
  private PipelineFixtures() {}

  /** A user-defined step: clips at the fitted 90th percentile-ish maximum (max of training). */
  static final NumericStep CLIP =
      new NumericStep() {
        @Override
        public String key() {
          return "clip_max";
        }

        @Override
        public FittedStep fit(double[] training) {
          double hi = Double.NEGATIVE_INFINITY;
          for (double x : training) {
            if (Double.isFinite(x)) {
              hi = Math.max(hi, x);
            }
          }
          return restore(Map.of("max", hi));
        }

        @Override
        public FittedStep restore(Map<String, Object> parameters) {
          double hi = (Double) parameters.get("max");
          return FittedStep.of("clip_max", Map.of("max", hi), x -> Math.min(x, hi));
        }
      };

  static FeaturePipeline unfitted() {
    return FeaturePipeline.builder()
        .numeric("a", NumericSteps.meanImputer(), NumericSteps.standard())
        .numeric(
            "b", NumericSteps.medianImputer(), NumericSteps.yeoJohnson(), NumericSteps.minMax())
        .numeric("c", NumericSteps.mostFrequentImputer(), NumericSteps.log1p())
        .numeric("d", NumericSteps.constantImputer(0), NumericSteps.quantileBuckets(4))
        .numeric("e", CLIP, NumericSteps.equalWidthBuckets(3))
        .numeric("f")
        .categorical("g", CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN).imputeMostFrequent())
        .categorical("h", CategoryEncoder.ordinal(UnseenPolicy.IGNORE))
        .categorical("i", CategoryEncoder.hashing(6).imputeConstant("none"))
        .build();
  }

  static final String[] LABELS = {"red", "green", "blue", "São", null};

  static Columns data(long seed, int rows, boolean unseen) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] num = new double[6][rows];
    String[][] cat = new String[3][rows];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < 6; k++) {
        num[k][i] =
            r.nextDouble() < 0.1 ? Double.NaN : r.nextGaussian() * (k + 1) + (k == 2 ? 10 : 0);
      }
      for (int k = 0; k < 3; k++) {
        cat[k][i] =
            unseen && r.nextDouble() < 0.2
                ? "new" + r.nextInt(3)
                : LABELS[r.nextInt(LABELS.length)];
      }
    }
    Columns.Builder b = Columns.builder();
    String[] names = {"a", "b", "c", "d", "e", "f"};
    for (int k = 0; k < 6; k++) {
      b.numeric(names[k], num[k]);
    }
    return b.categorical("g", cat[0]).categorical("h", cat[1]).categorical("i", cat[2]).build();
  }

  /** Fills a row with record i of a batch. */
  static FeatureRow row(FeaturePipeline p, Columns batch, int i) {
    FeatureRow row = p.newRow();
    for (String name : p.inputs()) {
      if (batch.type(name) == org.mlops4j.drift.ColumnType.NUMERIC) {
        row.set(name, batch.numeric(name)[i]);
      } else {
        row.set(name, batch.categorical(name)[i]);
      }
    }
    return row;
  }
}
