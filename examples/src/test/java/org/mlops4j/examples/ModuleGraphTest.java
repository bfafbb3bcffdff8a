package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module map true: the table of {@code docs/ARCHITECTURE.md} is the source, and every
 * module's {@code pom.xml} must agree with it (no mlops4j dependency the table does not allow, no
 * arrow up the table, so no cycle), and every library module has a {@code module-info.java}.
 */
class ModuleGraphTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern ROW =
      Pattern.compile("^\\| `([^`]+)`(?:, `[^`]+`)* \\| ([^|]*) \\|");
  private static final Pattern DEP =
      Pattern.compile(
          "<dependency>\\s*<groupId>org\\.mlops4j</groupId>\\s*<artifactId>(mlops-[a-z0-9-]+)</artifactId>");

  /** Module -> allowed mlops4j modules, in the table's order (top = lowest). */
  private static Map<String, Set<String>> table() throws IOException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(ROOT.resolve("docs/ARCHITECTURE.md"), StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (!m.find() || !m.group(1).startsWith("mlops-")) {
        continue;
      }
      Set<String> uses = new LinkedHashSet<>();
      for (String u : m.group(2).split(",")) {
        String t = u.strip();
        if (!t.isEmpty() && !t.equals("—")) {
          uses.add("mlops-" + t);
        }
      }
      out.put(m.group(1), uses);
    }
    return out;
  }

  private static List<String> declaredMlopsDependencies(String module) throws IOException {
    String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8);
    List<String> deps = new ArrayList<>();
    Matcher m = DEP.matcher(pom);
    while (m.find()) {
      deps.add(m.group(1));
    }
    return deps;
  }

  @Test
  void everyLibraryModuleIsInTheTableWithAModuleInfo() throws IOException {
    Map<String, Set<String>> table = table();
    List<String> modules = new ArrayList<>();
    try (var dirs = Files.list(ROOT)) {
      dirs.filter(p -> p.getFileName().toString().startsWith("mlops-"))
          .filter(p -> Files.exists(p.resolve("src/main/java")))
          .forEach(p -> modules.add(p.getFileName().toString()));
    }
    assertThat(modules).isNotEmpty();
    assertThat(table.keySet()).as("modules listed in docs/ARCHITECTURE.md").containsAll(modules);
    for (String m : modules) {
      assertThat(ROOT.resolve(m).resolve("src/main/java/module-info.java"))
          .as("module-info.java of " + m)
          .exists();
    }
  }

  @Test
  void everyDependencyIsAllowedByTheTableAndPointsDown() throws IOException {
    Map<String, Set<String>> table = table();
    List<String> order = new ArrayList<>(table.keySet());
    for (Map.Entry<String, Set<String>> e : table.entrySet()) {
      String module = e.getKey();
      if (!Files.exists(ROOT.resolve(module).resolve("src/main/java"))) {
        continue;
      }
      for (String dep : declaredMlopsDependencies(module)) {
        assertThat(e.getValue())
            .as(module + " may use " + dep + " (docs/ARCHITECTURE.md)")
            .contains(dep);
        assertThat(order.indexOf(dep))
            .as(module + " -> " + dep + " must point down the table")
            .isLessThan(order.indexOf(module));
      }
    }
  }
}
