package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.registry.ModelRegistry;

class ModelServiceTest {

  @TempDir Path tmp;

  private ModelRegistry registry() {
    return ModelRegistry.open(tmp.resolve("mlruns"));
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void predict_answersWithTheAliasedVersion_andCountsAndTimesTheCall() throws Exception {
    ModelRegistry registry = registry();
    Fixtures.register(registry, tmp, "m", "linear");
    int v2 = Fixtures.register(registry, tmp, "m", "linear");
    registry.setAlias("m", "champion", v2, "test");
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER).build()) {
      // hand computation: version 2 answers 2 * 1000 + x
      assertEquals(2007, s.predict(7));
      assertEquals(2008, s.predict("r1", 8));
      ServingStats st = s.stats();
      assertEquals(2, st.requests());
      assertEquals(2, st.championAnswers());
      assertEquals(2, s.monitor().latency().count());
      assertEquals(2, s.monitor().stats().observations());
      assertEquals(2, s.servedVersion());
    }
  }

  @Test
  void aModelThatThrows_isCountedAndRethrownWrapped() throws Exception {
    ModelRegistry registry = registry();
    int v = Fixtures.register(registry, tmp, "m", "throw");
    registry.setAlias("m", "champion", v, "test");
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER).build()) {
      PredictionException e = assertThrows(PredictionException.class, () -> s.predict(3));
      assertInstanceOf(ArithmeticException.class, e.getCause());
      assertEquals(1, e.version());
      assertEquals(
          "predict of m v1 failed: java.lang.ArithmeticException: model bug on 3", e.getMessage());
      assertEquals(1, s.stats().failures());
      assertEquals(1, s.stats().requests());
      assertEquals(0, s.stats().championAnswers());
    }
  }

  @Test
  void hotSwapUnderLoad_noRequestFails_noneHalfLoaded_countsAddUp() throws Exception {
    ModelRegistry registry = registry();
    int versions = 6;
    for (int i = 0; i < versions; i++) {
      Fixtures.register(registry, tmp, "m", "linear");
    }
    registry.setAlias("m", "champion", 1, "start");
    List<ServingEvent> events = new CopyOnWriteArrayList<>();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER).listener(events::add).build()) {
      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong answered = new AtomicLong();
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  int x = 0;
                  while (!stop.get()) {
                    int out = s.predict(x % 1000);
                    int version = out / 1000;
                    // every answer is version * 1000 + x of one registered version
                    if (out % 1000 != x % 1000 || version < 1 || version > versions) {
                      throw new AssertionError("bad answer " + out + " for " + x);
                    }
                    answered.incrementAndGet();
                    x++;
                  }
                  return null;
                }));
      }
      for (int v = 2; v <= versions; v++) {
        registry.setAlias("m", "champion", v, "move during traffic");
        assertEquals(v, s.refresh());
        long seen = answered.get();
        await(() -> answered.get() > seen + 100);
      }
      stop.set(true);
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS); // rethrows a failed request
      }
      pool.shutdown();
      ServingStats st = s.stats();
      assertEquals(0, st.failures());
      assertEquals(answered.get(), st.requests());
      assertEquals(st.requests(), st.championAnswers() + st.canaryAnswers() + st.failures());
      assertEquals(versions - 1, st.swaps());
      assertEquals(
          versions - 1, events.stream().filter(e -> e.type() == ServingEventType.SWAPPED).count());
    }
  }

  @Test
  void canaryAndSwapsUnderLoad_countsAddUp_andEveryAnswerIsFromALoadedVersion() throws Exception {
    ModelRegistry registry = registry();
    int versions = 5;
    for (int i = 0; i < versions; i++) {
      Fixtures.register(registry, tmp, "m", "linear");
    }
    registry.setAlias("m", "champion", 1, "start");
    registry.setAlias("m", "challenger", 2, "start");
    CanaryPolicy policy = CanaryPolicy.builder().share(0.2).minRequests(1_000_000_000).build();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .canary("challenger", policy)
            .routingKey(x -> "u" + x)
            .build()) {
      int threads = 6;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong answered = new AtomicLong();
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  int x = 0;
                  while (!stop.get()) {
                    int out = s.predict(x % 1000);
                    if (out % 1000 != x % 1000 || out / 1000 < 1 || out / 1000 > versions) {
                      throw new AssertionError("bad answer " + out + " for " + x);
                    }
                    answered.incrementAndGet();
                    x++;
                  }
                  return null;
                }));
      }
      for (int v = 2; v <= versions; v++) {
        registry.setAlias("m", "champion", v, "promote");
        registry.setAlias("m", "challenger", v == versions ? 1 : v + 1, "next candidate");
        assertEquals(v, s.refresh());
        long seen = answered.get();
        await(() -> answered.get() > seen + 100);
      }
      stop.set(true);
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      ServingStats st = s.stats();
      assertEquals(0, st.failures());
      assertEquals(answered.get(), st.requests());
      assertEquals(st.requests(), st.championAnswers() + st.canaryAnswers());
      assertTrue(st.canaryAnswers() > 0, st.toString());
      assertEquals(2 * (versions - 1), st.swaps()); // champion and challenger moved each time
    }
  }

  @Test
  void aVersionThatFailsToLoad_leavesTheOldOneServing_andAlertsOnce() throws Exception {
    ModelRegistry registry = registry();
    Fixtures.register(registry, tmp, "m", "linear");
    int bad = Fixtures.register(registry, tmp, "m", "fail");
    registry.setAlias("m", "champion", 1, "start");
    List<ServingEvent> events = new CopyOnWriteArrayList<>();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER).listener(events::add).build()) {
      registry.setAlias("m", "champion", bad, "bad push");
      assertEquals(1, s.refresh());
      assertEquals(1, s.refresh());
      assertEquals(1005, s.predict(5));
      assertEquals(1, s.stats().loadFailures());
      assertEquals(1, events.size());
      ServingEvent e = events.get(0);
      assertEquals(ServingEventType.LOAD_FAILED, e.type());
      assertEquals(2, e.version());
      assertTrue(e.isAlert());
      assertTrue(e.message().contains("cannot read model kind 'fail'"), e.message());
    }
  }

  @Test
  void aVersionWhoseBytesChanged_isNeverLoaded() throws Exception {
    ModelRegistry registry = registry();
    Fixtures.register(registry, tmp, "m", "linear");
    int v2 = Fixtures.register(registry, tmp, "m", "linear");
    registry.setAlias("m", "champion", 1, "start");
    List<ServingEvent> events = new CopyOnWriteArrayList<>();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER).listener(events::add).build()) {
      Path artifact = tmp.resolve("mlruns/models/m/version-" + v2 + "/artifacts/model.txt");
      Files.delete(artifact); // a hard link to the object: replace, do not write through
      Files.writeString(artifact, "shift");
      registry.setAlias("m", "champion", v2, "tampered");
      assertEquals(1, s.refresh());
      assertEquals(1001, s.predict(1));
      assertTrue(events.get(0).message().contains("does not match its registered hash"));
    }
  }

  @Test
  void polling_swapsWhenTheAliasMoves() throws Exception {
    ModelRegistry registry = registry();
    Fixtures.register(registry, tmp, "m", "linear");
    Fixtures.register(registry, tmp, "m", "linear");
    registry.setAlias("m", "champion", 1, "start");
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .pollEvery(Duration.ofMillis(10))
            .build()) {
      registry.setAlias("m", "champion", 2, "promote");
      await(() -> s.servedVersion() == 2);
      assertEquals(2001, s.predict(1));
    }
  }

  @Test
  void shadow_recordsAgreementAndThePairedDifference() throws Exception {
    ModelRegistry registry = registry();
    int champ = Fixtures.register(registry, tmp, "m", "mod3");
    int chall = Fixtures.register(registry, tmp, "m", "mod4");
    registry.setAlias("m", "champion", champ, "start");
    registry.setAlias("m", "challenger", chall, "start");
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER).shadow("challenger").build()) {
      for (int x = 0; x < 20; x++) {
        assertEquals(x % 3, s.predict("r" + x, x)); // the caller gets the champion's answer
      }
      await(() -> s.stats().shadowCompared() == 20);
      for (int x = 0; x < 20; x++) {
        assertTrue(s.feedback("r" + x, x < 14 ? x % 3 : x % 4));
      }
      assertFalse(s.feedback("r0", 0)); // labelled once
      assertFalse(s.feedback("unknown", 0));
      ShadowReport r = s.shadowReport();
      // numpy 2.x, scipy 1.x:
      //   xs=np.arange(20); ch=xs%3; cl=xs%4; lab=np.where(xs<14, xs%3, xs%4)
      //   np.mean(ch==cl) -> 0.3
      //   lc=(ch!=lab)*1.; ll=(cl!=lab)*1.; d=ll-lc; z=scipy.stats.norm.ppf(0.975)
      //   lc.mean() 0.25, ll.mean() 0.45, d.mean() 0.2,
      //   d.mean() -+ z*d.std(ddof=1)/sqrt(20) -> -0.16529460509063398, 0.565294605090634
      assertEquals(20, r.sent());
      assertEquals(0, r.dropped());
      assertEquals(0.3, r.agreement(), 1e-15);
      assertEquals(20, r.pairs());
      assertEquals(0.25, r.championMetric(), 1e-15);
      assertEquals(0.45, r.challengerMetric(), 1e-15);
      assertEquals(0.2, r.difference(), 1e-12);
      assertEquals(-0.16529460509063398, r.low(), 1e-12);
      assertEquals(0.565294605090634, r.high(), 1e-12);
      assertEquals(20, r.championLatency().count());
      assertEquals(20, r.challengerLatency().count());
      assertTrue(r.toJson().contains("\"format\" : \"mlops4j.shadow-report\""), r.toJson());
    }
  }

  @Test
  void shadow_dropsWhenTheQueueIsFull_neverBlocksTheCaller() throws Exception {
    ModelRegistry registry = registry();
    int champ = Fixtures.register(registry, tmp, "m", "identity");
    int chall = Fixtures.register(registry, tmp, "m", "block");
    registry.setAlias("m", "champion", champ, "start");
    registry.setAlias("m", "challenger", chall, "start");
    CountDownLatch release = new CountDownLatch(1);
    org.mlops4j.registry.ModelLoader<Predictor<Integer, Integer>> loader =
        (dir, v) -> {
          if (Files.readString(dir.resolve("model.txt")).equals("block")) {
            return x -> {
              release.await();
              return x;
            };
          }
          return Fixtures.LOADER.load(dir, v);
        };
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", loader).shadow("challenger").shadowQueue(2).build()) {
      for (int x = 0; x < 10; x++) {
        assertEquals(x, s.predict(x));
      }
      ServingStats st = s.stats();
      // the worker holds at most one task, the queue two: at least 7 of 10 copies dropped
      assertEquals(10, st.shadowSent() + st.shadowDropped());
      assertTrue(st.shadowDropped() >= 7, st.toString());
      release.countDown();
    }
  }

  @Test
  void canary_answersTheStickyShareOfKeys() throws Exception {
    ModelRegistry registry = registry();
    int champ = Fixtures.register(registry, tmp, "m", "identity");
    int chall = Fixtures.register(registry, tmp, "m", "shift");
    registry.setAlias("m", "champion", champ, "start");
    registry.setAlias("m", "challenger", chall, "start");
    CanaryPolicy policy =
        CanaryPolicy.builder().share(0.3).minRequests(1_000_000).build(); // never judged here
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .canary("challenger", policy)
            .routingKey(x -> "user-" + x)
            .build()) {
      int canary = 0;
      for (int x = 0; x < 1000; x++) {
        int out = s.predict(x);
        if (out == x + 10) {
          canary++;
        }
        assertEquals(out, s.predict(x)); // sticky: the same key, the same side
      }
      // Python FNV-1a 32 reference:
      //   def fnv(s): h=0x811c9dc5; for b in s.encode(): h=((h^b)*0x01000193)&0xffffffff; return h
      //   sum(1 for i in range(1000) if fnv("user-%d"%i)%10000 < 3000) -> 293
      assertEquals(293, canary);
      ServingStats st = s.stats();
      assertEquals(2 * 293, st.canaryAnswers());
      assertEquals(st.requests(), st.championAnswers() + st.canaryAnswers() + st.failures());
    }
  }

  @Test
  void canary_thatThrows_isRolledBack_andNoRequestFails() throws Exception {
    ModelRegistry registry = registry();
    int champ = Fixtures.register(registry, tmp, "m", "identity");
    int chall = Fixtures.register(registry, tmp, "m", "throw");
    registry.setAlias("m", "champion", champ, "start");
    registry.setAlias("m", "challenger", chall, "start");
    List<ServingEvent> events = new CopyOnWriteArrayList<>();
    CanaryPolicy policy = CanaryPolicy.builder().share(0.5).minRequests(20).checkEvery(10).build();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .canary("challenger", policy)
            .routingKey(x -> "k" + x)
            .listener(events::add)
            .build()) {
      for (int x = 0; x < 500; x++) {
        assertEquals(x, s.predict(x)); // the champion answers when the canary throws
      }
      assertFalse(s.canaryActive());
      ServingStats st = s.stats();
      assertEquals(1, st.rollbacks());
      // judged first after 20 canary calls, all failed: error rate 1 > 0.05
      assertEquals(20, st.canaryErrors());
      assertEquals(0, st.canaryAnswers());
      assertEquals(500, st.championAnswers());
      ServingEvent e =
          events.stream()
              .filter(ev -> ev.type() == ServingEventType.CANARY_ROLLBACK)
              .findFirst()
              .orElseThrow();
      assertEquals(
          "canary v2 rolled back: error rate 1.0000 > 0.0500 over 20 canary requests", e.message());
    }
  }

  @Test
  void canary_slowerThanItsLatencyBound_isRolledBack() throws Exception {
    ModelRegistry registry = registry();
    int champ = Fixtures.register(registry, tmp, "m", "identity");
    int chall = Fixtures.register(registry, tmp, "m", "slow");
    registry.setAlias("m", "champion", champ, "start");
    registry.setAlias("m", "challenger", chall, "start");
    org.mlops4j.registry.ModelLoader<Predictor<Integer, Integer>> loader =
        (dir, v) -> {
          if (Files.readString(dir.resolve("model.txt")).equals("slow")) {
            return x -> {
              Thread.sleep(3); // every call takes at least 3 ms, far above the 1 ms bound
              return x;
            };
          }
          return Fixtures.LOADER.load(dir, v);
        };
    List<ServingEvent> events = new CopyOnWriteArrayList<>();
    CanaryPolicy policy =
        CanaryPolicy.builder()
            .share(1.0)
            .minRequests(10)
            .checkEvery(10)
            .maxP99Latency(Duration.ofMillis(1))
            .build();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", loader)
            .canary("challenger", policy)
            .listener(events::add)
            .build()) {
      for (int x = 0; x < 20; x++) {
        assertEquals(x, s.predict(x));
      }
      assertFalse(s.canaryActive());
      assertEquals(10, s.stats().canaryAnswers()); // judged at the 10th canary call
      assertEquals(10, s.stats().championAnswers());
      String message = events.get(events.size() - 1).message();
      // at least 3 ms by the sleep; how much more depends on the machine's load
      assertTrue(
          message.matches("canary v2 rolled back: p99 latency PT[0-9.]+S > PT0\\.001S"), message);
    }
  }

  @Test
  void canary_whoseScoresDrift_isRolledBack() throws Exception {
    ModelRegistry registry = registry();
    int champ = Fixtures.register(registry, tmp, "m", "identity");
    int chall = Fixtures.register(registry, tmp, "m", "shift");
    registry.setAlias("m", "champion", champ, "start");
    registry.setAlias("m", "challenger", chall, "start");
    CanaryPolicy policy =
        CanaryPolicy.builder().share(0.5).minRequests(100).checkEvery(100).build();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .canary("challenger", policy)
            .routingKey(x -> "k" + x)
            .build()) {
      for (int x = 0; x < 2000; x++) {
        s.predict(x % 10);
      }
      assertFalse(s.canaryActive());
      assertEquals(1, s.stats().rollbacks());
      assertEquals(1, s.eventCount(ServingEventType.CANARY_ROLLBACK));
    }
  }

  @Test
  void retraining_firesAfterEnoughLabelledFeedback() throws Exception {
    ModelRegistry registry = registry();
    int v = Fixtures.register(registry, tmp, "m", "identity");
    registry.setAlias("m", "champion", v, "start");
    List<RetrainingRequest> calls = new CopyOnWriteArrayList<>();
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .retraining(Retraining.builder().afterLabelled(3).callback(calls::add).build())
            .build()) {
      for (int x = 0; x < 7; x++) {
        s.predict("r" + x, x);
        s.feedback("r" + x, x);
      }
      await(() -> calls.size() == 2); // 7 labels: at the 3rd and the 6th
      assertEquals("labelled", calls.get(0).reason());
      assertEquals(3, calls.get(0).labelledSinceLast());
      assertEquals(1, calls.get(0).servedVersion());
    }
  }

  @Test
  void retraining_firesOnTheMonitorsPolicy() throws Exception {
    ModelRegistry registry = registry();
    int v = Fixtures.register(registry, tmp, "m", "shift");
    registry.setAlias("m", "champion", v, "start");
    List<RetrainingRequest> calls = new CopyOnWriteArrayList<>();
    double[] reference = new double[100];
    for (int i = 0; i < 100; i++) {
      reference[i] = i % 10; // scores 0..9; the model answers 10..19: PSI far above 0.25
    }
    try (ModelService<Integer, Integer> s =
        ModelService.builder(registry, "m", Fixtures.LOADER)
            .monitor(
                org.mlops4j.drift.stream.DriftMonitor.builder()
                    .referenceScores(reference)
                    .tumblingWindow(50)
                    .retrainingPolicy(
                        org.mlops4j.drift.stream.RetrainingPolicy.builder()
                            .consecutiveDriftedWindows(1)
                            .build()))
            .retraining(Retraining.builder().callback(calls::add).build())
            .build()) {
      for (int x = 0; x < 50; x++) {
        s.predict(x % 10);
      }
      await(() -> calls.size() == 1);
      assertEquals("policy", calls.get(0).reason());
      assertEquals(1, s.monitorAlertCount(org.mlops4j.drift.stream.AlertType.PREDICTION_DRIFT));
    }
  }

  @Test
  void closedService_refusesRequests() throws Exception {
    ModelRegistry registry = registry();
    int v = Fixtures.register(registry, tmp, "m", "identity");
    registry.setAlias("m", "champion", v, "start");
    ModelService<Integer, Integer> s = ModelService.builder(registry, "m", Fixtures.LOADER).build();
    s.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.predict(1));
    assertEquals("the service is closed; build a new one", e.getMessage());
  }

  @Test
  void unknownAlias_failsTheBuild() throws Exception {
    ModelRegistry registry = registry();
    Fixtures.register(registry, tmp, "m", "identity");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelService.builder(registry, "m", Fixtures.LOADER).alias("nope").build());
    assertTrue(e.getMessage().startsWith("alias must be an alias of model 'm'"), e.getMessage());
  }

  @Test
  void badSettings_areRefusedWithTheirName() throws Exception {
    ModelRegistry registry = registry();
    Fixtures.register(registry, tmp, "m", "identity");
    var b = ModelService.builder(registry, "m", Fixtures.LOADER);
    assertEquals(
        "pollEvery must be at least 1 ms, but was PT0S",
        assertThrows(IllegalArgumentException.class, () -> b.pollEvery(Duration.ZERO))
            .getMessage());
    assertEquals(
        "shadowQueue must be positive, but was 0",
        assertThrows(IllegalArgumentException.class, () -> b.shadowQueue(0)).getMessage());
    assertEquals(
        "listener must not be null",
        assertThrows(NullPointerException.class, () -> b.listener(null)).getMessage());
  }
}
