package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mlops4j.drift.Columns;

class FeaturePipelinePropertyTest {

  /**
   * Row i of the batch transform has the bits of the transform of record i, before and after JSON.
   */
  @Property(tries = 60)
  void batchRowEqualsRecord_beforeAndAfterSaveAndLoad(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 120) int rows) {
    Columns train = PipelineFixtures.data(seed, rows, false);
    Columns serve = PipelineFixtures.data(seed + 1, 25, true);
    FeaturePipeline p = PipelineFixtures.unfitted().fit(train);
    FeaturePipeline q = FeaturePipeline.fromJson(p.toJson(), PipelineFixtures.CLIP);
    double[][] batch = p.apply(serve);
    double[][] batchLoaded = q.apply(serve);
    FeatureRow row = q.newRow();
    double[] out = new double[q.width()];
    for (int i = 0; i < serve.rowCount(); i++) {
      double[] one = p.apply(PipelineFixtures.row(p, serve, i));
      row.clear();
      FeatureRow filled = PipelineFixtures.row(q, serve, i);
      q.applyInto(filled, out);
      for (int k = 0; k < out.length; k++) {
        long want = Double.doubleToRawLongBits(batch[i][k]);
        assertEquals(want, Double.doubleToRawLongBits(one[k]), "record, row " + i + " output " + k);
        assertEquals(want, Double.doubleToRawLongBits(batchLoaded[i][k]), "loaded batch");
        assertEquals(want, Double.doubleToRawLongBits(out[k]), "loaded record");
      }
    }
  }
}
