package org.mlops4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.Documents;
import org.mlops4j.cli.internal.Progress;
import org.mlops4j.cli.internal.TerminalText;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataDiff;
import org.mlops4j.pipeline.DataGcResult;
import org.mlops4j.pipeline.DataPointer;
import org.mlops4j.pipeline.DataStatus;
import org.mlops4j.pipeline.DataTransfer;
import org.mlops4j.pipeline.DataVerification;
import org.mlops4j.pipeline.ProjectConfig;
import org.mlops4j.pipeline.TransferListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlops data}: data versioning with pointer files ({@link Data}): add, status, checkout,
 * diff, push, fetch, pull, verify, gc, and the project's default remote. Each subcommand is one
 * call of {@link Data} and prints its result's {@code toString()}; {@code --json} writes the
 * result's own JSON ({@code toJson()}; for {@code add}, each pointer's) with the command's {@code
 * project} after it, and {@code --html} (status, verify, diff) the result's own page ({@code
 * toHtml()}).
 */
@Command(
    name = "data",
    header = "Data versioning: pointer files in git, the data in a cache and on a remote.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Data versioning as DVC does it: 'add' stores a file or folder in the project's cache"
          + " (.mlops/cache) and writes a small pointer <path>.mlops to commit; 'push' uploads"
          + " what the remote lacks, 'pull' downloads and checks out what the pointers name."
          + " A remote is a folder or s3://bucket/prefix (credentials, region and endpoint from"
          + " the usual AWS settings or the URL's query), given with --remote, the environment"
          + " variable MLOPS_REMOTE, or the project's default remote in mlops.yaml (commit it;"
          + " set it with 'mlops data remote URL').",
      "",
      "Exit status: 0 success, 1 with 'status --check' when data differs from its pointers, or"
          + " when 'verify' finds corrupt or missing objects; 2 bad usage or bad input (a path"
          + " outside the project, a failed transfer, a modification that checkout would lose)."
    },
    subcommands = {
      DataCommand.Add.class,
      DataCommand.Status.class,
      DataCommand.Checkout.class,
      DataCommand.Diff.class,
      DataCommand.Push.class,
      DataCommand.Fetch.class,
      DataCommand.Pull.class,
      DataCommand.Verify.class,
      DataCommand.Gc.class,
      DataCommand.Remote.class
    })
