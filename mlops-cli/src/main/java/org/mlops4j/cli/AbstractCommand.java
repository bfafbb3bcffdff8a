package org.mlops4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.cli.internal.Progress;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The frame of every subcommand: runs {@link #run()} and turns a failure into the exit status and
 * one line on standard error, so that the behaviour is the same under {@code new CommandLine(new
 * Main())} and {@link Main#commandLine()}.
 */
abstract class AbstractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--verbose", description = "On failure, also print the stack trace.")
  boolean verbose;

  @Option(
      names = "--quiet",
      description =
          "Show no progress. Progress (a line per phase, the rows read of a large CSV file) goes"
              + " to standard error only when it is a terminal, never to standard output.")
  boolean quiet;

  /**
   * @return {@link Main#OK} or {@link Main#CHECK_FAILED}
   */
  abstract int run() throws Exception;

  @Override
  public final Integer call() {
    try {
      int status = run();
      out().flush();
      return status;
    } catch (UsageException | IllegalArgumentException | MlopsException e) {
      return fail(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      return fail(e.getCause().toString(), e);
    } catch (OutOfMemoryError e) {
      return fail("out of memory (raise the heap with JAVA_OPTS=-Xmx...)", e);
    } catch (Exception | Error e) {
      // A bug rather than bad input; still one line unless --verbose.
      return fail("unexpected " + e, e);
    }
  }

  private int fail(@Nullable String message, Throwable e) {
    out().flush();
    PrintWriter err = err();
    err.println(spec.qualifiedName() + ": " + oneLine(message));
    if (verbose) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      err.print(sw);
    }
    err.flush();
    return Main.BAD_INPUT;
  }

  /**
   * @return the message as one line for the terminal: line breaks and other control characters
   *     escaped ({@link TerminalText#escape(String)}), for a message may quote names from data
   */
  static String oneLine(@Nullable String message) {
    if (message == null) {
      return "failed";
    }
    return TerminalText.escape(message);
  }

  /**
   * @return the progress of long work on standard error: shown when standard error is a terminal
   *     ({@link Main#stderrIsTerminal()} of the root command) and {@code --quiet} is not given,
   *     {@link Progress#off()} otherwise
   */
  Progress progress() {
    if (quiet) {
      return Progress.off();
    }
    Object root = spec.root().userObject();
    boolean terminal =
        root instanceof Main m ? m.stderrIsTerminal() : Main.standardErrorIsTerminal();
    return terminal ? Progress.to(err(), spec.qualifiedName()) : Progress.off();
  }

  /**
   * @return standard output of the command line
   */
  /** One line on standard error: {@code <command>: note: ...}, escaped. */
  void note(String text) {
    err().println(spec.qualifiedName() + ": note: " + TerminalText.escape(text));
    err().flush();
  }

  /**
   * Column names given to an option, stripped.
   *
   * @param given the option's values, or null when not given
   * @param option the option's name, for the message
   * @return the names, empty when not given
   * @throws UsageException {@code "<option> has an empty column name"} for a blank one
   */
  static List<String> names(@Nullable List<String> given, String option) {
    if (given == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String c : given) {
      if (c.isBlank()) {
        throw new UsageException(option + " has an empty column name");
      }
      out.add(c.strip());
    }
    return out;
  }

  /**
   * What a command group answers when called without a subcommand: one line on standard error
   * naming its subcommands in declaration order, {@code "mlops runs: a subcommand is required:
   * list, show or compare (see 'mlops runs --help')"}.
   *
   * @param spec the group's spec
   * @return {@link Main#BAD_INPUT}
   */
  static int subcommandRequired(CommandSpec spec) {
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    String last = names.remove(names.size() - 1);
    String list = names.isEmpty() ? last : String.join(", ", names) + " or " + last;
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        spec.qualifiedName()
            + ": a subcommand is required: "
            + list
            + " (see '"
            + spec.qualifiedName()
            + " --help')");
    err.flush();
    return Main.BAD_INPUT;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * @return standard error of the command line
   */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
