package org.mlops4j.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * One step of a {@link Pipeline}: a name, the inputs it reads (files or directories under the
 * project root, possibly produced by other stages), its params, the outputs it writes (files or
 * directories), a code version, and its {@link StageWork}. Immutable: every method returns a copy.
 *
 * <pre>{@code
 * Stage prepare = Stage.named("prepare")
 *     .input("data/raw.csv")
 *     .param("split", 0.2)
 *     .output("data/train.csv")
 *     .output("data/test.csv")
 *     .codeVersion("v1")
 *     .work(ctx -> split(ctx.input("data/raw.csv"), ctx.output("data/train.csv"), ...));
 * }</pre>
 *
 * <p>Paths are relative to the project root and use {@code /}. The code version is a label the
 * author changes whenever the work's code changes in a way that changes its outputs (default {@code
 * "0"}); together with the params and the input hashes it decides whether a stage runs.
 *
 * @since 0.1.0
 */
public final class Stage {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,99}");

  private final String name;
  private final List<String> inputs;
  private final Map<String, Object> params;
  private final List<String> outputs;
  private final String codeVersion;
  private final @Nullable StageWork work;

  private Stage(
      String name,
      List<String> inputs,
      Map<String, Object> params,
      List<String> outputs,
      String codeVersion,
      @Nullable StageWork work) {
    this.name = name;
    this.inputs = Collections.unmodifiableList(inputs);
    this.params = Collections.unmodifiableMap(params);
    this.outputs = Collections.unmodifiableList(outputs);
    this.codeVersion = codeVersion;
    this.work = work;
  }

  /**
   * @param name letters, digits, {@code _ . -}, at most 100 characters, not starting with {@code .}
   *     or {@code -}
   * @return a stage with that name and nothing else yet
   * @throws NullPointerException if name is null
   * @throws IllegalArgumentException if the name is not valid
   */
  public static Stage named(String name) {
    Require.nonNull(name, "name");
    Require.argument(
        NAME.matcher(name).matches(),
        "stage name",
        "1-100 letters, digits, '_', '.' or '-' (not starting with '.' or '-')",
        quote(name));
    return new Stage(name, List.of(), Map.of(), List.of(), "0", null);
  }

  /**
   * @param path a file or directory under the project root, or an output of another stage
   * @return a copy that also reads {@code path}
   * @throws NullPointerException if path is null
   * @throws IllegalArgumentException if the path is blank or declared before
   */
  public Stage input(String path) {
    checkPath("input", path, inputs);
    List<String> in = new ArrayList<>(inputs);
    in.add(path);
    return new Stage(
        name, in, new LinkedHashMap<>(params), new ArrayList<>(outputs), codeVersion, work);
  }

  /**
   * @param paths files or directories, see {@link #input(String)}
   * @return a copy that also reads every path
   * @throws NullPointerException if paths or one of them is null
   * @throws IllegalArgumentException if a path is blank or declared before
   */
  public Stage inputs(String... paths) {
    Require.noNulls(paths, "paths");
    Stage s = this;
    for (String p : paths) {
      s = s.input(p);
    }
    return s;
  }

  /**
   * @param name letters, digits, {@code _ . -}
   * @param value a String, Boolean, integer (Byte..Long, kept as Long) or floating-point number
   *     (Float, Double, kept as Double; finite)
   * @return a copy with the param set (replacing an earlier value of the same name)
   * @throws NullPointerException if the name or the value is null
   * @throws IllegalArgumentException if the name is not valid or the value of another type, NaN or
   *     infinite
   */
  public Stage param(String name, Object value) {
    Require.nonNull(name, "stage '" + this.name + "' param name");
    Require.argument(
        NAME.matcher(name).matches(),
        "stage '" + this.name + "' param name",
        "1-100 letters, digits, '_', '.' or '-'",
        quote(name));
    String what = "stage '" + this.name + "' param '" + name + "'";
    Require.nonNull(value, what);
    Object v;
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      v = ((Number) value).longValue();
    } else if (value instanceof Float || value instanceof Double) {
      v = Require.finite(((Number) value).doubleValue(), what);
    } else if (value instanceof String || value instanceof Boolean) {
      v = value;
    } else {
      throw new IllegalArgumentException(
          Require.mustBe(
              what,
              "a String, Boolean, integer or floating-point number",
              value.getClass().getName()));
    }
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put(name, v);
    return new Stage(
        this.name, new ArrayList<>(inputs), p, new ArrayList<>(outputs), codeVersion, work);
  }

  /**
   * @param path a file or directory under the project root that the work writes
   * @return a copy that also writes {@code path}
   * @throws NullPointerException if path is null
   * @throws IllegalArgumentException if the path is blank or declared before
   */
  public Stage output(String path) {
    checkPath("output", path, outputs);
    List<String> out = new ArrayList<>(outputs);
    out.add(path);
    return new Stage(
        name, new ArrayList<>(inputs), new LinkedHashMap<>(params), out, codeVersion, work);
  }

  /**
   * @param paths files or directories, see {@link #output(String)}
   * @return a copy that also writes every path
   * @throws NullPointerException if paths or one of them is null
   * @throws IllegalArgumentException if a path is blank or declared before
   */
  public Stage outputs(String... paths) {
    Require.noNulls(paths, "paths");
    Stage s = this;
    for (String p : paths) {
      s = s.output(p);
    }
    return s;
  }

  /**
   * @param version a label to change whenever the work's code changes (default {@code "0"})
   * @return a copy with that code version
   * @throws NullPointerException if version is null
   * @throws IllegalArgumentException if blank
   */
  public Stage codeVersion(String version) {
    Require.nonBlank(version, "stage '" + name + "' codeVersion");
    return new Stage(
        name,
        new ArrayList<>(inputs),
        new LinkedHashMap<>(params),
        new ArrayList<>(outputs),
        version,
        work);
  }

  /**
   * @param work what the stage does: a lambda or an instance of any class implementing {@link
   *     StageWork}
   * @return a copy with that work
   * @throws NullPointerException if work is null
   */
  public Stage work(StageWork work) {
    Require.nonNull(work, "work");
    return new Stage(
        name,
        new ArrayList<>(inputs),
        new LinkedHashMap<>(params),
        new ArrayList<>(outputs),
        codeVersion,
        work);
  }

  /**
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * @return the declared inputs, in declaration order
   */
  public List<String> inputs() {
    return inputs;
  }

  /**
   * @return the params, in declaration order
   */
  public Map<String, Object> params() {
    return params;
  }

  /**
   * @return the declared outputs, in declaration order
   */
  public List<String> outputs() {
    return outputs;
  }

  /**
   * @return the code version
   */
  public String codeVersion() {
    return codeVersion;
  }

  /**
   * @return the work, empty until {@link #work(StageWork)} is called
   */
  public Optional<StageWork> work() {
    return Optional.ofNullable(work);
  }

  @Override
  public String toString() {
    return "Stage["
        + name
        + ", inputs="
        + inputs
        + ", params="
        + params
        + ", outputs="
        + outputs
        + ", codeVersion="
        + codeVersion
        + "]";
  }

  private void checkPath(String kind, String path, List<String> declared) {
    String what = "stage '" + name + "' " + kind;
    Require.nonNull(path, what);
    Require.argument(
        !path.isBlank() && path.indexOf('\0') < 0, what, "a non-blank path", quote(path));
    Require.argument(!declared.contains(path), what, "a path not declared before", quote(path));
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }
}
