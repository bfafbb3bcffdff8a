package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;

/**
 * Group values encoded as dense codes: {@code codes()[i]} indexes {@code names()}, names in order
 * of first appearance. Feeds the fast path {@link GroupCounts#ofCodes(int[], int[], int[],
 * String...)}.
 *
 * <pre>{@code
 * GroupCodes race = GroupCodes.encode("race", raceColumn);
 * GroupCounts counts = GroupCounts.ofCodes(labels, predictions, race.codes(), race.namesArray());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GroupCodes {

  private final int[] codes;
  private final List<String> names;

  private GroupCodes(int[] codes, List<String> names) {
    this.codes = codes;
    this.names = names;
  }

  /**
   * Encodes a column of group values.
   *
   * @param attribute the column's name, used in error messages
   * @param values the group value of each row
   * @return the codes and names
   * @throws NullPointerException if values or a value is null ({@code "<attribute>[i] must not be
   *     null"})
   */
  public static GroupCodes encode(String attribute, String[] values) {
    Require.nonNull(attribute, "attribute");
    Require.noNulls(values, attribute);
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      Integer k = index.get(v);
      if (k == null) {
        k = names.size();
        index.put(v, k);
        names.add(v);
      }
      codes[i] = k;
    }
    return new GroupCodes(codes, List.copyOf(names));
  }

  /**
   * @return a copy of the codes, one per row
   */
  public int[] codes() {
    return codes.clone();
  }

  /**
   * @return the codes as bytes (unsigned, for {@link GroupCounts#ofCodes(byte[], byte[], byte[],
   *     String...)})
   * @throws IllegalStateException if there are more than 256 groups
   */
  public byte[] byteCodes() {
    Require.state(
        names.size() <= 256,
        "byte codes hold at most 256 groups, but there are "
            + names.size()
            + ": use codes() and the int overload of GroupCounts.ofCodes");
    byte[] out = new byte[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = (byte) codes[i];
    }
    return out;
  }

  /**
   * @return the distinct values in order of first appearance
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return the names as an array, for the varargs of {@code GroupCounts.ofCodes}
   */
  public String[] namesArray() {
    return names.toArray(new String[0]);
  }

  int[] codesNoCopy() {
    return codes;
  }

  @Override
  public String toString() {
    return "GroupCodes" + names + " (" + codes.length + " rows)";
  }
}
