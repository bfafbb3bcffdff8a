package org.mlops4j.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Murmur3Test {

  private static final byte[] NONE = new byte[0];

  @Test
  void hash_matchesScikitLearnTestVectors() {
    // scikit-learn sklearn/utils/tests/test_murmurhash.py: murmurhash3_32(b"foo", 0) == -156908512,
    // murmurhash3_32(b"foo", 42) == -1322301282
    assertEquals(-156908512, Murmur3.hash(NONE, "foo", 0));
    assertEquals(-1322301282, Murmur3.hash(NONE, "foo", 42));
  }

  @Test
  void hash_ofPrefixAndUtf8Text_matchesPythonReimplementation() {
    // Values from a pure-Python MurmurHash3_x86_32 (/tmp/feat/ref.py mm3, checked on the vectors
    // above): mm3("city=Oslo".encode()) etc.
    byte[] city = "city=".getBytes(StandardCharsets.UTF_8);
    assertEquals(1652778913, Murmur3.hash(city, "Oslo", 0));
    assertEquals(1848678297, Murmur3.hash(city, "Lima", 0));
    assertEquals(1201094948, Murmur3.hash(city, "São Paulo", 0));
    assertEquals(-2077812586, Murmur3.hash(city, "東京", 0));
    assertEquals(-43359868, Murmur3.hash(city, "😀x", 0));
    assertEquals(0, Murmur3.hash(NONE, "", 0));
  }
}
