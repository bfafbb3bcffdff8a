package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.Digester;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.LockFile;
import org.mlops4j.pipeline.internal.LockFile.LockDoc;
import org.mlops4j.pipeline.internal.LockFile.LockedPath;
import org.mlops4j.pipeline.internal.LockFile.StageLock;

/**
 * Why a stage must run: its declaration and its files compared with its entry in the previous lock.
 * The reasons, joined by {@code "; "} in this order:
 *
 * <ul>
 *   <li>no entry: {@code pipeline seed changed: 42 -> 7} if the lock has the stage under another
 *       pipeline seed, else {@code not in the lock file (never ran)};
 *   <li>{@code code version changed: v1 -> v2};
 *   <li>per param, by name: {@code param 'x' added}, {@code removed}, or {@code changed: 0.1 ->
 *       0.01} (strings quoted; the string {@code "7"} and the integer 7 differ);
 *   <li>per input, by path: {@code input 'x' added}, {@code removed} or {@code changed} (hash);
 *   <li>per output, by path: {@code output 'x' added}, {@code removed}, {@code is missing} or
 *       {@code was modified} (its hash now differs from the lock's).
 * </ul>
 *
 * <p>A stage whose last restore was interrupted (a process killed while its outputs were being
 * placed, so some may be new and some old) gets {@value #INCOMPLETE} first, and no per-output
 * reason.
 *
 * <p>Also the run-cache key of a stage, {@link #runKey}.
 */
final class Staleness {
  /** The reason given for a stage whose outputs were being placed when a process was killed. */
  static final String INCOMPLETE = "outputs incomplete after an interrupted restore";

  private final Path root;
  private final Digester digester;
  private final @Nullable LockDoc previous;
  private final long seed;
  private final Set<String> interrupted;

  /**
   * @param root the project root (real path)
   * @param digester hashes the outputs as they are now
   * @param previous the lock as the last run left it, or null if there is none
   * @param seed the pipeline seed now
   */
  Staleness(Path root, Digester digester, @Nullable LockDoc previous, long seed) {
    this(root, digester, previous, seed, Set.of());
  }

  /**
   * @param interrupted the stages whose last placement of outputs was interrupted ({@link
   *     org.mlops4j.pipeline.internal.Checkout#interrupted()})
   */
  Staleness(
      Path root,
      Digester digester,
      @Nullable LockDoc previous,
      long seed,
      Set<String> interrupted) {
    this.root = root;
    this.digester = digester;
    this.previous = previous;
    this.seed = seed;
    this.interrupted = Set.copyOf(interrupted);
  }

  /**
   * @param s the stage, normalized
   * @param inputs the digests of its inputs now, by declared path
   * @return why the stage must run, or empty if it is up to date
   * @throws IOException if an output cannot be hashed
   */
  Optional<String> reason(Stage s, Map<String, Digest> inputs) throws IOException {
    LockDoc prevDoc = previous;
    StageLock prev =
        prevDoc != null && prevDoc.seed() == seed ? prevDoc.stages().get(s.name()) : null;
    boolean incomplete = interrupted.contains(s.name());
    if (prev == null) {
      return Optional.of(
          (incomplete ? INCOMPLETE + "; " : "")
              + (prevDoc != null && prevDoc.seed() != seed && prevDoc.stages().containsKey(s.name())
                  ? "pipeline seed changed: " + prevDoc.seed() + " -> " + seed
                  : "not in the lock file (never ran)"));
    }
    List<String> why = new ArrayList<>();
    if (incomplete) {
      why.add(INCOMPLETE);
    }
    if (!s.codeVersion().equals(prev.codeVersion())) {
      why.add("code version changed: " + prev.codeVersion() + " -> " + s.codeVersion());
    }
    params(s.params(), prev.params(), why);
    inputs(inputs, prev.inputs(), why);
    if (!incomplete) {
      // after an interrupted restore the outputs differ from the lock: that is said once, above
      outputs(s.outputs(), prev.outputs(), why);
    }
    return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
  }

