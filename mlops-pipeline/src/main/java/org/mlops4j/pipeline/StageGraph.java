package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlops4j.api.MlopsException;

/**
 * The checked graph of a pipeline's stages: every path normalized relative to the project root,
 * every output declared once and by one stage, every input an existing file or another stage's
 * output, no cycle, and the stages in dependency order.
 *
 * <p>Checks, in this order, each an {@link IllegalArgumentException} whose message names the stages
 * and paths: a stage name declared twice; a stage without work; a path outside the root ({@code
 * ..}, an absolute path elsewhere); an output that would overwrite {@code mlops.lock}, {@code
 * .mlops/} or the root itself; two stages declaring the same output, or outputs one inside the
 * other; a stage reading its own output; an input that is neither an existing file or folder nor
 * (inside) an output of a stage; a cycle (named in data-flow order, {@code a -> b -> c -> a}); a
 * declared path that leads outside the root through a symbolic link.
 *
 * <p>Order: Kahn's algorithm over the "reads an output of" edges, ties broken by declaration order.
 */
final class StageGraph {
  private final List<Stage> order;
  private final Map<String, Stage> byName;
  private final Map<String, List<String>> upstream;

  private StageGraph(List<Stage> order, Map<String, List<String>> upstream) {
    this.order = List.copyOf(order);
    Map<String, Stage> m = new LinkedHashMap<>();
    order.forEach(s -> m.put(s.name(), s));
    this.byName = Collections.unmodifiableMap(m);
    this.upstream = Collections.unmodifiableMap(new LinkedHashMap<>(upstream));
  }

  /**
   * Checks the stages and orders them.
   *
   * @param root the project root, a real path ({@link Path#toRealPath})
   * @param declared the stages as declared, at least one
   * @return the graph of the normalized stages
   * @throws IllegalArgumentException for the first check that fails (see the class comment)
   * @throws MlopsException if a symbolic link cannot be read
   */
  static StageGraph of(Path root, List<Stage> declared) {
    Map<String, Stage> byName = new LinkedHashMap<>();
    List<Stage> normalized = new ArrayList<>();
    for (Stage s : declared) {
      if (byName.containsKey(s.name())) {
        throw new IllegalArgumentException("stage name '" + s.name() + "' is declared twice");
      }
      Stage n = normalize(root, s);
      byName.put(s.name(), n);
      normalized.add(n);
    }
    Map<String, String> producer = producers(normalized);
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    for (Stage s : normalized) {
      upstream.put(s.name(), dependencies(root, s, producer));
    }
    StageGraph graph = new StageGraph(topologicalOrder(normalized, upstream), upstream);
    checkLinks(root, graph.order);
    return graph;
  }

  /**
   * @return the stages in dependency order (ties in declaration order)
   */
  List<Stage> order() {
    return order;
  }

  /**
   * @return the stages by name, in dependency order
   */
  Map<String, Stage> byName() {
    return byName;
  }

  /**
   * @return for every stage, the names of the stages whose outputs it reads
   */
  Map<String, List<String>> upstream() {
    return upstream;
  }

  /**
   * Checks that no declared path leads outside the root through a symbolic link: the path, or its
   * nearest existing ancestor, must resolve inside the root. Run at build and again when a run
   * starts, as links may have changed in between.
   *
   * @throws IllegalArgumentException naming the stage, the path and where it leads
   * @throws MlopsException if a link cannot be read
   */
  static void checkLinks(Path root, List<Stage> stages) {
    for (Stage s : stages) {
      for (String in : s.inputs()) {
        checkLink(root, s.name(), "input", in);
      }
      for (String out : s.outputs()) {
        checkLink(root, s.name(), "output", out);
      }
    }
  }

