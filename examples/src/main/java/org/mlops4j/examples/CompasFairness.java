package org.mlops4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;

/**
 * Group fairness on ProPublica's COMPAS two-year recidivism data (Angwin et al., "Machine Bias",
 * 2016): a decile score of 5 or more is the "higher risk" prediction, {@code two_year_recid} the
 * label, {@code race} the sensitive attribute, Caucasian defendants the reference group.
 *
 * <p>Run with the path of {@code compas-two-years.csv} as the first argument. Its records are one
 * line each, with quoted fields that may contain commas; the {@code mlops fairness} command reads
 * any RFC 4180 CSV, including fields that span lines.
 */
public final class CompasFairness {

  private CompasFairness() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: CompasFairness <path to compas-two-years.csv>");
      System.exit(2);
    }
    report(Path.of(args[0]), System.out);
  }

  /** Computes and prints the fairness report of the COMPAS file at {@code csv}. */
  static FairnessReport report(Path csv, PrintStream out) {
    List<String> race = new ArrayList<>();
    List<Integer> label = new ArrayList<>();
    List<Integer> predicted = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<String> header = cells(reader.readLine());
      int raceCol = column(header, "race");
      int scoreCol = column(header, "decile_score");
      int recidCol = column(header, "two_year_recid");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = cells(line).toArray(String[]::new);
        race.add(cells[raceCol]);
        predicted.add(Integer.parseInt(cells[scoreCol]) >= 5 ? 1 : 0);
        label.add(Integer.parseInt(cells[recidCol]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    Decisions decisions =
        Decisions.of(
                label.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray())
            .groups("race", race.toArray(String[]::new));
    FairnessReport report =
        FairnessAuditor.builder().reference("Caucasian").build().audit(decisions);
    out.println(report);
    return report;
  }

  /** Splits one CSV record: fields separated by commas, optionally quoted, "" for a quote. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static int column(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("column '" + name + "' not found in header " + header);
    }
    return i;
  }
}
