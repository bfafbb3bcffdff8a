package org.mlops4j.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;

/**
 * The runs and registered models on a remote, as {@link TrackingRemote#list()} read them from their
 * manifests.
 *
 * @param remote the remote's URL
 * @param items one per run and model, runs first, each sorted by name
 * @since 0.1.0
 */
public record TrackingListing(String remote, List<Item> items) implements DataResult {

  /** The JSON format name of {@link #toJson()}. */
  public static final String FORMAT = "mlops4j.tracking-listing";

  /** Copies the list. */
  public TrackingListing {
    Require.nonNull(remote, "remote");
    items = List.copyOf(Require.nonNull(items, "items"));
  }

  /**
   * A run or a registered model on the remote.
   *
   * @param kind {@code run} or {@code model}
   * @param name the run id or the model's name
   * @param title {@code <experiment>/<run name>} for a run, the name for a model
   * @param files how many files it has
   * @param bytes their total size
   * @param pushedAt when it was last pushed
   */
  public record Item(
      String kind, String name, String title, int files, long bytes, Instant pushedAt) {
    /** Checks the fields. */
    public Item {
      Require.nonNull(kind, "kind");
      Require.nonNull(name, "name");
      Require.nonNull(title, "title");
      Require.nonNull(pushedAt, "pushedAt");
    }
  }

  /**
   * @return the items of one kind ({@code run} or {@code model})
   */
  public List<Item> items(String kind) {
    return items.stream().filter(i -> i.kind().equals(kind)).toList();
  }

  /**
   * The listing as JSON: the header ({@code format} {@code mlops4j.tracking-listing}, {@code
   * formatVersion} 1, ...), {@code remote}, then {@code items}, each with the fields of {@link
   * Item} ({@code pushedAt} in ISO-8601 UTC).
   *
   * @return the JSON text
   */
  @Override
  public String toJson() {
    Map<String, Object> doc = Json.document(FORMAT, 1);
    doc.put("remote", remote);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Item i : items) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", i.kind());
      o.put("name", i.name());
      o.put("title", i.title());
      o.put("files", i.files());
      o.put("bytes", i.bytes());
      o.put("pushedAt", Json.timestamp(i.pushedAt()));
      out.add(o);
    }
    doc.put("items", out);
    return Json.write(doc);
  }

  /**
   * The verdict in words, for example {@code s3://b/p shares 3 runs and 1 model.}
   *
   * @return one sentence
   */
  @Override
  public String verdict() {
    return remote
        + " shares "
        + ResultFiles.count(items("run").size(), "run", "runs")
        + " and "
        + ResultFiles.count(items("model").size(), "model", "models")
        + ".";
  }

  /**
   * The listing as a self-contained page (the report toolkit's {@link Page}): the remote, the
   * verdict in words ({@link #verdict()}) with the counts, then one row per run and model.
   *
   * @return the HTML text
   */
  @Override
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .caption("Runs first, then models, each sorted by name")
            .columns("kind", "name", "title", "files", "bytes", "pushed at")
            .numeric(3, 4);
    long total = 0;
    for (Item i : items) {
      t.row(i.kind(), i.name(), i.title(), i.files(), i.bytes(), Json.timestamp(i.pushedAt()));
      total += i.bytes();
    }
    Page.Builder page =
        Page.builder()
            .title("Tracking shared on " + remote)
            .subtitle(verdict())
            .about("remote", remote)
            .about("runs", items("run").size())
            .about("models", items("model").size())
            .section(
                "Verdict",
                Element.callout(Tone.NEUTRAL, "Shared", verdict()),
                Element.figures(
                    Figure.of("runs", String.valueOf(items("run").size()), "pushed", Tone.NEUTRAL),
                    Figure.of(
                        "models", String.valueOf(items("model").size()), "pushed", Tone.NEUTRAL),
                    Figure.of("size", ResultFiles.bytes(total), "all files", Tone.NEUTRAL)));
    if (!items.isEmpty()) {
      page.section("Runs and models", t.build());
    }
    return page.build().toHtml();
  }

  /** A header line, then one line per item: kind, name, files, bytes, time pushed, title. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("tracking on ")
            .append(remote)
            .append(": ")
            .append(items("run").size())
            .append(" runs, ")
            .append(items("model").size())
            .append(" models");
    for (Item i : items) {
      sb.append(
          String.format(
              "%n  %-5s %-32s %5d files %10d bytes  %s  %s",
              i.kind(), i.name(), i.files(), i.bytes(), Json.timestamp(i.pushedAt()), i.title()));
    }
    return sb.toString();
  }
}