  private static void params(Map<String, Object> now, Map<String, Object> was, List<String> why) {
    Set<String> names = new TreeSet<>(now.keySet());
    names.addAll(was.keySet());
    for (String n : names) {
      Object a = was.get(n);
      Object b = now.get(n);
      if (a == null) {
        why.add("param '" + n + "' added");
      } else if (b == null) {
        why.add("param '" + n + "' removed");
      } else if (!typed(b).equals(typed(a))) {
        why.add("param '" + n + "' changed: " + display(a) + " -> " + display(b));
      }
    }
  }

  private static void inputs(
      Map<String, Digest> now, Map<String, LockedPath> was, List<String> why) {
    Set<String> paths = new TreeSet<>(now.keySet());
    paths.addAll(was.keySet());
    for (String in : paths) {
      Digest d = now.get(in);
      LockedPath lp = was.get(in);
      if (lp == null) {
        why.add("input '" + in + "' added");
      } else if (d == null) {
        why.add("input '" + in + "' removed");
      } else if (!d.hash().equals(lp.sha256())) {
        why.add("input '" + in + "' changed");
      }
    }
  }

  private void outputs(List<String> declared, Map<String, LockedPath> was, List<String> why)
      throws IOException {
    Set<String> paths = new TreeSet<>(declared);
    paths.addAll(was.keySet());
    for (String out : paths) {
      LockedPath lp = was.get(out);
      if (lp == null) {
        why.add("output '" + out + "' added");
      } else if (!declared.contains(out)) {
        why.add("output '" + out + "' removed");
      } else {
        Optional<Digest> now = digester.digest(root.resolve(out));
        if (now.isEmpty()) {
          why.add("output '" + out + "' is missing");
        } else if (!now.get().hash().equals(lp.sha256())) {
          why.add("output '" + out + "' was modified");
        }
      }
    }
  }

  /**
   * The run-cache key: SHA-256 of the canonical description of the stage, one field per line:
   * {@code mlops4j-stage-v1}, {@code name=}, {@code code=}, {@code seed=}, then {@code param
   * <name>=<type>:<value>} (type {@code s}, {@code b}, {@code f} or {@code i}), {@code input
   * <path>=<sha256>} and {@code output <path>}, each group sorted by name or path.
   *
   * @param s the stage, normalized
   * @param seed the stage's seed
   * @param inputs the digests of its inputs, by declared path
   * @return the key, 64 lowercase hex characters
   */
  static String runKey(Stage s, long seed, Map<String, Digest> inputs) {
    StringBuilder sb = new StringBuilder("mlops4j-stage-v1\n");
    sb.append("name=").append(s.name()).append('\n');
    sb.append("code=").append(s.codeVersion()).append('\n');
    sb.append("seed=").append(seed).append('\n');
    new TreeMap<>(s.params())
        .forEach((k, v) -> sb.append("param ").append(k).append('=').append(typed(v)).append('\n'));
    new TreeMap<>(inputs)
        .forEach((k, v) -> sb.append("input ").append(k).append('=').append(v.hash()).append('\n'));
    new TreeSet<>(s.outputs()).forEach(o -> sb.append("output ").append(o).append('\n'));
    return FileHasher.sha256(sb.toString());
  }

  /**
   * Strings in single quotes, numbers and booleans bare: {@code 'a'}, {@code 0.2}, {@code true}.
   */
  static String display(Object v) {
    return v instanceof String ? "'" + v + "'" : LockFile.canonicalParam(v);
  }

  /** The value with its type: {@code s:a}, {@code b:true}, {@code f:0.2}, {@code i:7}. */
  static String typed(Object v) {
    String type =
        v instanceof String
            ? "s"
            : v instanceof Boolean ? "b" : (v instanceof Float || v instanceof Double) ? "f" : "i";
    return type + ":" + LockFile.canonicalParam(v);
  }
}
