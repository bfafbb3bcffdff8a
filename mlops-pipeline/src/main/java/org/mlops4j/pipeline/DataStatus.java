package org.mlops4j.pipeline;

import java.util.List;
import org.mlops4j.api.internal.Require;

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
