package org.mlops4j.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.DriftDetector;

/**
 * The categories a categorical reference keeps: the same whether the labels are counted in a hash
 * map or, above the spill threshold, by sorting a copy (issue 12: memory bounded whatever the
 * number of distinct labels).
 */
class CategoricalReferenceTest {

  private static String[] labels(long seed, int n, int distinct) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      // skewed: small labels are frequent; every tenth row missing
      int k = (int) (distinct * Math.pow(r.nextDouble(), 3));
      out[i] = i % 10 == 9 ? null : "v" + k;
    }
    return out;
  }

  @Property(tries = 60)
  void countingBySortingKeepsWhatTheMapKeeps(
      @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 400) int distinct,
      @ForAll @IntRange(min = 1, max = 50) int keep,
      @ForAll @IntRange(min = 1, max = 60) int spill,
      @ForAll long seed) {
    String[] values = labels(seed, n, distinct);
    DriftDetector d = DriftDetector.builder().maxCategories(keep).identifierShare(1).build();
    FeatureReference map = CategoricalReference.fit("c", values, d, Integer.MAX_VALUE);
    FeatureReference sorted = CategoricalReference.fit("c", values, d, spill);
    if (map.kind() == ColumnKind.EMPTY) {
      assertThat(sorted.kind()).isEqualTo(ColumnKind.EMPTY);
      return;
    }
    CategoricalReference a = (CategoricalReference) map;
    CategoricalReference b = (CategoricalReference) sorted;
    assertThat(b.distinct()).isEqualTo(a.distinct());
    assertThat(b.other()).isEqualTo(a.other());
    assertThat(b.kindReason()).isEqualTo(a.kindReason());
    if (a.capped()) {
      // most frequent first, ties by label: one order whichever way the labels were counted
      assertThat(b.vocabulary()).isEqualTo(a.vocabulary());
      assertThat(b.counts()).containsExactly(a.counts());
    } else {
      assertThat(b.vocabulary()).containsExactlyInAnyOrderElementsOf(a.vocabulary());
    }
  }

  @Test
  void moreDistinctLabelsThanTheMapHolds_areCountedBySorting_andMakeAnIdentifier() {
    // 200,000 distinct labels (i * 7919 mod 1,000,003 is one to one for i below the prime),
    // above the 65,536 counted in the hash map
    String[] ids = new String[200_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Long.toString(i * 7919L % 1_000_003);
    }
    FeatureReference r = CategoricalReference.fit("id", ids, DriftDetector.defaults());
    assertThat(r.kind()).isEqualTo(ColumnKind.IDENTIFIER);
    assertThat(r.kindReason())
        .isEqualTo(
            "identifier-like: 200000 distinct values in 200000 (100.0%, above identifierShare"
                + " 95.0%)");
  }
}
