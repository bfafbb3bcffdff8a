package org.mlops4j.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

/**
 * What {@link Data#status()} found: one item per pointer file in the project, sorted by path.
 *
 * @param items the pointers and how their data stands
 * @since 0.1.0
 */
public record DataStatus(List<Item> items) {

  /** Copies the list. */
  public DataStatus {
    items = List.copyOf(Require.nonNull(items, "items"));
  }

  /**
   * One tracked file or folder.
   *
   * @param path the data's path relative to the project root, with {@code /}
   * @param state how the workspace stands
   * @param cached whether the local cache holds the pointer's content (else pull or fetch it)
   * @param added files of a folder that are new since the pointer (empty for a file, or when the
   *     folder's manifest is not in the cache)
   * @param removed files of a folder that the pointer has and the workspace lacks
   * @param modified files of a folder whose content changed
   */
  public record Item(
      String path,
      DataState state,
      boolean cached,
      List<String> added,
      List<String> removed,
      List<String> modified) {
    /** Copies the lists. */
    public Item {
      Require.nonNull(path, "path");
      Require.nonNull(state, "state");
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      modified = List.copyOf(modified);
    }
  }

  /**
   * @return whether every tracked path matches its pointer
   */
  public boolean clean() {
    return items.stream().allMatch(i -> i.state() == DataState.UNCHANGED);
  }

  /**
   * The status as JSON: the header ({@code format} {@code mlops4j.data-status}, {@code
   * formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code
   * clean} and {@code items}, each with {@code path}, {@code state} ({@code UNCHANGED}, {@code
   * MODIFIED}, {@code MISSING}), {@code cached}, {@code added}, {@code removed}, {@code modified}.
   *
   * @return the JSON text
   */
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-status", 1);
    doc.put("clean", clean());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Item i : items) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("path", i.path());
      o.put("state", i.state().name());
      o.put("cached", i.cached());
      o.put("added", i.added());
      o.put("removed", i.removed());
      o.put("modified", i.modified());
      out.add(o);
    }
    doc.put("items", out);
    return Json.write(doc);
  }

  /**
   * A line per item, {@code <STATE> <cache> <path>}, with the changed files of a folder indented
   * below ({@code + added}, {@code - removed}, {@code M modified}); a header line first.
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("data status: ")
            .append(items.size())
            .append(" tracked, ")
            .append(items.stream().filter(i -> i.state() != DataState.UNCHANGED).count())
            .append(" changed");
    for (Item i : items) {
      sb.append(
          String.format(
              "%n  %-9s %-10s %s", i.state(), i.cached() ? "cached" : "not-cached", i.path()));
      i.added().forEach(f -> sb.append("\n      + ").append(f));
      i.removed().forEach(f -> sb.append("\n      - ").append(f));
      i.modified().forEach(f -> sb.append("\n      M ").append(f));
    }
    return sb.toString();
  }
}