final class DataCommand implements java.util.concurrent.Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return AbstractCommand.subcommandRequired(spec);
  }

  /** Options shared by the data subcommands. */
  abstract static class ProjectCommand extends AbstractCommand {
    @Mixin ProjectOption projectOption = new ProjectOption();

    /** The project's root folder ({@code --project}). */
    Path project() {
      return projectOption.dir;
    }

    @Option(
        names = "--json",
        paramLabel = "OUT",
        description = "Write the result as JSON to OUT ('-' for standard output).")
    @Nullable String json;

    /** The remote, for the subcommands that take one. */
    @Nullable String remote() {
      return null;
    }

    /** The transfers at once, for the subcommands that take them. */
    int transfers() {
      return 8;
    }

    /**
     * @return the data engine of the project, its transfers' progress on standard error
     */
    Data data(Progress progress) {
      Data.Builder b = Data.builder(project()).transfers(transfers());
      String url = remote();
      if (url != null) {
        b.remote(url);
      }
      Listener l = new Listener(progress, err(), spec.qualifiedName());
      listener = l;
      return b.listener(l).build();
    }

    /** The listener of {@link #data(Progress)}'s engine, whose progress line ends with the call. */
    @Nullable Listener listener;

    /** Paths as given, relative to the current directory. */
    static List<Path> absolute(@Nullable List<Path> paths) {
      if (paths == null) {
        return List.of();
      }
      return paths.stream().map(Path::toAbsolutePath).toList();
    }

    /**
     * Runs a call of {@link Data}; a refusal it states as {@link IllegalStateException} (a
     * modification checkout would lose) is bad input here, with the library's sentence.
     */
    <T> T call(Supplier<T> call) {
      try {
        return call.get();
      } catch (IllegalStateException e) {
        throw new UsageException(String.valueOf(e.getMessage()));
      } finally {
        Listener l = listener;
        if (l != null) {
          l.close(); // clears the progress line before the result or the error
        }
      }
    }

    /** Writes the JSON where asked, and the text unless the JSON took standard output. */
    void print(Map<String, Object> document, String text) {
      print(document, text, null, () -> "");
    }

    /**
     * Writes the JSON and the page where asked, and the text unless one of them took standard
     * output.
     */
    void print(
        Map<String, Object> document,
        String text,
        @Nullable PageOutput page,
        Supplier<String> html) {
      if (json != null) {
        Documents.write(json, Documents.json(document), out());
      }
      if (page != null) {
        page.write(html, out());
      }
      if (!"-".equals(json) && (page == null || !page.onStandardOutput())) {
        out().print(TerminalText.escapeLines(text));
      }
      out().flush();
    }

    /** The document's first fields: the project. */
    Map<String, Object> document() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("project", project().toString());
      return doc;
    }

    /** The library's document ({@code toJson()}), then the project. */
    Map<String, Object> document(String libraryJson) {
      Map<String, Object> doc = Documents.document(libraryJson);
      doc.put("project", project().toString());
      return doc;
    }
  }

  /** Options of the subcommands that talk to a remote. */
  abstract static class RemoteCommand extends ProjectCommand {
    @Mixin RemoteOptions remoteOptions = new RemoteOptions();

    @Override
    @Nullable String remote() {
      return remoteOptions.resolve(project());
    }

    @Override
    int transfers() {
      return remoteOptions.transfers;
    }

    /** The remote, which this subcommand needs. */
    void requireRemote() {
      remoteOptions.require(project());
    }
  }

  /** The progress of transfers, on standard error, and their failures, one line each. */
  static final class Listener implements TransferListener {
    private final Progress progress;
    private final PrintWriter err;
    private final String command;
    private Progress.@Nullable Transfer current;

    Listener(Progress progress, PrintWriter err, String command) {
      this.progress = progress;
      this.err = err;
      this.command = command;
    }

    @Override
    public synchronized void planned(String operation, int objects, long bytes) {
      close();
      progress.phase(operation + ": " + objects + " objects (" + bytes + " bytes) to transfer");
      current = progress.transfer(operation, objects, bytes);
    }

    @Override
    public void transferred(String hash, long bytes) {
      Progress.Transfer t;
      synchronized (this) {
        t = current;
      }
      if (t != null) {
        t.done(bytes);
      }
    }

    @Override
    public synchronized void failed(String hash, String problem) {
      close();
      err.println(command + ": failed " + hash + ": " + TerminalText.escape(problem));
      err.flush();
    }

    synchronized void close() {
      Progress.Transfer t = current;
      if (t != null) {
        t.close();
        current = null;
      }
    }
  }

  /** Runs a transfer and prints it. */
  abstract static class TransferCommand extends RemoteCommand {
    @Parameters(
        arity = "0..*",
        paramLabel = "PATH",
        description = "Data paths or pointer files (default: every pointer).")
    @Nullable List<Path> paths;

    @Override
    int run() {
      Progress progress = progress();
      Data data = data(progress);
      DataTransfer t =
          call(
              () -> {
                requireRemote();
                return transfer(data, absolute(paths));
              });
      print(document(t.toJson()), t.toString());
      return Main.OK;
    }

    /** Runs the transfer over the targets (empty: every pointer). */
    abstract DataTransfer transfer(Data data, List<Path> targets);
  }

  /** {@code mlops data add}. */
  @Command(
      name = "add",
      header = "Track files or folders: store them in the cache, write their pointers.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Store each file or folder in the cache and write its pointer <path>.mlops (commit it);"
              + " /<name> is added to the folder's .gitignore once. Adding again after a change"
              + " updates the pointer.")
  static final class Add extends ProjectCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to track.")
    List<Path> paths;

    @Override
    int run() {
      Progress progress = progress();
      Data data = data(progress);
      List<Map<String, Object>> added = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (Path p : absolute(paths)) {
        progress.phase("adding " + p);
        DataPointer ptr = call(() -> data.add(p));
        added.add(Documents.document(ptr.toJson()));
        text.append(ptr).append('\n');
      }
      Map<String, Object> doc = document();
      doc.put("added", added);
      print(doc, text.toString());
      return Main.OK;
    }
  }

  /** {@code mlops data status}. */
  @Command(
      name = "status",
      header = "How the tracked data stands against its pointers.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "For each pointer: UNCHANGED, MODIFIED (with a folder's added, removed and modified"
              + " files) or MISSING, and whether the cache holds its content.")
  static final class Status extends ProjectCommand {
    @Option(
        names = "--check",
        description = "Exit with status 1 when some data is modified or missing.")
    boolean check;

    @Mixin PageOutput page = new PageOutput();

    @Override
    int run() {
      page.check(json);
      Data data = data(progress());
      DataStatus s = call(data::status);
      print(document(s.toJson()), s.toString(), page, s::toHtml);
      return check && !s.clean() ? Main.CHECK_FAILED : Main.OK;
    }
  }

  /** {@code mlops data checkout}. */
  @Command(
      name = "checkout",
      header = "Put the data the pointers name in place, from the cache.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Put the data the pointers name in place from the local cache (no remote is contacted)."
              + " Data modified since it was added is replaced only if its content is in the"
              + " cache, or with --force.")
  static final class Checkout extends ProjectCommand {
    @Parameters(
        arity = "0..*",
        paramLabel = "PATH",
        description = "Data paths or pointer files (default: every pointer).")
    @Nullable List<Path> paths;

    @Option(names = "--force", description = "Discard modifications that are not in the cache.")
    boolean force;

    @Override
    int run() {
      Data data = data(progress());
      DataTransfer t = call(() -> data.checkout(absolute(paths), force));
      print(document(t.toJson()), t.toString());
      return Main.OK;
    }
  }

  /** {@code mlops data push}. */
  @Command(
      name = "push",
      header = "Upload to the remote what it lacks.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Upload the objects the pointers name that the remote lacks, several at once; a push"
              + " that failed part-way is resumed by running it again.")
  static final class Push extends TransferCommand {
    @Override
    DataTransfer transfer(Data data, List<Path> targets) {
      return data.push(targets);
    }
  }

  /** {@code mlops data fetch}. */
  @Command(
      name = "fetch",
      header = "Download into the cache what it lacks, without checking out.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Download into the local cache the objects the pointers name that it lacks; every"
              + " download is hashed before it enters the cache.")
  static final class Fetch extends TransferCommand {
    @Override
    DataTransfer transfer(Data data, List<Path> targets) {
      return data.fetch(targets);
    }
  }

  /** {@code mlops data pull}. */
  @Command(
      name = "pull",
      header = "Fetch, then check out.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Fetch what the cache lacks, then check the data out; the workspace is touched only once"
              + " everything was downloaded and checked.")
  static final class Pull extends TransferCommand {
    @Option(names = "--force", description = "Discard modifications that are not in the cache.")
    boolean force;

    @Override
    DataTransfer transfer(Data data, List<Path> targets) {
      return data.pull(targets, force);
    }
  }

  /** {@code mlops data verify}. */
  @Command(
      name = "verify",
      header = "Hash again every object the pointers name, in the cache or on the remote.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Hash again every object and folder manifest the pointers name: in the local cache"
              + " (a corrupt one is moved to .mlops/cache-quarantine), or with --remote on the"
              + " remote. Exit status 1 when one is corrupt or missing.")
  static final class Verify extends RemoteCommand {
    @Mixin PageOutput page = new PageOutput();

    @Override
    int run() {
      page.check(json);
      Data data = data(progress());
      DataVerification v = call(() -> remoteOptions.given() ? data.verifyRemote() : data.verify());
      print(document(v.toJson()), v.toString(), page, v::toHtml);
      if (!v.ok()) {
        err()
            .println(
                spec.qualifiedName()
                    + ": "
                    + v.corrupt().size()
                    + " corrupt, "
                    + v.missing().size()
                    + " missing");
        err().flush();
        return Main.CHECK_FAILED;
      }
      return Main.OK;
    }
  }

  /** {@code mlops data gc}. */
  @Command(
      name = "gc",
      header = "Remove cache objects that nothing in the work tree names.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Remove the cache objects that no pointer, pipeline lock, kept lock or run-cache entry"
              + " in the work tree names; objects only other git revisions name go too (push"
              + " them first). --dry-run lists what would go.")
  static final class Gc extends ProjectCommand {
    @Option(names = "--dry-run", description = "Only list what would be removed.")
    boolean dryRun;

    @Override
    int run() {
      Data data = data(progress());
      DataGcResult g = call(() -> data.gc(dryRun));
      print(document(g.toJson()), g.toString());
      return Main.OK;
    }
  }

  /** {@code mlops data diff}. */
  @Command(
      name = "diff",
      header = "What data changed between two git revisions of the pointers.",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "List the data files added, removed and modified between two git revisions of the"
              + " pointer files (REV2 default: the pointers in the work tree). A folder's files are"
              + " listed one by one when both manifests are in the cache or on the remote.")
  static final class Diff extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "REV1", description = "The older git revision.")
    String from;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "REV2",
        description = "The newer git revision (default: the work tree).")
    @Nullable String to;

    @Mixin PageOutput page = new PageOutput();

    @Override
    int run() {
      page.check(json);
      Data data = data(progress());
      DataDiff d = call(() -> data.diff(from, to));
      print(document(d.toJson()), d.toString(), page, d::toHtml);
      return Main.OK;
    }
  }

  /** {@code mlops data remote}. */
  @Command(
      name = "remote",
      header = "Show or set the project's default remote (mlops.yaml).",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Without URL, print the project's default remote; with URL, write it to mlops.yaml at"
              + " the project root (commit that file). 'data push', 'pull', 'fetch' and 'runs"
              + " push|pull' use it when neither --remote nor MLOPS_REMOTE is given.")
  static final class Remote extends ProjectCommand {
    @Parameters(
        arity = "0..1",
        paramLabel = "URL",
        description = "The default remote: a folder or s3://bucket/prefix.")
    @Nullable String url;

    @Override
    int run() {
      ProjectConfig config = ProjectConfig.load(project());
      String u = url;
      if (u != null) {
        config = config.remote(u);
        config.save(project());
      }
      Map<String, Object> doc = document();
      doc.put("remote", config.remote().orElse(null));
      String text =
          config
              .remote()
              .map(r -> r + "\n")
              .orElse(
                  "no default remote: set one with 'mlops data remote URL' (written to "
                      + project().resolve(ProjectConfig.FILE_NAME)
                      + ")\n");
      print(doc, text);
      return Main.OK;
    }
  }
}
