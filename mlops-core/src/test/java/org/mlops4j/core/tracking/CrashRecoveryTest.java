package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;
import org.mlops4j.core.tracking.internal.FileStoreReader;

/**
 * Kills a child JVM ({@link CrashChild}) that is logging metrics, at a random moment, and checks
 * that the store still reads and holds every point the child reported as flushed; then that a
 * tracker opened for writing removes every temporary file and folder the killed child left (a copy
 * in progress, and possibly a run or experiment folder being made), within a bounded time.
 */
class CrashRecoveryTest {

  private static final int KILLS = 8;

  /** The heartbeat interval of the tracker that reopens a store after a kill. */
  private static final Duration REOPEN_HEARTBEAT = Duration.ofMillis(50);

  /** {@code timestamp value step}: integers, and a decimal or exponent float as Python reads it. */
  private static final String MLFLOW_METRIC_LINE =
      "-?[0-9]+ [-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)? -?[0-9]+";

  @TempDir Path tmp;

  @Test
  void storeSurvivesKillsAtRandomMoments_andKeepsEveryFlushedPoint() throws Exception {
    Random random = new Random(20261126L);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (int k = 0; k < KILLS; k++) {
      Path root = tmp.resolve("store" + k);
      Path fifo = namedPipe(tmp.resolve("feed" + k));
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xshare:auto",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  root.toString()));
      if (fifo != null) {
        command.add(fifo.toString());
      }
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      AtomicReference<String> runId = new AtomicReference<>();
      AtomicLong flushed = new AtomicLong();
      CountDownLatch firstFlush = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    if (line.startsWith("run ")) {
                      runId.set(line.substring(4));
                    } else if (line.startsWith("flushed ")) {
                      flushed.set(Long.parseLong(line.substring(8)));
                      firstFlush.countDown();
                    }
                  }
                } catch (Exception e) {
                  // the child was killed
                }
              });
      reader.start();
      assertThat(firstFlush.await(60, TimeUnit.SECONDS))
          .as("child %d reported a flush", k)
          .isTrue();
      if (fifo != null) {
        // the copy of the pipe blocks once its temporary file exists: wait for that file
        String copying = "-" + fifo.getFileName() + "-";
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (temporaries(root).stream()
                .noneMatch(f -> f.getFileName().toString().contains(copying))
            && System.nanoTime() < waitUntil) {
          Thread.sleep(5);
        }
      }
      Thread.sleep(random.nextInt(400));
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      long acknowledged = flushed.get();

      try (LocalTracker t = LocalTracker.openReadOnly(root)) {
        RunRecord run = t.findRun(runId.get()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        List<Metric> a = t.metricHistory(run.runId(), "a");
        List<Metric> bc = t.metricHistory(run.runId(), "b/c");
        assertThat(a.size())
            .as("points of 'a' after kill %d", k)
            .isGreaterThanOrEqualTo((int) acknowledged);
        assertThat(bc.size())
            .as("points of 'b/c' after kill %d", k)
            .isGreaterThanOrEqualTo((int) acknowledged);
        for (int i = 0; i < a.size(); i++) {
          assertThat(a.get(i).step()).isEqualTo(i);
          assertThat(a.get(i).value()).isEqualTo(i);
        }
        for (int i = 0; i < bc.size(); i++) {
          assertThat(bc.get(i).value()).isEqualTo(i * 0.5);
        }
        run.tag("progress").ifPresent(v -> assertThat(Long.parseLong(v)).isPositive());
        // every metric file parses as a whole
        Path dir = root.resolve(run.experimentId()).resolve(run.runId());
        FileStoreReader.keyFiles(dir.resolve("metrics"))
            .forEach(
                (key, file) -> assertThat(FileStoreReader.parseMetricFile(file, key)).isNotEmpty());
        try (Stream<Path> files = Files.walk(dir.resolve("tags"))) {
          assertThat(files.filter(f -> f.getFileName().toString().startsWith(".mlops4j-tmp")))
              .isEmpty();
        }
      }

      if (fifo != null) {
        String copying = "-" + fifo.getFileName() + "-";
        assertThat(temporaries(root))
            .as("the kill %d left the temporary file of the artifact being copied", k)
            .anySatisfy(f -> assertThat(f.getFileName().toString()).contains(copying));
      }
      // the killed runs' heartbeats are older than three of the reopening tracker's intervals
      waitUntilSilent(root, REOPEN_HEARTBEAT.multipliedBy(3));
      long start = System.nanoTime();
      try (LocalTracker t =
          LocalTracker.builder()
              .root(root)
              .heartbeatInterval(REOPEN_HEARTBEAT)
              .provenance(TestSupport::fixedProvenance)
              .build()) {
        RunRecord victim = t.findRun(runId.get()).orElseThrow();
        assertThat(t.probablyDeadSince(victim))
            .as("the killed run is probably dead at the reopen after kill %d", k)
            .isPresent();
        // every metric file of every killed run now reads as MLflow's reader requires
        int killedRuns = 0;
        for (Experiment e : t.allExperiments()) {
          for (RunRecord r : t.allRuns(e.name())) {
            if (r.status() != RunStatus.RUNNING || t.probablyDeadSince(r).isEmpty()) {
              continue;
            }
            killedRuns++;
            Path metrics = root.resolve(r.experimentId()).resolve(r.runId()).resolve("metrics");
            for (Path file : FileStoreReader.keyFiles(metrics).values()) {
              assertMlflowReadable(file, k);
            }
          }
        }
        assertThat(killedRuns).as("killed runs after kill %d", k).isPositive();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("opening the store after kill %d, clean-up included", k)
          .isLessThan(Duration.ofSeconds(10));
      assertThat(temporaries(root))
          .as("temporary files and folders left after kill %d and a reopen", k)
          .isEmpty();
      assertThat(foldersMlflowWouldFailOn(root))
          .as("folders MLflow lists that are no experiment or run, after kill %d and a reopen", k)
          .isEmpty();
    }
  }

  /**
   * The folders that MLflow's FileStore lists but cannot read as an experiment or a run: it lists
   * every sub-folder of the root but {@code .trash} and {@code models} as an active experiment,
   * every sub-folder of {@code .trash} as a deleted one ({@code _get_active_experiments}, {@code
   * _get_deleted_experiments}), and raises in {@code search_experiments} for a name that is not an
   * experiment id ({@code _validate_experiment_id}); it lists every sub-folder of an experiment but
   * {@code tags}, {@code datasets}, {@code traces} and {@code models} as a run ({@code
   * _list_run_infos}). An experiment or run folder without its {@code meta.yaml} is counted too.
   */
  static List<Path> foldersMlflowWouldFailOn(Path root) throws IOException {
    List<Path> bad = new ArrayList<>();
    List<Path> experiments = new ArrayList<>();
    for (Path e : subfolders(root)) {
      String name = e.getFileName().toString();
      if (!name.equals(".trash") && !name.equals("models")) {
        experiments.add(e);
      }
    }
    Path trash = root.resolve(".trash");
    if (Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
      experiments.addAll(subfolders(trash));
    }
    for (Path e : experiments) {
      if (!e.getFileName().toString().matches("[a-zA-Z0-9][\\w-]{0,63}")
          || !Files.isRegularFile(e.resolve("meta.yaml"), LinkOption.NOFOLLOW_LINKS)) {
        bad.add(e);
        continue;
      }
      for (Path r : subfolders(e)) {
        String name = r.getFileName().toString();
        if (!List.of("tags", "datasets", "traces", "models").contains(name)
            && (!name.matches("[0-9a-f]{32}")
                || !Files.isRegularFile(r.resolve("meta.yaml"), LinkOption.NOFOLLOW_LINKS))) {
          bad.add(r);
        }
      }
    }
    return bad;
  }

  private static List<Path> subfolders(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }
  }

  /**
   * Waits until the heartbeat of every RUNNING run of the store is older than {@code silence} (with
   * a margin for the clock's granularity), so that a tracker opened with {@link #REOPEN_HEARTBEAT}
   * finds the killed runs probably dead.
   */
  private static void waitUntilSilent(Path root, Duration silence) throws Exception {
    long latest = 0;
    try (Stream<Path> beats = Files.walk(root, 4)) {
      for (Path beat :
          (Iterable<Path>)
              beats.filter(f -> f.getFileName().toString().equals(RunRecord.HEARTBEAT_TAG))
                  ::iterator) {
        latest = Math.max(latest, Long.parseLong(Files.readString(beat).trim()));
      }
    }
    long wait = latest + silence.toMillis() + 50 - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  /**
   * What MLflow's FileStore reader requires of a metric file ({@code _get_metric_from_line}): every
   * line ends with a newline and is {@code timestamp value step}, the timestamp and step integers,
   * the value a float.
   */
  private static void assertMlflowReadable(Path file, int kill) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return;
    }
    assertThat(text).as("%s after kill %d and a reopen", file, kill).endsWith("\n");
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      assertThat(line)
          .as("a line of %s after kill %d and a reopen", file, kill)
          .matches(MLFLOW_METRIC_LINE);
    }
  }

  /**
   * Every entry of the store named as a temporary, links not followed; entries that vanish while
   * the tree is walked (the child still writes) are passed over.
   */
  private static List<Path> temporaries(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.getFileName().toString().startsWith(AtomicFiles.TMP_PREFIX)) {
              found.add(dir);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (file.getFileName().toString().startsWith(AtomicFiles.TMP_PREFIX)) {
              found.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }
        });
    return found;
  }

  /**
   * @return a new named pipe (mkfifo), or null where there is none (not POSIX)
   */
  private static @Nullable Path namedPipe(Path path) {
    try {
      Process mkfifo =
          new ProcessBuilder("mkfifo", path.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0 ? path : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
