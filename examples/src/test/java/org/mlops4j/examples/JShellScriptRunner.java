package org.mlops4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates a JShell script through the {@code jdk.jshell} API, snippet by snippet, the way the
 * {@code jshell} tool would, and fails on the first rejected snippet or thrown exception. JShell
 * commands (lines such as {@code /exit} or {@code /env}) are skipped.
 */
final class JShellScriptRunner {

  /** What a script printed, and how many snippets it ran. */
  record Outcome(String output, int snippets) {}

  private JShellScriptRunner() {}

  /** The imports the {@code jshell} tool adds at start-up (its DEFAULT startup script). */
  static final String DEFAULT_IMPORTS =
      String.join(
          "\n",
          "import java.io.*;",
          "import java.math.*;",
          "import java.net.*;",
          "import java.nio.file.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "import java.util.function.*;",
          "import java.util.prefs.*;",
          "import java.util.regex.*;",
          "import java.util.stream.*;",
          "");

  static Outcome run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int count = 0;
    PrintStream originalOut = System.out;
    System.setOut(out); // the local execution engine prints to this JVM's System.out
    try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          shell.addToClasspath(entry);
        }
      }
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String remaining = withoutCommands(script);
      while (!remaining.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break; // only comments or white space left
        }
        if (!info.completeness().isComplete()) {
          throw new AssertionError(
              "incomplete snippet at the end of the script: " + remaining.strip());
        }
        String source = info.source();
        remaining = info.remaining();
        for (SnippetEvent event : shell.eval(source)) {
          if (event.status() == Snippet.Status.REJECTED) {
            List<String> diagnostics = new ArrayList<>();
            shell.diagnostics(event.snippet()).forEach(d -> diagnostics.add(d.getMessage(null)));
            throw new AssertionError("rejected snippet:\n" + source.strip() + "\n" + diagnostics);
          }
          if (event.exception() != null) {
            AssertionError e =
                new AssertionError(
                    "snippet threw:\n"
                        + source.strip()
                        + "\noutput so far:\n"
                        + bytes.toString(StandardCharsets.UTF_8));
            e.initCause(event.exception());
            throw e;
          }
        }
        count++;
      }
    } finally {
      System.setOut(originalOut);
    }
    return new Outcome(bytes.toString(StandardCharsets.UTF_8), count);
  }

  private static String withoutCommands(String script) {
    StringBuilder b = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.strip().matches("/[a-zA-Z!?].*")) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }
}
