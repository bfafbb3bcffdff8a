package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class StateStoreTest {
  @TempDir Path dir;

  private static BasicFileAttributes attrs(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class);
  }

  @Test
  void unchangedFile_isNotReadAgain_evenAfterAReload() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "abc");
    Path stateFile = dir.resolve("state.bin");
    StateStore s = StateStore.open(stateFile);
    // expected: printf 'abc' | sha256sum
    assertThat(s.hash(f, attrs(f)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(s.hashedBytes()).isEqualTo(3);
    assertThat(s.hash(f, attrs(f)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(s.hashedBytes()).isEqualTo(3);
    s.save();

    StateStore reloaded = StateStore.open(stateFile);
    assertThat(reloaded.size()).isEqualTo(1);
    assertThat(reloaded.hash(f, attrs(f)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(reloaded.hashedBytes()).isZero();
  }

  @Test
  void fileRewrittenWithTheSameSize_isHashedAgainWhenItsMtimeChanged() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "abc");
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    StateStore s = StateStore.inMemory();
    s.hash(f, attrs(f));
    Files.writeString(f, "xyz");
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2020-01-01T00:00:01Z")));
    assertThat(s.hash(f, attrs(f))).isEqualTo(FileHasher.sha256("xyz"));
    assertThat(s.hashedBytes()).isEqualTo(6);
  }

  @Test
  void forgetFileKeys_dropsTheRecordsOfEveryHardLinkOfAnInode_soTheyAreHashedAgain()
      throws Exception {
    Path obj = Files.writeString(dir.resolve("obj"), "abc");
    Path link = Files.createLink(dir.resolve("out.txt"), obj);
    Path other = Files.writeString(dir.resolve("other.txt"), "other");
    StateStore s = StateStore.inMemory();
    s.hash(obj, attrs(obj));
    s.hash(link, attrs(link));
    s.hash(other, attrs(other));
    assertThat(s.size()).isEqualTo(3);
    s.forgetFileKeys(java.util.Set.of(String.valueOf(attrs(obj).fileKey())));
    assertThat(s.size()).isEqualTo(1);
    long before = s.hashedBytes();
    s.hash(link, attrs(link));
    assertThat(s.hashedBytes()).isEqualTo(before + 3);
  }

  @Test
  void garbageStateFile_isRejectedNamingIt() throws Exception {
    Path bad = Files.writeString(dir.resolve("state.bin"), "not a state file");
    assertThatThrownBy(() -> StateStore.open(bad))
        .isInstanceOf(MlopsException.class)
        .hasMessage("not an mlops4j state file (bad magic or version): " + bad);
  }
}
