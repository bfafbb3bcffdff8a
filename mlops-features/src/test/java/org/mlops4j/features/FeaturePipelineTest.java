package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.drift.Columns;

class FeaturePipelineTest {

  @TempDir Path dir;

  @Test
  void unfittedPipeline_throwsIllegalState() {
    FeaturePipeline p = PipelineFixtures.unfitted();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> p.apply(PipelineFixtures.data(1, 5, false)));
    assertEquals(
        "this FeaturePipeline is not fitted: call fit(training) and use the pipeline it returns",
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> p.applyInto(p.newRow(), new double[100]));
    assertThrows(IllegalStateException.class, p::toJson);
    assertThrows(IllegalStateException.class, p::outputNames);
  }

  @Test
  void chain_isFittedOnTheOutputOfThePreviousStep() {
    // hand: train [1, 2, NaN, 5]; mean of finite = 8/3 imputed; then standard on [1, 2, 8/3, 5]
    Columns train = Columns.builder().numeric("x", new double[] {1, 2, Double.NaN, 5}).build();
    FeaturePipeline p =
        FeaturePipeline.builder()
            .numeric("x", NumericSteps.meanImputer(), NumericSteps.standard())
            .build()
            .fit(train);
    double m = (1 + 2 + 8.0 / 3 + 5) / 4;
    double sd =
        Math.sqrt(
            ((1 - m) * (1 - m)
                    + (2 - m) * (2 - m)
                    + (8.0 / 3 - m) * (8.0 / 3 - m)
                    + (5 - m) * (5 - m))
                / 4);
    assertEquals((8.0 / 3 - m) / sd, p.apply(p.newRow())[0], 1e-14);
    assertEquals((5 - m) / sd, p.apply(p.newRow().set("x", 5))[0], 1e-14);
  }

  @Test
  void batchRowEqualsRecord_andJsonRoundTripIsBitIdentical() {
    Columns train = PipelineFixtures.data(7, 200, false);
    Columns serve = PipelineFixtures.data(8, 50, true);
    FeaturePipeline p = PipelineFixtures.unfitted().fit(train);
    FeaturePipeline q = FeaturePipeline.fromJson(p.toJson(), PipelineFixtures.CLIP);
    assertEquals(p.outputNames(), q.outputNames());
    double[][] batch = p.apply(serve);
    double[][] batch2 = q.apply(serve);
    double[] out = new double[p.width()];
    for (int i = 0; i < serve.rowCount(); i++) {
      assertBits(batch[i], p.applyInto(PipelineFixtures.row(p, serve, i), out));
      assertBits(batch[i], batch2[i]);
      assertBits(batch[i], q.apply(PipelineFixtures.row(p, serve, i)));
    }
  }

  @Test
  void savedPipeline_givesTheSameBitsInAnotherJvm() throws Exception {
    Columns train = PipelineFixtures.data(11, 300, false);
    Columns serve = PipelineFixtures.data(12, 40, true);
    FeaturePipeline p = PipelineFixtures.unfitted().fit(train);
    Path file = dir.resolve("pipeline.json");
    p.save(file);
    // inputs for the other JVM: one line per record, fields separated by tabs
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < serve.rowCount(); i++) {
      List<String> cells = new ArrayList<>();
      for (String name : p.inputs()) {
        cells.add(
            serve.type(name) == org.mlops4j.drift.ColumnType.NUMERIC
                ? Double.toString(serve.numeric(name)[i])
                : String.valueOf(serve.categorical(name)[i]));
      }
      lines.add(String.join("\t", cells));
    }
    Path in = dir.resolve("in.tsv");
    Files.write(in, lines, StandardCharsets.UTF_8);
    String cp =
        System.getProperty("jdk.module.path", "")
            + File.pathSeparator
            + System.getProperty("java.class.path");
    Process proc =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                cp,
                ReloadMain.class.getName(),
                file.toString(),
                in.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, proc.waitFor(), output);
    String[] got = output.strip().split("\n");
    double[][] batch = p.apply(serve);
    assertEquals(serve.rowCount(), got.length, output);
    for (int i = 0; i < got.length; i++) {
      assertEquals(ReloadMain.bits(batch[i]), got[i], "row " + i);
    }
  }

  @Test
  void fromJson_refusesUnknownVersionMissingFieldAndUnknownStep() {
    FeaturePipeline p = PipelineFixtures.unfitted().fit(PipelineFixtures.data(3, 60, false));
    String json = p.toJson();
    MlopsException e =
        assertThrows(
            MlopsException.class,
            () ->
                FeaturePipeline.fromJson(
                    json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"),
                    PipelineFixtures.CLIP));
    assertTrue(e.getMessage().startsWith("JSON: formatVersion must be 1 to 1"), e.getMessage());
    assertTrue(e.getMessage().endsWith("but was 2"), e.getMessage());

    e =
        assertThrows(
            MlopsException.class,
            () ->
                FeaturePipeline.fromJson(
                    json.replaceFirst("\"mean\" : ", "\"average\" : "), PipelineFixtures.CLIP));
    assertEquals(
        "JSON: fields[0].steps[1].parameters: parameter 'mean' must be present, but was missing",
        e.getMessage());

    e =
        assertThrows(
            MlopsException.class,
            () ->
                FeaturePipeline.fromJson(
                    json.replaceFirst("\"vocabulary\" : ", "\"words\" : "), PipelineFixtures.CLIP));
    assertEquals("JSON: missing field 'fields[6].vocabulary'", e.getMessage());

    e = assertThrows(MlopsException.class, () -> FeaturePipeline.fromJson(json));
    assertEquals(
        "JSON: fields[4].steps[0].key 'clip_max' is neither a built-in step [impute_mean,"
            + " impute_median, impute_most_frequent, impute_constant, standard, min_max, log1p,"
            + " yeo_johnson, quantile_buckets, equal_width_buckets] nor one of the user-defined"
            + " steps given []",
        e.getMessage());
  }

  @Test
  void badInput_isRefusedWithClearMessages() {
    FeaturePipeline p = PipelineFixtures.unfitted().fit(PipelineFixtures.data(3, 60, false));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> p.apply(Columns.builder().numeric("a", new double[] {1}).build()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "batch must be a table of the pipeline's inputs, but was missing column 'b'"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.applyInto(p.newRow(), new double[3]));
    assertEquals(
        "out.length must be at least width = " + p.width() + ", but was 3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.newRow().set("a", "x"));
    assertEquals("field 'a' must be categorical, but was numeric", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FeaturePipeline.builder()
                    .numeric("x", NumericSteps.standard())
                    .build()
                    .fit(Columns.builder().numeric("x", new double[] {Double.NaN}).build()));
    assertEquals(
        "field 'x', step standard: training must be values with a finite one to fit on, but was"
            + " without one",
        e.getMessage());
  }

  @Test
  void servingPath_givesTheBitsOfEachFittedStep() {
    // the pipeline decodes built-in steps into a switch; it must agree with FittedStep.apply
    double[] train = PipelineFixtures.data(5, 150, false).numeric("b");
    java.util.SplittableRandom r = new java.util.SplittableRandom(9);
    List<NumericStep> steps =
        List.of(
            NumericSteps.meanImputer(),
            NumericSteps.constantImputer(2.5),
            NumericSteps.standard(),
            NumericSteps.minMax(),
            NumericSteps.log1p(),
            NumericSteps.yeoJohnson(),
            NumericSteps.quantileBuckets(5),
            NumericSteps.equalWidthBuckets(3));
    for (NumericStep step : steps) {
      FittedStep s = step.fit(train);
      FeaturePipeline one =
          FeaturePipeline.builder()
              .numeric("b", step)
              .build()
              .fit(Columns.builder().numeric("b", train).build());
      FeatureRow row = one.newRow();
      for (int i = 0; i < 200; i++) {
        double x = i == 0 ? Double.NaN : r.nextGaussian() * 3;
        assertEquals(
            Double.doubleToRawLongBits(s.apply(x)),
            Double.doubleToRawLongBits(one.apply(row.set("b", x))[0]),
            step.key() + " at " + x);
      }
    }
  }

  @Test
  void goldenFileOfFormatVersion1_isStillRead() throws Exception {
    // written by the docs/modules/features.md example (mlops4j 0.1.0-SNAPSHOT); the expected
    // outputs are those that example printed when it wrote the file
    Path golden = Path.of(FeaturePipelineTest.class.getResource("pipeline-v1.json").toURI());
    FeaturePipeline p = FeaturePipeline.load(golden);
    assertEquals(
        List.of("age", "income", "city=Bern", "city=Lima", "city=Oslo", "city=<unknown>"),
        p.outputNames());
    assertBits(
        new double[] {-1.6183095597573556, -1.8066535198711937, 0.0, 0.0, 1.0, 0.0},
        p.apply(p.newRow().set("age", 23).set("income", 21e3).set("city", "Oslo")));
  }

  private static void assertBits(double[] want, double[] got) {
    assertEquals(want.length, got.length);
    for (int k = 0; k < want.length; k++) {
      assertEquals(
          Double.doubleToRawLongBits(want[k]), Double.doubleToRawLongBits(got[k]), "output " + k);
    }
  }

  @Test
  void toString_showsTheFittedSteps() {
    Columns train = Columns.builder().numeric("x", new double[] {1, 2, 3, 4}).build();
    FeaturePipeline p = FeaturePipeline.builder().numeric("x", NumericSteps.standard()).build();
    assertEquals("FeaturePipeline (1 inputs, not fitted)\n  x: standard", p.toString());
    assertEquals(
        "FeaturePipeline (1 inputs, 1 outputs, fitted)\n  x: standard(mean=2.50000, scale=1.11803)",
        p.fit(train).toString());
    assertArrayEquals(new double[] {0}, p.fit(train).apply(p.newRow().set("x", 2.5)));
  }
}
