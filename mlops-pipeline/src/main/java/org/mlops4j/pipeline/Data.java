package org.mlops4j.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.AtomicFiles.Durability;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.ParallelTransfers.Tally;
import org.mlops4j.pipeline.internal.Digest;
import org.mlops4j.pipeline.internal.Digester;
import org.mlops4j.pipeline.internal.FileHasher;
import org.mlops4j.pipeline.internal.ObjectCache;
import org.mlops4j.pipeline.internal.SafePaths;
import org.mlops4j.pipeline.internal.StateStore;

/**
 * Data versioning with pointer files, as DVC does it: git holds a small {@link DataPointer} file
 * ({@code <name>.mlops}) beside each tracked file or folder; the data itself goes into the
 * project's content-addressed cache ({@code .mlops/cache}, the cache the {@link Pipeline} uses) and
 * to a remote ({@link RemoteStorage}: a folder, or {@code s3://bucket/prefix} with the module
 * {@code mlops-storage-s3}). The hash links the two, so a clone of the repository gets back the
 * exact data with {@link #pull()}.
 *
 * <pre>{@code
 * Data data = Data.builder(Path.of(".")).remote("s3://team-bucket/project").build();
 * data.add(Path.of("data/raw.csv"));   // writes data/raw.csv.mlops, adds /raw.csv to data/.gitignore
 * data.push();                         // uploads what the remote lacks, 8 at a time
 * // ... in a clean clone:
 * data.pull();                         // downloads, checks SHA-256, puts data/raw.csv in place
 * }</pre>
 *
 * <p>One call per command, each returning a printable result: {@link #add(Path)}, {@link
 * #status()}, {@link #checkout()}, {@link #diff(String, String)}, {@link #push()}, {@link
 * #fetch()}, {@link #pull()}, {@link #verify()}, {@link #verifyRemote()}, {@link #gc(boolean)}.
 * Paths given relative are taken from the project root; a data path or its pointer's path may be
 * given.
 *
 * <p>Files. {@code add} first stores the content in the cache (each object durable before the
 * pointer is written: see {@link Pipeline}), then writes the pointer (durably) and appends {@code
 * /<name>} to the {@code .gitignore} of the data's folder, once. By default (as the pipeline's
 * outputs) the cache object is a hard link to the workspace file, so no byte is copied; the object
 * is made read-only, and so then is the file: replace such a file, do not edit it in place, or
 * build with {@link Builder#linkFiles(boolean) linkFiles(false)} to copy instead. {@code checkout}
 * builds the data in {@code .mlops/tmp} from the cache (links or copies, files of at most 1 MiB
 * hashed again), then renames it into place, so a failure leaves the workspace as it was.
 *
 * <p>Remote. The one given to the builder, else the project's default remote ({@code remote:} in
 * {@code mlops.yaml} at the project root, {@link ProjectConfig}), read when a transfer starts.
 *
 * <p>Transfers. {@link #push()}, {@link #fetch()} and {@link #pull()} list the destination once and
 * transfer only the objects it lacks, {@link Builder#transfers(int) 8 at a time} by default, folder
 * manifests after the objects they name (so a manifest on a remote implies its files are there).
 * Everything downloaded is hashed before it enters the cache: an object that does not match its
 * name is deleted and named in the exception, never placed. A transfer that fails part-way keeps
 * what was done; running it again transfers the rest. Progress goes to a {@link TransferListener}.
 *
 * <p>Runs and registered models of a tracking store go to the same remote through {@link
 * TrackingRemote}, their files stored as the same content-addressed objects.
 *
 * <p>A pipeline stage may take a tracked path as input: {@code mlops.lock} records the same hash as
 * the pointer, so a run elsewhere knows which data to pull. {@link Pipeline#gc(int)} keeps every
 * object a pointer in the work tree names, and {@link #gc(boolean)} every object the pipeline's
 * locks and run cache name. Pointers only in other git revisions are not looked at: push first.
 *
 * @since 0.1.0
 */
public final class Data {
  private static final String CACHE_PREFIX = "cache/";

  private final Path root;
  private final ObjectCache cache;
  private final @Nullable String remoteUrl;
  private final @Nullable RemoteStorage remoteGiven;
  private final int transfers;
  private final TransferListener listener;
  private final boolean link;
  private @Nullable StateStore state;

  private Data(Builder b, Path root) {
    this.root = root;
    this.remoteUrl = b.remoteUrl;
    this.remoteGiven = b.remote;
    this.transfers = b.transfers;
    this.listener = b.listener;
    this.link = b.link;
    Path mlops = root.resolve(Pipeline.MLOPS_DIR);
    this.cache =
        new ObjectCache(
            mlops.resolve("cache"), mlops.resolve("runs"), mlops.resolve(Pipeline.QUARANTINE_DIR));
  }

  /**
   * @param projectRoot an existing folder: the project (usually the git work tree's root)
   * @return a builder
   * @throws NullPointerException if projectRoot is null
   */
  public static Builder builder(Path projectRoot) {
    return new Builder(Require.nonNull(projectRoot, "projectRoot"));
  }

  /**
   * The data of a project, without a remote, with the defaults of {@link Builder}.
   *
   * @param projectRoot an existing folder
   * @return the data engine
   * @throws IllegalArgumentException if projectRoot is not a folder
   */
  public static Data create(Path projectRoot) {
    return builder(projectRoot).build();
  }

  /**
   * @return the project root (real path)
   */
  public Path projectRoot() {
    return root;
  }

  // ---------------------------------------------------------------- add

