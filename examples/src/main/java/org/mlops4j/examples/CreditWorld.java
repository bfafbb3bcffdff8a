package org.mlops4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlops4j.drift.Columns;
import org.mlops4j.features.CategoryEncoder;
import org.mlops4j.features.FeaturePipeline;
import org.mlops4j.features.FeatureRow;
import org.mlops4j.features.NumericSteps;
import org.mlops4j.features.UnseenPolicy;
import org.mlops4j.privacy.PersonalData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The generated world of the {@link Lifecycle} story: credit applicants whose default depends on
 * their debt, income, years employed and age (never on their sex), with two known defects put in on
 * purpose, and a Tribuo logistic regression trained on them.
 *
 * <ul>
 *   <li><b>Measurement bias</b>: the intake form records a woman's income at 70% of its true value
 *       (it counted only the primary income). The outcome depends on the true income, so a model
 *       trained on the recorded one overrates women's risk: more women who would have repaid are
 *       refused. The fairness report has to catch it.
 *   <li><b>Label noise in one branch</b>: 35% of the outcomes of applicants under 35 in the {@code
 *       east} region are recorded wrongly. Error analysis by slice has to find it.
 *   <li><b>A later shift</b>: the 2026 applicants earn less and owe more, and with higher interest
 *       rates their debt weighs more on their default (a change of concept, not only of data). The
 *       monitor has to see the data change; a model retrained on 2026 has to do better than the
 *       2025 one.
 * </ul>
 */
public final class CreditWorld {

  /** The columns of an applicants file, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "applicant_id", "age", "income", "debt", "years_employed", "region", "sex", "defaulted");

  /** The numeric inputs of the model, in order. */
  public static final List<String> NUMERIC = List.of("age", "income", "debt", "years_employed");

  private static final String[] REGIONS = {"north", "south", "east", "west"};
  private static final LabelFactory LABELS = new LabelFactory();
  // Tribuo logs through java.util.logging at INFO every few thousand iterations; keep the
  // reference, a logger only weakly held would lose its level.
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private CreditWorld() {}

  /** One applicant as the service receives it (the recorded values, not the true ones). */
  public record Applicant(
      String id,
      double age,
      double income,
      double debt,
      double yearsEmployed,
      String region,
      String sex) {

    /** The monitor's numeric inputs, in the order of {@link #NUMERIC}. */
    public double[] numeric() {
      return new double[] {age, income, debt, yearsEmployed};
    }

    /** Sets the model's raw inputs into a row of the feature transforms. */
    public FeatureRow into(FeatureRow row) {
      return row.set("age", age)
          .set("income", income)
          .set("debt", debt)
          .set("years_employed", yearsEmployed)
          .set("region", region);
    }
  }

  /** An applicant with the outcome that was recorded for them. */
  public record Record(Applicant applicant, int defaulted) {}

