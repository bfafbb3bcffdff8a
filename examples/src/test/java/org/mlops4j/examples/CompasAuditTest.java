package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.slices.Slice;

/**
 * Runs the COMPAS audit on {@code ../shared/datasets/compas-two-years.csv} when it is present
 * (skipped, with a message, in a user's clone, which has no {@code ../shared}).
 *
 * <p>Expected values: Python 3 with only the csv module, numpy and scipy over the same file (all
 * 7,214 rows; no ProPublica filter is applied, see {@link CompasAudit}), this script:
 *
 * <pre>
 * import csv, numpy as np
 * from scipy.stats import norm
 * r = list(csv.DictReader(open('compas-two-years.csv')))
 * race = np.array([x['race'] for x in r]); sex = np.array([x['sex'] for x in r])
 * age = np.array([float(x['age']) for x in r]); priors = np.array([float(x['priors_count']) for x in r])
 * d = np.array([int(x['decile_score']) for x in r]); y = np.array([int(x['two_year_recid']) for x in r])
 * p = (d &gt;= 5).astype(int)
 * print('rows', len(r))
 * for g, m in [(g, race == g) for g in ['African-American', 'Caucasian', 'Hispanic', 'Other']] \
 *         + [(g, sex == g) for g in ['Female', 'Male']]:
 *     fp = ((p == 1) &amp; (y == 0) &amp; m).sum(); tn = ((p == 0) &amp; (y == 0) &amp; m).sum()
 *     fn = ((p == 0) &amp; (y == 1) &amp; m).sum(); tp = ((p == 1) &amp; (y == 1) &amp; m).sum()
 *     print(g, m.sum(), 'fpr', repr(fp / (fp + tn)), 'fnr', repr(fn / (fn + tp)))
 * rate = np.array([np.nan] + [y[d == k].mean() for k in range(1, 11)])
 * print('decile rates', [repr(v) for v in rate[1:]])
 * s = rate[d]                                   # the decile read as a probability
 * edges = np.linspace(0, 1, 11)                 # sklearn calibration_curve, strategy='uniform'
 * def ece(m):
 *     b = np.searchsorted(edges[1:-1], s[m])
 *     return sum(abs(s[m][b == i].mean() - y[m][b == i].mean()) * (b == i).sum()
 *                for i in range(10) if (b == i).sum()) / m.sum()
 * for g, m in [('African-American', race == 'African-American'), ('Caucasian', race == 'Caucasian'),
 *              ('Female', sex == 'Female'), ('Male', sex == 'Male')]:
 *     print('ece', g, repr(ece(m)), 'mean score', repr(s[m].mean()), 'base', repr(y[m].mean()))
 * print('age edges', np.percentile(age, [20, 40, 60, 80]), 'priors edges', np.percentile(priors, [20, 40, 60, 80]))
 * err = (p != y).astype(float)
 * m = (age &gt;= 24) &amp; (age &lt; 29) &amp; (priors &gt;= 1) &amp; (priors &lt; 2)
 * n1, n2 = m.sum(), (~m).sum(); p1, p2 = err[m].mean(), err[~m].mean(); pp = err.mean()
 * z = (p1 - p2) / np.sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2))
 * print('slice', n1, repr(p1), 'rest', repr(p2), 'z', repr(z), 'p', repr(norm.sf(z)), 'overall', repr(pp))
 * </pre>
 *
 * (numpy 2.4.6, scipy 1.17.1). The quantile edges it prints, age 24, 29, 35, 46 and priors 1, 2, 6
 * (0 is the minimum), are the slice finder's five quantile bins.
 */
class CompasAuditTest {

  @TempDir static Path out;

  private static CompasAudit.Audit audit;

