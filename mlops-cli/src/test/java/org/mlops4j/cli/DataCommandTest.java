package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The 17 bytes of the file tracked below. */
  static final String RAW = "id,label\n1,0\n2,1\n";

  /** {@code printf 'id,label\n1,0\n2,1\n' | sha256sum} (GNU coreutils). */
  static final String RAW_SHA256 =
      "6544b67cdb24a86ab15b2dd86bd5045797ad0a926e647e04126b4437b7e0f48a";

  @TempDir Path dir;

  Path project;
  Path remote;

  @BeforeEach
  void project() throws IOException {
    project = Files.createDirectories(dir.resolve("project"));
    Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("data/raw.csv"), RAW);
    remote = Files.createDirectories(dir.resolve("remote"));
  }

  Cli.Result data(Path root, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "data";
    all[1] = args[0];
    all[2] = "--project=" + root;
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Cli.run(all);
  }

  @Test
  void add_writesThePointerWithTheFilesSha256() throws IOException {
    Cli.Result r = data(project, "add", project.resolve("data/raw.csv").toString(), "--json", "-");
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode added = JSON.readTree(r.out()).get("added").get(0);
    assertThat(added.get("format").asText()).isEqualTo("mlops4j.data-pointer");
    assertThat(added.at("/hash/value").asText()).isEqualTo(RAW_SHA256);
    assertThat(added.get("size").asLong()).isEqualTo(17);
    assertThat(added.get("directory").asBoolean()).isFalse();
    assertThat(Files.readString(project.resolve("data/raw.csv.mlops"))).contains(RAW_SHA256);
    assertThat(Files.readString(project.resolve("data/.gitignore"))).isEqualTo("/raw.csv\n");

    Cli.Result text = data(project, "status");
    assertThat(text.out())
        .isEqualTo("data status: 1 tracked, 0 changed\n  UNCHANGED cached     data/raw.csv\n");
  }

  @Test
  void pushThenPullInACloneWithOnlyThePointer_givesTheSameBytes() throws IOException {
    assertThat(data(project, "add", project.resolve("data/raw.csv").toString()).status()).isZero();
    Cli.Result push = data(project, "push", "--remote", remote.toString());
    assertThat(push.status()).as(push.toString()).isZero();
    assertThat(push.out())
        .isEqualTo("push " + remote + ": 1 objects (17 bytes) transferred, 0 already present\n");

    Path clone = Files.createDirectories(dir.resolve("clone/data"));
    Files.copy(project.resolve("data/raw.csv.mlops"), clone.resolve("raw.csv.mlops"));
    Path cloneRoot = clone.getParent();
    Cli.Result before = data(cloneRoot, "status", "--check");
    assertThat(before.status()).as(before.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(before.out()).contains("MISSING   not-cached data/raw.csv");

    Cli.Result pull = data(cloneRoot, "pull", "--remote", remote.toString(), "--json", "-");
    assertThat(pull.status()).as(pull.toString()).isZero();
    JsonNode t = JSON.readTree(pull.out());
    assertThat(t.get("transferred").asInt()).isEqualTo(1);
    assertThat(t.get("bytes").asLong()).isEqualTo(17);
    assertThat(t.get("placed").get(0).asText()).isEqualTo("data/raw.csv");
    assertThat(Files.readString(clone.resolve("raw.csv"))).isEqualTo(RAW);
    assertThat(data(cloneRoot, "status", "--check").status()).isZero();
    assertThat(data(cloneRoot, "verify").status()).isZero();

    // a second push has nothing to send
    Cli.Result again = data(project, "push", "--remote", remote.toString());
    assertThat(again.out()).contains("0 objects (0 bytes) transferred, 1 already present");
  }

  @Test
  void verifyRemote_findsACorruptObject_andExitsWithOne() throws IOException {
    data(project, "add", project.resolve("data/raw.csv").toString());
    data(project, "push", "--remote", remote.toString());
    // the remote's copy of the object, named by the hash's last 62 hex digits (DVC's layout)
    List<Path> objects;
    try (Stream<Path> s = Files.walk(remote)) {
      objects = s.filter(p -> p.getFileName().toString().equals(RAW_SHA256.substring(2))).toList();
    }
    assertThat(objects).hasSize(1);
    Files.writeString(objects.get(0), "id,label\n1,0\n2,0\n");
    Cli.Result r = data(project, "verify", "--remote", remote.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(Main.CHECK_FAILED);
    assertThat(r.out()).contains("1 corrupt").contains("corrupt " + RAW_SHA256);
    assertThat(r.err())
        .isEqualTo("mlops data verify: 1 corrupt, 0 missing" + System.lineSeparator());
  }

  @Test
  void progress_onATerminal_namesTheTransfer_andQuietSilencesIt() {
    data(project, "add", project.resolve("data/raw.csv").toString());
    Cli.Result shown =
        Cli.runOnTerminal(
            "data", "push", "--project", project.toString(), "--remote", remote.toString());
    assertThat(shown.status()).as(shown.toString()).isZero();
    assertThat(shown.err()).contains("mlops data push: push: 1 objects (17 bytes) to transfer");
    assertThat(shown.out()).startsWith("push ");

    Path other = dir.resolve("remote2");
    Cli.Result quiet =
        Cli.runOnTerminal(
            "data",
            "push",
            "--project",
            project.toString(),
            "--remote",
            other.toString(),
            "--quiet");
    assertThat(quiet.status()).as(quiet.toString()).isZero();
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void badInput_isOneLineWithStatusTwo() throws IOException {
    Cli.Result noRemote = data(project, "push");
    assertThat(noRemote.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(noRemote.err())
        .isEqualTo(
            "mlops data push: a remote is required: give --remote URL (a folder or"
                + " s3://bucket/prefix), set MLOPS_REMOTE, or set the project's default remote"
                + " with 'mlops data remote URL' (written to "
                + project.resolve("mlops.yaml")
                + ")"
                + System.lineSeparator());

    Path outside = Files.writeString(dir.resolve("outside.csv"), "x\n");
    Cli.Result out = data(project, "add", outside.toString());
    assertThat(out.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(out.err()).startsWith("mlops data add: path must be inside the project root");

    Cli.Result scheme = data(project, "fetch", "--remote", "gopher://x/y");
    assertThat(scheme.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(scheme.err()).contains("but was 'gopher://x/y'");

    // a modification not in the cache: checkout refuses unless --force
    data(project, "add", project.resolve("data/raw.csv").toString());
    Path raw = project.resolve("data/raw.csv");
    Files.delete(raw); // linked to the read-only cache object: replace, do not edit in place
    Files.writeString(raw, "changed\n");
    Cli.Result refused = data(project, "checkout");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(Main.BAD_INPUT);
    assertThat(Files.readString(raw)).isEqualTo("changed\n");
    Cli.Result forced = data(project, "checkout", "--force");
    assertThat(forced.status()).as(forced.toString()).isZero();
    assertThat(Files.readString(raw)).isEqualTo(RAW);
  }

  @Test
  void theProjectsDefaultRemote_isSetOnce_andUsedByPushAndPull() throws IOException {
    Cli.Result none = data(project, "remote");
    assertThat(none.out()).startsWith("no default remote");
    Cli.Result set = data(project, "remote", remote.toString());
    assertThat(set.status()).as(set.toString()).isZero();
    assertThat(set.out()).isEqualTo(remote + "\n");
    data(project, "add", project.resolve("data/raw.csv").toString());
    Cli.Result push = data(project, "push", "--remote", "");
    assertThat(push.status()).as(push.toString()).isZero();
    assertThat(push.out()).startsWith("push " + remote + ": 1 objects (17 bytes)");
  }

  @Test
  void json_isTheLibrarysDocument_withTheProjectAfterIt() throws IOException {
    data(project, "add", project.resolve("data/raw.csv").toString());
    JsonNode s = JSON.readTree(data(project, "status", "--json", "-").out());
    assertThat(s.get("format").asText()).isEqualTo("mlops4j.data-status");
    assertThat(s.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(s.get("clean").asBoolean()).isTrue();
    assertThat(s.get("project").asText()).isEqualTo(project.toString());
    JsonNode gc = JSON.readTree(data(project, "gc", "--dry-run", "--json", "-").out());
    assertThat(gc.get("format").asText()).isEqualTo("mlops4j.data-gc");
    JsonNode v = JSON.readTree(data(project, "verify", "--json", "-").out());
    assertThat(v.get("format").asText()).isEqualTo("mlops4j.data-verification");
    assertThat(v.get("checked").asInt()).isEqualTo(1);
  }

  @Test
  void html_isTheLibrarysPage_andTheTextStillPrints() throws IOException {
    data(project, "add", project.resolve("data/raw.csv").toString());
    Files.delete(project.resolve("data/raw.csv"));
    Path page = dir.resolve("status.html");
    Cli.Result r = data(project, "status", "--html", page.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("data status: 1 tracked, 1 changed");
    // one pointer, its file deleted above: 1 missing
    assertThat(Files.readString(page))
        .startsWith("<!DOCTYPE html>")
        .contains("1 missing (of 1 tracked): run `mlops data checkout`");
    Cli.Result stdout = data(project, "verify", "--html", "-");
    assertThat(stdout.out()).startsWith("<!DOCTYPE html>").contains("Data verification");
    Cli.Result both = data(project, "status", "--json", "-", "--html", "-");
    assertThat(both.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err()).contains("--json - and --html - cannot both write to standard output");
  }

  @Test
  void diff_betweenTwoCommits_andTheWorkTree() throws Exception {
    git("init", "-q");
    git("config", "user.email", "t@example.org");
    git("config", "user.name", "t");
    data(project, "add", project.resolve("data/raw.csv").toString());
    git("add", "-A");
    git("commit", "-q", "-m", "v1");
    Path raw = project.resolve("data/raw.csv");
    Files.delete(raw);
    Files.writeString(raw, RAW + "3,0\n");
    Files.writeString(project.resolve("data/new.csv"), "x\n");
    data(project, "add", raw.toString());
    data(project, "add", project.resolve("data/new.csv").toString());

    Cli.Result work = data(project, "diff", "HEAD");
    assertThat(work.status()).as(work.toString()).isZero();
    assertThat(work.out())
        .isEqualTo(
            "data diff HEAD..workspace: 1 added, 0 removed, 1 modified\n"
                + "  ADDED     data/new.csv\n"
                + "  MODIFIED  data/raw.csv\n");
    git("add", "-A");
    git("commit", "-q", "-m", "v2");
    JsonNode d = JSON.readTree(data(project, "diff", "HEAD~1", "HEAD", "--json", "-").out());
    assertThat(d.get("format").asText()).isEqualTo("mlops4j.data-diff");
    assertThat(d.get("to").asText()).isEqualTo("HEAD");
    assertThat(d.at("/changes/1/fromHash").asText()).isEqualTo(RAW_SHA256);

    Cli.Result bad = data(project, "diff", "nope");
    assertThat(bad.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).contains("git ls-tree").contains("nope");
  }

  private void git(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p =
        new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }
}
