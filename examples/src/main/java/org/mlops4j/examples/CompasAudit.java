package org.mlops4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.cards.CardDataset;
import org.mlops4j.cards.ModelCard;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.slices.Slice;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;

/**
 * An audit of the COMPAS decile score itself on ProPublica's two-year recidivism data (Angwin et
 * al., "Machine Bias", 2016): group fairness by race and by sex, calibration by group, the slices
 * where the score errs most, and a model card of the score with those analyses, written as HTML,
 * Model Card Toolkit JSON and Hugging Face Markdown.
 *
 * <p>The rows: every row of {@code compas-two-years.csv} (7,214 defendants screened in Broward
 * County, Florida, in 2013 and 2014), without ProPublica's further filters (screening within 30
 * days of the arrest, a known recidivism status, no ordinary traffic offence: 6,172 rows), which
 * they applied for their regression models; their error-rate table (false positive rate 44.85% for
 * Black defendants against 23.45% for white defendants) is computed over all rows, as here.
 *
 * <ul>
 *   <li>Decision: a decile of 5 or more ("medium" or "high" risk) is the "higher risk" prediction;
 *       the label is {@code two_year_recid} (a new arrest within two years).
 *   <li>Calibration: the decile read as a probability, the two-year recidivism rate of all
 *       defendants with that decile (histogram binning, Zadrozny and Elkan, 2001), so that the
 *       score is calibrated over all rows by construction and its calibration within a group says
 *       whether the same decile means the same risk in every group. Ten equal-width bins.
 *   <li>Slices: where the "higher risk" prediction is wrong most often, over race, sex, age, priors
 *       count, charge degree and juvenile felonies; pooled two-proportion z-tests, one-sided, with
 *       Benjamini–Hochberg across every slice examined, at least 100 rows.
 * </ul>
 *
 * <p>Run with the path of {@code compas-two-years.csv} and an output folder: it prints a short
 * summary and writes {@code model-card.html}, {@code model-card.json}, {@code model-card.md} and
 * the full reports ({@code fairness-race.html}, {@code fairness-sex.html}, {@code slices.html}).
 */
public final class CompasAudit {

  /** The decision: a decile of this or more is the "higher risk" prediction. */
  static final int HIGHER_RISK = 5;

  /**
   * The fewest rows of a group judged for fairness: smaller groups (Asian and Native American
   * defendants, some of the race × sex groups) are shown, not judged; their intervals are too wide.
   */
  static final int MIN_GROUP_ROWS = 100;

  /** The fewest rows of a slice worth reporting. */
  static final int MIN_SLICE_ROWS = 100;

  private CompasAudit() {}

  /**
   * The audit's inputs and results, for the test.
   *
   * @param rows the defendants audited
   * @param decileRates the two-year recidivism rate of each decile 1 to 10 (index 0 unused)
   * @param byRace fairness and calibration by race, Caucasian defendants the reference
   * @param bySex fairness and calibration by sex, men the reference
   * @param byRaceAndSex the intersectional groups, for the card
   * @param slices where the prediction errs most
   * @param card the model card of the score
   * @param summary what was printed
   */
  record Audit(
      int rows,
      double[] decileRates,
      FairnessReport byRace,
      FairnessReport bySex,
      FairnessReport byRaceAndSex,
      SliceReport slices,
      ModelCard card,
      String summary) {}

  /** One column per field the audit reads. */
  record Defendants(
      String[] race,
      String[] sex,
      double[] age,
      double[] priors,
      String[] chargeDegree,
      double[] juvenileFelonies,
      int[] decile,
      int[] recid,
      LocalDate latestScreening) {

    int size() {
      return recid.length;
    }
  }

  /**
   * Runs the audit: {@code args[0]} the path of {@code compas-two-years.csv}, {@code args[1]} the
   * output folder; exits with status 2 and a message on bad arguments.
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the audit from the command line's arguments; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: CompasAudit <path to compas-two-years.csv> <output folder>");
      return 2;
    }
    Path csv = Path.of(args[0]);
    if (!Files.isRegularFile(csv)) {
      err.println(
          csv
              + ": no such file; download compas-two-years.csv from"
              + " https://github.com/propublica/compas-analysis");
      return 2;
    }
    audit(csv, Path.of(args[1]), out);
    return 0;
  }

  /**
   * Audits the COMPAS file at {@code csv}, writes the card into {@code folder}, prints a summary.
   */
  static Audit audit(Path csv, Path folder, PrintStream out) {
    Defendants d = read(csv);
    int n = d.size();
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      predicted[i] = d.decile()[i] >= HIGHER_RISK ? 1 : 0;
    }
    double[] decileRates = decileRates(d);
    double[] probability = new double[n];
    for (int i = 0; i < n; i++) {
      probability[i] = decileRates[d.decile()[i]];
    }

