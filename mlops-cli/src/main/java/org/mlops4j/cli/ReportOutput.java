package org.mlops4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.Progress;
import org.mlops4j.cli.internal.UsageException;
import picocli.CommandLine.Option;

/**
 * The outputs that {@code mlops drift} and {@code mlops fairness} share (a picocli mixin): {@code
 * --json OUT} for the library's JSON document extended with the command's own fields, {@code --html
 * OUT} for an HTML page with the library's report and the files read ({@code Pages}), {@code -} for
 * standard output, and the text table on standard output when neither takes it.
 */
final class ReportOutput {

  @Option(
      names = "--json",
      paramLabel = "OUT",
      description =
          "Write the JSON report (the library's, plus the files read) to OUT ('-' for standard"
              + " output).")
  @Nullable String json;

  @Option(
      names = "--html",
      paramLabel = "OUT",
      description =
          "Write the HTML report (the library's, with the files read) to OUT ('-' for standard"
              + " output).")
  @Nullable String html;

  /**
   * @throws UsageException if both outputs go to standard output
   */
  void check() {
    if ("-".equals(json) && "-".equals(html)) {
      throw new UsageException("--json - and --html - cannot both write to standard output");
    }
  }

  /**
   * @return whether standard output is free for the text table (neither {@code --json -} nor {@code
   *     --html -})
   */
  boolean tableOnStandardOutput() {
    return !"-".equals(json) && !"-".equals(html);
  }

  /**
   * Writes the JSON document and the HTML page where asked; each is made only when asked for.
   *
   * @param document the JSON document
   * @param page the HTML page
   * @param stdout standard output, for {@code -}
   * @param progress where to say which file is written (nothing is said of standard output)
   */
  void write(
      Supplier<Map<String, Object>> document,
      Supplier<String> page,
      PrintWriter stdout,
      Progress progress) {
    if (json != null) {
      if (!"-".equals(json)) {
        progress.phase("writing " + json);
      }
      Documents.write(json, Documents.json(document.get()), stdout);
    }
    if (html != null) {
      if (!"-".equals(html)) {
        progress.phase("writing " + html);
      }
      Documents.write(html, page.get(), stdout);
    }
  }
}