  /**
   * Starts tracking a file or folder: stores its content in the cache and writes {@code
   * <path>.mlops}; adding it again after a change updates the pointer.
   *
   * @param path the data, relative to the project root or absolute
   * @return the pointer written
   * @throws NullPointerException if path is null
   * @throws IllegalArgumentException {@code path must be inside the project root <root>, but was
   *     <path>}, or if it does not exist, is in {@code .mlops} or {@code .git}, or is a pointer
   * @throws MlopsException if reading, storing or writing fails, or a pipeline run holds the
   *     project
   */
  public DataPointer add(Path path) {
    Path data = inside(Require.nonNull(path, "path"), "path");
    Require.argument(
        Files.exists(data, LinkOption.NOFOLLOW_LINKS), "path", "an existing file or folder", data);
    Require.argument(
        !data.getFileName().toString().endsWith(DataPointer.EXTENSION),
        "path",
        "data, not a pointer file",
        data);
    return locked(
        () -> {
          try {
            Digest d =
                digester().digest(data).orElseThrow(() -> new NoSuchFileException(data.toString()));
            Path scratch = scratch();
            if (d.directory()) {
              for (Digest.ManifestEntry e : d.entries()) {
                store(data.resolve(e.path()), e.hash(), scratch);
              }
              cache.writeManifest(d);
            } else {
              store(data, d.hash(), scratch);
            }
            String name = data.getFileName().toString();
            DataPointer pointer = DataPointer.of(name, d);
            AtomicFiles.write(pointerOf(data), pointer.toYaml(), Durability.DURABLE);
            ignore(data.getParent(), name);
            state().save();
            return pointer;
          } catch (IOException e) {
            throw new MlopsException(data + ": cannot be added: " + e.getMessage(), e);
          }
        });
  }

