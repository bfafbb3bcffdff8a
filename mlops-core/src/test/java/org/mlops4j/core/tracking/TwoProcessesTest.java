package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.RunStatus;

/**
 * Two child JVMs ({@link StoreWriterChild}) write one store at the same time, creating the same
 * experiments: each experiment must exist once (the cross-process {@code FileLock}), and every run
 * of both processes must be there, finished, with its param and every metric point.
 */
class TwoProcessesTest {

  static final int EXPERIMENTS = 12;
  static final int POINTS = 200;

  @TempDir Path tmp;

  @Test
  void twoProcessesWritingOneStore_createEachExperimentOnceAndLoseNothing() throws Exception {
    Path root = tmp.resolve("mlruns");
    Path go = tmp.resolve("go");
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<Process> children = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (String name : List.of("p1", "p2")) {
        Process p =
            new ProcessBuilder(
                    java,
                    "-Xshare:auto",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StoreWriterChild.class.getName(),
                    root.toString(),
                    go.toString(),
                    name)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        children.add(p);
        outputs.add(
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader out : outputs) {
        assertThat(out.readLine()).isEqualTo("ready");
      }
      Files.createFile(go);
      for (int k = 0; k < children.size(); k++) {
        assertThat(outputs.get(k).readLine()).isEqualTo("done");
        assertThat(children.get(k).waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(children.get(k).exitValue()).isZero();
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }

    try (LocalTracker t = LocalTracker.openReadOnly(root)) {
      List<String> names = t.allExperiments().stream().map(Experiment::name).sorted().toList();
      List<String> expected = new ArrayList<>();
      expected.add("Default");
      for (int e = 0; e < EXPERIMENTS; e++) {
        expected.add("shared-" + e);
      }
      expected.sort(null);
      assertThat(names).containsExactlyElementsOf(expected);
      for (int e = 0; e < EXPERIMENTS; e++) {
        List<RunRecord> runs = t.runs("shared-" + e);
        assertThat(runs).extracting(RunRecord::name).containsExactlyInAnyOrder("p1", "p2");
        for (RunRecord r : runs) {
          assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
          assertThat(r.params()).containsEntry("writer", r.name());
          List<Metric> h = t.metricHistory(r.runId(), "m");
          assertThat(h).hasSize(POINTS);
          for (int i = 0; i < POINTS; i++) {
            assertThat(h.get(i).step()).isEqualTo(i);
            assertThat(h.get(i).value()).isEqualTo(i);
          }
        }
      }
    }
  }
}