    Decisions decisions = Decisions.of(d.recid(), predicted).scores(probability);
    FairnessAuditor auditor =
        FairnessAuditor.builder().minGroupSize(MIN_GROUP_ROWS).bootstrap(1000, 42).build();
    FairnessReport byRace =
        auditor.toBuilder()
            .reference("Caucasian")
            .build()
            .audit(decisions.groups("race", d.race()));
    FairnessReport bySex =
        auditor.toBuilder().reference("Male").build().audit(decisions.groups("sex", d.sex()));
    FairnessReport byRaceAndSex =
        auditor.audit(decisions.groups("race", d.race()).groups("sex", d.sex()));

    SliceReport slices =
        SliceFinder.builder()
            .minSupport(MIN_SLICE_ROWS)
            .build()
            .audit(
                SliceData.of(d.recid(), predicted)
                    .feature("race", d.race())
                    .feature("sex", d.sex())
                    .feature("age", d.age())
                    .feature("priors_count", d.priors())
                    .feature("c_charge_degree", d.chargeDegree())
                    .feature("juv_fel_count", d.juvenileFelonies()));

    ModelCard card = card(csv, d, byRace, bySex, byRaceAndSex, slices);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
    card.save(folder.resolve("model-card.html"));
    card.save(folder.resolve("model-card.json"));
    card.save(folder.resolve("model-card.md"));
    byRace.save(folder.resolve("fairness-race.html"));
    bySex.save(folder.resolve("fairness-sex.html"));
    slices.save(folder.resolve("slices.html"));

