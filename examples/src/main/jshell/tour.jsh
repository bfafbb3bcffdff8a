// A tour of mlops4j in JShell. Open it with the project's class path, from the repository root:
//   mvn -q -DskipTests package && jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/src/main/jshell/tour.jsh
// Every snippet here is evaluated by JShellTourTest, so the tour cannot rot.

import java.nio.file.*;
import java.util.*;
import org.mlops4j.api.tracking.*;
import org.mlops4j.core.tracking.LocalTracker;

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
/exit