  /**
   * Generates applicants with identifiers {@code APP-<year>-<n>}.
   *
   * @param year 2025 (the training population) or 2026 (lower incomes, higher debts)
   */
  public static List<Record> applicants(int year, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean shifted = year >= 2026;
    List<Record> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double age = 21 + rnd.nextInt(45);
      String sex = rnd.nextBoolean() ? "F" : "M";
      String region = REGIONS[rnd.nextInt(REGIONS.length)];
      double income = Math.exp(Math.log(45) + 0.35 * gaussian(rnd)) * (shifted ? 0.75 : 1.0);
      double debt = Math.max(0, 15 + 8 * gaussian(rnd) + (shifted ? 8 : 0));
      double years = Math.min(age - 18, rnd.nextInt(20));
      double debtWeight = shifted ? 0.2 : 0.12; // 2026: higher interest rates, debt weighs more
      double logit =
          -1.2
              + debtWeight * (debt - 15)
              - 0.06 * (income - 45)
              - 0.08 * (years - 5)
              - 0.02 * (age - 40);
      int defaulted = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      if (region.equals("east") && age < 35 && rnd.nextDouble() < 0.35) {
        defaulted = 1 - defaulted; // the branch's records are often wrong
      }
      double recordedIncome = sex.equals("F") ? 0.7 * income : income; // the measurement bias
      String id = String.format(Locale.ROOT, "APP-%d-%05d", year, i);
      out.add(
          new Record(
              new Applicant(id, age, round(recordedIncome), round(debt), years, region, sex),
              defaulted));
    }
    return out;
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Writes records as an applicants CSV ({@link #COLUMNS}). */
  public static void writeCsv(List<Record> records, Path file) {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Record r : records) {
      Applicant a = r.applicant();
      sb.append(a.id())
          .append(',')
          .append(num(a.age()))
          .append(',')
          .append(num(a.income()))
          .append(',')
          .append(num(a.debt()))
          .append(',')
          .append(num(a.yearsEmployed()))
          .append(',')
          .append(a.region())
          .append(',')
          .append(a.sex())
          .append(',')
          .append(r.defaulted())
          .append('\n');
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Reads an applicants CSV written by {@link #writeCsv} (or a pseudonymised copy of one). */
  public static List<Record> readCsv(Path file) {
    PersonalData data = PersonalData.readCsv(file);
    int[] at = new int[COLUMNS.size()];
    for (int c = 0; c < at.length; c++) {
      at[c] = data.indexOf(COLUMNS.get(c));
    }
    List<Record> out = new ArrayList<>(data.size());
    for (List<String> row : data.rows()) {
      out.add(
          new Record(
              new Applicant(
                  row.get(at[0]),
                  Double.parseDouble(row.get(at[1])),
                  Double.parseDouble(row.get(at[2])),
                  Double.parseDouble(row.get(at[3])),
                  Double.parseDouble(row.get(at[4])),
                  row.get(at[5]),
                  row.get(at[6])),
              Integer.parseInt(row.get(at[7]))));
    }
    return out;
  }

  /** The raw inputs of the records as drift columns (for baselines and feature fitting). */
  public static Columns columns(List<Record> records) {
    int n = records.size();
    double[][] numeric = new double[NUMERIC.size()][n];
    String[] region = new String[n];
    for (int i = 0; i < n; i++) {
      double[] x = records.get(i).applicant().numeric();
      for (int c = 0; c < x.length; c++) {
        numeric[c][i] = x[c];
      }
      region[i] = records.get(i).applicant().region();
    }
    Columns.Builder b = Columns.builder();
    for (int c = 0; c < NUMERIC.size(); c++) {
      b.numeric(NUMERIC.get(c), numeric[c]);
    }
    return b.categorical("region", region).build();
  }

  /** The numeric raw inputs only (what the drift monitor watches). */
  public static Columns numericColumns(List<Record> records) {
    Columns all = columns(records);
    Columns.Builder b = Columns.builder();
    for (String name : NUMERIC) {
      b.numeric(name, all.numeric(name));
    }
    return b.build();
  }

  /** The feature transforms, fitted on the training records: scaled numbers, one-hot region. */
  public static FeaturePipeline fitFeatures(List<Record> training) {
    return FeaturePipeline.builder()
        .numeric("age", NumericSteps.medianImputer(), NumericSteps.standard())
        .numeric(
            "income", NumericSteps.medianImputer(), NumericSteps.log1p(), NumericSteps.standard())
        .numeric("debt", NumericSteps.medianImputer(), NumericSteps.standard())
        .numeric("years_employed", NumericSteps.medianImputer(), NumericSteps.standard())
        .categorical("region", CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN).imputeMostFrequent())
        .build()
        .fit(columns(training));
  }

  /**
   * Trains Tribuo's logistic regression (linear SGD, log loss, AdaGrad) on the transformed training
   * records.
   */
  public static Model<Label> train(
      List<Record> training, FeaturePipeline features, int epochs, double learningRate, long seed) {
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "applicants", java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"), LABELS),
            LABELS);
    String[] names = features.outputNames().toArray(String[]::new);
    FeatureRow row = features.newRow();
    for (Record r : training) {
      double[] x = features.apply(r.applicant().into(row));
      data.add(new ArrayExample<>(new Label(r.defaulted() == 1 ? "default" : "repaid"), names, x));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(learningRate, 0.1),
            epochs,
            Integer.MAX_VALUE,
            1,
            seed);
    return trainer.train(data);
  }

  /** The probability of {@code default} that the model gives a transformed row. */
  public static double risk(Model<Label> model, String[] names, double[] x) {
    return model
        .predict(new ArrayExample<>(LABELS.getUnknownOutput(), names, x))
        .getOutputScores()
        .get("default")
        .getScore();
  }

  /** Reads a model written by {@link Model#serializeToFile}. */
  @SuppressWarnings("unchecked")
  public static Model<Label> loadModel(Path file) throws IOException {
    return (Model<Label>) Model.deserializeFromFile(file);
  }
}
