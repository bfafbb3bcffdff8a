package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {
  @TempDir Path dir;

  @Test
  void sha256OfKnownStrings_matchesSha256sum() {
    // expected: printf '' | sha256sum ; printf 'abc' | sha256sum ; printf 'hello\n' | sha256sum
    // (GNU coreutils),
    // identical to Python 3 hashlib.sha256(...).hexdigest(); 'abc' is also the FIPS 180-2 appendix
    // B.1 example
    assertThat(FileHasher.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(FileHasher.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(FileHasher.sha256("hello\n"))
        .isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
  }

  @Test
  void sha256OfAFileSpanningSeveralBuffers_matchesHashlib() throws Exception {
    byte[] data = new byte[3 * (1 << 20) + 7];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i % 251);
    }
    Path f = dir.resolve("big.bin");
    Files.write(f, data);
    // expected: python3 hashlib.sha256(bytes(i % 251 for i in range(3*2**20+7))).hexdigest()
    assertThat(FileHasher.sha256(f))
        .isEqualTo("f578a61853ca2f4272dba551bd868420e22302fbb6d6dfc0cc80da1d2c7b779f");
  }

  @Test
  void sha256OfAnEmptyFile_isTheHashOfNoBytes() throws Exception {
    Path f = Files.createFile(dir.resolve("empty"));
    assertThat(FileHasher.sha256(f)).isEqualTo(FileHasher.sha256(new byte[0]));
  }

  @Test
  void isSha256_acceptsOnly64LowercaseHexCharacters() {
    assertThat(FileHasher.isSha256(FileHasher.sha256("x"))).isTrue();
    assertThat(FileHasher.isSha256(FileHasher.sha256("x").toUpperCase())).isFalse();
    assertThat(FileHasher.isSha256("abc")).isFalse();
    assertThat(FileHasher.isSha256(null)).isFalse();
    assertThat(
            new String(
                FileHasher.hex(new byte[] {0, (byte) 0xff, 0x10})
                    .getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.US_ASCII))
        .isEqualTo("00ff10");
  }
}
