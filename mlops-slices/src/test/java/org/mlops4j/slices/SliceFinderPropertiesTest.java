package org.mlops4j.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of every report, on random data and settings. */
class SliceFinderPropertiesTest {

  @Property(tries = 60)
  void everyReport_keepsItsPromises(
      @ForAll long seed,
      @ForAll @IntRange(min = 40, max = 600) int n,
      @ForAll @IntRange(min = 2, max = 40) int minSupport,
      @ForAll @IntRange(min = 1, max = 3) int depth,
      @ForAll @IntRange(min = 1, max = 200) int budget,
      @ForAll boolean loss) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] a = new String[n];
    int[] b = new int[n];
    double[] x = new double[n];
    boolean[] err = new boolean[n];
    double[] l = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = "a" + rnd.nextInt(3);
      b[i] = rnd.nextInt(4);
      x[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextDouble();
      err[i] = rnd.nextDouble() < 0.2;
      l[i] = rnd.nextDouble() * (a[i].equals("a1") ? 2 : 1);
    }
    SliceData base = loss ? SliceData.ofLoss(l) : SliceData.ofErrors(err);
    SliceData data = base.feature("a", a).feature("b", b).feature("x", x);
    SliceFinder finder =
        SliceFinder.builder().minSupport(minSupport).maxDepth(depth).budget(budget).build();
    SliceReport r = finder.audit(data);
    assertTrue(r.examined().size() <= budget);
    assertTrue(r.examinedByDepth().size() <= depth);
    assertEquals(r.examined().size(), r.examinedByDepth().stream().mapToInt(i -> i).sum());
    for (Slice s : r.examined()) {
      assertTrue(s.rows() >= minSupport, s.toString());
      assertEquals(n, s.rows() + s.restRows());
      assertTrue(s.restRows() >= 2);
      assertTrue(s.depth() <= depth);
      assertTrue(s.pValue() >= 0 && s.pValue() <= 1, s.toString());
      assertTrue(s.pAdjusted() >= s.pValue() - 1e-15 && s.pAdjusted() <= 1, s.toString());
      assertTrue(s.interval().contains(s.value()), s.toString());
      assertEquals(
          s.significant(), s.pAdjusted() <= r.alpha() && s.effectSize() >= r.minEffectSize());
    }
    // no examined slice refines a significant one
    for (Slice sig : r.significant()) {
      for (Slice s : r.examined()) {
        if (s.depth() > sig.depth()) {
          assertTrue(!s.conditions().containsAll(sig.conditions()), s + " refines " + sig);
        }
      }
    }
  }
}
