package org.mlops4j.api.internal;

import org.jspecify.annotations.Nullable;

/**
 * Argument and state checks with the one message shape of mlops4j (docs/CONVENTIONS.md):
 *
 * <ul>
 *   <li>null argument: {@link NullPointerException} {@code "<name> must not be null"};
 *   <li>bad value: {@link IllegalArgumentException} {@code "<name> must be <condition>, but was
 *       <value>"};
 *   <li>bad order or conflicting settings: {@link IllegalStateException} with a sentence that says
 *       what to do first.
 * </ul>
 */
public final class Require {
  private Require() {}

  /**
   * @return {@code value}
   * @throws NullPointerException {@code "<name> must not be null"} when value is null
   */
  public static <T> T nonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /**
   * Every element of an array must be non-null.
   *
   * @throws NullPointerException {@code "<name> must not be null"} or {@code "<name>[i] must not be
   *     null"}
   */
  public static <T> T[] noNulls(T @Nullable [] values, String name) {
    nonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
    }
    return values;
  }

  /**
   * @throws IllegalArgumentException {@code "<name> must be <condition>, but was <value>"} unless
   *     ok
   */
  public static void argument(boolean ok, String name, String condition, @Nullable Object value) {
    if (!ok) {
      throw new IllegalArgumentException(mustBe(name, condition, value));
    }
  }

  /** The message {@code "<name> must be <condition>, but was <value>"}. */
  public static String mustBe(String name, String condition, @Nullable Object value) {
    return name + " must be " + condition + ", but was " + value;
  }

  /**
   * @throws IllegalStateException with the message unless ok
   */
  public static void state(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  /**
   * @return value; @throws IllegalArgumentException unless finite (not NaN, not infinite)
   */
  public static double finite(double value, String name) {
    argument(Double.isFinite(value), name, "finite", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless value &gt; 0 and finite
   */
  public static double positive(double value, String name) {
    argument(value > 0 && Double.isFinite(value), name, "positive and finite", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless value &gt; 0
   */
  public static int positive(int value, String name) {
    argument(value > 0, name, "positive", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless value &gt; 0
   */
  public static long positive(long value, String name) {
    argument(value > 0, name, "positive", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless value &ge; 0 and finite
   */
  public static double nonNegative(double value, String name) {
    argument(value >= 0 && Double.isFinite(value), name, "non-negative and finite", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless value &ge; 0
   */
  public static int nonNegative(int value, String name) {
    argument(value >= 0, name, "non-negative", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless value &ge; 0
   */
  public static long nonNegative(long value, String name) {
    argument(value >= 0, name, "non-negative", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless 0 &lt; value &lt; 1
   */
  public static double openUnit(double value, String name) {
    argument(value > 0 && value < 1, name, "in (0, 1)", value);
    return value;
  }

  /**
   * @return value; @throws IllegalArgumentException unless 0 &le; value &le; 1
   */
  public static double closedUnit(double value, String name) {
    argument(value >= 0 && value <= 1, name, "in [0, 1]", value);
    return value;
  }

  /**
   * @return the array; @throws NullPointerException when null, IllegalArgumentException {@code
   *     "<name>[i] must be finite, but was NaN"} at the first non-finite element
   */
  public static double[] finite(double @Nullable [] values, String name) {
    nonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(mustBe(name + "[" + i + "]", "finite", values[i]));
      }
    }
    return values;
  }

  /**
   * @return the array; @throws IllegalArgumentException {@code "<name> must be non-empty, ..."}
   */
  public static double[] nonEmpty(double @Nullable [] values, String name) {
    nonNull(values, name);
    argument(values.length > 0, name, "non-empty", "an empty array");
    return values;
  }

  /**
   * @throws IllegalArgumentException {@code "<name> must have <expected> elements (as <other>), but
   *     had <actual>"} when the lengths differ
   */
  public static void sameLength(int actual, String name, int expected, String other) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          name + " must have " + expected + " elements (as " + other + "), but had " + actual);
    }
  }

  /**
   * @throws IllegalArgumentException {@code "<name> must have at least <min> values, but had
   *     <actual>"} when actual &lt; min
   */
  public static void atLeast(int actual, int min, String name) {
    if (actual < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " values, but had " + actual);
    }
  }

  /**
   * @return the text; @throws IllegalArgumentException when blank
   */
  public static String nonBlank(@Nullable String text, String name) {
    nonNull(text, name);
    argument(!text.isBlank(), name, "non-blank", "'" + text + "'");
    return text;
  }
}