  private void store(Path file, String hash, Path scratch) throws IOException {
    if (cache.hasObject(hash)) {
      return;
    }
    Path tmp = scratch.resolve(AtomicFiles.temporaryName(hash));
    try {
      AtomicFiles.linkOrCopy(file, tmp, link);
      cache.storeFile(tmp, hash, state());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Appends {@code /name} to {@code folder/.gitignore} unless a line says so already. */
  private static void ignore(Path folder, String name) throws IOException {
    Path gi = folder.resolve(".gitignore");
    String line = "/" + name;
    String text = "";
    if (Files.isRegularFile(gi)) {
      text = Files.readString(gi, StandardCharsets.UTF_8);
      for (String l : text.split("\r?\n", -1)) {
        if (l.strip().equals(line)) {
          return;
        }
      }
    }
    String updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n";
    AtomicFiles.write(gi, updated, Durability.ATOMIC);
  }

  // ---------------------------------------------------------------- status

  /**
   * Says, for every pointer in the project, whether the data in the workspace matches it (unchanged
   * files are not read again: their hashes are known by size, mtime and inode), whether the cache
   * holds its content, and for a folder which files were added, removed or modified.
   *
   * @return one item per pointer
   * @throws MlopsException if a pointer is malformed or a file cannot be read
   */
  public DataStatus status() {
    List<DataStatus.Item> items = new ArrayList<>();
    try {
      for (Tracked t : tracked(List.of())) {
        items.add(statusOf(t));
      }
      state().save();
    } catch (IOException e) {
      throw new MlopsException(root + ": data status failed: " + e.getMessage(), e);
    }
    return new DataStatus(items);
  }

  private DataStatus.Item statusOf(Tracked t) throws IOException {
    DataPointer p = t.pointer();
    Optional<Digest> now = digester().digest(t.data());
    boolean cached = cached(p);
    if (now.isEmpty()) {
      return new DataStatus.Item(
          t.rel(), DataState.MISSING, cached, List.of(), List.of(), List.of());
    }
    Digest d = now.get();
    if (d.hash().equals(p.hash()) && d.directory() == p.directory()) {
      return new DataStatus.Item(
          t.rel(), DataState.UNCHANGED, cached, List.of(), List.of(), List.of());
    }
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> modified = new ArrayList<>();
    if (p.directory() && d.directory() && hasManifest(p.hash())) {
      compare(
          entries(cache.readManifest(p.hash())),
          entries(d.entries()),
          "",
          added,
          removed,
          modified);
    }
    return new DataStatus.Item(t.rel(), DataState.MODIFIED, cached, added, removed, modified);
  }

  /**
   * Whether the cache holds the pointer's content: for a folder one stat per file (the manifest's
   * entries carry their object's size, -1 when missing).
   */
  private boolean cached(DataPointer p) throws IOException {
    if (!p.directory()) {
      return cache.hasObject(p.hash());
    }
    if (!hasManifest(p.hash())) {
      return false;
    }
    for (Digest.ManifestEntry e : cache.readManifest(p.hash())) {
      if (e.size() < 0) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> entries(List<Digest.ManifestEntry> es) {
    Map<String, String> m = new TreeMap<>();
    es.forEach(e -> m.put(e.path(), e.hash()));
    return m;
  }

  private static void compare(
      Map<String, String> before,
      Map<String, String> after,
      String prefix,
      List<String> added,
      List<String> removed,
      List<String> modified) {
    for (Map.Entry<String, String> e : after.entrySet()) {
      String old = before.get(e.getKey());
      if (old == null) {
        added.add(prefix + e.getKey());
      } else if (!old.equals(e.getValue())) {
        modified.add(prefix + e.getKey());
      }
    }
    for (String k : before.keySet()) {
      if (!after.containsKey(k)) {
        removed.add(prefix + k);
      }
    }
  }

  // ---------------------------------------------------------------- checkout

  /**
   * Puts every tracked path in the state its pointer names, from the local cache: as {@link
   * #checkout(List, boolean) checkout(List.of(), false)}.
   *
   * @return the paths placed ({@code transferred}) and those already matching ({@code
   *     alreadyPresent})
   */
  public DataTransfer checkout() {
    return checkout(List.of(), false);
  }

  /**
   * Puts the data the pointers name in place from the local cache (no remote is contacted: {@link
   * #pull()} fetches first). Data that already matches is left alone. Data modified since it was
   * added is replaced only if its current content is in the cache (so nothing is lost) or {@code
   * force} is set.
   *
   * @param targets data paths or pointer files; empty for every pointer in the project
   * @param force whether to discard modifications that are not in the cache
   * @return the paths placed ({@code transferred}) and those already matching ({@code
   *     alreadyPresent}); {@code placed} lists the paths placed
   * @throws MlopsException {@code <pointer>: names <hash>, which is not in the cache <dir> ...} if
   *     the content is not in the cache; nothing is changed then
   * @throws IllegalStateException if a modification would be lost and force is not set
   */
  public DataTransfer checkout(List<Path> targets, boolean force) {
    Require.nonNull(targets, "targets");
    return locked(() -> checkoutLocked(tracked(targets), force, "checkout", List.of()));
  }

  private DataTransfer checkoutLocked(
      List<Tracked> ts, boolean force, String op, List<String> triedRemotes) {
    List<String> placed = new ArrayList<>();
    int unchanged = 0;
    long bytes = 0;
    try {
      List<Tracked> todo = new ArrayList<>();
      for (Tracked t : ts) {
        DataPointer p = t.pointer();
        Optional<Digest> now = digester().digest(t.data());
        if (now.isPresent() && now.get().hash().equals(p.hash())) {
          unchanged++;
          continue;
        }
        if (!cache.has(p.hash(), p.directory())) {
          throw notCached(t, triedRemotes);
        }
        if (now.isPresent() && !force && !inCache(now.get())) {
          throw new IllegalStateException(
              t.rel()
                  + ": modified since it was added, and its content is not in the cache: add it,"
                  + " or check out with force to discard the changes");
        }
        todo.add(t);
      }
      Path scratch = scratch();
      for (Tracked t : todo) {
        DataPointer p = t.pointer();
        Path staged = cache.stage(p.hash(), p.directory(), scratch, link, true);
        try {
          Path target = SafePaths.placeInside(root, t.data());
          cache.switchInto(staged, target, p.directory(), scratch);
        } finally {
          AtomicFiles.deleteRecursively(staged);
        }
        cache.recordPlaced(p.hash(), p.directory(), t.data(), state());
        placed.add(t.rel());
        bytes += p.size();
      }
      state().save();
    } catch (IOException e) {
      throw new MlopsException(root + ": " + op + " failed: " + e.getMessage(), e);
    }
    return new DataTransfer(
        op, cache.objectsDir().toString(), placed.size(), unchanged, bytes, placed);
  }

  private boolean inCache(Digest d) throws IOException {
    if (!d.directory()) {
      return cache.hasObject(d.hash());
    }
    for (Digest.ManifestEntry e : d.entries()) {
      if (!cache.hasObject(e.hash())) {
        return false;
      }
    }
    return true;
  }

  private MlopsException notCached(Tracked t, List<String> tried) {
    return new MlopsException(
        t.pointerFile()
            + ": names "
            + t.pointer().hash()
            + (t.pointer().directory() ? " (a folder)" : "")
            + ", which is not in the cache "
            + cache.objectsDir()
            + (tried.isEmpty()
                ? "; no remote was tried: pull it from a remote"
                : " nor on the remote " + String.join(", ", tried)));
  }

  // ---------------------------------------------------------------- diff

  /**
   * Lists the data files added, removed and modified between two git revisions of the pointer
   * files, read with {@code git ls-tree} and {@code git show REV:path} in the project root. A
   * folder's files are listed one by one when both manifests are in the cache or can be fetched
   * from the remote; otherwise the folder is listed as one change.
   *
   * @param from a git revision (commit, branch, tag)
   * @param to a git revision, or null for the pointers in the workspace
   * @return the changes
   * @throws NullPointerException if from is null
   * @throws MlopsException if git fails (the message holds git's), or a pointer is malformed
   */
  public DataDiff diff(String from, @Nullable String to) {
    Require.nonNull(from, "from");
    Map<String, DataPointer> a = pointersAt(from);
    Map<String, DataPointer> b;
    if (to == null) {
      b = new TreeMap<>();
      for (Tracked t : tracked(List.of())) {
        b.put(t.rel(), t.pointer());
      }
    } else {
      b = pointersAt(to);
    }
    List<DataDiff.Change> out = new ArrayList<>();
    Set<String> all = new TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    try {
      for (String path : all) {
        DataPointer pa = a.get(path);
        DataPointer pb = b.get(path);
        Map<String, String> ea = filesOf(pa);
        Map<String, String> eb = filesOf(pb);
        if (pa != null && pb != null && pa.hash().equals(pb.hash())) {
          continue;
        }
        if ((pa == null || ea != null) && (pb == null || eb != null)) {
          Map<String, String> x = ea == null ? Map.of() : ea;
          Map<String, String> y = eb == null ? Map.of() : eb;
          for (String f : union(x.keySet(), y.keySet())) {
            String hx = x.get(f);
            String hy = y.get(f);
            String p = f.isEmpty() ? path : path + "/" + f;
            if (hx == null) {
              out.add(new DataDiff.Change(p, DataDiff.ChangeType.ADDED, null, hy));
            } else if (hy == null) {
              out.add(new DataDiff.Change(p, DataDiff.ChangeType.REMOVED, hx, null));
            } else if (!hx.equals(hy)) {
              out.add(new DataDiff.Change(p, DataDiff.ChangeType.MODIFIED, hx, hy));
            }
          }
        } else {
          DataDiff.ChangeType type =
              pa == null
                  ? DataDiff.ChangeType.ADDED
                  : pb == null ? DataDiff.ChangeType.REMOVED : DataDiff.ChangeType.MODIFIED;
          out.add(
              new DataDiff.Change(
                  path + "/", type, pa == null ? null : pa.hash(), pb == null ? null : pb.hash()));
        }
      }
    } catch (IOException e) {
      throw new MlopsException(root + ": data diff failed: " + e.getMessage(), e);
    }
    out.sort((x, y) -> x.path().compareTo(y.path()));
    return new DataDiff(from, to == null ? "workspace" : to, out);
  }

  private static Set<String> union(Set<String> x, Set<String> y) {
    Set<String> s = new TreeSet<>(x);
    s.addAll(y);
    return s;
  }

  /** A pointer's files: {"" : hash} for a file, the manifest for a folder, null if unknown. */
  private @Nullable Map<String, String> filesOf(@Nullable DataPointer p) throws IOException {
    if (p == null) {
      return Map.of();
    }
    if (!p.directory()) {
      return Map.of("", p.hash());
    }
    if (!hasManifest(p.hash()) && hasRemote()) {
      try (RemoteStorage r = openRemote()) {
        Set<String> keys = r.list(key(p.hash(), true));
        if (!keys.isEmpty()) {
          download(r, p.hash(), true);
        }
      } catch (IOException | MlopsException e) {
        return null;
      }
    }
    return hasManifest(p.hash()) ? entries(cache.readManifest(p.hash())) : null;
  }

  private Map<String, DataPointer> pointersAt(String rev) {
    Map<String, DataPointer> out = new TreeMap<>();
    String list = git("ls-tree", "-r", "-z", "--name-only", rev);
    for (String f : list.split("\0")) {
      if (f.isEmpty() || !f.endsWith(DataPointer.EXTENSION)) {
        continue;
      }
      String name = f.substring(f.lastIndexOf('/') + 1);
      String text = git("show", rev + ":./" + f);
      DataPointer p =
          DataPointer.parse(
              text,
              rev + ":" + f,
              name.substring(0, name.length() - DataPointer.EXTENSION.length()));
      out.put(f.substring(0, f.length() - DataPointer.EXTENSION.length()), p);
    }
    return out;
  }

  private String git(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    Path err = null;
    try {
      err = Files.createTempFile("mlops4j-git", ".err");
      Process proc =
          new ProcessBuilder(cmd)
              .directory(root.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      proc.getOutputStream().close();
      byte[] out = proc.getInputStream().readAllBytes();
      int exit = proc.waitFor();
      if (exit != 0) {
        throw new MlopsException(
            root
                + ": "
                + String.join(" ", cmd)
                + " failed (exit "
                + exit
                + "): "
                + Files.readString(err).strip());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MlopsException(
          root + ": cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlopsException(root + ": interrupted while running git", e);
    } finally {
      if (err != null) {
        try {
          Files.deleteIfExists(err);
        } catch (IOException e) {
          // a temporary file left in the temp folder
        }
      }
    }
  }

  // ---------------------------------------------------------------- transfers

  /**
   * Uploads to the remote every object the pointers of the project name that it lacks: as {@link
   * #push(List) push(List.of())}.
   *
   * @return what was uploaded
   */
  public DataTransfer push() {
    return push(List.of());
  }

  /**
   * Uploads to the remote the objects (and folder manifests) that the pointers name and that it
   * lacks, several at once; manifests go after all the objects. Objects already on the remote are
   * skipped, so a push that failed part-way is resumed by running it again.
   *
   * @param targets data paths or pointer files; empty for every pointer
   * @return what was uploaded
   * @throws IllegalStateException if no remote was configured, neither in the builder nor in the
   *     project's {@code mlops.yaml}
   * @throws MlopsException if an object is not in the local cache (nothing is uploaded then), or
   *     uploads failed ({@code push <url> failed for <n> of <m> objects ...}, the first cause
   *     attached)
   */
  public DataTransfer push(List<Path> targets) {
    Require.nonNull(targets, "targets");
    List<Tracked> ts = tracked(targets);
    try (RemoteStorage r = openRemote()) {
      Map<String, Obj> objects = new LinkedHashMap<>();
      Map<String, Obj> manifests = new LinkedHashMap<>();
      for (Tracked t : ts) {
        DataPointer p = t.pointer();
        if (!cache.has(p.hash(), p.directory())) {
          throw new MlopsException(
              t.pointerFile()
                  + ": names "
                  + p.hash()
                  + ", which is not (wholly) in the local cache "
                  + cache.objectsDir()
                  + ": add the data again, or pull it; nothing was pushed");
        }
        if (p.directory()) {
          manifests.put(p.hash(), new Obj(p.hash(), true, Files.size(cache.manifest(p.hash()))));
          for (Digest.ManifestEntry e : cache.readManifest(p.hash())) {
            objects.put(e.hash(), new Obj(e.hash(), false, e.size()));
          }
        } else {
          objects.put(p.hash(), new Obj(p.hash(), false, p.size()));
        }
      }
      Set<String> there = r.list(CACHE_PREFIX);
      List<Obj> send = new ArrayList<>();
      List<Obj> sendLast = new ArrayList<>();
      int present = 0;
      for (Obj o : objects.values()) {
        if (there.contains(o.key())) {
          present++;
        } else {
          send.add(o);
        }
      }
      for (Obj o : manifests.values()) {
        if (there.contains(o.key())) {
          present++;
        } else {
          sendLast.add(o);
        }
      }
      listener.planned("push", send.size() + sendLast.size(), sum(send) + sum(sendLast));
      Tally tally = new Tally();
      run("push", r, send, o -> r.upload(cache.object(o.hash()), o.key()), tally);
      run("push", r, sendLast, o -> r.upload(cache.manifest(o.hash()), o.key()), tally);
      return new DataTransfer(
          "push", r.url(), tally.count.get(), present, tally.bytes.get(), List.of());
    } catch (IOException e) {
      throw new MlopsException("push to " + remoteName() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Downloads into the local cache what the pointers of the project name and the cache lacks: as
   * {@link #fetch(List) fetch(List.of())}.
   *
   * @return what was downloaded
   */
  public DataTransfer fetch() {
    return fetch(List.of());
  }

  /**
   * Downloads into the local cache the objects and folder manifests that the pointers name and the
   * cache lacks, several at once; each is hashed before it enters the cache, and one that does not
   * match its name is deleted, never stored. The workspace is not touched.
   *
   * @param targets data paths or pointer files; empty for every pointer
   * @return what was downloaded
   * @throws IllegalStateException if no remote was configured, neither in the builder nor in the
   *     project's {@code mlops.yaml}
   * @throws MlopsException if objects are missing on the remote ({@code <pointer>: names <hash>,
   *     which is not in the cache ... nor on the remote <url>}), do not match their name, or
   *     downloads failed; what was downloaded and checked stays in the cache
   */
  public DataTransfer fetch(List<Path> targets) {
    Require.nonNull(targets, "targets");
    List<Tracked> ts = tracked(targets);
    return locked(
        () -> {
          try (RemoteStorage r = openRemote()) {
            return fetchLocked(ts, r);
          } catch (IOException e) {
            throw new MlopsException(
                "fetch from " + remoteName() + " failed: " + e.getMessage(), e);
          }
        });
  }

  private DataTransfer fetchLocked(List<Tracked> ts, RemoteStorage r) throws IOException {
    Set<String> there = r.list(CACHE_PREFIX);
    Tally tally = new Tally();
    List<String> missing = new ArrayList<>();
    Map<String, Tracked> manifestsNeeded = new LinkedHashMap<>();
    int present = 0;
    for (Tracked t : ts) {
      DataPointer p = t.pointer();
      if (p.directory()) {
        if (hasManifest(p.hash())) {
          present++;
        } else if (there.contains(key(p.hash(), true))) {
          manifestsNeeded.put(p.hash(), t);
        } else {
          missing.add(t.pointerFile() + ": " + p.hash());
        }
      }
    }
    List<Obj> manifests = new ArrayList<>();
    manifestsNeeded.keySet().forEach(h -> manifests.add(new Obj(h, true, 0)));
    Map<String, Obj> objects = new LinkedHashMap<>();
    for (Tracked t : ts) {
      DataPointer p = t.pointer();
      if (!p.directory()) {
        objects.put(p.hash(), new Obj(p.hash(), false, p.size()));
      }
    }
    // manifests first: they name the objects of a folder
    listener.planned("fetch", manifests.size(), 0);
    run("fetch", r, manifests, o -> download(r, o.hash(), true), tally);
    long planned = 0;
    for (Tracked t : ts) {
      DataPointer p = t.pointer();
      if (p.directory() && hasManifest(p.hash())) {
        long unknown = p.size();
        for (Digest.ManifestEntry e : cache.readManifest(p.hash())) {
          // an entry's size is its local object's, -1 when missing: known after the download
          objects.put(e.hash(), new Obj(e.hash(), false, Math.max(0, e.size())));
          unknown -= Math.max(0, e.size());
        }
        planned += Math.max(0, unknown);
      } else if (!p.directory() && !cache.hasObject(p.hash())) {
        planned += p.size();
      }
    }
    List<Obj> get = new ArrayList<>();
    for (Obj o : objects.values()) {
      if (cache.hasObject(o.hash())) {
        present++;
      } else if (there.contains(o.key())) {
        get.add(o);
      } else {
        missing.add(owner(ts, o.hash()) + ": " + o.hash());
      }
    }
    listener.planned("fetch", get.size(), planned);
    run("fetch", r, get, o -> download(r, o.hash(), false), tally);
    state().save();
    if (!missing.isEmpty()) {
      throw new MlopsException(
          missing.size()
              + " object(s) named by pointers are in neither the cache "
              + cache.objectsDir()
              + " nor the remote "
              + r.url()
              + ": "
              + String.join("; ", missing));
    }
    return new DataTransfer(
        "fetch", r.url(), tally.count.get(), present, tally.bytes.get(), List.of());
  }

  private String owner(List<Tracked> ts, String hash) throws IOException {
    for (Tracked t : ts) {
      DataPointer p = t.pointer();
      if (p.hash().equals(hash)) {
        return t.pointerFile().toString();
      }
      if (p.directory() && hasManifest(p.hash())) {
        for (Digest.ManifestEntry e : cache.readManifest(p.hash())) {
          if (e.hash().equals(hash)) {
            return t.pointerFile() + " (file " + e.path() + ")";
          }
        }
      }
    }
    return "?";
  }

  /**
   * Fetches and then checks out: as {@link #pull(List, boolean) pull(List.of(), false)}.
   *
   * @return what was downloaded, and the paths placed
   */
  public DataTransfer pull() {
    return pull(List.of(), false);
  }

  /**
   * {@link #fetch(List)}, then {@link #checkout(List, boolean)}: the workspace is touched only once
   * everything was downloaded and checked.
   *
   * @param targets data paths or pointer files; empty for every pointer
   * @param force whether the checkout discards modifications that are not in the cache
   * @return what was downloaded, and the paths placed
   * @throws IllegalStateException if no remote was configured, or a modification would be lost
   * @throws MlopsException as {@link #fetch(List)} and {@link #checkout(List, boolean)}
   */
  public DataTransfer pull(List<Path> targets, boolean force) {
    Require.nonNull(targets, "targets");
    List<Tracked> ts = tracked(targets);
    return locked(
        () -> {
          try (RemoteStorage r = openRemote()) {
            DataTransfer f = fetchLocked(ts, r);
            DataTransfer c = checkoutLocked(ts, force, "pull", List.of(r.url()));
            return new DataTransfer(
                "pull", r.url(), f.transferred(), f.alreadyPresent(), f.bytes(), c.placed());
          } catch (IOException e) {
            throw new MlopsException("pull from " + remoteName() + " failed: " + e.getMessage(), e);
          }
        });
  }

  /** Downloads an object or manifest into the cache, hashing it first. */
  private void download(RemoteStorage r, String hash, boolean manifest) throws IOException {
    Path tmp = scratch().resolve(AtomicFiles.temporaryName(hash));
    String k = key(hash, manifest);
    try {
      r.download(k, tmp);
      String actual = FileHasher.sha256(tmp);
      if (!actual.equals(hash)) {
        throw new MlopsException(
            r.url()
                + ": "
                + k
                + ": content does not match its name (SHA-256 "
                + actual
                + "); not placed in the cache");
      }
      if (manifest) {
        cache.copyTo(tmp, cache.manifest(hash), hash);
        cache.readManifest(hash); // refuses (and quarantines) a manifest with a bad entry
      } else {
        cache.storeFile(tmp, hash, state());
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ---------------------------------------------------------------- verify

  /**
   * Hashes again every object and folder manifest of the local cache that a pointer names, reading
   * every byte; a corrupt one is moved to {@code .mlops/cache-quarantine} (so it is never checked
   * out) and listed.
   *
   * @return what was checked, corrupt and missing
   * @throws MlopsException if a pointer is malformed or the cache cannot be read
   */
  public DataVerification verify() {
    TreeSet<String> corrupt = new TreeSet<>();
    TreeSet<String> missing = new TreeSet<>();
    int checked = 0;
    long bytes = 0;
    try {
      Set<String> objects = new TreeSet<>();
      for (Tracked t : tracked(List.of())) {
        DataPointer p = t.pointer();
        if (!p.directory()) {
          objects.add(p.hash());
          continue;
        }
        Path m = cache.manifest(p.hash());
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
          missing.add(p.hash());
          continue;
        }
        checked++;
        bytes += Files.size(m);
        try {
          cache.readManifest(p.hash()).forEach(e -> objects.add(e.hash()));
        } catch (MlopsException e) {
          corrupt.add(p.hash());
        } catch (IOException e) {
          cache.quarantine(m);
          corrupt.add(p.hash());
        }
      }
      for (String h : objects) {
        Path o = cache.object(h);
        if (!Files.isRegularFile(o, LinkOption.NOFOLLOW_LINKS)) {
          missing.add(h);
          continue;
        }
        checked++;
        bytes += Files.size(o);
        if (!FileHasher.sha256(o).equals(h)) {
          cache.quarantine(o);
          corrupt.add(h);
        }
      }
    } catch (IOException e) {
      throw new MlopsException(cache.objectsDir() + ": verification failed: " + e.getMessage(), e);
    }
    return new DataVerification(
        cache.objectsDir().toString(), checked, bytes, List.copyOf(corrupt), List.copyOf(missing));
  }

  /**
   * Downloads every object and folder manifest a pointer names from the remote (to a temporary
   * file, several at once), hashes it and lists those that are corrupt or missing there; nothing
   * enters the cache and nothing on the remote is changed.
   *
   * @return what was checked, corrupt and missing on the remote
   * @throws IllegalStateException if no remote was configured, neither in the builder nor in the
   *     project's {@code mlops.yaml}
   * @throws MlopsException if the remote cannot be listed or read
   */
  public DataVerification verifyRemote() {
    List<Tracked> ts = tracked(List.of());
    try (RemoteStorage r = openRemote()) {
      Set<String> there = r.list(CACHE_PREFIX);
      Set<String> corrupt = java.util.concurrent.ConcurrentHashMap.newKeySet();
      TreeSet<String> missing = new TreeSet<>();
      Map<String, Obj> check = new LinkedHashMap<>();
      for (Tracked t : ts) {
        DataPointer p = t.pointer();
        if (!p.directory()) {
          check.put(p.hash(), new Obj(p.hash(), false, p.size()));
          continue;
        }
        Obj m = new Obj(p.hash(), true, 0);
        if (!there.contains(m.key())) {
          missing.add(p.hash());
          continue;
        }
        check.put(p.hash() + ".dir", m);
        String text = readRemote(r, m);
        if (text == null) {
          continue; // corrupt: found again below
        }
        for (String line : text.split("\n")) {
          if (line.length() > 66 && FileHasher.isSha256(line.substring(0, 64))) {
            String h = line.substring(0, 64);
            check.putIfAbsent(h, new Obj(h, false, 0));
          }
        }
      }
      List<Obj> todo = new ArrayList<>();
      for (Obj o : check.values()) {
        if (there.contains(o.key())) {
          todo.add(o);
        } else {
          missing.add(o.hash());
        }
      }
      listener.planned("verify", todo.size(), sum(todo));
      AtomicLong bytes = new AtomicLong();
      Tally tally = new Tally();
      run(
          "verify",
          r,
          todo,
          o -> {
            Path tmp = scratch().resolve(AtomicFiles.temporaryName(o.hash()));
            try {
              r.download(o.key(), tmp);
              bytes.addAndGet(Files.size(tmp));
              if (!FileHasher.sha256(tmp).equals(o.hash())) {
                corrupt.add(o.hash());
              }
            } finally {
              Files.deleteIfExists(tmp);
            }
          },
          tally);
      return new DataVerification(
          r.url(),
          todo.size(),
          bytes.get(),
          List.copyOf(new TreeSet<>(corrupt)),
          List.copyOf(missing));
    } catch (IOException e) {
      throw new MlopsException("verify of " + remoteName() + " failed: " + e.getMessage(), e);
    }
  }

  private @Nullable String readRemote(RemoteStorage r, Obj o) throws IOException {
    Path tmp = scratch().resolve(AtomicFiles.temporaryName(o.hash()));
    try {
      r.download(o.key(), tmp);
      byte[] b = Files.readAllBytes(tmp);
      return FileHasher.sha256(b).equals(o.hash()) ? new String(b, StandardCharsets.UTF_8) : null;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ---------------------------------------------------------------- gc

  /**
   * Removes from the local cache the objects and folder manifests that nothing in the work tree
   * references: neither a pointer file, nor {@code mlops.lock}, nor a lock kept in {@code
   * .mlops/locks/}, nor a run-cache entry. Run it with {@code dryRun} first: it lists what would
   * go. Refuses (removing nothing) when a pointer names a folder whose manifest is not in the
   * cache, since its files could not be told apart. Objects that only pointers in other git
   * revisions or branches name are removed: push them first.
   *
   * @param dryRun whether to only list what would be removed
   * @return what was (or would be) removed
   * @throws MlopsException if a pointer, a lock or a manifest cannot be read (nothing is removed),
   *     or a pipeline run holds the project
   */
  public DataGcResult gc(boolean dryRun) {
    return locked(
        () -> {
          try {
            Set<String> keepObjects = new TreeSet<>();
            Set<String> keepManifests = new TreeSet<>();
            references(root, cache, keepObjects, keepManifests, true);
            Maintenance.pipelineReferences(root, cache, keepObjects, keepManifests);
            List<String> removed = new ArrayList<>();
            long bytes = 0;
            int kept = 0;
            for (Path f : cacheFiles()) {
              String name = f.getFileName().toString();
              boolean manifest = name.endsWith(".dir");
              String hash =
                  f.getParent().getFileName()
                      + (manifest ? name.substring(0, name.length() - 4) : name);
              if (!FileHasher.isSha256(hash)) {
                continue;
              }
              if ((manifest ? keepManifests : keepObjects).contains(hash)) {
                kept++;
                continue;
              }
              removed.add(hash + (manifest ? ".dir" : ""));
              bytes += Files.size(f);
              if (!dryRun) {
                Files.deleteIfExists(f);
              }
            }
            java.util.Collections.sort(removed);
            return new DataGcResult(dryRun, removed, bytes, kept);
          } catch (IOException e) {
            throw new MlopsException(cache.objectsDir() + ": gc failed: " + e.getMessage(), e);
          }
        });
  }

  private List<Path> cacheFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    Path objects = cache.objectsDir();
    if (!Files.isDirectory(objects, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (var shards = Files.newDirectoryStream(objects)) {
      for (Path shard : shards) {
        if (!Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (var s = Files.newDirectoryStream(shard)) {
          for (Path f : s) {
            if (!f.getFileName().toString().startsWith(".")
                && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
              out.add(f);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Adds the objects and manifests that the pointer files under {@code root} name.
   *
   * @param strict whether a folder's manifest missing from the cache is an error (for a gc of data)
   *     or is skipped (the pipeline's gc then keeps what the manifest's folder had: nothing known)
   */
  static void references(
      Path root, ObjectCache cache, Set<String> objects, Set<String> manifests, boolean strict)
      throws IOException {
    for (Path pf : pointerFiles(root)) {
      DataPointer p = DataPointer.load(pf);
      if (!p.directory()) {
        objects.add(p.hash());
        continue;
      }
      manifests.add(p.hash());
      if (Files.isRegularFile(cache.manifest(p.hash()), LinkOption.NOFOLLOW_LINKS)) {
        cache.readManifest(p.hash()).forEach(e -> objects.add(e.hash()));
      } else if (strict) {
        throw new MlopsException(
            pf
                + ": names the folder manifest "
                + p.hash()
                + ", which is not in the cache, so the objects it needs are unknown: fetch it"
                + " first; nothing was removed");
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A pointer and its data. */
  private record Tracked(Path pointerFile, Path data, String rel, DataPointer pointer) {}

  /** An object or manifest to transfer. */
  private record Obj(String hash, boolean manifest, long size) {
    String key() {
      return Data.key(hash, manifest);
    }
  }

  static String key(String hash, boolean manifest) {
    return CACHE_PREFIX + hash.substring(0, 2) + "/" + hash.substring(2) + (manifest ? ".dir" : "");
  }

  private static long sum(List<Obj> os) {
    long s = 0;
    for (Obj o : os) {
      s += o.size();
    }
    return s;
  }

  @FunctionalInterface
  private interface Action {
    void apply(Obj o) throws IOException;
  }

  /**
   * Runs the action on every object, {@link #transfers} at a time ({@link ParallelTransfers});
   * after the first failure no new one starts. Throws at the end if any failed.
   */
  private void run(String op, RemoteStorage r, List<Obj> objs, Action action, Tally tally) {
    ParallelTransfers.run(
        op,
        r.url(),
        transfers,
        listener,
        objs,
        Obj::hash,
        Obj::key,
        o -> {
          action.apply(o);
          return o.manifest() || o.size() == 0 ? sizeOf(o) : o.size();
        },
        tally);
  }

  private long sizeOf(Obj o) {
    Path p = o.manifest() ? cache.manifest(o.hash()) : cache.object(o.hash());
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private boolean hasManifest(String hash) {
    return Files.isRegularFile(cache.manifest(hash), LinkOption.NOFOLLOW_LINKS);
  }

  private RemoteStorage openRemote() {
    RemoteStorage given = remoteGiven;
    if (given != null) {
      return new RemoteStorage() {
        @Override
        public String url() {
          return given.url();
        }

        @Override
        public Set<String> list(String prefix) throws IOException {
          return given.list(prefix);
        }

        @Override
        public void upload(Path file, String key) throws IOException {
          given.upload(file, key);
        }

        @Override
        public void download(String key, Path target) throws IOException {
          given.download(key, target);
        }
        // close() does nothing: the caller owns the store it gave
      };
    }
    String url = remoteUrl != null ? remoteUrl : ProjectConfig.load(root).remote().orElse(null);
    Require.state(
        url != null,
        "no remote configured: build Data with remote(\"s3://bucket/prefix\") or a folder, or"
            + " set the project's default remote in "
            + root.resolve(ProjectConfig.FILE_NAME)
            + " (remote: s3://bucket/prefix)");
    return RemoteStorage.open(url);
  }

  private boolean hasRemote() {
    if (remoteGiven != null || remoteUrl != null) {
      return true;
    }
    try {
      return ProjectConfig.load(root).remote().isPresent();
    } catch (MlopsException e) {
      return false;
    }
  }

  private String remoteName() {
    RemoteStorage g = remoteGiven;
    if (g != null) {
      return g.url();
    }
    String url = remoteUrl;
    if (url == null) {
      try {
        url = ProjectConfig.load(root).remote().orElse(null);
      } catch (MlopsException e) {
        url = null;
      }
    }
    return String.valueOf(url);
  }

  /** The pointer files selected by targets (data paths or pointers), or all of them. */
  private List<Tracked> tracked(List<Path> targets) {
    List<Tracked> out = new ArrayList<>();
    try {
      if (targets.isEmpty()) {
        for (Path pf : pointerFiles(root)) {
          out.add(trackedOf(pf));
        }
        return out;
      }
      for (Path t : targets) {
        Path abs = inside(Require.nonNull(t, "target"), "target");
        Path pf =
            abs.getFileName().toString().endsWith(DataPointer.EXTENSION) ? abs : pointerOf(abs);
        Require.argument(
            Files.isRegularFile(pf, LinkOption.NOFOLLOW_LINKS),
            "target",
            "a tracked path (with a " + DataPointer.EXTENSION + " pointer beside it)",
            t);
        out.add(trackedOf(pf));
      }
    } catch (IOException e) {
      throw new MlopsException(root + ": cannot list the pointer files: " + e.getMessage(), e);
    }
    return out;
  }

  private Tracked trackedOf(Path pf) {
    DataPointer p = DataPointer.load(pf);
    Path data = pf.resolveSibling(p.path());
    return new Tracked(pf, data, Digester.relative(root, data), p);
  }

  private static Path pointerOf(Path data) {
    return data.resolveSibling(data.getFileName() + DataPointer.EXTENSION);
  }

  /**
   * Every pointer file below the root, sorted; {@code .git}, {@code .mlops} and tracked folders are
   * not entered.
   */
  static List<Path> pointerFiles(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String n = dir.getFileName().toString();
            if (n.equals(".git")
                || n.equals(Pipeline.MLOPS_DIR)
                || Files.exists(dir.resolveSibling(n + DataPointer.EXTENSION))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String n = file.getFileName().toString();
            if (attrs.isRegularFile()
                && n.endsWith(DataPointer.EXTENSION)
                && n.length() > DataPointer.EXTENSION.length()) {
              out.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }

  /** The absolute, normalised path, checked to be inside the root (also through links). */
  private Path inside(Path p, String name) {
    Path abs = (p.isAbsolute() ? p : root.resolve(p)).normalize();
    boolean ok = abs.startsWith(root) && !abs.equals(root);
    if (ok) {
      try {
        Path parent = abs.getParent();
        Path realParent = parent == null ? root : parent.toRealPath();
        ok = realParent.startsWith(root);
      } catch (IOException e) {
        ok = true; // a missing folder: the path is still below the root
      }
    }
    if (!ok) {
      throw new IllegalArgumentException(
          Require.mustBe(name, "inside the project root " + root, p));
    }
    Path rel = root.relativize(abs);
    String first = rel.getName(0).toString();
    Require.argument(
        !first.equals(Pipeline.MLOPS_DIR) && !first.equals(".git"),
        name,
        "outside .mlops and .git",
        p);
    return abs;
  }

  private Path scratch() throws IOException {
    Path s = root.resolve(Pipeline.MLOPS_DIR).resolve("tmp");
    Files.createDirectories(s);
    return s;
  }

  private synchronized Digester digester() {
    return new Digester(root, state());
  }

  private synchronized StateStore state() {
    StateStore s = state;
    if (s == null) {
      s = StateStore.open(root.resolve(Pipeline.MLOPS_DIR).resolve("state.bin"));
      state = s;
    } else {
      s.reloadIfChanged();
    }
    return s;
  }

  private <T> T locked(java.util.function.Supplier<T> body) {
    Path mlops = Pipeline.ownFolder(root);
    return RunLock.hold(mlops, body);
  }

  @Override
  public String toString() {
    return "Data[" + root + ", remote=" + remoteName() + "]";
  }

  /**
   * Configures {@link Data}; each setter checks its argument.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Path projectRoot;
    private @Nullable String remoteUrl;
    private @Nullable RemoteStorage remote;
    private int transfers = 8;
    private TransferListener listener = TransferListener.NONE;
    private boolean link = true;

    private Builder(Path projectRoot) {
      this.projectRoot = projectRoot;
    }

    /**
     * @param url the remote (default: the project's default remote, {@code remote:} in {@link
     *     ProjectConfig#FILE_NAME mlops.yaml} at the project root, read when a transfer starts;
     *     else none): a folder path, a {@code file:} URL, or a URL of a scheme a {@link
     *     RemoteStorageProvider} serves, such as {@code s3://bucket/prefix}; opened for each
     *     transfer through {@link RemoteStorage#open(String)}
     * @return this builder
     * @throws NullPointerException if url is null
     * @throws IllegalArgumentException if no provider serves its scheme (the message lists those
     *     that do)
     */
    public Builder remote(String url) {
      Require.nonNull(url, "url");
      RemoteStorage.open(url).close(); // fails now for an unknown scheme
      this.remoteUrl = url;
      this.remote = null;
      return this;
    }

    /**
     * @param storage a remote opened by the caller (for instance an S3 store with credentials given
     *     in code), which stays the caller's to close
     * @return this builder
     * @throws NullPointerException if storage is null
     */
    public Builder remote(RemoteStorage storage) {
      this.remote = Require.nonNull(storage, "storage");
      this.remoteUrl = null;
      return this;
    }

    /**
     * @param parallel how many objects are transferred at once (default 8)
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder transfers(int parallel) {
      Require.argument(parallel >= 1, "transfers", "at least 1", parallel);
      this.transfers = parallel;
      return this;
    }

    /**
     * @param listener receives the progress of transfers (default: none)
     * @return this builder
     * @throws NullPointerException if listener is null
     */
    public Builder listener(TransferListener listener) {
      this.listener = Require.nonNull(listener, "listener");
      return this;
    }

    /**
     * @param link whether added and checked-out files are hard links to the cache objects where the
     *     file system allows (default true, as the pipeline's outputs; see the class comment);
     *     false copies
     * @return this builder
     */
    public Builder linkFiles(boolean link) {
      this.link = link;
      return this;
    }

    /**
     * @return the data engine of the project
     * @throws IllegalArgumentException if the root is not an existing folder
     * @throws MlopsException if its real path cannot be resolved
     */
    public Data build() {
      Require.argument(
          Files.isDirectory(projectRoot), "projectRoot", "an existing directory", projectRoot);
      try {
        return new Data(this, projectRoot.toRealPath());
      } catch (IOException e) {
        throw new MlopsException("cannot resolve project root " + projectRoot, e);
      }
    }
  }
}
