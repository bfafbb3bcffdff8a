package org.mlops4j.features;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in another JVM by {@link FeaturePipelineTest}: loads a saved pipeline, transforms the records
 * of a TSV file and prints each output row as hex bits.
 */
public final class ReloadMain {
  private ReloadMain() {}

  /**
   * @param args the pipeline file and the TSV file
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    FeaturePipeline p = FeaturePipeline.load(Path.of(args[0]), PipelineFixtures.CLIP);
    FeatureRow row = p.newRow();
    double[] out = new double[p.width()];
    List<String> fields = p.inputs();
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String[] cells = line.split("\t", -1);
      row.clear();
      for (int k = 0; k < cells.length; k++) {
        int i = row.index(fields.get(k));
        try {
          row.set(i, Double.parseDouble(cells[k]));
        } catch (IllegalArgumentException notNumeric) {
          row.set(i, cells[k].equals("null") ? null : cells[k]);
        }
      }
      sb.append(bits(p.applyInto(row, out))).append('\n');
    }
    System.out.print(sb);
  }

  static String bits(double[] xs) {
    StringBuilder sb = new StringBuilder();
    for (double x : xs) {
      sb.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ');
    }
    return sb.toString().strip();
  }
}
