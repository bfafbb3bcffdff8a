package org.mlops4j.pipeline;

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
 * What {@link Data#status()} found: one item per pointer file in the project, sorted by path.
 *
 * @param items the pointers and how their data stands
 * @since 0.1.0
 */
public record DataStatus(List<Item> items) implements DataResult {

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
  @Override
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
   * The verdict in words: what changed and the command that puts it right, for example {@code 3
   * paths modified, 1 missing (of 9 tracked): run `mlops data checkout` to put back the missing
   * data; run `mlops data add PATH` to record a modification, or `mlops data checkout --force` to
   * discard it.}
   *
   * @return one or two sentences
   */
  @Override
  public String verdict() {
    long modified = countState(DataState.MODIFIED);
    long missing = countState(DataState.MISSING);
    long notCached = items.stream().filter(i -> !i.cached()).count();
    StringBuilder sb = new StringBuilder();
    if (items.isEmpty()) {
      sb.append("Nothing is tracked: run `mlops data add PATH` to track a file or folder.");
    } else if (clean()) {
      sb.append("All ")
          .append(
              ResultFiles.count(
                  items.size(), "tracked path matches its pointer", "tracked paths match"))
          .append(items.size() == 1 ? "." : " their pointers.");
    } else {
      List<String> parts = new ArrayList<>();
      if (modified > 0) {
        parts.add(ResultFiles.count(modified, "path", "paths") + " modified");
      }
      if (missing > 0) {
        parts.add(missing + " missing");
      }
      List<String> todo = new ArrayList<>();
      if (missing > 0) {
        todo.add("run `mlops data checkout` to put back the missing data");
      }
      if (modified > 0) {
        todo.add(
            "run `mlops data add PATH` to record a modification, or `mlops data checkout --force`"
                + " to discard it");
      }
      sb.append(String.join(", ", parts))
          .append(" (of ")
          .append(items.size())
          .append(" tracked): ")
          .append(String.join("; ", todo));
      sb.append('.');
    }
    if (notCached > 0) {
      sb.append(' ')
          .append(ResultFiles.count(notCached, "pointer names", "pointers name"))
          .append(" content the local cache lacks: run `mlops data pull` to fetch it.");
    }
    return sb.toString();
  }

  private long countState(DataState state) {
    return items.stream().filter(i -> i.state() == state).count();
  }

  /**
   * The status as a self-contained page (the report toolkit's {@link Page}): what was looked at,
   * the verdict in words ({@link #verdict()}) with the counts, a table of the tracked paths (state,
   * cache, the numbers of files added, removed and modified in a folder), then one row per changed
   * file of a folder.
   *
   * @return the HTML text
   */
  @Override
  public String toHtml() {
    long modified = countState(DataState.MODIFIED);
    long missing = countState(DataState.MISSING);
    long notCached = items.stream().filter(i -> !i.cached()).count();
    Table.Builder tracked =
        Table.builder()
            .caption("One row per pointer file, sorted by path")
            .columns("path", "state", "cache", "files added", "files removed", "files modified")
            .numeric(3, 4, 5);
    Table.Builder files =
        Table.builder()
            .caption("The files of tracked folders that differ from the pointer")
            .columns("folder", "file", "change");
    int changedFiles = 0;
    for (Item i : items) {
      Tone tone =
          switch (i.state()) {
            case UNCHANGED -> i.cached() ? Tone.NEUTRAL : Tone.WARNING;
            case MODIFIED -> Tone.WARNING;
            case MISSING -> Tone.BAD;
          };
      tracked.row(
          tone,
          i.path(),
          i.state().name(),
          i.cached() ? "cached" : "not cached",
          i.added().size(),
          i.removed().size(),
          i.modified().size());
      for (String f : i.added()) {
        files.row(Tone.WARNING, i.path(), f, "added");
      }
      for (String f : i.removed()) {
        files.row(Tone.BAD, i.path(), f, "removed");
      }
      for (String f : i.modified()) {
        files.row(Tone.WARNING, i.path(), f, "modified");
      }
      changedFiles += i.added().size() + i.removed().size() + i.modified().size();
    }
    boolean clean = clean();
    Page.Builder page =
        Page.builder()
            .title("Data status")
            .subtitle(
                clean
                    ? "Every tracked path matches its pointer"
                    : (modified + missing) + " of " + items.size() + " tracked paths changed")
            .about("tracked paths", items.size())
            .about("modified", modified)
            .about("missing", missing)
            .about("not in the local cache", notCached)
            .section(
                "Verdict",
                Element.callout(
                    clean && notCached == 0 ? Tone.GOOD : clean ? Tone.WARNING : Tone.BAD,
                    clean ? "Clean" : "Changed",
                    verdict()),
                Element.figures(
                    Figure.of(
                        "tracked", String.valueOf(items.size()), "pointer files", Tone.NEUTRAL),
                    Figure.of(
                        "modified",
                        String.valueOf(modified),
                        "differ from the pointer",
                        modified > 0 ? Tone.WARNING : Tone.GOOD),
                    Figure.of(
                        "missing",
                        String.valueOf(missing),
                        "nothing at the path",
                        missing > 0 ? Tone.BAD : Tone.GOOD),
                    Figure.of(
                        "not cached",
                        String.valueOf(notCached),
                        "content not in the local cache",
                        notCached > 0 ? Tone.WARNING : Tone.GOOD)))
            .section("Tracked data", tracked.build());
    if (changedFiles > 0) {
      page.section("Changed files in folders", files.build());
    }
    return page.build().toHtml();
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
