package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/mlops} at the repository root (tests run in mlops-cli/), run in a copy of
 * the repository layout whose jar is a stand-in that echoes its arguments.
 */
class LauncherScriptTest {

  static final Path SCRIPT = Path.of("..", "bin", "mlops").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** The stand-in jar's main class. */
  public static final class Echo {
    public static void main(String[] args) {
      System.out.println("args=" + String.join("|", args));
      System.exit(args.length == 0 ? 2 : 0);
    }
  }

  record Ran(int status, String out, String err) {}

  Ran run(Path cwd, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Ran(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes()),
        new String(p.getErrorStream().readAllBytes()));
  }

  Path fakeRepository(boolean withJar) throws IOException {
    Path root = dir.resolve("repo");
    Files.createDirectories(root.resolve("bin"));
    Files.copy(SCRIPT, root.resolve("bin/mlops"));
    root.resolve("bin/mlops").toFile().setExecutable(true);
    if (withJar) {
      Path target = Files.createDirectories(root.resolve("mlops-cli/target"));
      Manifest mf = new Manifest();
      mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Echo.class.getName());
      String entry = Echo.class.getName().replace('.', '/') + ".class";
      try (OutputStream os = Files.newOutputStream(target.resolve("mlops.jar"));
          JarOutputStream jar = new JarOutputStream(os, mf);
          InputStream cls = Echo.class.getClassLoader().getResourceAsStream(entry)) {
        jar.putNextEntry(new JarEntry(entry));
        cls.transferTo(jar);
        jar.closeEntry();
      }
    }
    return root;
  }

  @Test
  void launcher_isAnExecutableBashScriptThatParses() throws IOException, InterruptedException {
    assertThat(Files.isExecutable(SCRIPT)).isTrue();
    assertThat(Files.readAllLines(SCRIPT).get(0)).isEqualTo("#!/usr/bin/env bash");
    Ran r = run(dir, Map.of(), "bash", "-n", SCRIPT.toString());
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void launcher_runsTheJarFromAnyDirectory_throughASymlink_passingArgumentsAndStatus()
      throws IOException, InterruptedException {
    Path root = fakeRepository(true);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(elsewhere.resolve("mlops"), root.resolve("bin/mlops"));
    Ran r = run(elsewhere, Map.of(), link.toString(), "drift", "--json", "a b");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("args=drift|--json|a b\n");
    assertThat(r.status()).isZero();
    Ran none = run(elsewhere, Map.of(), "./mlops");
    assertThat(none.status()).isEqualTo(2);
  }

  @Test
  void launcher_withAJavaHomeWithoutJava_saysSoAndExitsTwo()
      throws IOException, InterruptedException {
    Path root = fakeRepository(true);
    Path noJava = Files.createDirectories(dir.resolve("empty-jdk"));
    Ran r =
        run(
            dir,
            Map.of("JAVA_HOME", noJava.toString()),
            root.resolve("bin/mlops").toString(),
            "--help");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "mlops: no Java found ("
                + noJava
                + "/bin/java); install Java 17 or later,"
                + " or set JAVA_HOME\n");
  }

  @Test
  void launcher_withoutTheJarAndWithoutMaven_saysSoAndExitsTwo()
      throws IOException, InterruptedException {
    Path root = fakeRepository(false);
    // a PATH with the few tools the script needs, and no mvn
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("dirname", "readlink")) {
      for (String d : List.of("/usr/bin", "/bin")) {
        if (Files.isExecutable(Path.of(d, tool)) && !Files.exists(tools.resolve(tool))) {
          Files.createSymbolicLink(tools.resolve(tool), Path.of(d, tool));
        }
      }
    }
    Ran r =
        run(
            dir,
            Map.of("PATH", tools.toString()),
            "/bin/bash",
            root.resolve("bin/mlops").toString(),
            "--help");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "mlops: "
                + root.toRealPath().resolve("mlops-cli/target/mlops.jar")
                + " is missing and mvn is not on the PATH to build it\n");
    assertThat(r.out()).isEmpty();
    assertThat(root.resolve("mlops-cli")).doesNotExist();
  }
}
