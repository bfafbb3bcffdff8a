package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;

class ObjectCacheTest {
  @TempDir Path tmp;
  Path root;
  ObjectCache cache;

  @BeforeEach
  void setUp() throws Exception {
    root = tmp.toRealPath();
    cache = new ObjectCache(root.resolve("cache"), root.resolve("runs"));
  }

  private List<Path> files(Path top) throws Exception {
    try (Stream<Path> s = Files.walk(top)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void storeFile_movesTheFileIn_underItsHash_readOnly_withNoTemporaryFileLeft() throws Exception {
    Path src = Files.writeString(root.resolve("a.txt"), "abc");
    // expected: printf 'abc' | sha256sum
    String h = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    StateStore state = StateStore.inMemory();
    cache.storeFile(src, h, state);
    Path obj =
        root.resolve("cache/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(cache.object(h)).isEqualTo(obj);
    assertThat(obj).hasContent("abc");
    assertThat(Files.isWritable(obj) && !"root".equals(System.getProperty("user.name"))).isFalse();
    assertThat(src).doesNotExist();
    assertThat(cache.hasObject(h)).isTrue();
    assertThat(state.size()).isEqualTo(1);

    Path again = Files.writeString(root.resolve("b.txt"), "abc");
    cache.storeFile(again, h, state);
    assertThat(again).doesNotExist();
    assertThat(files(root.resolve("cache"))).containsExactly(obj);
  }

  @Test
  void storeDirectory_storesEveryFile_thenTheManifest() throws Exception {
    Path dir = Files.createDirectories(root.resolve("model/sub"));
    Files.writeString(dir.resolve("w.bin"), "w");
    Files.writeString(root.resolve("model/x.txt"), "x");
    Digest d =
        new Digester(root, StateStore.inMemory()).digest(root.resolve("model")).orElseThrow();
    cache.storeDirectory(root.resolve("model"), d, null);
    assertThat(cache.has(d.hash(), true)).isTrue();
    assertThat(cache.manifest(d.hash())).hasContent(Digest.manifestText(d.entries()));
    assertThat(cache.readManifest(d.hash()))
        .extracting(Digest.ManifestEntry::path)
        .containsExactly("sub/w.bin", "x.txt");
    assertThat(files(root.resolve("cache")))
        .hasSize(3)
        .noneMatch(f -> f.getFileName().toString().startsWith(AtomicFiles.TMP_PREFIX));
  }

  @Test
  void verify_deletesAnObjectThatNoLongerMatchesItsName() throws Exception {
    String h = FileHasher.sha256("good");
    cache.storeFile(Files.writeString(root.resolve("g"), "good"), h, null);
    Path obj = cache.object(h);
    StateStore state = StateStore.inMemory();
    assertThat(cache.verify(h, false, state)).isTrue();
    obj.toFile().setWritable(true);
    Files.writeString(obj, "edited through a hard link");
    assertThat(cache.verify(h, false, state)).isFalse();
    assertThat(obj).doesNotExist();
    assertThat(cache.verify(h, false, state)).isFalse();
  }

  @Test
  void checkout_placesALinkOrACopy_replacingWhatWasThere() throws Exception {
    String h = FileHasher.sha256("content");
    cache.storeFile(Files.writeString(root.resolve("c"), "content"), h, null);
    Path target =
        Files.writeString(Files.createDirectories(root.resolve("proj")).resolve("out.txt"), "old");
    cache.checkout(h, false, target, root.resolve("scratch"), true, null);
    assertThat(target).hasContent("content");
    assertThat(key(target)).isEqualTo(key(cache.object(h)));
    Path copy = root.resolve("proj/copy.txt");
    cache.checkout(h, false, copy, root.resolve("scratch"), false, null);
    assertThat(copy).hasContent("content");
    assertThat(key(copy)).isNotEqualTo(key(cache.object(h)));
    assertThat(Files.isWritable(copy)).isTrue();
  }

  private static Object key(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  @Test
  void copyTo_copiesOnce_intoTheSamePlaceOfAnotherCache() throws Exception {
    String h = FileHasher.sha256("shared");
    cache.storeFile(Files.writeString(root.resolve("s"), "shared"), h, null);
    ObjectCache remote = new ObjectCache(root.resolve("remote/cache"), root.resolve("remote/runs"));
    assertThat(cache.copyTo(cache.object(h), remote.object(h))).isEqualTo(6);
    assertThat(remote.object(h)).hasContent("shared");
    assertThat(cache.copyTo(cache.object(h), remote.object(h))).isZero();
    assertThat(files(root.resolve("remote"))).containsExactly(remote.object(h));
  }

  @Test
  void runEntries_areWrittenAndReadByKey_andGcKeepsOnlyWhatIsReferenced() throws Exception {
    String key = FileHasher.sha256("key");
    assertThat(cache.readRun(key)).isEmpty();
    cache.writeRun(key, "{}\n");
    cache.writeRun(key, "{\"v\":2}\n");
    assertThat(cache.readRun(key)).hasValue("{\"v\":2}\n");
    assertThat(cache.run(key).toString()).endsWith(key.substring(2) + ".json");

    String keep = FileHasher.sha256("keep");
    String drop = FileHasher.sha256("drop!");
    cache.storeFile(Files.writeString(root.resolve("k"), "keep"), keep, null);
    cache.storeFile(Files.writeString(root.resolve("d"), "drop!"), drop, null);
    ObjectCache.Sweep sweep = cache.gc(Set.of(keep), Set.of(), Set.of());
    assertThat(sweep).isEqualTo(new ObjectCache.Sweep(1, 5, 1));
    assertThat(cache.hasObject(keep)).isTrue();
    assertThat(cache.hasObject(drop)).isFalse();
    assertThat(cache.readRun(key)).isEmpty();
  }

  @Test
  void aMalformedHash_isRejected() {
    assertThatThrownBy(() -> cache.object("ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash must be 64 lowercase hex characters, but was 'ABC'");
  }
}
