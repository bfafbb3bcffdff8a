package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupMetrics;

/**
 * Runs the COMPAS example on {@code ../shared/datasets/compas-two-years.csv} when it is present
 * (skipped in a user's clone, which has no {@code ../shared}).
 */
class CompasFairnessTest {

  @Test
  void compas_reproducesProPublicasFalsePositiveAndTruePositiveRates() {
    Path csv =
        Path.of(
            System.getProperty("mlops.shared.dir", "../../shared"),
            "datasets",
            "compas-two-years.csv");
    assumeTrue(Files.isRegularFile(csv), "COMPAS data not present at " + csv);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    FairnessReport report =
        CompasFairness.report(csv, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // expected: ProPublica, "How We Analyzed the COMPAS Recidivism Algorithm" (2016): FPR 44.85%
    // for
    // Black defendants against 23.45% for white defendants; TPR 72.0% against 52.3%; recomputed
    // here
    // with Python's csv module over the same file (n = 3696 and 2454).
    GroupMetrics black = report.group("African-American");
    GroupMetrics white = report.group("Caucasian");
    assertThat(black.size()).isEqualTo(3696);
    assertThat(white.size()).isEqualTo(2454);
    assertThat(black.fpr().value()).isCloseTo(0.44846796657381616, within(1e-12));
    assertThat(white.fpr().value()).isCloseTo(0.23454301075268819, within(1e-12));
    assertThat(black.tpr().value()).isCloseTo(0.7201472908995266, within(1e-12));
    assertThat(white.tpr().value()).isCloseTo(0.5227743271221532, within(1e-12));
    assertThat(report.fourFifthsRule().passed()).isFalse();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("African-American", "Caucasian");
  }
}
