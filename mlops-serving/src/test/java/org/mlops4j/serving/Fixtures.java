package org.mlops4j.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;

/** A real registry in a temp folder; each version's artifact is one text file "model.txt". */
final class Fixtures {
  private Fixtures() {}

  static int register(ModelRegistry registry, Path tmp, String name, String content)
      throws IOException {
    Path f = Files.createTempFile(tmp, "model", ".txt");
    Files.writeString(f, content);
    return registry.newVersion(name).artifact("model.txt", f).register().version();
  }

  /** A model that answers {@code version * 1000 + x}, and checks it was built completely. */
  static final class Linear implements Predictor<Integer, Integer> {
    private final int version;
    private final boolean ready;

    Linear(int version) throws InterruptedException {
      this.version = version;
      Thread.sleep(5); // a slow load: a half-built model would be visible if it were published
      this.ready = true;
    }

    @Override
    public Integer predict(Integer x) {
      if (!ready) {
        throw new IllegalStateException("half-loaded");
      }
      return version * 1000 + x;
    }
  }

  /**
   * The file's text picks the model: "linear" (version * 1000 + x), "mod3", "mod4", "fail" (the
   * loader throws), "throw" (the model throws), "shift" (x + 10).
   */
  static final ModelLoader<Predictor<Integer, Integer>> LOADER =
      (dir, version) -> {
        String kind = Files.readString(dir.resolve("model.txt")).trim();
        return switch (kind) {
          case "linear" -> new Linear(version.version());
          case "mod3" -> x -> x % 3;
          case "mod4" -> x -> x % 4;
          case "shift" -> x -> x + 10;
          case "identity" -> x -> x;
          case "throw" ->
              x -> {
                throw new ArithmeticException("model bug on " + x);
              };
          default -> throw new IOException("cannot read model kind '" + kind + "'");
        };
      };
}
