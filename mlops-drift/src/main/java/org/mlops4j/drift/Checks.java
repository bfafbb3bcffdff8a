package org.mlops4j.drift;

/** Argument checks shared by the public statistics. */
final class Checks {
  private Checks() {}

  static void finite(String name, double[] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i])) {
        throw new IllegalArgumentException(name + " contains " + a[i] + " at index " + i);
      }
    }
  }

  static void categories(String name, String[] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null) {
        throw new IllegalArgumentException(name + " contains null at index " + i);
      }
    }
  }
}
