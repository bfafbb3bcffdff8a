package org.mlops4j.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SortedSearchTest {

  @Test
  void countAtOrBelow_isNumpysSearchsortedRight() {
    // numpy: np.searchsorted([1,2,2,3], [0,1,1.5,2,2.5,3,4], side='right') -> [0 1 1 3 3 4 4]
    double[] edges = {1, 2, 2, 3};
    double[] x = {0, 1, 1.5, 2, 2.5, 3, 4};
    int[] expected = {0, 1, 1, 3, 3, 4, 4};
    for (int i = 0; i < x.length; i++) {
      assertEquals(expected[i], SortedSearch.countAtOrBelow(edges, x[i]), "x = " + x[i]);
    }
    // np.searchsorted([], [5], side='right') -> [0]
    assertEquals(0, SortedSearch.countAtOrBelow(new double[0], 5));
  }

  @Test
  void nan_comparesBelowEverything() {
    // numpy sorts NaN last; here NaN is documented to give 0 (callers handle NaN themselves)
    assertEquals(0, SortedSearch.countAtOrBelow(new double[] {1, 2}, Double.NaN));
  }
}
