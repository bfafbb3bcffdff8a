package org.mlops4j.serving.internal;

import java.nio.charset.StandardCharsets;

/**
 * FNV-1a, 32 bits, over a string's UTF-8 bytes (Fowler, Noll, Vo; offset basis 2166136261, prime
 * 16777619): stable across JVMs, versions and runs, unlike {@code Object.hashCode} of most types.
 */
public final class StableHash {
  /** Buckets of the canary share: a share of 0.05 is buckets [0, 500). */
  public static final int BUCKETS = 10_000;

  private StableHash() {}

  /**
   * @param key a key
   * @return its FNV-1a 32-bit hash, as an unsigned value in a long
   */
  public static long fnv1a32(String key) {
    int h = 0x811c9dc5;
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    return h & 0xffffffffL;
  }

  /**
   * @param key a key
   * @return its bucket in [0, {@link #BUCKETS})
   */
  public static int bucket(String key) {
    return (int) (fnv1a32(key) % BUCKETS);
  }
}
