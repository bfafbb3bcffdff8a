package org.mlops4j.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM for {@link ChildProcessTest}: {@code promote <root> <dir>} holds a promotion of churn
 * v2 open (its predict function writes {@code <dir>/inside} and waits for {@code <dir>/release});
 * {@code churn <root> <dir>} registers versions with a 4 MiB artifact, moves aliases and stages,
 * forever, until it is killed; {@code attach <root> <dir>} attaches 4 MiB files to churn v1,
 * forever, until it is killed.
 */
public final class RegistryChild {
  private RegistryChild() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[1]);
    Path dir = Path.of(args[2]);
    ModelRegistry registry = ModelRegistry.builder().root(root).user("child").build();
    if (args[0].equals("promote")) {
      PromotionResult r =
          registry.promoteToStage(
              "churn",
              2,
              ModelStage.PRODUCTION,
              PromotionGates.of(Gate.latency(60_000, 60_000, 0, 1)),
              PromotionEvidence.builder()
                  .latency(
                      List.of(0),
                      x -> {
                        try {
                          Files.writeString(dir.resolve("inside"), "");
                          while (!Files.exists(dir.resolve("release"))) {
                            Thread.sleep(5);
                          }
                        } catch (Exception e) {
                          throw new IllegalStateException(e);
                        }
                      })
                  .build(),
              "child promotes");
      System.exit(r.passed() ? 0 : 3);
    }
    byte[] big = new byte[4 << 20];
    if (args[0].equals("attach")) {
      for (int i = 0; ; i++) {
        big[i % big.length] ^= 1;
        Path f = dir.resolve("a.bin");
        Files.write(f, big);
        registry.attach("churn", 1, "attached/" + i + ".bin", f, "round " + i);
        Files.writeString(dir.resolve("progress"), Integer.toString(i + 1));
      }
    }
    for (int i = 0; ; i++) {
      big[i % big.length] ^= 1;
      Path f = dir.resolve("w.bin");
      Files.write(f, big);
      ModelVersion v =
          registry
              .newVersion("churn")
              .artifact("model.bin", f)
              .artifact("tokenizer/vocab.txt", Files.writeString(dir.resolve("v.txt"), "a b c"))
              .metric("accuracy", 0.5 + (i % 50) / 100.0)
              .tag("round", Integer.toString(i))
              .register();
      registry.setAlias("churn", "champion", v.version(), "round " + i);
      registry.transition("churn", v.version(), ModelStage.PRODUCTION, true, "round " + i);
      Files.writeString(dir.resolve("progress"), Integer.toString(v.version()));
    }
  }
}
