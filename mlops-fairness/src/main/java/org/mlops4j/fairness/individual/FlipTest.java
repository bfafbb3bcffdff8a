package org.mlops4j.fairness.individual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A counterfactual flip test: each row is given to the model twice, as it is and with its sensitive
 * attribute swapped to the counterfactual group (and every declared proxy attribute set to the
 * value that goes with that group); a row <em>flips</em> if the two decisions differ. This is the
 * attribute-swap check used for counterfactual fairness audits (compare Kusner et al., 2017,
 * "Counterfactual Fairness", and the "flip rate" of Black, Yeom and Fredrikson, 2020, "FlipTest:
 * Fairness Testing via Optimal Transport", which maps individuals more carefully than a plain swap).
 *
 * <pre>
 *   flip rate = #{rows with model(row) != model(counterfactual(row))} / #rows
 * </pre>
 *
 * reported overall and per original group (direction "A→B"), with the decision transitions
 * ("0→1": count) and up to {@code maxExamples} flipped rows (default 10). Decisions are compared
 * with {@link Object#equals}, so return the same type for both calls (an Integer 1 and a Long 1
 * differ).
 *
 * <pre>{@code
 * FlipTestResult r = FlipTest.on("sex").swap("F", "M")
 *     .proxy("title", Map.of("F", "Ms", "M", "Mr"))
 *     .build()
 *     .run(rows, row -> model.approve(row) ? 1 : 0);
 * }</pre>
 *
 * <p>Rows are {@code Map<String, Object>} (for example {@code Map.of("sex", "F", "income",
 * 42_000)}); the model receives an unmodifiable copy of each row and its counterfactual.
 *
 * @since 0.1.0
 */
public final class FlipTest {

  private final String attribute;
  private final Map<Object, Object> counterfactual;
  private final Map<String, Map<Object, Object>> proxies;
  private final int maxExamples;

  private FlipTest(Builder b) {
    this.attribute = b.attribute;
    this.counterfactual = Collections.unmodifiableMap(new LinkedHashMap<>(b.counterfactual));
    Map<String, Map<Object, Object>> p = new LinkedHashMap<>();
    b.proxies.forEach((k, v) -> p.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.proxies = Collections.unmodifiableMap(p);
    this.maxExamples = b.maxExamples;
  }

  /**
   * Starts a flip test on a sensitive attribute.
   *
   * @param attribute the column holding the sensitive attribute, for example "sex"
   * @return a builder; declare at least one {@link Builder#swap swap} or {@link Builder#map map}
   * @throws IllegalArgumentException if attribute is null or blank
   */
  public static Builder on(String attribute) {
    if (attribute == null || attribute.isBlank()) {
      throw new IllegalArgumentException("attribute must not be null or blank, but was " + attribute);
    }
    return new Builder(attribute);
  }

  /**
   * Runs the test.
   *
   * @param rows the rows, each holding the sensitive attribute with a declared value
   * @param model the decision function; must not return null
   * @return flip rates overall and by direction, with examples
   * @throws IllegalArgumentException if rows or model is null, rows is empty, a row is null, lacks
   *     the attribute or has a value without a counterfactual, or the model returns null
   */
  public FlipTestResult run(
      List<? extends Map<String, ?>> rows, Function<? super Map<String, Object>, ?> model) {
    Checks.notNull(rows, "rows");
    Checks.notNull(model, "model");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("rows must not be empty");
    }
    Map<String, Direction> directions = new LinkedHashMap<>();
    List<FlipTestResult.FlipExample> examples = new ArrayList<>();
    int flips = 0;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      if (row == null) {
        throw new IllegalArgumentException("rows[" + i + "] must not be null");
      }
      if (!row.containsKey(attribute)) {
        throw new IllegalArgumentException("rows[" + i + "] has no attribute '" + attribute + "'");
      }
      Object group = row.get(attribute);
      if (!counterfactual.containsKey(group)) {
        throw new IllegalArgumentException(
            "rows["
                + i
                + "]."
                + attribute
                + " = '"
                + group
                + "' has no counterfactual; declared groups: "
                + counterfactual.keySet());
      }
      Object target = counterfactual.get(group);
      Map<String, Object> original = new HashMap<>(row);
      Map<String, Object> swapped = new HashMap<>(row);
      swapped.put(attribute, target);
      for (Map.Entry<String, Map<Object, Object>> proxy : proxies.entrySet()) {
        swapped.put(proxy.getKey(), proxy.getValue().get(target));
      }
      Object before = decide(model, original, i, "row");
      Object after = decide(model, swapped, i, "counterfactual row");
      String key = group + "→" + target;
      Direction dir = directions.computeIfAbsent(key, k -> new Direction(group, target));
      dir.rows++;
      if (!before.equals(after)) {
        flips++;
        dir.flips++;
        dir.transitions.merge(before + "→" + after, 1, Integer::sum);
        if (examples.size() < maxExamples) {
          examples.add(
              new FlipTestResult.FlipExample(
                  i, String.valueOf(group), String.valueOf(target), String.valueOf(before),
                  String.valueOf(after)));
        }
      }
    }
    List<FlipTestResult.GroupFlips> byGroup = new ArrayList<>();
    for (Direction d : directions.values()) {
      byGroup.add(
          new FlipTestResult.GroupFlips(
              String.valueOf(d.group),
              String.valueOf(d.target),
              d.rows,
              d.flips,
              (double) d.flips / d.rows,
              d.transitions));
    }
    return new FlipTestResult(
        attribute, rows.size(), flips, (double) flips / rows.size(), byGroup, examples);
  }

  private static Object decide(
      Function<? super Map<String, Object>, ?> model, Map<String, Object> row, int i, String what) {
    Object decision = model.apply(Collections.unmodifiableMap(row));
    if (decision == null) {
      throw new IllegalArgumentException("model returned null for " + what + " " + i);
    }
    return decision;
  }

  private static final class Direction {
    final Object group;
    final Object target;
    int rows;
    int flips;
    final Map<String, Integer> transitions = new TreeMap<>();

    Direction(Object group, Object target) {
      this.group = group;
      this.target = target;
    }
  }

  @Override
  public String toString() {
    return "FlipTest[attribute="
        + attribute
        + ", counterfactual="
        + counterfactual
        + ", proxies="
        + proxies
        + ", maxExamples="
        + maxExamples
        + "]";
  }

  /**
   * Settings for a {@link FlipTest}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String attribute;
    private final Map<Object, Object> counterfactual = new LinkedHashMap<>();
    private final Map<String, Map<Object, Object>> proxies = new LinkedHashMap<>();
    private int maxExamples = 10;

    private Builder(String attribute) {
      this.attribute = attribute;
    }

    /**
     * Declares two groups as each other's counterfactual: a → b and b → a.
     *
     * @param a a group, for example "F"
     * @param b the other group, for example "M"
     *
     * @throws IllegalArgumentException if a or b is null, a equals b, or either already has a
     *     counterfactual
     * @return this builder
     */
    public Builder swap(Object a, Object b) {
      Checks.notNull(a, "a");
      Checks.notNull(b, "b");
      if (a.equals(b)) {
        throw new IllegalArgumentException("swap needs two different groups, but got " + a + " twice");
      }
      map(a, b);
      return map(b, a);
    }

    /**
     * Declares the counterfactual of one group (for attributes with more than two values).
     *
     * @param from the original group
     * @param to the group its rows are swapped to
     *
     * @throws IllegalArgumentException if from or to is null, or from already has one
     * @return this builder
     */
    public Builder map(Object from, Object to) {
      Checks.notNull(from, "from");
      Checks.notNull(to, "to");
      if (counterfactual.containsKey(from)) {
        throw new IllegalArgumentException(
            "group '" + from + "' already has the counterfactual '" + counterfactual.get(from) + "'");
      }
      counterfactual.put(from, to);
      return this;
    }

    /**
     * Declares a proxy attribute, set in each counterfactual row to the value for the
     * counterfactual group (for example the title "Mr" for "M").
     *
     * @param column the proxy column
     * @param valueByGroup the proxy's value for each group that is a counterfactual target
     * @throws IllegalArgumentException if column is null, blank or the sensitive attribute, or
     *     valueByGroup is null
     * @return this builder
     */
    public Builder proxy(String column, Map<?, ?> valueByGroup) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("column must not be null or blank, but was " + column);
      }
      if (column.equals(attribute)) {
        throw new IllegalArgumentException(
            "column '" + column + "' is the sensitive attribute itself, not a proxy");
      }
      Checks.notNull(valueByGroup, "valueByGroup");
      proxies.put(column, new LinkedHashMap<>(valueByGroup));
      return this;
    }

    /**
     * @param maxExamples how many flipped rows to keep as examples (default 10)
     * @throws IllegalArgumentException if negative
     * @return this builder
     */
    public Builder maxExamples(int maxExamples) {
      if (maxExamples < 0) {
        throw new IllegalArgumentException(
            "maxExamples must not be negative, but was " + maxExamples);
      }
      this.maxExamples = maxExamples;
      return this;
    }

    /**
     * @return the configured test
     * @throws IllegalStateException if no counterfactual is declared
     * @throws IllegalArgumentException if a proxy has no value for a counterfactual target group
     */
    public FlipTest build() {
      if (counterfactual.isEmpty()) {
        throw new IllegalStateException(
            "no counterfactual declared for '" + attribute + "': call swap(a, b) or map(from, to)");
      }
      for (Map.Entry<String, Map<Object, Object>> p : proxies.entrySet()) {
        for (Object target : counterfactual.values()) {
          if (!p.getValue().containsKey(target)) {
            throw new IllegalArgumentException(
                "proxy '" + p.getKey() + "' has no value for group '" + target + "'");
          }
        }
      }
      return new FlipTest(this);
    }
  }
}
