package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;

class CategoryEncoderTest {

  private static final Columns TRAIN =
      Columns.builder()
          .categorical("city", new String[] {"Oslo", "Lima", "Oslo", null, "Bern"})
          .build();

  private static double[] encode(CategoryEncoder enc, String label) {
    FeaturePipeline p = FeaturePipeline.builder().categorical("city", enc).build().fit(TRAIN);
    return p.apply(p.newRow().set("city", label));
  }

  @Test
  void oneHot_sortsVocabularyAndHandlesUnseenByPolicy() {
    FeaturePipeline p =
        FeaturePipeline.builder()
            .categorical("city", CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN))
            .build()
            .fit(TRAIN);
    assertEquals(List.of("city=Bern", "city=Lima", "city=Oslo", "city=<unknown>"), p.outputNames());
    assertArrayEquals(
        new double[] {0, 0, 1, 0}, encode(CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN), "Oslo"));
    assertArrayEquals(
        new double[] {0, 0, 0, 1}, encode(CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN), "Rome"));
    assertArrayEquals(
        new double[] {0, 0, 0}, encode(CategoryEncoder.oneHot(UnseenPolicy.IGNORE), "Rome"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> encode(CategoryEncoder.oneHot(UnseenPolicy.ERROR), "Rome"));
    assertEquals(
        "label of field 'city' must be one seen in training (unseen policy error), but was 'Rome'",
        e.getMessage());
  }

  @Test
  void missingLabel_isZerosOrImputed() {
    assertArrayEquals(
        new double[] {0, 0, 0}, encode(CategoryEncoder.oneHot(UnseenPolicy.IGNORE), null));
    // most frequent training label: Oslo (2 of 4)
    assertArrayEquals(
        new double[] {0, 0, 1},
        encode(CategoryEncoder.oneHot(UnseenPolicy.IGNORE).imputeMostFrequent(), null));
    assertArrayEquals(
        new double[] {1},
        encode(CategoryEncoder.ordinal(UnseenPolicy.IGNORE).imputeConstant("Lima"), null));
  }

  @Test
  void ordinal_codesBySortedIndex() {
    assertArrayEquals(
        new double[] {2}, encode(CategoryEncoder.ordinal(UnseenPolicy.IGNORE), "Oslo"));
    assertArrayEquals(
        new double[] {Double.NaN}, encode(CategoryEncoder.ordinal(UnseenPolicy.IGNORE), "Rome"));
    assertArrayEquals(
        new double[] {3}, encode(CategoryEncoder.ordinal(UnseenPolicy.UNKNOWN), "Rome"));
  }

  @Test
  void hashing_matchesFeatureHasherIndexAndSign() {
    // pure-Python MurmurHash3 (/tmp/feat/ref.py mm3), n = 8: sklearn FeatureHasher(8,
    // input_type="dict") on {"city": label} hashes "city=<label>": index |h| % 8, sign of h.
    // "city=Oslo" h = 1652778913 -> index 1, +1; "city=東京" h = -2077812586 -> index 2, -1.
    double[] oslo = new double[8];
    oslo[1] = 1;
    assertArrayEquals(oslo, encode(CategoryEncoder.hashing(8), "Oslo"));
    double[] tokyo = new double[8];
    tokyo[2] = -1;
    assertArrayEquals(tokyo, encode(CategoryEncoder.hashing(8), "東京"));
    assertThrows(IllegalArgumentException.class, () -> CategoryEncoder.hashing(0));
  }
}
