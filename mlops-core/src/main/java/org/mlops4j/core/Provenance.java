package org.mlops4j.core;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.api.internal.Require;

/**
 * What made a result: the JVM, the operating system, the library's version, the git commit of the
 * working directory (with a dirty flag), the host, the user and the random seeds the caller
 * declares. Every tracking run and every pipeline run carries one, as tags and as a JSON artifact,
 * in the spirit of Tribuo's {@code ModelProvenance}.
 *
 * <p>{@link #capturedAt()} is the only time-dependent field; {@link #asMap()} leaves it out so that
 * the same environment and seeds give the same map (keep timestamps out of hashes).
 *
 * <pre>{@code
 * Provenance p = Provenance.capture(Map.of("split", 42L));
 * p.gitCommit();  // Optional[3f1c...] inside a git work tree
 * }</pre>
 *
 * @param jvmVersion {@code java.version}
 * @param jvmVendor {@code java.vendor}
 * @param osName {@code os.name}
 * @param osArch {@code os.arch}
 * @param libraryVersion the version of mlops4j, or {@code "unknown"} when not built by Maven
 * @param gitCommit the full hash of {@code HEAD} of the git work tree containing the working
 *     directory, empty outside a work tree or without git
 * @param gitDirty whether that work tree has uncommitted changes; empty when gitCommit is
 * @param host the local host name, or {@code "unknown"}
 * @param user {@code user.name}
 * @param seeds the random seeds declared by the caller, by name, in name order
 * @param capturedAt when this provenance was captured
 * @since 0.1.0
 */
public record Provenance(
    String jvmVersion,
    String jvmVendor,
    String osName,
    String osArch,
    String libraryVersion,
    Optional<String> gitCommit,
    Optional<Boolean> gitDirty,
    String host,
    String user,
    Map<String, Long> seeds,
    Instant capturedAt) {

  /** Prefix of the tag keys written by {@link #asMap()}. */
  public static final String TAG_PREFIX = "mlops4j.";

  /**
   * Canonical constructor; copies the seeds into an immutable, name-ordered map.
   *
   * @throws NullPointerException if a component, a seed name or a seed is null
   * @throws IllegalArgumentException if a seed name is blank
   */
  public Provenance {
    Require.nonNull(jvmVersion, "jvmVersion");
    Require.nonNull(jvmVendor, "jvmVendor");
    Require.nonNull(osName, "osName");
    Require.nonNull(osArch, "osArch");
    Require.nonNull(libraryVersion, "libraryVersion");
    Require.nonNull(gitCommit, "gitCommit");
    Require.nonNull(gitDirty, "gitDirty");
    Require.nonNull(host, "host");
    Require.nonNull(user, "user");
    Require.nonNull(capturedAt, "capturedAt");
    seeds = Collections.unmodifiableMap(new TreeMap<>(checkSeeds(seeds)));
  }

  /**
   * Captures the provenance of the current process, with no declared seeds, for the git work tree
   * of the working directory.
   */
  public static Provenance capture() {
    return capture(Map.of());
  }

  /**
   * Captures the provenance of the current process for the git work tree of the working directory.
   *
   * @param seeds the random seeds the caller uses, by name (for example {@code "split" -> 42})
   * @throws NullPointerException if seeds, a seed name or a seed is null
   * @throws IllegalArgumentException if a seed name is blank
   */
  public static Provenance capture(Map<String, Long> seeds) {
    return capture(seeds, Path.of("").toAbsolutePath());
  }

  /**
   * Captures the provenance of the current process for the git work tree containing {@code dir}.
   *
   * @param seeds the random seeds the caller uses, by name
   * @param dir a directory inside the work tree whose commit is recorded
   * @throws NullPointerException if seeds, dir, a seed name or a seed is null
   * @throws IllegalArgumentException if a seed name is blank
   */
  public static Provenance capture(Map<String, Long> seeds, Path dir) {
    checkSeeds(seeds);
    Require.nonNull(dir, "dir");
    Optional<String> commit =
        git(dir, "rev-parse", "HEAD").map(String::trim).filter(s -> s.matches("[0-9a-f]{40,64}"));
    Optional<Boolean> dirty =
        commit.isPresent()
            ? git(dir, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isBlank())
            : Optional.empty();
    return new Provenance(
        System.getProperty("java.version", "unknown"),
        System.getProperty("java.vendor", "unknown"),
        System.getProperty("os.name", "unknown"),
        System.getProperty("os.arch", "unknown"),
        currentLibraryVersion(),
        commit,
        dirty,
        hostName(),
        System.getProperty("user.name", "unknown"),
        seeds,
        Instant.now());
  }

  /**
   * @return the version of mlops4j on the class path, or {@code "unknown"}
   */
  public static String currentLibraryVersion() {
    return LibraryVersion.get();
  }

  /**
   * @return the seeds
   * @throws NullPointerException {@code "seeds must not be null"}, {@code "seed name must not be
   *     null"} or {@code "seeds['<name>'] must not be null"}
   * @throws IllegalArgumentException {@code "seed name must be non-blank, but was '<name>'"}
   */
  private static Map<String, Long> checkSeeds(Map<String, Long> seeds) {
    Require.nonNull(seeds, "seeds");
    for (Map.Entry<String, Long> e : seeds.entrySet()) {
      Require.nonBlank(e.getKey(), "seed name");
      Require.nonNull(e.getValue(), "seeds['" + e.getKey() + "']");
    }
    return seeds;
  }

  /**
   * The provenance as flat, time-independent key/value pairs in a stable order, for tags and
   * artifacts: {@code mlops4j.jvm.version}, {@code mlops4j.jvm.vendor}, {@code mlops4j.os.name},
   * {@code mlops4j.os.arch}, {@code mlops4j.version}, {@code mlops4j.git.commit} and {@code
   * mlops4j.git.dirty} (when inside a work tree), {@code mlops4j.host}, {@code mlops4j.user}, and
   * {@code mlops4j.seed.<name>} for each declared seed.
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TAG_PREFIX + "jvm.version", jvmVersion);
    m.put(TAG_PREFIX + "jvm.vendor", jvmVendor);
    m.put(TAG_PREFIX + "os.name", osName);
    m.put(TAG_PREFIX + "os.arch", osArch);
    m.put(TAG_PREFIX + "version", libraryVersion);
    gitCommit.ifPresent(c -> m.put(TAG_PREFIX + "git.commit", c));
    gitDirty.ifPresent(d -> m.put(TAG_PREFIX + "git.dirty", d.toString()));
    m.put(TAG_PREFIX + "host", host);
    m.put(TAG_PREFIX + "user", user);
    seeds.forEach((k, v) -> m.put(TAG_PREFIX + "seed." + k, Long.toString(v)));
    return Collections.unmodifiableMap(m);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | SecurityException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown" : env;
    }
  }

  private static Optional<String> git(Path dir, String... args) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.add("-C");
    cmd.add(dir.toString());
    Collections.addAll(cmd, args);
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
