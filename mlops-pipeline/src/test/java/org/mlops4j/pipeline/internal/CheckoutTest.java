package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;

class CheckoutTest {
  @TempDir Path tmp;
  Path root;
  ObjectCache cache;
  Checkout checkout;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("project")).toRealPath();
    Path mlops = root.resolve(".mlops");
    cache =
        new ObjectCache(
            mlops.resolve("cache"), mlops.resolve("runs"), mlops.resolve("cache-quarantine"));
    checkout = new Checkout(root, cache, mlops.resolve("tmp/run"), mlops.resolve("checkout"), true);
  }

  @AfterEach
  void noHook() {
    CrashPoints.install(null);
  }

  private LockedPath store(String content) throws Exception {
    String h = FileHasher.sha256(content);
    cache.storeFile(Files.writeString(tmp.resolve("src"), content), h, null);
    return new LockedPath(h, content.length(), null);
  }

  private LockedPath storeDir(String name, String content) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("srcdir"));
    Files.writeString(d.resolve(name), content);
    Digest digest = new Digester(tmp.toRealPath(), StateStore.inMemory()).digest(d).orElseThrow();
    cache.storeDirectory(d, digest, null);
    AtomicFiles.deleteRecursively(d);
    return LockedPath.of(digest);
  }

  @Test
  void place_putsEveryOutputInPlace_andTheMarkerLivesOnlyWhileTheyAreSwitched() throws Exception {
    Map<String, LockedPath> outputs =
        Map.of("out.txt", store("one"), "dir", storeDir("w.bin", "two"));
    List<String> seen = new java.util.ArrayList<>();
    CrashPoints.install(
        point -> {
          if (point.equals(CrashPoints.CHECKOUT_SWITCHED)) {
            seen.add(String.join(",", checkout.interrupted()));
          }
        });
    checkout.place("make", outputs, true, null);
    assertThat(seen).containsExactly("make", "make");
    assertThat(root.resolve("out.txt")).hasContent("one");
    assertThat(root.resolve("dir/w.bin")).hasContent("two");
    assertThat(checkout.interrupted()).containsExactly("make");
    checkout.done("make");
    assertThat(checkout.interrupted()).isEmpty();
    assertThat(root.resolve(".mlops/tmp/run")).isEmptyDirectory();
  }

  @Test
  void place_withACorruptObject_changesNothingInTheProject_andLeavesNoMarker() throws Exception {
    Files.writeString(root.resolve("out.txt"), "old one");
    LockedPath good = store("good");
    LockedPath bad = store("fine");
    Path obj = cache.object(bad.sha256());
    obj.toFile().setWritable(true);
    Files.writeString(obj, "FINE");
    assertThatThrownBy(
            () -> checkout.place("make", Map.of("a.txt", good, "out.txt", bad), true, null))
        .isInstanceOf(ObjectCache.CorruptObjectException.class);
    assertThat(root.resolve("a.txt")).doesNotExist();
    assertThat(root.resolve("out.txt")).hasContent("old one");
    assertThat(checkout.interrupted()).isEmpty();
    assertThat(root.resolve(".mlops/tmp/run")).isEmptyDirectory();
  }
}