  private static Stage normalize(Path root, Stage s) {
    StageWork work =
        s.work()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "stage '" + s.name() + "' has no work: call work(...)"));
    Stage n = Stage.named(s.name()).codeVersion(s.codeVersion()).work(work);
    for (String in : s.inputs()) {
      n = n.input(relative(root, s.name(), "input", in));
    }
    for (Map.Entry<String, Object> p : s.params().entrySet()) {
      n = n.param(p.getKey(), p.getValue());
    }
    for (String out : s.outputs()) {
      String o = relative(root, s.name(), "output", out);
      if (o.equals(Pipeline.LOCK_FILE)
          || o.equals(Pipeline.MLOPS_DIR)
          || o.startsWith(Pipeline.MLOPS_DIR + "/")
          || o.isEmpty()) {
        throw new IllegalArgumentException(
            "stage '"
                + s.name()
                + "' output '"
                + out
                + "' would overwrite mlops4j's own files ("
                + Pipeline.LOCK_FILE
                + ", "
                + Pipeline.MLOPS_DIR
                + "/ or the root)");
      }
      n = n.output(o);
    }
    return n;
  }

  /** Outputs: unique, not nested. @return output path to the stage that declares it */
  private static Map<String, String> producers(List<Stage> stages) {
    Map<String, String> producer = new LinkedHashMap<>();
    for (Stage s : stages) {
      for (String o : s.outputs()) {
        for (Map.Entry<String, String> e : producer.entrySet()) {
          if (e.getKey().equals(o)) {
            throw new IllegalArgumentException(
                "output '"
                    + o
                    + "' is declared by both stage '"
                    + e.getValue()
                    + "' and stage '"
                    + s.name()
                    + "'");
          }
          if (nested(e.getKey(), o)) {
            throw new IllegalArgumentException(
                "output '"
                    + o
                    + "' of stage '"
                    + s.name()
                    + "' and output '"
                    + e.getKey()
                    + "' of stage '"
                    + e.getValue()
                    + "' overlap (one is inside the other)");
          }
        }
        producer.put(o, s.name());
      }
    }
    return producer;
  }

  /**
   * @return the stages whose outputs {@code s} reads, in input order
   */
  private static List<String> dependencies(Path root, Stage s, Map<String, String> producer) {
    Set<String> deps = new LinkedHashSet<>();
    for (String in : s.inputs()) {
      boolean provided = false;
      for (Map.Entry<String, String> e : producer.entrySet()) {
        if (e.getKey().equals(in) || nested(e.getKey(), in)) {
          provided = true;
          if (e.getValue().equals(s.name())) {
            throw new IllegalArgumentException(
                "stage '"
                    + s.name()
                    + "' declares '"
                    + in
                    + "' as an input and '"
                    + e.getKey()
                    + "' as an output");
          }
          deps.add(e.getValue());
        }
      }
      if (!provided && !Files.exists(root.resolve(in))) {
        throw new IllegalArgumentException(
            "stage '"
                + s.name()
                + "' input '"
                + in
                + "' is neither an existing file or directory under the project root nor an output"
                + " of any stage");
      }
    }
    return List.copyOf(deps);
  }

  private static boolean nested(String a, String b) {
    return a.startsWith(b + "/") || b.startsWith(a + "/");
  }

  /**
   * @return the path relative to the root, normalized, with {@code /} separators
   */
  private static String relative(Path root, String stage, String kind, String path) {
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException(
          "stage '" + stage + "' " + kind + " '" + path + "' is outside the project root " + root);
    }
    String rel = root.relativize(p).toString();
    return rel.replace(p.getFileSystem().getSeparator(), "/");
  }

  private static List<Stage> topologicalOrder(
      List<Stage> stages, Map<String, List<String>> upstream) {
    // cycle detection by depth-first search, reporting the first cycle found
    Map<String, Integer> color = new HashMap<>();
    Deque<String> path = new ArrayDeque<>();
    for (Stage s : stages) {
      dfs(s.name(), upstream, color, path);
    }
    // Kahn's algorithm, ties by declaration order
    List<Stage> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (out.size() < stages.size()) {
      for (Stage s : stages) {
        if (!done.contains(s.name()) && done.containsAll(upstream.get(s.name()))) {
          out.add(s);
          done.add(s.name());
          break;
        }
      }
    }
    return out;
  }

  private static void dfs(
      String node,
      Map<String, List<String>> upstream,
      Map<String, Integer> color,
      Deque<String> path) {
    Integer c = color.get(node);
    if (c != null && c == 2) {
      return;
    }
    if (c != null && c == 1) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
        String n = it.next();
        if (n.equals(node)) {
          in = true;
        }
        if (in) {
          cycle.add(n);
        }
      }
      cycle.add(node);
      // the path follows "reads from" edges; print in data-flow order (producer first)
      Collections.reverse(cycle);
      throw new IllegalArgumentException("stages form a cycle: " + String.join(" -> ", cycle));
    }
    color.put(node, 1);
    path.push(node);
    for (String up : upstream.get(node)) {
      dfs(up, upstream, color, path);
    }
    path.pop();
    color.put(node, 2);
  }

  private static void checkLink(Path root, String stage, String kind, String rel) {
    Path p = root.resolve(rel);
    // the nearest existing ancestor (or the path itself) must resolve inside the root
    Path existing = p;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      // a dangling link: where does it point?
      try {
        Path parent = existing.getParent();
        Path target = Files.readSymbolicLink(existing);
        real = (parent == null ? target : parent.resolve(target)).normalize();
      } catch (IOException | UnsupportedOperationException e2) {
        throw new MlopsException("cannot resolve " + existing, e);
      }
    }
    if (!real.startsWith(root)) {
      throw new IllegalArgumentException(
          "stage '"
              + stage
              + "' "
              + kind
              + " '"
              + rel
              + "' leads through a symbolic link to "
              + real
              + ", outside the project root "
              + root);
    }
  }
}
