package org.mlops4j.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

/**
 * The runs and registered models on a remote, as {@link TrackingRemote#list()} read them from their
 * manifests.
 *
 * @param remote the remote's URL
 * @param items one per run and model, runs first, each sorted by name
 * @since 0.1.0
 */
public record TrackingListing(String remote, List<Item> items) {

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
