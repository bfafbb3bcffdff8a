package org.mlops4j.drift.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;

/**
 * The metric-key subject of each feature of a report: an injective map from feature names to key
 * segments, so that two features never write the same metric key.
 *
 * <p>Scheme: a name that {@link MetricKeys#segment(String)} leaves unchanged (letters, digits,
 * {@code _} and {@code -} only) is its own segment, except the reserved {@value #DATASET} (the
 * subject of the dataset's own keys); any other name becomes its sanitised form, {@code -} and the
 * first 8 hexadecimal digits of the SHA-256 of its UTF-8 bytes: {@code a<b} becomes {@code
 * a_b-4a826aac}, {@code a>b} {@code a_b-998a5be8}. The hash depends on the name only, so a feature
 * keeps its key from report to report. Should two features of one report still get the same segment
 * (two hashes agreeing on 8 digits, or a name that literally equals another one's hashed form),
 * each feature of that group moves one step: an unchanged name gets the 8-digit suffix, a suffixed
 * one 16 digits, then all 64; repeated until no two segments are equal.
 */
public final class FeatureKeys {

  /** The subject of the dataset's own keys ({@code drift.dataset.drifted_share}). */
  public static final String DATASET = "dataset";

  private static final int[] DIGITS = {8, 16, 64};

  private FeatureKeys() {}

  /**
   * @param features the feature names of one report (a name given twice counts once)
   * @return for every distinct name, in order, its key segment; no two equal
   */
  public static Map<String, String> segments(List<String> features) {
    Require.nonNull(features, "features");
    Map<String, Integer> level = new LinkedHashMap<>();
    for (String f : features) {
      level.putIfAbsent(Require.nonNull(f, "feature name"), initialLevel(f));
    }
    while (true) {
      Map<String, String> out = new LinkedHashMap<>();
      Map<String, List<String>> bySegment = new HashMap<>();
      for (Map.Entry<String, Integer> e : level.entrySet()) {
        String segment = segment(e.getKey(), e.getValue());
        out.put(e.getKey(), segment);
        bySegment.computeIfAbsent(segment, k -> new ArrayList<>()).add(e.getKey());
      }
      boolean clash = false;
      for (List<String> group : bySegment.values()) {
        if (group.size() > 1) {
          clash = true;
          group.forEach(name -> widen(level, name));
        }
      }
      if (!clash) {
        return out;
      }
    }
  }

  /** -1: the name itself; 0, 1, 2: sanitised name with 8, 16, 64 hash digits. */
  private static int initialLevel(String name) {
    return name.equals(MetricKeys.segment(name)) && !name.equals(DATASET) ? -1 : 0;
  }

  private static void widen(Map<String, Integer> level, String name) {
    int l = level.get(name);
    Require.state(
        l < DIGITS.length - 1, "two feature names have the same SHA-256: " + name); // cannot happen
    level.put(name, l + 1);
  }

  private static String segment(String name, int level) {
    if (level < 0) {
      return name;
    }
    return MetricKeys.segment(name) + "-" + sha256(name).substring(0, DIGITS[level]);
  }

  private static String sha256(String name) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