    String summary = summary(n, byRace, bySex, slices, card, folder);
    out.print(summary);
    return new Audit(n, decileRates, byRace, bySex, byRaceAndSex, slices, card, summary);
  }

  /** The two-year recidivism rate of all defendants with each decile, 1 to 10. */
  static double[] decileRates(Defendants d) {
    double[] recid = new double[11];
    double[] count = new double[11];
    for (int i = 0; i < d.size(); i++) {
      recid[d.decile()[i]] += d.recid()[i];
      count[d.decile()[i]]++;
    }
    double[] rate = new double[11];
    for (int k = 1; k <= 10; k++) {
      rate[k] = recid[k] / count[k];
    }
    return rate;
  }

  private static String summary(
      int n,
      FairnessReport byRace,
      FairnessReport bySex,
      SliceReport slices,
      ModelCard card,
      Path folder) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "COMPAS audit: %d defendants, decile >= %d is \"higher risk\", label two_year_recid%n",
            n,
            HIGHER_RISK));
    sb.append(
        String.format(
            Locale.ROOT,
            "%n  %-18s %6s %9s %9s %7s %7s %7s%n",
            "group",
            "rows",
            "base rate",
            "selected",
            "FPR",
            "FNR",
            "ECE"));
    for (FairnessReport report : List.of(byRace, bySex)) {
      for (GroupMetrics g : report.groups()) {
        GroupCalibration c = report.calibration(g.name());
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-18s %6d %9.3f %9.3f %7.3f %7.3f %7.3f%s%n",
                g.name(),
                g.size(),
                g.baseRate().value(),
                g.selectionRate().value(),
                g.fpr().orElse(Double.NaN),
                g.fnr().orElse(Double.NaN),
                c.ece(),
                g.status() == GroupStatus.OK ? "" : "  (too small to judge)"));
      }
    }
    GroupMetrics black = byRace.group("African-American");
    GroupMetrics white = byRace.group("Caucasian");
    Disparity odds = byRace.equalizedOddsDifference();
    sb.append(
        String.format(
            Locale.ROOT,
            "%nby race: four-fifths rule %s; equalized-odds difference %.3f [%.3f, %.3f] (%s vs"
                + " %s)%n",
            byRace.fourFifthsRule().passed() ? "passed" : "failed",
            odds.value(),
            odds.interval().orElseThrow().lower(),
            odds.interval().orElseThrow().upper(),
            odds.groupA(),
            odds.groupB()));
    sb.append(
        String.format(
            Locale.ROOT,
            "Calibrated by race, unequal in its errors: a decile means about the same risk for"
                + " Black and white defendants (ECE %.3f and %.3f), yet %.0f%% of the Black"
                + " defendants who were not re-arrested were labelled higher risk against %.0f%% of"
                + " the white ones, because their base rates differ (%.3f and %.3f): with unequal"
                + " base rates no imperfect score can be both calibrated by group and equal in its"
                + " error rates (Kleinberg et al., 2016; Chouldechova, 2017).%n",
            byRace.calibration("African-American").ece(),
            byRace.calibration("Caucasian").ece(),
            100 * black.fpr().value(),
            100 * white.fpr().value(),
            black.baseRate().value(),
            white.baseRate().value()));
    GroupCalibration women = bySex.calibration("Female");
    sb.append(
        String.format(
            Locale.ROOT,
            "By sex it is the calibration that fails: women are re-arrested less often than their"
                + " decile says"
                + " (ECE %.3f, mean score %.3f against a base rate of %.3f).%n",
            women.ece(),
            women.meanScore(),
            women.baseRate()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%nslices where the prediction errs most (error rate %.3f overall; %d examined, %d"
                + " significant after Benjamini-Hochberg at %.2f):%n",
            slices.overall(),
            slices.examined().size(),
            slices.significant().size(),
            slices.alpha()));
    for (Slice s : slices.significant().subList(0, Math.min(5, slices.significant().size()))) {
      sb.append(slice(s));
    }
    List<Slice> below =
        slices.examined().stream()
            .filter(s -> !s.significant() && s.pAdjusted() <= slices.alpha())
            .sorted(Comparator.comparingDouble(Slice::pAdjusted).thenComparing(Slice::name))
            .limit(3)
            .toList();
    if (!below.isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  below the minimum effect size (%s) though p_adj <= %s:%n",
              slices.minEffectSize(),
              slices.alpha()));
      below.forEach(s -> sb.append(slice(s)));
    }
    sb.append(String.format(Locale.ROOT, "%n%s", card.completeness()));
    sb.append(String.format(Locale.ROOT, "%nwritten to %s: ", folder));
    sb.append(
        String.join(
            ", ",
            "model-card.html",
            "model-card.json",
            "model-card.md",
            "fairness-race.html",
            "fairness-sex.html",
            "slices.html"));
    sb.append(System.lineSeparator());
    return sb.toString();
  }

  private static String slice(Slice s) {
    return String.format(
        Locale.ROOT,
        "  %-40s %5d rows  error %.3f [%.3f, %.3f] vs %.3f  effect %.2f  p_adj %.1e%n",
        s.name(),
        s.rows(),
        s.value(),
        s.interval().lower(),
        s.interval().upper(),
        s.restValue(),
        s.effectSize(),
        s.pAdjusted());
  }

  /** The model card of the COMPAS score, with the analyses attached. */
  private static ModelCard card(
      Path csv,
      Defendants d,
      FairnessReport byRace,
      FairnessReport bySex,
      FairnessReport byRaceAndSex,
      SliceReport slices) {
    ModelCard.Builder card =
        ModelCard.builder()
            .name("COMPAS recidivism decile score")
            .version("2013-2014")
            .date(d.latestScreening())
            .owner("Northpointe (now Equivant), vendor")
            .owner("Broward County Sheriff's Office, user")
            .modelType("proprietary risk scale: answers to a 137-item questionnaire, deciles 1-10")
            .license("proprietary")
            .citation(
                "J. Angwin, J. Larson, S. Mattu, L. Kirchner, \"Machine Bias\", ProPublica, 2016")
            .overview(
                "An audit of the COMPAS general recidivism decile score as used in Broward County,"
                    + " Florida: how well it predicts a new arrest within two years, and whether it"
                    + " does so equally across race and sex.")
            .reference(
                "https://www.propublica.org/article/machine-bias-risk-assessments-in-criminal-sentencing")
            .reference("https://github.com/propublica/compas-analysis")
            .reference(
                "J. Kleinberg, S. Mullainathan, M. Raghavan, \"Inherent Trade-Offs in the Fair"
                    + " Determination of Risk Scores\", 2016, arXiv:1609.05807")
            .reference(
                "A. Chouldechova, \"Fair prediction with disparate impact\", Big Data 5(2), 2017")
            .primaryUse("Audit example: how a risk score behaves across groups, for a review board")
            .primaryUser("Review boards, auditors, researchers")
            .outOfScopeUse("Any decision about a person's liberty, bail or sentence")
            .outOfScopeUse("Populations other than Broward County defendants screened in 2013-2014")
            .metricsRationale(
                "The harms are unequal errors: a false positive (labelled higher risk, not"
                    + " re-arrested) may cost a person their liberty, a false negative puts the"
                    + " public at risk; calibration says whether a decile means the same risk in"
                    + " every group.")
            .decisionThreshold(
                "A decile of 5 or more (medium or high risk) is the higher-risk prediction")
            .decisionThreshold(
                "Calibration reads a decile as the two-year recidivism rate of all defendants with"
                    + " that decile (0.21 for decile 1 to 0.77 for decile 10)")
            .performance("accuracy", byRace.overall().accuracy().value())
            .performance("false_positive_rate", byRace.overall().fpr().value())
            .performance("false_negative_rate", byRace.overall().fnr().value())
            .evaluationData(
                CardDataset.of(
                        "ProPublica compas-two-years.csv",
                        "Defendants screened in Broward County in 2013 and 2014, with their"
                            + " arrests over the next two years; all rows, without ProPublica's"
                            + " regression filters")
                    .withRows(d.size())
                    .withHashes(Map.of(csv.getFileName().toString(), sha256(csv))))
            .trainingData(
                CardDataset.of(
                    "Northpointe's norm group",
                    "Not public: the deciles are normed on the vendor's reference population"))
            .fairness(byRace)
            .fairness(bySex)
            .fairness(byRaceAndSex)
            .slices(slices);
    GroupMetrics black = byRace.group("African-American");
    GroupMetrics white = byRace.group("Caucasian");
    return card.ethicalConsideration(
            String.format(
                Locale.ROOT,
                "Unequal false positive rates by race: %.3f for Black against %.3f for white"
                    + " defendants (ProPublica, 2016), while the score is about as well calibrated"
                    + " for both (ECE %.3f and %.3f): the two cannot hold together when base rates"
                    + " differ (Kleinberg et al., 2016; Chouldechova, 2017)",
                black.fpr().value(),
                white.fpr().value(),
                byRace.calibration("African-American").ece(),
                byRace.calibration("Caucasian").ece()),
            "Report error rates and calibration by group side by side; never use the score alone")
        .ethicalConsideration(
            String.format(
                Locale.ROOT,
                "Over-estimated risk for women: mean calibrated score %.3f against a base rate of"
                    + " %.3f",
                bySex.calibration("Female").meanScore(),
                bySex.calibration("Female").baseRate()),
            "A sex-specific reading of the score, as some jurisdictions use")
        .caveat("The label is a new arrest, not a new offence: arrests themselves differ by group")
        .caveat("Broward County, 2013-2014 only; the deciles are normed on the vendor's population")
        .recommendation(
            "Judge a risk score on calibration and error rates by group together, with intervals")
        .tag("compas")
        .tag("fairness-audit")
        .build();
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Reads the fields the audit needs; records are one line each (see {@link CompasFairness}). */
  static Defendants read(Path csv) {
    List<String[]> rows = new ArrayList<>();
    List<String> header;
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      header = CompasFairness.cells(reader.readLine());
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(CompasFairness.cells(line).toArray(String[]::new));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    int n = rows.size();
    int screening = column(header, "compas_screening_date");
    LocalDate latest = LocalDate.MIN;
    for (String[] r : rows) {
      LocalDate date = LocalDate.parse(r[screening]);
      latest = date.isAfter(latest) ? date : latest;
    }
    Defendants d =
        new Defendants(
            new String[n],
            new String[n],
            new double[n],
            new double[n],
            new String[n],
            new double[n],
            new int[n],
            new int[n],
            latest);
    int race = column(header, "race");
    int sex = column(header, "sex");
    int age = column(header, "age");
    int priors = column(header, "priors_count");
    int degree = column(header, "c_charge_degree");
    int juvFel = column(header, "juv_fel_count");
    int decile = column(header, "decile_score");
    int recid = column(header, "two_year_recid");
    for (int i = 0; i < n; i++) {
      String[] r = rows.get(i);
      d.race()[i] = r[race];
      d.sex()[i] = r[sex];
      d.age()[i] = Double.parseDouble(r[age]);
      d.priors()[i] = Double.parseDouble(r[priors]);
      d.chargeDegree()[i] = r[degree];
      d.juvenileFelonies()[i] = Double.parseDouble(r[juvFel]);
      d.decile()[i] = Integer.parseInt(r[decile]);
      if (d.decile()[i] < 1 || d.decile()[i] > 10) {
        throw new IllegalArgumentException(
            csv + ": decile_score must be 1 to 10, but was " + r[decile] + " in row " + (i + 1));
      }
      d.recid()[i] = Integer.parseInt(r[recid]);
    }
    return d;
  }

  private static int column(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("column '" + name + "' not found in header " + header);
    }
    return i;
  }
}
