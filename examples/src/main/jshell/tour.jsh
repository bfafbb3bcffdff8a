// A tour of mlops4j in JShell. Open it with the project's class path, from the repository root:
//   mvn -q -DskipTests package && jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/src/main/jshell/tour.jsh
// Every snippet here is evaluated by JShellTourTest, so the tour cannot rot.

import java.nio.file.*;
import java.util.*;
import org.mlops4j.api.tracking.*;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.drift.*;
import org.mlops4j.fairness.*;
// (imports first: a later import makes JShell recompile earlier snippets and reset their variables)

// --- Experiment tracking into a local store that MLflow reads -----------------------------------
Path store = Files.createTempDirectory("mlops-tour").resolve("mlruns");
Tracker tracker = LocalTracker.open(store);

for (double lr : new double[] {0.1, 0.3}) {
  try (Run run = tracker.newRun("tour").name("lr=" + lr).seed("split", 7L).start()) {
    run.logParam("lr", Double.toString(lr));
    for (int step = 0; step < 5; step++) {
      run.logMetric("loss", 1.0 / (1 + lr * step), step);
    }
  }
}
tracker.flush();

List<RunRecord> runs = tracker.runs("tour");
System.out.println(tracker.compare(runs.stream().map(RunRecord::runId).toArray(String[]::new)));
RunRecord best = tracker.bestRun("tour", "loss", MetricGoal.MINIMIZE).orElseThrow();
System.out.println("best: " + best.name());
tracker.close();

// --- Drift: is the current data still like the reference? ---------------------------------------
SplittableRandom rnd = new SplittableRandom(3);
double[] reference = rnd.doubles(2_000).toArray();
double[] current = rnd.doubles(2_000).map(u -> u * 1.2).toArray();       // stretched by 20%
KolmogorovSmirnovResult ks = KolmogorovSmirnov.test(reference, current);
System.out.println(ks);
System.out.println("PSI = " + Psi.numeric(reference, current));
DriftReport drift = DriftDetector.defaults().compare(
    Columns.builder().numeric("x", reference).build(),
    Columns.builder().numeric("x", current).build());
System.out.println(drift);

// --- Fairness: how do error rates differ between groups? ----------------------------------------
int[] y = new int[1_000];
int[] yhat = new int[1_000];
String[] g = new String[1_000];
for (int i = 0; i < 1_000; i++) {
  g[i] = i % 2 == 0 ? "A" : "B";
  y[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
  yhat[i] = rnd.nextDouble() < (y[i] == 1 ? 0.8 : (g[i].equals("A") ? 0.1 : 0.3)) ? 1 : 0;
}
FairnessReport fairness = FairnessAuditor.defaults().audit(Decisions.of(y, yhat).groups("group", g));
System.out.println(fairness);
System.out.println("equalized odds difference: " + fairness.equalizedOddsDifference());
// The session stays open: every variable above (tracker store, drift, fairness) is yours to explore.
// Type a name and a dot, then Tab, to see what it offers (the javadoc jars give the documentation).
