package org.mlops4j.serving.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StableHashTest {

  @Test
  void fnv1a32_matchesTheReferenceValues() {
    // FNV spec (Noll): FNV-1a 32 of "" is the offset basis 0x811c9dc5, of "a" 0xe40c292c.
    assertEquals(0x811c9dc5L, StableHash.fnv1a32(""));
    assertEquals(0xe40c292cL, StableHash.fnv1a32("a"));
    // Python: def fnv(s): h=0x811c9dc5; for b in s.encode(): h=((h^b)*0x01000193)&0xffffffff
    //   fnv("user-42") -> 39875499, fnv("héllo") -> 1252296000
    assertEquals(39875499L, StableHash.fnv1a32("user-42"));
    assertEquals(1252296000L, StableHash.fnv1a32("héllo"));
    assertEquals(5499, StableHash.bucket("user-42"));
  }
}
