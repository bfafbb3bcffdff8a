package org.mlops4j.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Progress of long work on standard error, for a person at a terminal: one line per phase ({@code
 * mlops drift: reading train.csv}, {@code mlops drift: comparing 47 columns}, {@code mlops drift:
 * writing drift.json}), and while a CSV file is read, the rows read so far on one line rewritten in
 * place with a carriage return, at most once every {@value #INTERVAL_MILLIS} ms (the clock is read
 * every {@value #CHECK_EVERY_ROWS} rows) and cleared when the file is read, so that the next line
 * starts clean.
 *
 * <p>The commands show it only when standard error is a terminal and {@code --quiet} is not given
 * ({@link #off()} otherwise): never in a CI log or a pipe, never on standard output. Names from the
 * command line or the data are escaped ({@link TerminalText#escape(String)}).
 */
public final class Progress {

  /** The least time between two rewrites of the rows line, in milliseconds. */
  public static final long INTERVAL_MILLIS = 1000;

  /** Rows between two reads of the clock. */
  public static final int CHECK_EVERY_ROWS = 4096;

  private static final Progress OFF = new Progress(null, "", 0, () -> 0);

  private final @Nullable PrintWriter err;
  private final String prefix;
  private final long intervalNanos;
  private final LongSupplier clock;

  /** The length of the rows line on screen; 0 when there is none. */
  private int shown;

  private Progress(
      @Nullable PrintWriter err, String command, long intervalNanos, LongSupplier clock) {
    this.err = err;
    this.prefix = command + ": ";
    this.intervalNanos = intervalNanos;
    this.clock = clock;
  }

  /**
   * @return progress that shows nothing
   */
  public static Progress off() {
    return OFF;
  }

  /**
   * @param err standard error, a terminal
   * @param command the command that shows it, the prefix of every line ({@code mlops drift})
   * @return progress on {@code err}, the rows line rewritten at most once a second
   */
  public static Progress to(PrintWriter err, String command) {
    return to(err, command, INTERVAL_MILLIS * 1_000_000L, System::nanoTime);
  }

  /**
   * @param err standard error
   * @param command the prefix of every line
   * @param intervalNanos the least time between two rewrites of the rows line
   * @param clock a monotonic clock in nanoseconds ({@link System#nanoTime()})
   * @return progress on {@code err}
   */
  static Progress to(PrintWriter err, String command, long intervalNanos, LongSupplier clock) {
    return new Progress(err, command, intervalNanos, clock);
  }

  /**
   * @return whether anything is shown
   */
  public boolean enabled() {
    return err != null;
  }

  /**
   * Shows one line that names what starts now ({@code reading train.csv}), escaped.
   *
   * @param text what starts
   */
  public void phase(String text) {
    PrintWriter w = err;
    if (w == null) {
      return;
    }
    clear(w);
    w.println(prefix + TerminalText.escape(text));
    w.flush();
  }

  /**
   * Starts counting the rows of a file; close the counter when the file is read.
   *
   * @param source the file, as named on the command line
   * @return the counter
   */
  public Rows rows(String source) {
    return new Rows(TerminalText.escape(source));
  }

  /**
   * The rows read from one file, shown on one line rewritten in place; {@link #close()} clears it.
   */
  public final class Rows implements AutoCloseable {
    private final String source;
    private long last;

    private Rows(String source) {
      this.source = source;
      this.last = err == null ? 0 : clock.getAsLong();
    }

    /**
     * Counts the rows read so far; shows them when a second has passed since the last time.
     *
     * @param read the rows read so far
     */
    public void read(long read) {
      PrintWriter w = err;
      if (w == null || read % CHECK_EVERY_ROWS != 0) {
        return;
      }
      long now = clock.getAsLong();
      if (now - last < intervalNanos) {
        return;
      }
      last = now;
      String line = prefix + source + ": " + String.format(Locale.ROOT, "%,d", read) + " rows read";
      int pad = Math.max(0, shown - line.length());
      w.print("\r" + line + " ".repeat(pad));
      w.flush();
      shown = line.length();
    }

    /** Clears the rows line, if shown. */
    @Override
    public void close() {
      PrintWriter w = err;
      if (w != null) {
        clear(w);
      }
    }
  }

  /**
   * Starts counting the objects of a transfer ({@code push}, {@code fetch}, {@code verify}), shown
   * as {@code <operation>: 3 of 12 objects, 1,024 of 40,960 bytes} on one line rewritten in place
   * at most once every {@value #INTERVAL_MILLIS} ms; close the counter when the transfer ends. Safe
   * to call from several threads at once.
   *
   * @param operation what is transferred, for the line ({@code push})
   * @param objects the objects planned
   * @param bytes their total size
   * @return the counter
   */
  public Transfer transfer(String operation, int objects, long bytes) {
    return new Transfer(TerminalText.escape(operation), objects, bytes);
  }

  /** The objects of one transfer done so far, on one line; {@link #close()} clears it. */
  public final class Transfer implements AutoCloseable {
    private final String operation;
    private final int objects;
    private final long bytes;
    private int done;
    private long doneBytes;
    private long last;

    private Transfer(String operation, int objects, long bytes) {
      this.operation = operation;
      this.objects = objects;
      this.bytes = bytes;
      this.last = err == null ? 0 : clock.getAsLong();
    }

    /**
     * Counts one object done; shows the count when a second has passed since the last time.
     *
     * @param size its size in bytes
     */
    public synchronized void done(long size) {
      done++;
      doneBytes += size;
      PrintWriter w = err;
      if (w == null) {
        return;
      }
      long now = clock.getAsLong();
      if (now - last < intervalNanos) {
        return;
      }
      last = now;
      String line =
          prefix
              + operation
              + ": "
              + String.format(
                  Locale.ROOT,
                  "%,d of %,d objects, %,d of %,d bytes",
                  done,
                  objects,
                  doneBytes,
                  bytes);
      int pad = Math.max(0, shown - line.length());
      w.print("\r" + line + " ".repeat(pad));
      w.flush();
      shown = line.length();
    }

    /** Clears the line, if shown. */
    @Override
    public synchronized void close() {
      PrintWriter w = err;
      if (w != null) {
        clear(w);
      }
    }
  }

  private void clear(PrintWriter w) {
    if (shown > 0) {
      w.print("\r" + " ".repeat(shown) + "\r");
      w.flush();
      shown = 0;
    }
  }
}
