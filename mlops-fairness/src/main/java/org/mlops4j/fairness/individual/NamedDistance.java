package org.mlops4j.fairness.individual;

/** A custom distance with a name; see {@link Distance#of(String, Distance)}. */
record NamedDistance(String name, Distance distance) implements Distance {

  @Override
  public double between(double[] a, double[] b) {
    return distance.between(a, b);
  }

  @Override
  public String toString() {
    return name;
  }
}
