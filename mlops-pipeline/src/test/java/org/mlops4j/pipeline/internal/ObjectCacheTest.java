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
import org.mlops4j.api.MlopsException;
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

  /** Writes a manifest of this text into the cache, under its own hash. */
  private String plantManifest(ObjectCache c, String text) throws Exception {
    String h = FileHasher.sha256(text);
    Files.createDirectories(c.manifest(h).getParent());
    Files.writeString(c.manifest(h), text);
    return h;
  }

  @Test
  void readManifest_refusesTheWholeManifest_whenOneEntryCouldLeaveItsFolder_andQuarantinesIt()
      throws Exception {
    ObjectCache local =
        new ObjectCache(root.resolve("cache"), root.resolve("runs"), root.resolve("quarantine"));
    String a = FileHasher.sha256("a");
    String good = plantManifest(local, a + "  a.txt\n" + a + "  sub/b.txt\n");
    assertThat(local.readManifest(good))
        .extracting(Digest.ManifestEntry::path)
        .containsExactly("a.txt", "sub/b.txt");
    assertThat(local.readManifest(good)).allMatch(e -> e.size() == -1); // objects absent

    String bad = plantManifest(local, a + "  a.txt\n" + a + "  x/../../../etc/cron.d/job\n");
    Path m = local.manifest(bad);
    assertThatThrownBy(() -> local.readManifest(bad))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            m
                + ": entry 2 'x/../../../etc/cron.d/job' is not a relative path inside the output:"
                + " it has a '..' segment; the whole manifest is refused and moved to "
                + root.resolve("quarantine")
                    .resolve(bad.substring(0, 2) + bad.substring(2) + ".dir"));
    assertThat(m).doesNotExist();
  }

  @Test
  void parseManifest_refusesBadLines_repeatsDisorder_andAFileWithEntriesBelowIt() {
    String a = FileHasher.sha256("a");
    List<Digest.ManifestEntry> out = new java.util.ArrayList<>();
    assertThat(ObjectCache.parseManifest("", out)).isEmpty();
    assertThat(ObjectCache.parseManifest(a + "  a", out))
        .hasValue("the last line does not end with a newline");
    assertThat(ObjectCache.parseManifest("zz  a\n", out))
        .hasValue("line 1 is not '<sha256>  <path>'");
    assertThat(ObjectCache.parseManifest(a + " a.txt\n", out))
        .hasValue("line 1 is not '<sha256>  <path>'");
    assertThat(ObjectCache.parseManifest(a + "  /etc/passwd\n", out))
        .hasValue("entry 1 '/etc/passwd' is not a relative path inside the output: it is absolute");
    assertThat(ObjectCache.parseManifest(a + "  b\n" + a + "  a\n", out))
        .hasValue("entry 2 'a' is repeated or out of order");
    assertThat(ObjectCache.parseManifest(a + "  a\n" + a + "  a\n", out))
        .hasValue("entry 2 'a' is repeated or out of order");
    assertThat(ObjectCache.parseManifest(a + "  a\n" + a + "  a/b\n", out))
        .hasValue("entry 'a/b' lies below the file entry 'a'");
  }

  @Test
  void copyTo_refusesACopyThatDoesNotHashToItsName_andLeavesNothingBehind() throws Exception {
    String h = FileHasher.sha256("shared");
    cache.storeFile(Files.writeString(root.resolve("s"), "shared"), h, null);
    Path obj = cache.object(h);
    obj.toFile().setWritable(true);
    Files.writeString(obj, "tampered");
    ObjectCache other = new ObjectCache(root.resolve("other/cache"), root.resolve("other/runs"));
    assertThatThrownBy(() -> cache.copyTo(obj, other.object(h), h))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            obj
                + ": content does not match its name (SHA-256 "
                + FileHasher.sha256("tampered")
                + "); not copied");
    assertThat(files(root.resolve("other"))).isEmpty();
  }

  @Test
  void aShardThatIsALink_isNotWrittenThrough() throws Exception {
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    String h = FileHasher.sha256("x");
    Files.createDirectories(root.resolve("cache"));
    Files.createSymbolicLink(root.resolve("cache").resolve(h.substring(0, 2)), elsewhere);
    assertThatThrownBy(() -> cache.storeFile(Files.writeString(root.resolve("x"), "x"), h, null))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            root.resolve("cache").resolve(h.substring(0, 2))
                + ": is a symbolic link; the folders of a cache must be real folders: remove the"
                + " link");
    assertThat(elsewhere).isEmptyDirectory();
  }

  @Test
  void stage_withVerify_refusesACorruptSmallObject_movesItOut_andLeavesNothingStaged()
      throws Exception {
    ObjectCache local =
        new ObjectCache(root.resolve("cache"), root.resolve("runs"), root.resolve("quarantine"));
    String h = FileHasher.sha256("good");
    local.storeFile(Files.writeString(root.resolve("g"), "good"), h, null);
    Path obj = local.object(h);
    obj.toFile().setWritable(true);
    Files.writeString(obj, "bad!");
    Path scratch = root.resolve("scratch");
    Path unverified = local.stage(h, false, scratch, true, false);
    assertThat(unverified).hasContent("bad!");
    Files.delete(unverified);
    assertThatThrownBy(() -> local.stage(h, false, scratch, true, true))
        .isInstanceOf(ObjectCache.CorruptObjectException.class)
        .hasMessageStartingWith(obj + ": content does not match its name (SHA-256 ");
    assertThat(obj).doesNotExist();
    assertThat(root.resolve("quarantine")).isNotEmptyDirectory();
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  void aMalformedHash_isRejected() {
    assertThatThrownBy(() -> cache.object("ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash must be 64 lowercase hex characters, but was 'ABC'");
  }
}
