package org.mlops4j.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.mlops4j.cli.internal.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code mlops} command: drift, fairness and slice checks over CSV files, a look at the runs
 * and the model registry of a local store with gated promotion, data versioning with pointer files,
 * and model cards, without writing Java.
 *
 * <pre>
 * mlops drift --reference train.csv --current today.csv --json - --fail-on-drift
 * mlops fairness --data scored.csv --label y --score p --threshold 0.5 --group sex \
 *     --fail-if demographic_parity_difference&gt;0.1
 * mlops slices --data scored.csv --label y --prediction y_hat --fail-on-slice
 * mlops runs list --store ./mlruns
 * mlops registry promote churn 2 --stage Production --gates gates.json
 * mlops data pull --remote s3://team-bucket/project
 * mlops card --model churn --version 2 --format md --out MODEL_CARD.md
 * </pre>
 *
 * <p>Exit status: {@value #OK} on success, {@value #CHECK_FAILED} when a requested check fails
 * ({@code --fail-on-drift}, {@code --fail-if}, {@code --fail-on-slice}, a refused promotion, {@code
 * data status --check}, {@code data verify}, {@code card --strict}), {@value #BAD_INPUT} on bad
 * usage or bad input (missing file, unknown column, malformed CSV...), with one line on standard
 * error naming the problem; {@code --verbose} adds the stack trace.
 *
 * <p>In-process use (tests, other tools):
 *
 * <pre>{@code
 * int status = new CommandLine(new Main()).execute("drift", "--reference", "a.csv", "--current", "b.csv");
 * }</pre>
 *
 * Bad usage (an unknown option, a missing required option) is reported in one line, with a pointer
 * to {@code --help}, rather than followed by the whole usage help.
 *
 * @since 0.1.0
 */
@Command(
    name = "mlops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Drift, fairness and slice checks over CSV files; the runs and the model registry of a"
          + " local store; data versioning with pointer files; model cards.",
      "",
      "Exit status: 0 success, 1 a requested check failed (--fail-on-drift, --fail-if,"
          + " --fail-on-slice, a refused promotion, data status --check, data verify, card"
          + " --strict), 2 bad usage or bad input (one line on stderr; --verbose adds the stack"
          + " trace)."
    },
    modelTransformer = Main.OneLineUsageErrors.class,
    subcommands = {
      DriftCommand.class,
      FairnessCommand.class,
      SlicesCommand.class,
      RunsCommand.class,
      RegistryCommand.class,
      DataCommand.class,
      CardCommand.class,
      CommandLine.HelpCommand.class
    },
    usageHelpAutoWidth = true)
public final class Main implements Callable<Integer> {

  /** Exit status on success. */
  public static final int OK = 0;

  /** Exit status when a requested check fails: drift found, a fairness criterion exceeded. */
  public static final int CHECK_FAILED = 1;

  /** Exit status on bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  private final BooleanSupplier stderrIsTerminal;

  /**
   * Creates the top-level command; run it with {@code new CommandLine(new Main()).execute(args)}.
   * Progress shows on standard error when it is a terminal (see the README, "Progress and {@code
   * --quiet}").
   */
  public Main() {
    this(Main::standardErrorIsTerminal);
  }

  /**
   * Creates the top-level command whose commands show progress when {@code stderrIsTerminal} says
   * so (tests force it on or off).
   *
   * @param stderrIsTerminal whether standard error is a terminal
   */
  Main(BooleanSupplier stderrIsTerminal) {
    this.stderrIsTerminal = stderrIsTerminal;
  }

  /**
   * @return whether standard error is a terminal, so that progress may be shown there
   */
  boolean stderrIsTerminal() {
    return stderrIsTerminal.getAsBoolean();
  }

  /**
   * Whether standard error is a terminal. On Linux, where {@code /proc/self/fd/2} names it, whether
   * that is a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}): so {@code 2>log}, a pipe or
   * a CI log shows no progress, and {@code --json - | jq} at a terminal does. Elsewhere the JDK's
   * test: {@link System#console()} is not null (on Java 17 to 21, standard input and output are a
   * terminal), and on Java 22 and later, where a console exists without a terminal, also {@code
   * Console.isTerminal()}.
   *
   * @return whether standard error is a terminal
   */
  static boolean standardErrorIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed to look: the JDK's test
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before Java 22 a console is a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs the command line and exits the JVM with its status.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * @return a {@code CommandLine} for {@code mlops}, the same as {@code new CommandLine(new
   *     Main())}: bad usage is one line on standard error with a pointer to {@code --help}, and the
   *     exit status follows {@link Main}
   */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  /**
   * Installs the one-line bad-usage handler on the {@code CommandLine} being built, so that {@code
   * new CommandLine(new Main())} behaves as the installed tool (picocli applies model transformers
   * once the spec is bound to its {@code CommandLine}).
   */
  static final class OneLineUsageErrors implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      if (spec.commandLine() != null) {
        spec.commandLine().setParameterExceptionHandler(Main::handleUsageError);
      }
      return spec;
    }
  }

  private static int handleUsageError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    String hint = "";
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      hint = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    // the message quotes the arguments as given: escaped, one line
    err.println(
        name
            + ": "
            + TerminalText.escape(String.valueOf(ex.getMessage()) + hint)
            + " (see '"
            + name
            + " --help')");
    err.flush();
    return BAD_INPUT;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "mlops: a command is required: drift, fairness, slices, runs, registry, data or card"
            + " (see 'mlops --help')");
    err.flush();
    return BAD_INPUT;
  }
}
