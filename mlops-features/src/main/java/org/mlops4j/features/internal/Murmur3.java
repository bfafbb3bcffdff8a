package org.mlops4j.features.internal;

/**
 * MurmurHash3 x86 32-bit (Austin Appleby, public domain, {@code MurmurHash3_x86_32}) of the UTF-8
 * bytes of {@code prefix + text}, computed without allocating: the bytes of {@code text} are
 * encoded on the fly (a lone surrogate as {@code '?'}, as {@link String#getBytes} does). The signed
 * result equals scikit-learn's {@code murmurhash3_32(s, seed, positive=False)}.
 */
public final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /**
   * @param prefix bytes hashed first
   * @param text text hashed after them, as UTF-8
   * @param seed the seed
   * @return the signed 32-bit hash
   */
  public static int hash(byte[] prefix, String text, int seed) {
    int h1 = seed;
    int k1 = 0;
    int total = 0;
    for (byte b : prefix) {
      k1 |= (b & 0xff) << ((total & 3) << 3);
      if ((total & 3) == 3) {
        h1 = mixBlock(h1, k1);
        k1 = 0;
      }
      total++;
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      int c = text.charAt(i);
      int cp;
      if (Character.isHighSurrogate((char) c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint((char) c, text.charAt(++i));
      } else if (Character.isSurrogate((char) c)) {
        cp = '?';
      } else {
        cp = c;
      }
      int len;
      int bytes; // up to 4 bytes, lowest first
      if (cp < 0x80) {
        len = 1;
        bytes = cp;
      } else if (cp < 0x800) {
        len = 2;
        bytes = (0xc0 | (cp >>> 6)) | ((0x80 | (cp & 0x3f)) << 8);
      } else if (cp < 0x10000) {
        len = 3;
        bytes =
            (0xe0 | (cp >>> 12))
                | ((0x80 | ((cp >>> 6) & 0x3f)) << 8)
                | ((0x80 | (cp & 0x3f)) << 16);
      } else {
        len = 4;
        bytes =
            (0xf0 | (cp >>> 18))
                | ((0x80 | ((cp >>> 12) & 0x3f)) << 8)
                | ((0x80 | ((cp >>> 6) & 0x3f)) << 16)
                | ((0x80 | (cp & 0x3f)) << 24);
      }
      for (int j = 0; j < len; j++) {
        int b = (bytes >>> (j << 3)) & 0xff;
        k1 |= b << ((total & 3) << 3);
        if ((total & 3) == 3) {
          h1 = mixBlock(h1, k1);
          k1 = 0;
        }
        total++;
      }
    }
    if ((total & 3) != 0) {
      k1 *= C1;
      k1 = Integer.rotateLeft(k1, 15);
      k1 *= C2;
      h1 ^= k1;
    }
    h1 ^= total;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >>> 16;
    return h1;
  }

  private static int mixBlock(int h1, int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    k1 *= C2;
    h1 ^= k1;
    h1 = Integer.rotateLeft(h1, 13);
    return h1 * 5 + 0xe6546b64;
  }
}
