package org.mlops4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles.Durability;

class AtomicFilesTest {

  @TempDir Path tmp;

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void write_replacesTheContentAndLeavesNoTemporaryFile(Durability durability) throws IOException {
    Path target = tmp.resolve("meta.yaml");
    AtomicFiles.write(target, "one\n", durability);
    assertThat(read(target)).isEqualTo("one\n");
    AtomicFiles.write(target, "two, longer than one\n", durability);
    assertThat(read(target)).isEqualTo("two, longer than one\n");
    AtomicFiles.write(target, "3", durability);
    assertThat(read(target)).isEqualTo("3");
    assertThat(names(tmp)).containsExactly("meta.yaml");
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void everyVariant_producesTheSameBytes(Durability durability) throws IOException {
    byte[] data = "température: 25 °C\nloss 0.1\n".getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(tmp.resolve("text"), new String(data, StandardCharsets.UTF_8), durability);
    AtomicFiles.write(tmp.resolve("bytes"), data, durability);
    AtomicFiles.write(tmp.resolve("body"), out -> out.write(data), durability);
    AtomicFiles.write(
        tmp.resolve("elsewhere"), out -> out.write(data), durability, tmp.resolve("tmp"));
    for (String name : List.of("text", "bytes", "body", "elsewhere")) {
      assertThat(Files.readAllBytes(tmp.resolve(name))).as(name).isEqualTo(data);
    }
  }

  @Test
  void aBodyThatThrows_leavesTheOldContentAndNoTemporaryFile() throws IOException {
    Path target = tmp.resolve("report.json");
    AtomicFiles.write(target, "{\"old\": true}", Durability.ATOMIC);
    IOException boom = new IOException("disk full");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
                      throw boom;
                    },
                    Durability.DURABLE))
        .isSameAs(boom);
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
                      throw new IllegalStateException("serialiser failed");
                    },
                    Durability.ATOMIC))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("serialiser failed");
    assertThat(read(target)).isEqualTo("{\"old\": true}");
    assertThat(names(tmp)).containsExactly("report.json");
  }

  @Test
  void theTemporaryFile_isBesideTheTargetWithThePrefixWhileTheBodyWrites() throws IOException {
    Path target = tmp.resolve("out/report.html");
    List<String> during = new ArrayList<>();
    AtomicFiles.write(
        target,
        out -> {
          during.addAll(names(tmp.resolve("out")));
          out.write('x');
        },
        Durability.ATOMIC);
    assertThat(during)
        .singleElement()
        .asString()
        .startsWith(".mlops4j-tmp-" + ProcessHandle.current().pid() + "-")
        .contains("-report.html-");
    assertThat(names(tmp.resolve("out"))).containsExactly("report.html");
  }

  @ParameterizedTest
  @EnumSource(Durability.class)
  void theTmpDirVariant_keepsTheTemporaryFileOutsideTheTargetFolder(Durability durability)
      throws IOException {
    // the layout of the tracking store: params/ is read as a list of entries, temporaries go to the
    // run folder
    Path run = tmp.resolve("run");
    Path target = run.resolve("params/lr");
    List<String> inParams = new ArrayList<>();
    List<String> inRun = new ArrayList<>();
    AtomicFiles.write(
        target,
        out -> {
          inParams.addAll(names(run.resolve("params")));
          inRun.addAll(names(run));
          out.write("0.01".getBytes(StandardCharsets.UTF_8));
        },
        durability,
        run);
    assertThat(inParams).isEmpty();
    assertThat(inRun)
        .hasSize(2)
        .contains("params")
        .anySatisfy(n -> assertThat(n).startsWith(AtomicFiles.TMP_PREFIX));
    assertThat(read(target)).isEqualTo("0.01");
    assertThat(names(run)).containsExactly("params");
    assertThat(names(run.resolve("params"))).containsExactly("lr");
  }

  @Test
  void write_createsMissingParentFolders() throws IOException {
    Path target = tmp.resolve("a/b/c/metrics.json");
    AtomicFiles.write(target, "{}", Durability.DURABLE);
    assertThat(read(target)).isEqualTo("{}");
  }

  @Test
  void append_addsWholeLinesAndNeverInterleavesConcurrentAppenders() throws Exception {
    Path file = tmp.resolve("metrics/loss");
    AtomicFiles.write(file, "1800000000000 0.5 0\n", Durability.ATOMIC);
    AtomicFiles.append(
        file, "1800000000001 0.25 1\n".getBytes(StandardCharsets.UTF_8), Durability.DURABLE);
    assertThat(read(file)).isEqualTo("1800000000000 0.5 0\n1800000000001 0.25 1\n");

    int threads = 4;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      String line =
          ("thread " + k + " ").repeat(40) + "\n"; // 360+ bytes: larger than one small write
      futures.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  AtomicFiles.append(
                      file, line.getBytes(StandardCharsets.UTF_8), Durability.ATOMIC);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    List<String> lines = read(file).lines().toList();
    assertThat(lines).hasSize(2 + threads * perThread);
    java.util.Map<String, Long> counts =
        lines.subList(2, lines.size()).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    l -> l, java.util.stream.Collectors.counting()));
    java.util.Map<String, Long> expected = new java.util.HashMap<>();
    for (int k = 0; k < threads; k++) {
      expected.put(("thread " + k + " ").repeat(40), (long) perThread);
    }
    assertThat(counts).as("every line whole, none torn or mixed").isEqualTo(expected);
  }

  @Test
  void append_toAMissingFile_fails() {
    assertThatThrownBy(
            () -> AtomicFiles.append(tmp.resolve("missing"), new byte[] {'\n'}, Durability.ATOMIC))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void deleteRecursively_removesTheTreeButNeverFollowsALinkOutOfIt() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
    Path tree = Files.createDirectories(tmp.resolve("tree/sub"));
    Files.writeString(tree.resolve("f.txt"), "x");
    try {
      Files.createSymbolicLink(tmp.resolve("tree/linkToFolder"), outside);
      Files.createSymbolicLink(tree.resolve("linkToFile"), precious);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e);
    }
    AtomicFiles.deleteRecursively(tmp.resolve("tree"));
    assertThat(tmp.resolve("tree")).doesNotExist();
    assertThat(read(precious)).isEqualTo("keep me");
    assertThat(names(outside)).containsExactly("precious.txt");
  }

  @Test
  void deleteRecursively_ofALink_deletesTheLinkOnly() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("precious.txt"), "keep me");
    Path link = tmp.resolve("link");
    try {
      Files.createSymbolicLink(link, outside);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e);
    }
    AtomicFiles.deleteRecursively(link);
    assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(read(outside.resolve("precious.txt"))).isEqualTo("keep me");
  }

  @Test
  void deleteRecursively_ofNothing_doesNothing() throws IOException {
    AtomicFiles.deleteRecursively(tmp.resolve("never-created"));
    assertThat(names(tmp)).isEmpty();
  }

  @Test
  void save_wrapsAnIOExceptionInMlopsExceptionNamingThePath() throws IOException {
    Files.writeString(tmp.resolve("file"), "a regular file where a folder should be");
    Path target = tmp.resolve("file/report.json");
    assertThatThrownBy(() -> AtomicFiles.save(target, "{}", Durability.ATOMIC))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("cannot write " + target.toAbsolutePath() + ": ")
        .hasCauseInstanceOf(FileAlreadyExistsException.class);
    AtomicFiles.save(tmp.resolve("ok.json"), "{}", Durability.DURABLE);
    assertThat(read(tmp.resolve("ok.json"))).isEqualTo("{}");
  }

  @Test
  void read_ofAMissingFile_isAnMlopsExceptionNamingThePath() {
    Path missing = tmp.resolve("missing.json");
    assertThatThrownBy(() -> AtomicFiles.read(missing))
        .isInstanceOf(MlopsException.class)
        .hasMessage("cannot read " + missing.toAbsolutePath() + ": no such file or folder")
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void moveAtomically_replacesTheTarget() throws IOException {
    Path a = Files.writeString(tmp.resolve("a"), "new");
    Path b = Files.writeString(tmp.resolve("b"), "old");
    AtomicFiles.moveAtomically(a, b);
    assertThat(read(b)).isEqualTo("new");
    assertThat(a).doesNotExist();
  }

  @Test
  void copyAndLinkOrCopy_giveTheSameBytes() throws IOException {
    byte[] data = new byte[3 << 20];
    new java.util.Random(7).nextBytes(data);
    Path source = Files.write(tmp.resolve("source.bin"), data);
    Files.writeString(tmp.resolve("copy.bin"), "older and shorter");
    AtomicFiles.copy(source, tmp.resolve("copy.bin"));
    assertThat(Files.readAllBytes(tmp.resolve("copy.bin"))).isEqualTo(data);
    boolean linked = AtomicFiles.linkOrCopy(source, tmp.resolve("cache/linked.bin"), true);
    assertThat(linked).as("same file system: a hard link").isTrue();
    assertThat(Files.isSameFile(source, tmp.resolve("cache/linked.bin"))).isTrue();
    assertThat(AtomicFiles.linkOrCopy(source, tmp.resolve("cache/copied.bin"), false)).isFalse();
    assertThat(Files.isSameFile(source, tmp.resolve("cache/copied.bin"))).isFalse();
    assertThat(Files.readAllBytes(tmp.resolve("cache/copied.bin"))).isEqualTo(data);
  }

  @Test
  void forceFolder_acceptsAFolder() throws IOException {
    AtomicFiles.forceFolder(tmp);
  }

  @Test
  void nullArguments_areNullPointerExceptionsNamingThem() {
    Path target = tmp.resolve("x");
    assertThatThrownBy(() -> AtomicFiles.write(null, out -> {}, Durability.ATOMIC, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("target must not be null");
    assertThatThrownBy(() -> AtomicFiles.write(target, (AtomicFiles.Body) null, Durability.ATOMIC))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body must not be null");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {}, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("durability must not be null");
    assertThat(target).doesNotExist();
  }

  @Test
  void removeStaleTemporaries_removesWhatDeadProcessesLeftAndKeepsTheLiving() throws Exception {
    // A process that has ended: its pid is recorded in the names of what it "left behind".
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    long deadPid = dead.pid();
    long deadStart = dead.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
    ProcessHandle self = ProcessHandle.current();
    long selfStart = self.info().startInstant().orElseThrow().toEpochMilli();
    Path sub = Files.createDirectories(tmp.resolve("run/params"));
    Path deadFile =
        Files.writeString(
            tmp.resolve(AtomicFiles.TMP_PREFIX + deadPid + "-" + deadStart + "-meta.yaml-u1"), "x");
    Path deadFolder =
        Files.createDirectories(
            sub.resolve(AtomicFiles.TMP_PREFIX + deadPid + "-" + deadStart + "-exp-u2"));
    Files.writeString(deadFolder.resolve("meta.yaml"), "half");
    // the pid of a living process (this one) but another start time: the pid was reused
    Path reused =
        Files.writeString(
            tmp.resolve(AtomicFiles.TMP_PREFIX + self.pid() + "-" + (selfStart - 1000) + "-a-u3"),
            "x");
    Path mine = Files.writeString(tmp.resolve(AtomicFiles.temporaryName("lock")), "in flight");
    Path oldUnowned = Files.writeString(tmp.resolve(AtomicFiles.TMP_PREFIX + "legacy-uuid"), "x");
    Files.setLastModifiedTime(
        oldUnowned,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
    Path newUnowned = Files.writeString(tmp.resolve(AtomicFiles.TMP_PREFIX + "legacy-uuid2"), "x");
    Path ordinary = Files.writeString(tmp.resolve("meta.yaml"), "kept");

    int removed = AtomicFiles.removeStaleTemporaries(tmp, 3);

    assertThat(removed).isEqualTo(4);
    assertThat(deadFile).doesNotExist();
    assertThat(deadFolder).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(oldUnowned).doesNotExist();
    assertThat(mine).exists();
    assertThat(newUnowned)
        .as("unowned and recent: may belong to a writer of an older version")
        .exists();
    assertThat(ordinary).exists();
    assertThat(sub).exists();
  }

  @Test
  void removeStaleTemporaries_neitherFollowsLinksNorGoesDeeperThanAsked() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    String staleName = AtomicFiles.TMP_PREFIX + dead.pid() + "-1-x-u";
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path victim = Files.writeString(outside.resolve(staleName), "not ours");
    Path root = Files.createDirectories(tmp.resolve("root"));
    try {
      Files.createSymbolicLink(root.resolve("link"), outside);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    Path deep = Files.createDirectories(root.resolve("a/b/c"));
    Path tooDeep = Files.writeString(deep.resolve(staleName), "x");
    Path shallow = Files.writeString(root.resolve("a").resolve(staleName), "x");

    assertThat(AtomicFiles.removeStaleTemporaries(root, 1)).isEqualTo(1);

    assertThat(victim).as("behind a symbolic link").exists();
    assertThat(tooDeep).as("deeper than maxDepth").exists();
    assertThat(shallow).doesNotExist();
    assertThat(AtomicFiles.removeStaleTemporaries(tmp.resolve("missing"), 3)).isZero();
  }

  @Test
  void temporaryName_recordsThisProcessAndStaysShort() {
    ProcessHandle self = ProcessHandle.current();
    String name = AtomicFiles.temporaryName("x".repeat(250));
    assertThat(name)
        .startsWith(
            AtomicFiles.TMP_PREFIX
                + self.pid()
                + "-"
                + self.info().startInstant().orElseThrow().toEpochMilli()
                + "-"
                + "x".repeat(40)
                + "-");
    assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
  }

  @Test
  void append_neverFollowsASymbolicLink() throws IOException {
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "precious\n");
    Path link = tmp.resolve("metric");
    try {
      Files.createSymbolicLink(link, outside);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links are not supported here: " + e);
    }
    assertThatThrownBy(
            () ->
                AtomicFiles.append(
                    link, "1 0.5 0\n".getBytes(StandardCharsets.UTF_8), Durability.ATOMIC))
        .isInstanceOf(IOException.class);
    assertThat(read(outside)).isEqualTo("precious\n");
  }

  /**
   * A written file gets the permissions a plain write gives (0666 less the umask), never the 0600
   * of {@code Files.createTempFile}: the control is a file written by {@code Files.writeString} in
   * the same folder.
   */
  @ParameterizedTest
  @EnumSource(Durability.class)
  void write_givesThePermissionsOfAPlainWrite(Durability durability) throws IOException {
    assumeTrue(
        tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions only");
    Path control = Files.writeString(tmp.resolve("control.txt"), "plain");
    Path text = tmp.resolve("text.txt");
    AtomicFiles.write(text, "atomic", durability);
    Path body = tmp.resolve("sub/body.bin");
    AtomicFiles.write(body, out -> out.write(1), durability, tmp);
    AtomicFiles.save(tmp.resolve("saved.json"), "{}", durability);
    Set<PosixFilePermission> plain = Files.getPosixFilePermissions(control);
    assertThat(Files.getPosixFilePermissions(text)).isEqualTo(plain);
    assertThat(Files.getPosixFilePermissions(body)).isEqualTo(plain);
    assertThat(Files.getPosixFilePermissions(tmp.resolve("saved.json"))).isEqualTo(plain);
    Path controlFolder = Files.createDirectory(tmp.resolve("control-folder"));
    assertThat(Files.getPosixFilePermissions(tmp.resolve("sub")))
        .as("a folder made for the target, as a plain Files.createDirectory")
        .isEqualTo(Files.getPosixFilePermissions(controlFolder));
  }

  /**
   * A pid says whether a process is gone only on the machine, and in the pid namespace (container),
   * that wrote it: on a store shared over NFS, or by two containers, a pid that is not running here
   * may be a writer still at work there. A temporary of another machine is judged by its age only.
   */
  @Test
  void removeStaleTemporaries_judgesAnotherMachinesTemporariesByAgeOnly() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    String deadOwner = dead.pid() + "-1-";
    String uuid = "-0b9e4a3c-5d6f-4a7b-8c9d-0e1f2a3b4c5d";
    String mine = AtomicFiles.temporaryName("x");
    assumeTrue(mine.matches(".*\\.m[0-9a-f]{8}$"), "no machine identity here");
    String thisMachine = mine.substring(mine.length() - 10);
    String otherMachine = thisMachine.equals(".m00000000") ? ".m11111111" : ".m00000000";
    Path foreignRecent =
        Files.writeString(
            tmp.resolve(AtomicFiles.TMP_PREFIX + deadOwner + "a" + uuid + otherMachine), "x");
    Path foreignOld =
        Files.writeString(
            tmp.resolve(AtomicFiles.TMP_PREFIX + deadOwner + "b" + uuid + otherMachine), "x");
    Files.setLastModifiedTime(
        foreignOld,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
    Path ownDead =
        Files.writeString(
            tmp.resolve(AtomicFiles.TMP_PREFIX + deadOwner + "c" + uuid + thisMachine), "x");

    assertThat(AtomicFiles.removeStaleTemporaries(tmp, 0)).isEqualTo(2);

    assertThat(foreignRecent).as("another machine's, still being written perhaps").exists();
    assertThat(foreignOld).as("another machine's, untouched for two hours").doesNotExist();
    assertThat(ownDead).as("this machine's, its process gone").doesNotExist();
  }

  @Test
  void temporaryName_endsWithTheMachineWhereOneCanBeTold() {
    String name = AtomicFiles.temporaryName("meta.yaml");
    assertThat(name)
        .matches(
            java.util.regex.Pattern.quote(AtomicFiles.TMP_PREFIX)
                + "[0-9]+-[0-9]+-meta\\.yaml-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                + "(\\.m[0-9a-f]{8})?");
    if (Files.isReadable(Path.of("/proc/sys/kernel/random/boot_id"))) {
      assertThat(name).as("on Linux the machine can be told").matches(".*\\.m[0-9a-f]{8}$");
    }
  }

  @Test
  void stagingName_isAValidMlflowId_andIsJudgedAsATemporary() throws Exception {
    // MLflow's experiment id rule (mlflow/utils/validation.py): ^[a-zA-Z0-9][\w\-]{0,63}$
    String mine = AtomicFiles.stagingName();
    assertThat(mine).matches("[a-zA-Z0-9][\\w-]{0,63}").startsWith(AtomicFiles.STAGING_PREFIX);
    String[] parts = mine.substring(AtomicFiles.STAGING_PREFIX.length()).split("-");
    assertThat(parts).hasSize(4);
    assertThat(Long.parseLong(parts[0])).isEqualTo(ProcessHandle.current().pid());
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Path live = Files.createDirectories(tmp.resolve(mine));
    Path gone =
        Files.createDirectories(
            tmp.resolve(AtomicFiles.STAGING_PREFIX + dead.pid() + "-1-" + parts[2] + "-0a1b2c3d"));
    Path ordinary = Files.createDirectories(tmp.resolve("mlops4j-staging"));

    assertThat(AtomicFiles.removeStaleTemporaries(tmp, 0)).isEqualTo(1);

    assertThat(live).exists();
    assertThat(gone).doesNotExist();
    assertThat(ordinary).as("not a staging name: no owner recorded").exists();
  }
}
