package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class GroupCountsTest {

  private static GroupCounts count(List<Integer> rows, int from, int to) {
    GroupCounts c = GroupCounts.create();
    for (int i = from; i < to; i++) {
      int r = rows.get(i);
      // row encoding: group in bits 2-3, label bit 1, prediction bit 0, weight (r >> 4) + 1
      c.add("g" + ((r >> 2) & 3), (r & 2) != 0, (r & 1) != 0, (r >> 4) + 1);
    }
    return c;
  }

  @Property(tries = 200)
  void mergeOfTwoParts_equalsCountingTheConcatenation(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 63) Integer> rows,
      @ForAll @IntRange(min = 0, max = 60) int cut) {
    int k = Math.min(cut, rows.size());
    GroupCounts whole = count(rows, 0, rows.size());
    GroupCounts merged = count(rows, 0, k).merge(count(rows, k, rows.size()));
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.overall()).isEqualTo(whole.overall());
  }

  @Property(tries = 100)
  void merge_isCommutative(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 63) Integer> a,
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 63) Integer> b) {
    GroupCounts x = count(a, 0, a.size());
    GroupCounts y = count(b, 0, b.size());
    assertThat(x.merge(y)).isEqualTo(y.merge(x));
  }

  @Test
  void byteAndIntFastPaths_equalRowByRowCountingForAnyNumberOfGroups() {
    // 1..4 groups: two-plane bit slicing; 5..16: four planes; 17+: counter table
    for (int groups : new int[] {1, 3, 4, 5, 16, 17, 200}) {
      Random random = new Random(groups);
      int n = 10_007;
      byte[] yb = new byte[n];
      byte[] pb = new byte[n];
      byte[] gb = new byte[n];
      int[] yi = new int[n];
      int[] pi = new int[n];
      int[] gi = new int[n];
      String[] names = new String[groups];
      for (int k = 0; k < groups; k++) {
        names[k] = "g" + k;
      }
      GroupCounts slow = GroupCounts.create();
      for (int i = 0; i < n; i++) {
        yi[i] = random.nextInt(2);
        pi[i] = random.nextInt(2);
        gi[i] = random.nextInt(groups);
        yb[i] = (byte) yi[i];
        pb[i] = (byte) pi[i];
        gb[i] = (byte) gi[i];
        slow.add(names[gi[i]], yi[i] == 1, pi[i] == 1);
      }
      assertThat(GroupCounts.ofCodes(yb, pb, gb, names)).as("%d groups", groups).isEqualTo(slow);
      assertThat(GroupCounts.ofCodes(yi, pi, gi, names)).as("%d groups", groups).isEqualTo(slow);
    }
  }

  @Test
  void aCodeWithoutNameInsideA64RowBlock_isRejected() {
    byte[] y = new byte[130];
    byte[] p = new byte[130];
    byte[] g = new byte[130];
    g[70] = 3;
    assertThatThrownBy(() -> GroupCounts.ofCodes(y, p, g, "a", "b", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupCodes[70] must be in [0, 3) (one code per group name), but was 3");
    g[70] = 9;
    assertThatThrownBy(() -> GroupCounts.ofCodes(y, p, g, "a", "b", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupCodes[70] must be in [0, 3) (one code per group name), but was 9");
    g[70] = 0;
    p[5] = 2;
    assertThatThrownBy(() -> GroupCounts.ofCodes(y, p, g, "a", "b", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predictions[5] must be 0 or 1, but was 2");
  }

  @Test
  void countsOfOneGroup_areReadableByName() {
    GroupCounts c =
        GroupCounts.create()
            .add("A", true, true)
            .add("A", true, false)
            .add("A", false, true, 2.0)
            .add("B", false, false);
    assertThat(c.counts("A")).isEqualTo(new ConfusionCounts(1, 2, 0, 1, 3));
    assertThat(c.groups()).containsExactly("A", "B");
    assertThat(c.toString())
        .isEqualTo("GroupCounts{A: TP=1 FP=2 TN=0 FN=1 (rows=3), B: TP=0 FP=0 TN=1 FN=0 (rows=1)}");
  }

  @Test
  void badCodes_areRejectedWithIndexAndValue() {
    assertThatThrownBy(
            () ->
                GroupCounts.ofCodes(
                    new byte[] {0, 1, 2}, new byte[] {0, 0, 0}, new byte[] {0, 0, 0}, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels[2] must be 0 or 1, but was 2");
    assertThatThrownBy(
            () ->
                GroupCounts.ofCodes(
                    new byte[] {0, 1, 1, 0, 1},
                    new byte[] {0, 0, 0, 0, 1},
                    new byte[] {0, 1, 0, 0, 3},
                    "a",
                    "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupCodes[4] must be in [0, 2) (one code per group name), but was 3");
    assertThatThrownBy(
            () -> GroupCounts.ofCodes(new int[] {0, 1}, new int[] {0, -1}, new int[] {0, 0}, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predictions[1] must be 0 or 1, but was -1");
    assertThatThrownBy(() -> GroupCounts.ofCodes(new int[2], new int[3], new int[2], "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predictions must have 2 elements (as labels), but had 3");
    assertThatThrownBy(() -> GroupCounts.create().add(null, true, true))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group must not be null");
    assertThatThrownBy(() -> GroupCounts.create().add("a", true, true, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must be non-negative and finite, but was -1.0");
  }

  @Test
  void groupCodes_encodeInOrderOfFirstAppearance() {
    GroupCodes codes = GroupCodes.encode("race", new String[] {"x", "y", "x", "z"});
    assertThat(codes.codes()).containsExactly(0, 1, 0, 2);
    assertThat(codes.names()).containsExactly("x", "y", "z");
    assertThatThrownBy(() -> GroupCodes.encode("race", new String[] {"x", null}))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("race[1] must not be null");
  }
}
