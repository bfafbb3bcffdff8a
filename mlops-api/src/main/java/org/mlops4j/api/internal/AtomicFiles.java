package org.mlops4j.api.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.mlops4j.api.MlopsException;

/**
 * The one implementation of file writes that never leave a half-written file behind, used by every
 * module.
 *
 * <p>A whole-file write goes to a temporary file ({@link #temporaryName(String)}: the prefix
 * {@value #TMP_PREFIX}, the writing process's pid and start time, the target's name cut to 40
 * characters, a UUID) in the target's folder (or a given folder on the same file system), which is
 * then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}: a reader sees the old
 * content or the new, never a part; a killed process leaves at most a temporary file, which readers
 * skip by its prefix. The temporary file is created as a plain file write creates one ({@code 0666}
 * less the process's umask on POSIX systems, not the {@code 0600} of {@link Files#createTempFile}),
 * so the target gets the permissions any other file written there gets; {@link
 * #removeStaleTemporaries(Path, int)} removes the temporaries of processes that died.
 *
 * <p>{@link Durability#DURABLE} also forces the temporary file's bytes to the device before the
 * rename and the folder's entry after it ({@code fsync} of the file, then of the folder), so the
 * new content survives a power loss once the call returns. {@link Durability#ATOMIC} skips both
 * forces: still never torn, but the last writes may be lost in a crash of the machine (not of the
 * process). What each costs is measured in {@code benchmarks} ({@code AtomicWriteBenchmark}).
 */
public final class AtomicFiles {

  /** Prefix of every temporary file; readers of a folder skip names that start with it. */
  public static final String TMP_PREFIX = ".mlops4j-tmp-";

  /** How far a write is guaranteed once it returns. */
  public enum Durability {
    /** Never torn (temp file + atomic rename); not forced to the device. */
    ATOMIC,
    /** Never torn, and forced to the device (file and folder) before the call returns. */
    DURABLE
  }

