package org.mlops4j.api.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mlops4j.api.internal.Require;

/**
 * Runs side by side, from {@link Tracker#compare(String...)}. {@link #toString()} prints a table
 * with one column per run and one row per param and per metric (its latest value); {@code -} marks
 * a key the run does not have:
 *
 * <pre>
 * key          run-one (0f90d402)  run-two (71a4dddb)
 * status       FINISHED            FAILED
 * param lr     0.01                0.1
 * metric loss  0.25                3.0
 * </pre>
 *
 * @param runs the runs, in the order asked for
 * @since 0.1.0
 */
public record RunComparison(List<RunRecord> runs) {

  /** Canonical constructor; copies the list. */
  public RunComparison {
    runs = List.copyOf(Require.nonNull(runs, "runs"));
  }

  /**
   * @return the union of the runs' param keys, in key order
   */
  public SortedSet<String> paramKeys() {
    SortedSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.params().keySet()));
    return keys;
  }

  /**
   * @return the union of the runs' metric keys, in key order
   */
  public SortedSet<String> metricKeys() {
    SortedSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.metrics().keySet()));
    return keys;
  }

  /**
   * @return the param keys whose value is not the same in every run
   */
  public SortedSet<String> differingParams() {
    SortedSet<String> keys = new TreeSet<>();
    for (String k : paramKeys()) {
      if (runs.stream().map(r -> r.params().get(k)).distinct().count() > 1) {
        keys.add(k);
      }
    }
    return keys;
  }

  @Override
  public String toString() {
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[runs.size() + 1];
    header[0] = "key";
    for (int i = 0; i < runs.size(); i++) {
      RunRecord r = runs.get(i);
      header[i + 1] =
          r.name() + " (" + r.runId().substring(0, Math.min(8, r.runId().length())) + ")";
    }
    rows.add(header);
    String[] status = new String[runs.size() + 1];
    status[0] = "status";
    for (int i = 0; i < runs.size(); i++) {
      status[i + 1] = runs.get(i).status().name();
    }
    rows.add(status);
    for (String k : paramKeys()) {
      String[] row = new String[runs.size() + 1];
      row[0] = "param " + k;
      for (int i = 0; i < runs.size(); i++) {
        String v = runs.get(i).params().get(k);
        row[i + 1] = v == null ? "-" : v.replace("\n", "\\n");
      }
      rows.add(row);
    }
    for (String k : metricKeys()) {
      String[] row = new String[runs.size() + 1];
      row[0] = "metric " + k;
      for (int i = 0; i < runs.size(); i++) {
        Metric m = runs.get(i).metrics().get(k);
        row[i + 1] = m == null ? "-" : Double.toString(m.value());
      }
      rows.add(row);
    }
    int[] width = new int[runs.size() + 1];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(row[c]);
        if (c < row.length - 1) {
          line.append(" ".repeat(width[c] - row[c].length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
