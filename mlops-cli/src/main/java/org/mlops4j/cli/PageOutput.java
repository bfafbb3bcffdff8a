package org.mlops4j.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --html OUT} of {@code mlops data status|verify|diff} (a picocli mixin): the library
 * result's own page ({@code toHtml()}), written atomically, {@code -} for standard output.
 */
final class PageOutput {

  @Option(
      names = "--html",
      paramLabel = "OUT",
      description =
          "Write the result as a self-contained HTML page to OUT ('-' for standard output).")
  @Nullable String html;

  /**
   * @param json the {@code --json} target, or null
   * @throws UsageException if both would write to standard output
   */
  void check(@Nullable String json) {
    if ("-".equals(json) && "-".equals(html)) {
      throw new UsageException("--json - and --html - cannot both write to standard output");
    }
  }

  /**
   * @return whether the page takes standard output
   */
  boolean onStandardOutput() {
    return "-".equals(html);
  }

  /**
   * Writes the page where asked; it is made only then.
   *
   * @param page the page
   * @param stdout standard output, for {@code -}
   */
  void write(Supplier<String> page, PrintWriter stdout) {
    String target = html;
    if (target != null) {
      Documents.write(target, page.get(), stdout);
    }
  }
}
