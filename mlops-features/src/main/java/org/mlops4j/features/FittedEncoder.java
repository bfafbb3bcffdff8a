package org.mlops4j.features;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.features.internal.Murmur3;

/** A fitted {@link CategoryEncoder} of one field: allocation-free {@link #encode}. */
final class FittedEncoder {
  final String field;
  final CategoryEncoder spec;
  final @Nullable String imputed;
  final List<String> vocabulary;
  private final Map<String, Integer> index = new HashMap<>();
  private final byte[] prefix;
  private final int width;

  FittedEncoder(
      String field, CategoryEncoder spec, @Nullable String imputed, List<String> vocabulary) {
    this.field = field;
    this.spec = spec;
    this.imputed = imputed;
    this.vocabulary = List.copyOf(vocabulary);
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
    this.prefix = (field + "=").getBytes(StandardCharsets.UTF_8);
    this.width =
        switch (spec.encoding()) {
          case ONE_HOT -> vocabulary.size() + (spec.unseen() == UnseenPolicy.UNKNOWN ? 1 : 0);
          case ORDINAL -> 1;
          case HASHING -> spec.features();
        };
  }

  static FittedEncoder fit(String field, CategoryEncoder spec, @Nullable String[] labels) {
    TreeMap<String, Long> counts = new TreeMap<>();
    for (String s : labels) {
      if (s != null) {
        counts.merge(s, 1L, Long::sum);
      }
    }
    String imputed = null;
    if (spec.imputation().equals("most_frequent")) {
      Require.argument(
          !counts.isEmpty(),
          "training column '" + field + "'",
          "labels with a non-null one to impute the most frequent",
          "all null");
      long best = -1;
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          imputed = e.getKey();
        }
      }
    } else if (spec.imputation().equals("constant")) {
      imputed = spec.constant();
      if (imputed != null) {
        counts.putIfAbsent(imputed, 0L);
      }
    }
    List<String> vocabulary =
        spec.encoding() == CategoryEncoder.Encoding.HASHING
            ? List.of()
            : List.copyOf(counts.keySet());
    return new FittedEncoder(field, spec, imputed, vocabulary);
  }

  int width() {
    return width;
  }

  String[] outputNames() {
    String[] names = new String[width];
    switch (spec.encoding()) {
      case ONE_HOT -> {
        for (int i = 0; i < vocabulary.size(); i++) {
          names[i] = field + "=" + vocabulary.get(i);
        }
        if (spec.unseen() == UnseenPolicy.UNKNOWN) {
          names[width - 1] = field + "=<unknown>";
        }
      }
      case ORDINAL -> names[0] = field;
      case HASHING -> {
        for (int i = 0; i < width; i++) {
          names[i] = field + "#" + i;
        }
      }
    }
    return names;
  }

  void encode(@Nullable String label, double[] out, int off) {
    String s = label == null ? imputed : label;
    switch (spec.encoding()) {
      case ONE_HOT -> {
        Arrays.fill(out, off, off + width, 0.0);
        if (s != null) {
          Integer i = index.get(s);
          if (i != null) {
            out[off + i] = 1.0;
          } else {
            unseen(s, out, off + width - 1, 1.0);
          }
        }
      }
      case ORDINAL -> {
        if (s == null) {
          out[off] = Double.NaN;
        } else {
          Integer i = index.get(s);
          if (i != null) {
            out[off] = i;
          } else {
            out[off] = Double.NaN;
            unseen(s, out, off, vocabulary.size());
          }
        }
      }
      case HASHING -> {
        Arrays.fill(out, off, off + width, 0.0);
        if (s != null) {
          int h = Murmur3.hash(prefix, s, 0);
          int n = width;
          int i = h == Integer.MIN_VALUE ? (Integer.MAX_VALUE - (n - 1)) % n : Math.abs(h) % n;
          out[off + i] += h >= 0 ? 1.0 : -1.0;
        }
      }
    }
  }

  private void unseen(String s, double[] out, int slot, double value) {
    switch (spec.unseen()) {
      case ERROR ->
          throw new IllegalArgumentException(
              Require.mustBe(
                  "label of field '" + field + "'",
                  "one seen in training (unseen policy error)",
                  "'" + s + "'"));
      case UNKNOWN -> out[slot] = value;
      case IGNORE -> {
        // zeros, or NaN for ordinal, already written
      }
    }
  }
}
