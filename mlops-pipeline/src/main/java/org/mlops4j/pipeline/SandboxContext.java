package org.mlops4j.pipeline;

import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.Digester;
import org.mlops4j.pipeline.internal.OutputSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StageContext} of a stage whose work runs: inputs are read in place in the project,
 * outputs are written to the stage's {@link OutputSandbox}. A path is accepted as declared or in
 * any spelling that normalizes to it ({@code ./in.txt} for {@code in.txt}).
 */
final class SandboxContext implements StageContext {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Stage stage;
  private final long seed;
  private final Path root;
  private final OutputSandbox sandbox;
  private final ProgressListener listener;

  /**
   * @param stage the stage, normalized
   * @param seed its seed
   * @param root the project root (real path)
   * @param sandbox where its outputs go
   * @param listener receives its progress
   */
  SandboxContext(
      Stage stage, long seed, Path root, OutputSandbox sandbox, ProgressListener listener) {
    this.stage = stage;
    this.seed = seed;
    this.root = root;
    this.sandbox = sandbox;
    this.listener = listener;
  }

  @Override
  public String stageName() {
    return stage.name();
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public Path projectRoot() {
    return root;
  }

  @Override
  public Path input(String path) {
    String n = normalize(Require.nonNull(path, "path"));
    declared(stage.inputs().contains(n), "input", stage.inputs(), path);
    return root.resolve(n);
  }

  @Override
  public Path output(String path) {
    String n = normalize(Require.nonNull(path, "path"));
    declared(stage.outputs().contains(n), "output", stage.outputs(), path);
    return sandbox.output(n);
  }

  @Override
  public Path scratchDir() {
    return sandbox.scratchDir();
  }

  @Override
  public Object param(String name) {
    Object v = stage.params().get(Require.nonNull(name, "name"));
    declared(v != null, "param", stage.params().keySet(), name);
    return v;
  }

  @Override
  public Map<String, Object> params() {
    return stage.params();
  }

  @Override
  public void progress(double fraction, String message) {
    Require.closedUnit(fraction, "fraction");
    Require.nonNull(message, "message");
    LOG.info("stage '{}' {}%: {}", stage.name(), Math.round(fraction * 100), message);
    try {
      listener.progress(stage.name(), fraction, message);
    } catch (RuntimeException e) {
      LOG.warn("progress listener threw", e);
    }
  }

  /**
   * @throws IllegalArgumentException {@code stage 's' input must be one of [...], but was 'x'}
   */
  private void declared(boolean ok, String kind, Iterable<String> names, String value) {
    Require.argument(
        ok, "stage '" + stage.name() + "' " + kind, "one of " + names, "'" + value + "'");
  }

  private String normalize(String path) {
    Path abs = root.resolve(path).normalize();
    return abs.startsWith(root) ? Digester.relative(root, abs) : path;
  }
}
