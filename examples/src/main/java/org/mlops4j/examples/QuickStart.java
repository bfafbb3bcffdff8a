package org.mlops4j.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlops4j.api.tracking.MetricGoal;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.api.tracking.Tracker;
import org.mlops4j.core.tracking.LocalTracker;

/**
 * The main example: trains a small logistic regression by gradient descent with three learning
 * rates, logs each training as a tracking run (params, loss and accuracy by epoch, provenance with
 * the declared seed) into a local store that MLflow reads, then queries the store for the best run
 * and prints a side-by-side comparison.
 *
 * <p>Run it from the repository root with {@code mvn -q -DskipTests -Prun-example package}; the
 * store goes to {@code ./mlruns}, or to the directory given as the first argument.
 */
public final class QuickStart {

  static final String EXPERIMENT = "quickstart";
  static final long DATA_SEED = 42L;
  static final int EPOCHS = 25;

  private QuickStart() {}

  public static void main(String[] args) {
    Path store = Path.of(args.length > 0 ? args[0] : "mlruns").toAbsolutePath().normalize();
    run(store, System.out);
  }

  /** Runs the example into {@code store}, printing to {@code out}; returns the ids of the runs. */
  static List<String> run(Path store, PrintStream out) {
    double[][] x = new double[2000][];
    int[] y = new int[x.length];
    syntheticData(x, y, DATA_SEED);

    List<String> runIds = new ArrayList<>();
    try (Tracker tracker = LocalTracker.open(store)) {
      for (double lr : new double[] {0.01, 0.1, 1.0}) {
        try (Run run =
            tracker.newRun(EXPERIMENT).name("logreg-lr-" + lr).seed("data", DATA_SEED).start()) {
          run.logParam("model", "logistic-regression");
          run.logParam("learning_rate", Double.toString(lr));
          run.logParam("epochs", Integer.toString(EPOCHS));
          train(x, y, lr, run);
          runIds.add(run.id());
        }
      }
      tracker.flush();

      RunRecord best = tracker.bestRun(EXPERIMENT, "accuracy", MetricGoal.MAXIMIZE).orElseThrow();
      out.println(
          "Logged " + runIds.size() + " runs to experiment '" + EXPERIMENT + "' in " + store);
      out.println();
      out.println(tracker.compare(runIds.toArray(String[]::new)));
      out.println(
          "Best run by accuracy: "
              + best.name()
              + " ("
              + best.runId()
              + "), accuracy "
              + best.metrics().get("accuracy").value());
      out.println();
      out.println("Look at the store with MLflow's own UI:");
      out.println("  MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri " + store.toUri());
      out.println("or with the mlops CLI:  bin/mlops runs list --store " + store);
    }
    return runIds;
  }

  /**
   * Two Gaussian features; the label follows a logistic model with weights (2, -1) and bias 0.5.
   */
  static void syntheticData(double[][] x, int[] y, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < x.length; i++) {
      double a = gaussian(random);
      double b = gaussian(random);
      x[i] = new double[] {a, b};
      double p = 1 / (1 + Math.exp(-(2 * a - b + 0.5)));
      y[i] = random.nextDouble() < p ? 1 : 0;
    }
  }

  private static void train(double[][] x, int[] y, double lr, Run run) {
    double w0 = 0;
    double w1 = 0;
    double bias = 0;
    int n = x.length;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      double g0 = 0;
      double g1 = 0;
      double gb = 0;
      double loss = 0;
      int correct = 0;
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-(w0 * x[i][0] + w1 * x[i][1] + bias)));
        double err = p - y[i];
        g0 += err * x[i][0];
        g1 += err * x[i][1];
        gb += err;
        loss -= y[i] == 1 ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12));
        correct += (p >= 0.5 ? 1 : 0) == y[i] ? 1 : 0;
      }
      run.logMetric("loss", loss / n, epoch);
      run.logMetric("accuracy", (double) correct / n, epoch);
      w0 -= lr * g0 / n;
      w1 -= lr * g1 / n;
      bias -= lr * gb / n;
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
