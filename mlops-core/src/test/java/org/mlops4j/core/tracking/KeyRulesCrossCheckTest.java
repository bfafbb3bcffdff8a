package org.mlops4j.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.api.tracking.InMemoryRun;
import org.mlops4j.api.tracking.Run;

/**
 * One set of names through both runs: the file store's {@link LocalRun} and the in-memory {@link
 * InMemoryRun} that users test against must accept and refuse the same param, metric and tag keys
 * and artifact paths, with the same exception and message. Both call {@code api.internal.Names}, so
 * this checks the wiring (which check, under which name, before anything is stored). The examples
 * are MLflow's rules ({@code ^[/\w.\- ]*$}, at most 250 characters, a normalised relative path) and
 * the path-traversal names of its CVEs, and the names that are one name to a person or to another
 * file system (decomposed accents, invisible characters, Windows device names, a trailing dot or
 * space), which both refuse.
 */
class KeyRulesCrossCheckTest {

  @TempDir static Path tmp;

  private static LocalTracker tracker;
  private static Run local;

  @BeforeAll
  static void openStore() {
    tracker = TestSupport.deterministic(tmp.resolve("mlruns")).build();
    local = tracker.startRun("keys", "cross-check");
  }

  @AfterAll
  static void closeStore() {
    tracker.close();
  }

  static Stream<String> accepted() {
    return Stream.of(
        "loss",
        "train/loss",
        "path with space",
        "a.b-c_d",
        "température",
        "損失",
        "a/..b",
        "a..b",
        "x/y/z",
        "a".repeat(200));
  }

  static Stream<String> refused() {
    return Stream.of(
        "",
        "../x",
        "/etc/passwd",
        "a\\b",
        "..\\x",
        "%2e%2e/x",
        "a//b",
        "a/./b",
        "a/",
        ".",
        "..",
        "x/../../y",
        "C:/x",
        "a\nb",
        "a\u0000b",
        "~/x",
        "a:b",
        "a;b",
        "100%",
        "a".repeat(251),
        // one name to a person or to another file system (issue 11)
        "cafe\u0301",
        "lo\u200bss",
        "a\u200db",
        "\ufeffloss",
        "\u0939\u093f\u0928\u094d\u0926\u0940",
        "aux",
        "logs/con.txt",
        "COM1",
        "a.",
        "a ",
        "dir./x",
        // issue 10: MLflow's path_not_unique refuses a leading '..'; no lone surrogate or
        // non-character; a segment of at most 255 bytes in UTF-8
        "..a",
        "a\ud800b",
        "a\uffffb",
        "\u00e9".repeat(128));
  }

  /** The logging calls that take a name, as the name's role and the call on a run. */
  static List<Arguments> calls(Stream<String> names) {
    List<String> list = names.toList();
    List<Arguments> out = new ArrayList<>();
    for (String name : list) {
      out.add(Arguments.of("param", name));
      out.add(Arguments.of("metric", name));
      out.add(Arguments.of("tag", name));
      out.add(Arguments.of("artifact", name));
    }
    return out;
  }

  static List<Arguments> acceptedCalls() {
    return calls(accepted());
  }

  static List<Arguments> refusedCalls() {
    return calls(refused());
  }

  private static BiFunction<Run, String, Run> call(String role) {
    return switch (role) {
      case "param" -> (run, name) -> run.logParam(name, "v");
      case "metric" -> (run, name) -> run.logMetric(name, 1.0);
      case "tag" -> (run, name) -> run.setTag(name, "v");
      case "artifact" -> (run, name) -> run.logText(name, "text");
      default -> throw new IllegalArgumentException(role);
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("acceptedCalls")
  void aNameOneRunAccepts_theOtherAcceptsToo(String role, String name) {
    InMemoryRun memory = InMemoryRun.create("cross-check");
    assertThat(catchThrowable(() -> call(role).apply(memory, name))).as("InMemoryRun").isNull();
    // flush: a metric point that the writer thread could not write fails here
    assertThat(catchThrowable(() -> call(role).apply(local, name).flush())).as("LocalRun").isNull();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("refusedCalls")
  void aNameOneRunRefuses_theOtherRefusesWithTheSameException(String role, String name) {
    Throwable inMemory = catchThrowable(() -> call(role).apply(InMemoryRun.create("x"), name));
    Throwable inStore = catchThrowable(() -> call(role).apply(local, name));
    assertThat(inMemory).as("InMemoryRun").isInstanceOf(IllegalArgumentException.class);
    assertThat(inStore)
        .as("LocalRun")
        .isExactlyInstanceOf(inMemory.getClass())
        .hasMessage(inMemory.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void aNullName_isTheSameNullPointerExceptionInBoth(String role) {
    Throwable inMemory = catchThrowable(() -> call(role).apply(InMemoryRun.create("x"), null));
    Throwable inStore = catchThrowable(() -> call(role).apply(local, null));
    assertThat(inMemory).isInstanceOf(NullPointerException.class);
    assertThat(inStore)
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(inMemory.getMessage());
  }

  /**
   * MLflow's longest key, 250 characters: the temporary file of its write must stay under the 255
   * bytes a file name may have on ext4, XFS, APFS and NTFS (AtomicFiles cuts the name part to 40
   * characters; with the whole name it was 300 and the write failed with "File name too long").
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void aKeyOfMlflowsMaximumLength_isAcceptedByBoth(String role) {
    String name = "b".repeat(250);
    assertThat(catchThrowable(() -> call(role).apply(InMemoryRun.create("x"), name)))
        .as("InMemoryRun")
        .isNull();
    try (LocalTracker t = TestSupport.deterministic(tmp.resolve("long-" + role)).build();
        Run run = t.startRun("keys", "long")) {
      assertThat(catchThrowable(() -> call(role).apply(run, name).flush())).as("LocalRun").isNull();
    }
  }

  static Stream<String> roles() {
    return Stream.of("param", "metric", "tag", "artifact");
  }
}