  private static CompasAudit.Audit audit() {
    Path csv =
        Path.of(
            System.getProperty("mlops.shared.dir", "../../shared"),
            "datasets",
            "compas-two-years.csv");
    assumeTrue(Files.isRegularFile(csv), "COMPAS data not present at " + csv + ": test skipped");
    if (audit == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      audit = CompasAudit.audit(csv, out, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(audit.summary());
    }
    return audit;
  }

  @Test
  void audit_readsEveryRowAndCountsTheGroupsAsPython() {
    CompasAudit.Audit a = audit();

    // expected: the script above ('rows', and m.sum() per group)
    assertThat(a.rows()).isEqualTo(7214);
    assertThat(a.byRace().group("African-American").size()).isEqualTo(3696);
    assertThat(a.byRace().group("Caucasian").size()).isEqualTo(2454);
    assertThat(a.byRace().group("Hispanic").size()).isEqualTo(637);
    assertThat(a.byRace().group("Other").size()).isEqualTo(377);
    assertThat(a.byRace().group("Asian").size()).isEqualTo(32);
    assertThat(a.byRace().group("Native American").size()).isEqualTo(18);
    assertThat(a.bySex().group("Female").size()).isEqualTo(1395);
    assertThat(a.bySex().group("Male").size()).isEqualTo(5819);
    // fewer than 100 rows: shown, not judged
    assertThat(a.byRace().group("Asian").status()).isEqualTo(GroupStatus.TOO_SMALL);
    assertThat(a.byRace().group("Native American").status()).isEqualTo(GroupStatus.TOO_SMALL);
  }

  @Test
  void audit_hasTheFalsePositiveAndFalseNegativeRatesOfPython() {
    CompasAudit.Audit a = audit();

    // expected: the script above ('fpr', 'fnr'); Black and white as ProPublica's 44.85% / 23.45%
    // false positive and 27.99% / 47.72% false negative rates
    assertRates(a.byRace(), "African-American", 0.44846796657381616, 0.27985270910047344);
    assertRates(a.byRace(), "Caucasian", 0.23454301075268819, 0.4772256728778468);
    assertRates(a.byRace(), "Hispanic", 0.21481481481481482, 0.5560344827586207);
    assertRates(a.byRace(), "Other", 0.14754098360655737, 0.6766917293233082);
    assertRates(a.bySex(), "Female", 0.3210702341137124, 0.39156626506024095);
    assertRates(a.bySex(), "Male", 0.3242009132420091, 0.37086814384308026);
    assertThat(a.byRace().fourFifthsRule().passed()).isFalse();
  }

  private static void assertRates(FairnessReport report, String group, double fpr, double fnr) {
    GroupMetrics g = report.group(group);
    assertThat(g.fpr().value()).as(group + " FPR").isCloseTo(fpr, within(1e-12));
    assertThat(g.fnr().value()).as(group + " FNR").isCloseTo(fnr, within(1e-12));
  }

  @Test
  void audit_findsTheScoreCalibratedByRaceButNotBySex() {
    CompasAudit.Audit a = audit();

    // expected: the script above ('decile rates', 'ece', 'mean score', 'base')
    assertThat(a.decileRates()[1]).isCloseTo(0.21388888888888888, within(1e-12));
    assertThat(a.decileRates()[5]).isCloseTo(0.4787077826725404, within(1e-12));
    assertThat(a.decileRates()[10]).isCloseTo(0.7728459530026109, within(1e-12));
    assertThat(a.byRace().calibration("African-American").ece())
        .isCloseTo(0.01040476378350976, within(1e-12));
    assertThat(a.byRace().calibration("Caucasian").ece())
        .isCloseTo(0.017141621987618944, within(1e-12));
    assertThat(a.bySex().calibration("Male").ece()).isCloseTo(0.017756188551040813, within(1e-12));
    assertThat(a.bySex().calibration("Female").ece()).isCloseTo(0.07406685389140251, within(1e-12));
    assertThat(a.bySex().calibration("Female").meanScore())
        .isCloseTo(0.4310561012032305, within(1e-12));
    assertThat(a.bySex().calibration("Female").baseRate())
        .isCloseTo(0.35698924731182796, within(1e-12));
    // the trade-off, said in one sentence with the numbers above
    assertThat(a.summary())
        .contains(
            "a decile means about the same risk for Black and white defendants (ECE 0.010 and"
                + " 0.017), yet 45% of the Black defendants who were not re-arrested were labelled"
                + " higher risk against 23% of the white ones",
            "Kleinberg et al., 2016; Chouldechova, 2017");
  }

  @Test
  void audit_findsFirstTheYoungDefendantsWithOnePriorWhereTheScoreErrsMost() {
    CompasAudit.Audit a = audit();

    Slice first = a.slices().significant().get(0);

    // expected: the script above ('slice', 'rest', 'p', 'overall'); the pooled one-sided z-test's
    // raw p-value (scipy.stats.norm.sf), before Benjamini-Hochberg
    assertThat(first.name()).isEqualTo("age=[24, 29)|priors_count=[1, 2)");
    assertThat(first.rows()).isEqualTo(314);
    assertThat(first.value()).isCloseTo(0.4554140127388535, within(1e-12));
    assertThat(first.restValue()).isCloseTo(0.34130434782608693, within(1e-12));
    assertThat(first.statistic()).isCloseTo(4.156394421045637, within(1e-9));
    assertThat(first.pValue()).isCloseTo(1.6165473775363293e-05, within(1e-12));
    assertThat(first.pAdjusted()).isLessThanOrEqualTo(0.05);
    assertThat(a.slices().overall()).isCloseTo(0.34627113945106736, within(1e-12));
  }

  @Test
  void audit_writesACompleteCardWithTheAnalysesInThreeForms() throws IOException {
    CompasAudit.Audit a = audit();

    assertThat(a.card().completeness().complete()).isTrue();
    String json = Files.readString(out.resolve("model-card.json"));
    String md = Files.readString(out.resolve("model-card.md"));
    String html = Files.readString(out.resolve("model-card.html"));
    assertThat(json)
        .contains("\"schema_version\"", "\"slice\" : \"race=African-American\"")
        .contains("\"slice\" : \"age=[24, 29)|priors_count=[1, 2)\"");
    assertThat(md).startsWith("---\n").contains("## Model Details");
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Kleinberg", "Calibration by group", "Where the model errs most");
    assertThat(out.resolve("slices.html")).isRegularFile();
    assertThat(out.resolve("fairness-race.html")).isRegularFile();
    assertThat(out.resolve("fairness-sex.html")).isRegularFile();
  }

  @Test
  void run_withoutTwoArguments_printsTheUsageAndReturnsTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        CompasAudit.run(
            new String[] {"compas-two-years.csv"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "usage: CompasAudit <path to compas-two-years.csv> <output folder>"
                + System.lineSeparator());
  }

  @Test
  void run_withAMissingFile_saysWhereToGetItAndReturnsTwo(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path missing = dir.resolve("compas-two-years.csv");

    int status =
        CompasAudit.run(
            new String[] {missing.toString(), dir.resolve("out").toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(missing + ": no such file; download compas-two-years.csv from https://");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
