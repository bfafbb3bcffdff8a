package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  static final StageWork NOTHING = ctx -> {};

  private static Stage s(String name) {
    return Stage.named(name).work(NOTHING);
  }

  // a and b independent; c reads both; d reads c
  private static final List<Stage> ORDER = List.of(s("a"), s("b"), s("c"), s("d"));
  private static final Map<String, List<String>> UPSTREAM =
      Map.of("a", List.of(), "b", List.of(), "c", List.of("a", "b"), "d", List.of("c"));

  @Test
  void oneThread_runsEveryTaskInOrder_onTheCallingThread() {
    List<String> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    Scheduler.run(
        ORDER,
        UPSTREAM,
        1,
        st -> {
          assertThat(Thread.currentThread()).isSameAs(caller);
          seen.add(st.name());
        });
    assertThat(seen).containsExactly("a", "b", "c", "d");
  }

  @Test
  void severalThreads_runIndependentTasksAtOnce_onNamedDaemonThreads() {
    CountDownLatch both = new CountDownLatch(2);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    Scheduler.run(
        List.of(s("a"), s("b")),
        Map.of("a", List.of(), "b", List.of()),
        2,
        st -> {
          threads.add(Thread.currentThread().getName());
          assertThat(Thread.currentThread().isDaemon()).isTrue();
          both.countDown();
          try {
            // each waits for the other: only finishes if both run at once
            assertThat(both.await(20, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(threads).hasSize(2).allMatch(n -> n.startsWith("mlops-pipeline-"));
  }

  @Test
  void severalThreads_startATaskOnlyAfterEveryTaskItReadsFromHasFinished() {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    Scheduler.run(
        ORDER,
        UPSTREAM,
        4,
        st -> {
          UPSTREAM.get(st.name()).forEach(up -> assertThat(finished).contains(up));
          finished.add(st.name());
        });
    assertThat(finished).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(finished.indexOf("d")).isEqualTo(3);
  }

  @Test
  void aThrowingTask_skipsItsDependents_letsTheOthersFinish_andIsRethrown() {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    assertThatThrownBy(
            () ->
                Scheduler.run(
                    ORDER,
                    UPSTREAM,
                    2,
                    st -> {
                      if (st.name().equals("a")) {
                        throw new IllegalStateException("boom");
                      }
                      finished.add(st.name());
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(finished).containsExactly("b");
  }
}