  /** Writes the bytes of a file to a stream. */
  @FunctionalInterface
  public interface Body {
    /** Writes the content; the stream is closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes UTF-8 text to {@code target} atomically, temp file beside it. */
  public static void write(Path target, String text, Durability durability) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8), durability);
  }

  /** Writes bytes to {@code target} atomically, temp file beside it. */
  public static void write(Path target, byte[] data, Durability durability) throws IOException {
    write(target, out -> out.write(data), durability, null);
  }

  /** Writes what {@code body} produces to {@code target} atomically, temp file beside it. */
  public static void write(Path target, Body body, Durability durability) throws IOException {
    write(target, body, durability, null);
  }

  /**
   * Writes what {@code body} produces to {@code target} atomically, creating the target's parent
   * folders as needed.
   *
   * @param tmpDir folder for the temporary file, on the same file system as target; null for the
   *     target's own folder (a store whose folders are read as lists of entries, as MLflow reads
   *     {@code params/}, keeps its temporary files elsewhere)
   */
  public static void write(
      Path target, Body body, Durability durability, @org.jspecify.annotations.Nullable Path tmpDir)
      throws IOException {
    Require.nonNull(target, "target");
    Require.nonNull(body, "body");
    Require.nonNull(durability, "durability");
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmpFolder = tmpDir != null ? tmpDir.toAbsolutePath() : dir;
    if (tmpFolder == null) {
      throw new IOException("no folder for the temporary file of " + abs);
    }
    Files.createDirectories(tmpFolder);
    Path tmp = tmpFolder.resolve(temporaryName(shortName(abs)));
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        body.writeTo(out);
        out.flush();
        if (durability == Durability.DURABLE) {
          ch.force(true);
        }
      }
      moveAtomically(tmp, abs);
      if (durability == Durability.DURABLE && dir != null) {
        forceFolder(dir);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * As {@link #write(Path, String, Durability)}, wrapping a failure in {@link MlopsException}
   * {@code "cannot write <path>: <reason>"}: for the {@code save(path)} methods of results.
   */
  public static void save(Path target, String text, Durability durability) {
    try {
      write(target, text, durability);
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException("cannot write " + target.toAbsolutePath() + ": " + describe(e), e);
    }
  }

  /**
   * The {@code save(path)} of a result that has a JSON and an HTML form: HTML when the file name
   * ends in {@code .html} (any case), JSON otherwise, written as {@link #save(Path, String,
   * Durability)} does. Only the form written is rendered.
   *
   * @param file the target
   * @param json the JSON form
   * @param html the HTML form
   * @param durability how far to force the bytes
   * @throws NullPointerException if file is null
   * @throws MlopsException if the file cannot be written
   */
  public static void saveJsonOrHtml(
      Path file, Supplier<String> json, Supplier<String> html, Durability durability) {
    Require.nonNull(file, "file");
    Path name = file.getFileName();
    boolean asHtml = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".html");
    save(file, asHtml ? html.get() : json.get(), durability);
  }

  /**
   * Reads a UTF-8 file, wrapping a failure in {@link MlopsException} {@code "cannot read <path>:
   * <reason>"}.
   */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException("cannot read " + file.toAbsolutePath() + ": " + describe(e), e);
    }
  }

  /**
   * Appends the bytes (whole lines) to an existing file in one write call (O_APPEND): concurrent
   * appenders never interleave inside a line; a crash leaves whole earlier lines. The file itself
   * must not be a symbolic link ({@link LinkOption#NOFOLLOW_LINKS}): a link planted where a store
   * keeps its files would otherwise make the append land outside the store.
   *
   * @throws IOException if the file does not exist, is a symbolic link, or cannot be written
   */
  public static void append(Path target, byte[] data, Durability durability) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            target,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND,
            LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (durability == Durability.DURABLE) {
        ch.force(true);
      }
    }
  }

  /**
   * Renames {@code source} to {@code target}, replacing it, atomically when the file system can.
   */
  public static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Forces a folder's entries (a rename, a new file) to the device. Opening a folder for reading is
   * refused on some platforms (Windows); there the force is skipped, as the JDK gives no other way.
   */
  public static void forceFolder(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      // Not supported on this platform: the rename itself is still atomic.
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  /**
   * Makes {@code link} a hard link to {@code existing}, or a copy where links are not possible
   * (another file system, no support).
   *
   * @return true if a hard link was made
   */
  public static boolean linkOrCopy(Path existing, Path link, boolean tryLink) throws IOException {
    Path parent = link.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (tryLink) {
      try {
        Files.createLink(link, existing);
        return true;
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // fall through to a copy
      }
    }
    copy(existing, link);
    return false;
  }

  /**
   * Copies a file with {@link FileChannel#transferTo} ({@code sendfile} on Linux: no trip through
   * the heap), replacing {@code target}.
   */
  public static void copy(Path source, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      long pos = 0;
      while (pos < size) {
        long n = in.transferTo(pos, size - pos, out);
        if (n <= 0) {
          break;
        }
        pos += n;
      }
    }
  }

  /** Deletes a file or a folder tree without following links; nothing if it does not exist. */
  public static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            try {
              Files.delete(file);
            } catch (NoSuchFileException e) {
              // already gone
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            try {
              Files.delete(dir);
            } catch (NoSuchFileException e) {
              // already gone
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * A name for a temporary file or folder that records which process made it, and where: {@value
   * #TMP_PREFIX}{@code <pid>-<process start, epoch ms>-<base>-<uuid>.m<machine>}, where {@code
   * <machine>} is 8 hexadecimal digits of the SHA-256 of what tells this machine and pid namespace
   * (container) from another (on Linux the boot id, the host name, the machine id and the pid
   * namespace, from {@code /proc}; elsewhere the {@code COMPUTERNAME} or {@code HOSTNAME}
   * variable). Where nothing tells the machine, the {@code .m<machine>} part is left out. {@link
   * #removeStaleTemporaries(Path, int)} removes such an entry once that process is gone.
   *
   * @param base a short readable part (the target's name, cut to 40 characters)
   */
  public static String temporaryName(String base) {
    String b = Require.nonNull(base, "base");
    if (b.length() > 40) {
      b = b.substring(0, 40);
    }
    return TMP_PREFIX + OWNER + "-" + b + "-" + UUID.randomUUID() + MACHINE_SUFFIX;
  }

  private static final String OWNER = owner(ProcessHandle.current());

  /**
   * Prefix of {@link #stagingName()}: a staging folder built where MLflow's FileStore lists every
   * sub-folder (the store's root, an experiment's folder).
   */
  public static final String STAGING_PREFIX = "mlops4j-staging-";

  /**
   * A name for a folder built where MLflow lists every sub-folder as an experiment or a run, then
   * renamed into place: {@value #STAGING_PREFIX}{@code <pid>-<process start, epoch ms>-<machine, 8
   * hex>-<8 hex>}, at most 58 characters of letters, digits and {@code -}. Unlike a name starting
   * with a dot, it is a valid MLflow experiment and run id ({@code ^[a-zA-Z0-9][\w\-]{0,63}$}), so
   * a leftover of a killed process, a folder without {@code meta.yaml}, is skipped by MLflow's
   * reader with a warning instead of failing {@code search_experiments}. {@link
   * #removeStaleTemporaries(Path, int)} removes it once its process is gone, as a temporary.
   */
  public static String stagingName() {
    String machine = MACHINE_SUFFIX.isEmpty() ? "00000000" : MACHINE_SUFFIX.substring(2);
    return STAGING_PREFIX
        + OWNER
        + "-"
        + machine
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@code .m<8 hex>} for this machine and pid namespace, or empty when nothing tells them. */
  private static final String MACHINE_SUFFIX = machineSuffix();

  /** The machine part at the end of a temporary name, after its UUID. */
  private static final java.util.regex.Pattern MACHINE_AT_END =
      java.util.regex.Pattern.compile(
          "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.m[0-9a-f]{8})$");

  private static String machineSuffix() {
    StringBuilder id = new StringBuilder();
    for (String f :
        new String[] {
          "/proc/sys/kernel/random/boot_id", "/proc/sys/kernel/hostname", "/etc/machine-id"
        }) {
      try {
        id.append(Files.readString(Path.of(f), StandardCharsets.UTF_8).trim());
      } catch (IOException | RuntimeException e) {
        // not there: not Linux, or not readable
      }
      id.append('\n');
    }
    try {
      id.append(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    id.append('\n');
    if (id.toString().isBlank()) {
      // not Linux: the name of the machine, when the environment gives it (Windows always does);
      // on Linux the variables are left out, as a shell may export them and a service not
      for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
        String v = System.getenv(variable);
        id.append(v == null ? "" : v).append('\n');
      }
    }
    if (id.toString().isBlank()) {
      return "";
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(id.toString().getBytes(StandardCharsets.UTF_8));
      return ".m" + java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      return ""; // every JDK has SHA-256
    }
  }

  private static String owner(ProcessHandle p) {
    return p.pid() + "-" + p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
  }

  /**
   * Age after which a temporary entry that names no process (an older format), or one of another
   * machine, counts as stale.
   */
  static final java.time.Duration UNOWNED_STALE_AFTER = java.time.Duration.ofHours(1);

  /**
   * Removes the temporary files and folders ({@value #TMP_PREFIX}...) that processes no longer
   * running left below {@code root}, down to {@code maxDepth} folders deep, never following a
   * symbolic link. An entry of this machine is stale when the process its name records is not
   * running, or runs with another start time (its pid was reused). An entry of another machine or
   * container (its {@code .m<machine>} part differs: a store shared over a network drive or a
   * volume), and one that names no process, is stale once its modification time is more than an
   * hour old: a pid says nothing about a process elsewhere, which may still be writing. An entry
   * without the machine part (written where nothing tells the machine, or by an earlier version) is
   * taken for one of this machine. Entries of running processes, this one included, are kept.
   * Nothing happens when root does not exist.
   *
   * @return the number of entries removed
   * @throws IOException when listing or deleting fails
   */
  public static int removeStaleTemporaries(Path root, int maxDepth) throws IOException {
    Require.nonNull(root, "root");
    Require.nonNegative(maxDepth, "maxDepth");
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    java.util.List<Path> stale = new java.util.ArrayList<>();
    Files.walkFileTree(
        root,
        java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        maxDepth + 1,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && isStaleTemporary(dir, attrs)) {
              stale.add(dir);
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isStaleTemporary(file, attrs)) {
              stale.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // vanished meanwhile, or unreadable: not ours to judge
          }
        });
    int removed = 0;
    for (Path p : stale) {
      deleteRecursively(p);
      removed++;
    }
    return removed;
  }

  /** Whether a directory entry is a temporary left by a process that is gone. */
  static boolean isStaleTemporary(Path entry, BasicFileAttributes attrs) {
    Path fileName = entry.getFileName();
    if (fileName == null) {
      return false;
    }
    String name = fileName.toString();
    if (name.startsWith(STAGING_PREFIX)) {
      String[] parts = name.substring(STAGING_PREFIX.length()).split("-");
      boolean foreign =
          parts.length == 4
              && !MACHINE_SUFFIX.isEmpty()
              && !parts[2].equals(MACHINE_SUFFIX.substring(2));
      if (parts.length != 4 || foreign) {
        java.time.Instant modified = attrs.lastModifiedTime().toInstant();
        return modified.isBefore(java.time.Instant.now().minus(UNOWNED_STALE_AFTER));
      }
      try {
        return ownerGone(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      } catch (NumberFormatException e) {
        java.time.Instant modified = attrs.lastModifiedTime().toInstant();
        return modified.isBefore(java.time.Instant.now().minus(UNOWNED_STALE_AFTER));
      }
    }
    if (!name.startsWith(TMP_PREFIX)) {
      return false;
    }
    java.util.regex.Matcher machine = MACHINE_AT_END.matcher(name);
    if (machine.find() && !machine.group(1).equals(MACHINE_SUFFIX)) {
      java.time.Instant modified = attrs.lastModifiedTime().toInstant();
      return modified.isBefore(java.time.Instant.now().minus(UNOWNED_STALE_AFTER));
    }
    String rest = name.substring(TMP_PREFIX.length());
    String[] parts = rest.split("-", 3);
    long pid;
    long start;
    try {
      if (parts.length < 3) {
        throw new NumberFormatException(rest);
      }
      pid = Long.parseLong(parts[0]);
      start = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      java.time.Instant modified = attrs.lastModifiedTime().toInstant();
      return modified.isBefore(java.time.Instant.now().minus(UNOWNED_STALE_AFTER));
    }
    return ownerGone(pid, start);
  }

  /** Whether the process that a name records is not running (or its pid now names another). */
  private static boolean ownerGone(long pid, long start) {
    java.util.Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    long actualStart =
        p.get().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    return start != 0 && actualStart != 0 && actualStart != start;
  }

  /**
   * At most 40 characters of the target's name: the temporary name must stay under the file
   * system's 255-byte limit even for MLflow's longest keys (250 characters).
   */
  private static String shortName(Path target) {
    Path name = target.getFileName();
    String n = name == null ? "" : name.toString();
    return n.length() <= 40 ? n : n.substring(0, 40);
  }

  private static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String m = t.getMessage();
    return t instanceof NoSuchFileException
        ? "no such file or folder"
        : m != null ? m : t.toString();
  }
}
