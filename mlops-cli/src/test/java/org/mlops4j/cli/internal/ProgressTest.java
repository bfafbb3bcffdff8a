package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

  static final long SECOND = 1_000_000_000L;

  final StringWriter text = new StringWriter();
  final AtomicLong now = new AtomicLong();
  final Progress progress = Progress.to(new PrintWriter(text), "mlops drift", SECOND, now::get);

  @TempDir Path dir;

  @Test
  void rows_areShownOnOneLineRewrittenAtMostOnceASecond_andClearedAtTheEnd() {
    try (Progress.Rows rows = progress.rows("train.csv")) {
      rows.read(Progress.CHECK_EVERY_ROWS); // no time has passed: nothing
      now.addAndGet(SECOND);
      rows.read(Progress.CHECK_EVERY_ROWS + 1); // not a row at which the clock is read
      rows.read(2L * Progress.CHECK_EVERY_ROWS);
      now.addAndGet(SECOND / 2);
      rows.read(3L * Progress.CHECK_EVERY_ROWS); // half a second: nothing
      now.addAndGet(SECOND / 2);
      rows.read(250L * Progress.CHECK_EVERY_ROWS);
    }
    String first = "mlops drift: train.csv: 8,192 rows read";
    String second = "mlops drift: train.csv: 1,024,000 rows read";
    assertThat(text.toString())
        .isEqualTo("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r");
  }

  @Test
  void aPhase_clearsTheRowsLineFirst_andIsEscaped() {
    Progress.Rows rows = progress.rows("a.csv");
    now.addAndGet(SECOND);
    rows.read(Progress.CHECK_EVERY_ROWS);
    progress.phase("reading b\u001b[2J.csv");
    String line = "mlops drift: a.csv: 4,096 rows read";
    assertThat(text.toString())
        .isEqualTo(
            "\r"
                + line
                + "\r"
                + " ".repeat(line.length())
                + "\r"
                + "mlops drift: reading b\\x1b[2J.csv"
                + System.lineSeparator());
    rows.close();
    assertThat(text.toString()).endsWith(System.lineSeparator()); // nothing more to clear
  }

  @Test
  void off_showsNothing() {
    Progress off = Progress.off();
    assertThat(off.enabled()).isFalse();
    off.phase("reading");
    try (Progress.Rows rows = off.rows("a.csv")) {
      rows.read(Progress.CHECK_EVERY_ROWS);
    }
    assertThat(progress.enabled()).isTrue();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void readingACsvFile_countsItsRows() throws Exception {
    StringBuilder csv = new StringBuilder("x\n");
    int n = 3 * Progress.CHECK_EVERY_ROWS;
    for (int i = 0; i < n; i++) {
      csv.append(i).append('\n');
    }
    Path file = dir.resolve("big.csv");
    Files.writeString(file, csv);
    // every read of the clock is a second later
    Progress fast =
        Progress.to(new PrintWriter(text), "mlops drift", 1, () -> now.addAndGet(SECOND));
    CsvTable table = CsvTable.read(file, null, CsvFormat.defaults(), fast);
    assertThat(table.rows()).isEqualTo(n);
    assertThat(text.toString())
        .startsWith("mlops drift: reading " + file + System.lineSeparator())
        .contains("\rmlops drift: " + file + ": 4,096 rows read")
        .contains("\rmlops drift: " + file + ": 12,288 rows read")
        .endsWith("\r");
  }

  @Test
  void transfer_countsObjectsAndBytes_rewrittenAtMostOnceASecond_andCleared() {
    try (Progress.Transfer t = progress.transfer("push", 3, 60)) {
      t.done(10); // no time has passed: nothing
      now.addAndGet(SECOND);
      t.done(20);
      now.addAndGet(SECOND / 2);
      t.done(30); // half a second: nothing
    }
    String line = "mlops drift: push: 2 of 3 objects, 30 of 60 bytes";
    assertThat(text.toString()).isEqualTo("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
  }

  @Test
  void transfer_off_showsNothing() {
    try (Progress.Transfer t = Progress.off().transfer("push", 1, 1)) {
      t.done(1);
    }
    assertThat(text.toString()).isEmpty();
  }
}
