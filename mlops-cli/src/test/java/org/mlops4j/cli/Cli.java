package org.mlops4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process with captured standard output and error. */
final class Cli {

  /** What a run printed and returned. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "status " + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  private Cli() {}

  /** Runs {@code new CommandLine(new Main()).execute(args)}, standard error not a terminal. */
  static Result run(String... args) {
    return run(new CommandLine(new Main(() -> false)), args);
  }

  /**
   * Runs {@code new CommandLine(new Main(() -> true)).execute(args)}: standard error is taken for a
   * terminal, so progress shows there (other runs take it for a pipe).
   */
  static Result runOnTerminal(String... args) {
    return run(new CommandLine(new Main(() -> true)), args);
  }

  /** Runs {@link Main#commandLine()}, the configuration used by {@code main}. */
  static Result runAsMain(String... args) {
    return run(Main.commandLine(), args);
  }

  private static Result run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute(args);
    return new Result(status, out.toString(), err.toString());
  }
}
