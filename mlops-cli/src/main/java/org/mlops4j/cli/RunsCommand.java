package org.mlops4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Experiment;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.RunComparison;
import org.mlops4j.api.tracking.RunFilter;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.TextTable;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.report.internal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops runs}: the runs of a local tracking store (MLflow FileStore layout), read only. */
@Command(
    name = "runs",
    header =
        "The runs of a local tracking store: list, show, compare; share them through a remote.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "The runs of a local tracking store (MLflow's FileStore layout; default: the folder mlruns in"
          + " the current directory). list, show and compare only read the store; push, pull and"
          + " shared share runs and registered models through the data's remote (a folder or"
          + " s3://bucket/prefix)."
    },
    subcommands = {
      RunsCommand.ListRuns.class,
      RunsCommand.ShowRun.class,
      RunsCommand.CompareRuns.class,
      RunsSharing.Push.class,
      RunsSharing.Pull.class,
      RunsSharing.Shared.class
    })
final class RunsCommand implements java.util.concurrent.Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return AbstractCommand.subcommandRequired(spec);
  }

  /** Options shared by the runs subcommands. */
  abstract static class StoreCommand extends AbstractCommand {
    @Option(
        names = "--store",
        paramLabel = "DIR",
        defaultValue = "mlruns",
        description = "The tracking store (default: ./${DEFAULT-VALUE}).")
    Path store;

    @Option(
        names = "--json",
        paramLabel = "OUT",
        description = "Write JSON to OUT ('-' for standard output).")
    @Nullable String json;

    LocalTracker open() {
      if (!Files.isDirectory(store)) {
        throw new MlopsException(
            store
                + ": no such tracking store (a folder in MLflow's FileStore layout;"
                + " give it with --store DIR)");
      }
      return LocalTracker.openReadOnly(store);
    }

    /** Finds a run by its full id or a unique prefix of it. */
    static RunRecord resolve(LocalTracker tracker, String id) {
      if (id.matches("[0-9a-f]{32}")) {
        return tracker
            .findRun(id)
            .orElseThrow(() -> new IllegalArgumentException("no run with id " + id));
      }
      if (!id.matches("[0-9a-f]{1,31}")) {
        throw new IllegalArgumentException(
            "'" + id + "' is not a run id (32 lowercase hex characters, or a prefix)");
      }
      List<RunRecord> found = new ArrayList<>();
      for (Experiment e : tracker.allExperiments()) {
        for (RunRecord r : tracker.allRuns(e.name())) {
          if (r.runId().startsWith(id)) {
            found.add(r);
          }
        }
      }
      if (found.isEmpty()) {
        throw new IllegalArgumentException("no run id starts with " + id);
      }
      if (found.size() > 1) {
        throw new IllegalArgumentException(
            "run id prefix " + id + " is ambiguous: " + found.size() + " runs match");
      }
      return found.get(0);
    }

    static Map<String, Object> runJson(RunRecord r, @Nullable String experimentName) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("runId", r.runId());
      o.put("experimentId", r.experimentId());
      if (experimentName != null) {
        o.put("experiment", experimentName);
      }
      o.put("name", r.name());
      o.put("status", r.status().name());
      o.put("startTime", r.startTime().toString());
      o.put("endTime", r.endTime().map(Instant::toString).orElse(null));
      o.put("user", r.user());
      o.put("lifecycleStage", r.lifecycleStage().name().toLowerCase(Locale.ROOT));
      o.put("params", new LinkedHashMap<>(r.params()));
      Map<String, Object> metrics = new LinkedHashMap<>();
      r.metrics().forEach((k, m) -> Json.putNumber(metrics, k, m.value(), "value is " + m.value()));
      o.put("metrics", metrics);
      o.put("tags", new LinkedHashMap<>(r.tags()));
      return o;
    }

    static String duration(RunRecord r) {
      Optional<Instant> end = r.endTime();
      if (end.isEmpty()) {
        return "-";
      }
      Duration d = Duration.between(r.startTime(), end.get());
      long s = d.getSeconds();
      if (s < 60) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
      }
      return s >= 3600
          ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
          : String.format("%dm%02ds", s / 60, s % 60);
    }
  }

  /** {@code mlops runs list}. */
  @Command(
      name = "list",
      header = "List runs with their latest metrics.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = "List runs, most recently started first, with their latest metrics.",
      footer = {
        "",
        "Filters (--filter, repeatable, all must hold; quote them in a shell):",
        "  metric.KEY>X  metric.KEY>=X  metric.KEY<X  metric.KEY<=X  metric.KEY=X",
        "      (the latest value of the metric)",
        "  param.KEY=VALUE  param.KEY!=VALUE  tag.KEY=VALUE  tag.KEY!=VALUE",
        "",
        "Example:",
        "  mlops runs list --experiment churn --filter 'metric.auc>0.8' \\",
        "      --filter 'param.model=gbm'"
      })
  static final class ListRuns extends StoreCommand {
    @Option(
        names = {"--experiment", "-e"},
        paramLabel = "NAME",
        description = "Only this experiment (default: every active experiment).")
    @Nullable String experiment;

    @Option(
        names = "--filter",
        paramLabel = "COND",
        description = "A condition on runs; repeatable.")
    @Nullable List<String> filters;

    @Option(names = "--all", description = "Include deleted runs.")
    boolean all;

    private static final Pattern METRIC =
        Pattern.compile("metric\\.(.+?)\\s*(>=|<=|>|<|=)\\s*(\\S+)");
    private static final Pattern KEY = Pattern.compile("(param|tag)\\.(.+?)\\s*(!=|=)(.*)");

    static RunFilter parse(String s) {
      Matcher m = METRIC.matcher(s.strip());
      if (m.matches()) {
        double x;
        try {
          x = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
          throw new UsageException("--filter '" + s + "': '" + m.group(3) + "' is not a number");
        }
        RunFilter.MetricCondition c = RunFilter.metric(m.group(1));
        return switch (m.group(2)) {
          case ">" -> c.greaterThan(x);
          case ">=" -> c.atLeast(x);
          case "<" -> c.lessThan(x);
          case "<=" -> c.atMost(x);
          default -> c.eq(x);
        };
      }
      Matcher k = KEY.matcher(s.strip());
      if (k.matches()) {
        RunFilter.KeyCondition c =
            k.group(1).equals("param") ? RunFilter.param(k.group(2)) : RunFilter.tag(k.group(2));
        return k.group(3).equals("=") ? c.eq(k.group(4)) : c.notEq(k.group(4));
      }
      throw new UsageException(
          "--filter '"
              + s
              + "' is not metric.KEY<op>NUMBER, param.KEY=VALUE or tag.KEY=VALUE"
              + " (see 'mlops runs list --help')");
    }

    @Override
    int run() {
      RunFilter filter = RunFilter.all();
      if (filters != null) {
        for (String f : filters) {
          filter = filter.and(parse(f));
        }
      }
      try (LocalTracker tracker = open()) {
        List<Experiment> experiments;
        if (experiment != null) {
          Experiment e =
              tracker
                  .findExperiment(experiment)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              store
                                  + ": no active experiment named '"
                                  + experiment
                                  + "' (experiments: "
                                  + String.join(
                                      ", ",
                                      tracker.experiments().stream().map(Experiment::name).toList())
                                  + ")"));
          experiments = List.of(e);
        } else {
          experiments = tracker.experiments();
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("store", store.toString());
        List<Object> arr = new ArrayList<>();
        root.put("runs", arr);
        List<String[]> rows =
            TextTable.rows("experiment", "run", "name", "status", "start", "duration", "metrics");
        int count = 0;
        for (Experiment e : experiments) {
          List<RunRecord> runs = all ? tracker.allRuns(e.name()) : tracker.runs(e.name());
          for (RunRecord r : runs) {
            if (!filter.test(r)) {
              continue;
            }
            count++;
            arr.add(runJson(r, e.name()));
            StringBuilder ms = new StringBuilder();
            for (Map.Entry<String, Metric> m : r.metrics().entrySet()) {
              if (ms.length() > 0) {
                ms.append(' ');
              }
              ms.append(m.getKey()).append('=').append(TextTable.num(m.getValue().value()));
            }
            rows.add(
                new String[] {
                  e.name(),
                  r.runId().substring(0, Math.min(8, r.runId().length())),
                  r.name(),
                  r.status().name(),
                  r.startTime().toString(),
                  duration(r),
                  ms.toString()
                });
          }
        }
        if (json != null) {
          Documents.write(json, Documents.json(root), out());
        }
        if (!"-".equals(json)) {
          if (count == 0) {
            out()
                .println(
                    TerminalText.escape(
                        "no runs"
                            + (filters == null ? "" : " pass the filter " + filter)
                            + " in "
                            + store));
          } else {
            out().print(TextTable.table(rows));
          }
        }
        return Main.OK;
      }
    }
  }

  /** {@code mlops runs show}. */
  @Command(
      name = "show",
      header = "Show one run, and the history of its metrics.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Show one run: its status, params, tags and latest metrics; with --metric, the history"
              + " of that metric.")
  static final class ShowRun extends StoreCommand {
    @Parameters(
        index = "0",
        paramLabel = "RUN_ID",
        description = "The run id, or a unique prefix of it.")
    String runId;

    @Option(
        names = "--metric",
        paramLabel = "KEY",
        description = "Print every logged point of this metric.")
    @Nullable List<String> metrics;

    @Override
    int run() {
      try (LocalTracker tracker = open()) {
        RunRecord r = resolve(tracker, runId);
        String experimentName =
            tracker.allExperiments().stream()
                .filter(e -> e.id().equals(r.experimentId()))
                .map(Experiment::name)
                .findFirst()
                .orElse(null);
        Map<String, Object> root = runJson(r, experimentName);
        StringBuilder sb = new StringBuilder();
        // names and values from the store, escaped for the terminal (TextTable escapes its cells)
        sb.append("run        ").append(TerminalText.escape(r.runId())).append('\n');
        sb.append("name       ").append(TerminalText.escape(r.name())).append('\n');
        sb.append("experiment ")
            .append(TerminalText.escape(experimentName == null ? r.experimentId() : experimentName))
            .append('\n');
        sb.append("status     ").append(r.status()).append('\n');
        sb.append("start      ").append(r.startTime()).append('\n');
        sb.append("end        ")
            .append(r.endTime().map(Instant::toString).orElse("-"))
            .append(" (")
            .append(duration(r))
            .append(")\n");
        sb.append("user       ").append(TerminalText.escape(r.user())).append('\n');
        if (!r.params().isEmpty()) {
          List<String[]> rows = TextTable.rows("param", "value");
          r.params().forEach((k, v) -> rows.add(new String[] {k, v}));
          sb.append('\n').append(TextTable.table(rows, false));
        }
        if (!r.metrics().isEmpty()) {
          List<String[]> rows = TextTable.rows("metric", "latest", "step");
          r.metrics()
              .forEach(
                  (k, m) ->
                      rows.add(
                          new String[] {k, Double.toString(m.value()), Long.toString(m.step())}));
          sb.append('\n').append(TextTable.table(rows));
        }
        if (!r.tags().isEmpty()) {
          List<String[]> rows = TextTable.rows("tag", "value");
          r.tags().forEach((k, v) -> rows.add(new String[] {k, v}));
          sb.append('\n').append(TextTable.table(rows, false));
        }
        if (metrics != null) {
          Map<String, Object> histories = new LinkedHashMap<>();
          root.put("history", histories);
          for (String key : metrics) {
            List<Metric> history = tracker.metricHistory(r.runId(), key);
            if (history.isEmpty()) {
              throw new IllegalArgumentException(
                  "run "
                      + r.runId()
                      + " has no metric '"
                      + key
                      + "' (metrics: "
                      + String.join(", ", r.metrics().keySet())
                      + ")");
            }
            List<Object> arr = new ArrayList<>();
            histories.put(key, arr);
            List<String[]> rows = TextTable.rows("step", key, "timestamp");
            for (Metric m : history) {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("step", m.step());
              Json.putNumber(p, "value", m.value(), "value is " + m.value());
              p.put("timestamp", m.timestamp());
              arr.add(p);
              rows.add(
                  new String[] {
                    Long.toString(m.step()),
                    Double.toString(m.value()),
                    Instant.ofEpochMilli(m.timestamp()).toString()
                  });
            }
            sb.append('\n').append(TextTable.table(rows));
          }
        }
        if (json != null) {
          Documents.write(json, Documents.json(root), out());
        }
        if (!"-".equals(json)) {
          out().print(sb);
        }
        return Main.OK;
      }
    }
  }

  /**
   * The table of {@link RunComparison#toString()} (one column per run, a row per param and per
   * metric, {@code -} where a run lacks a key), laid out by {@link TextTable} so that names and
   * values are escaped for the terminal.
   */
  static String table(RunComparison c) {
    List<RunRecord> runs = c.runs();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[runs.size() + 1];
    String[] status = new String[runs.size() + 1];
    header[0] = "key";
    status[0] = "status";
    for (int i = 0; i < runs.size(); i++) {
      RunRecord r = runs.get(i);
      header[i + 1] =
          r.name() + " (" + r.runId().substring(0, Math.min(8, r.runId().length())) + ")";
      status[i + 1] = r.status().name();
    }
    rows.add(header);
    rows.add(status);
    for (String k : c.paramKeys()) {
      String[] row = new String[runs.size() + 1];
      row[0] = "param " + k;
      for (int i = 0; i < runs.size(); i++) {
        String v = runs.get(i).params().get(k);
        row[i + 1] = v == null ? "-" : v;
      }
      rows.add(row);
    }
    for (String k : c.metricKeys()) {
      String[] row = new String[runs.size() + 1];
      row[0] = "metric " + k;
      for (int i = 0; i < runs.size(); i++) {
        Metric m = runs.get(i).metrics().get(k);
        row[i + 1] = m == null ? "-" : Double.toString(m.value());
      }
      rows.add(row);
    }
    return TextTable.table(rows, false);
  }

  /** {@code mlops runs compare}. */
  @Command(
      name = "compare",
      header = "Compare runs side by side.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Compare runs side by side: status, params and latest metrics ('-' where a run lacks a"
              + " key).")
  static final class CompareRuns extends StoreCommand {
    @Parameters(
        arity = "2..*",
        paramLabel = "RUN_ID",
        description = "Two or more run ids (or unique prefixes).")
    List<String> runIds;

    @Override
    int run() {
      try (LocalTracker tracker = open()) {
        String[] ids =
            runIds.stream().map(id -> resolve(tracker, id).runId()).toArray(String[]::new);
        RunComparison c = tracker.compare(ids);
        if (json != null) {
          Map<String, Object> root = new LinkedHashMap<>();
          root.put("runs", c.runs().stream().map(r -> runJson(r, null)).toList());
          root.put("differingParams", c.differingParams());
          Documents.write(json, Documents.json(root), out());
        }
        if (!"-".equals(json)) {
          out().print(table(c));
          if (!c.differingParams().isEmpty()) {
            out()
                .println(
                    TerminalText.escape(
                        "params that differ: " + String.join(", ", c.differingParams())));
          }
        }
        return Main.OK;
      }
    }
  }
}
