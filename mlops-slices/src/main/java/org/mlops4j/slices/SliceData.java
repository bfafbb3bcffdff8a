package org.mlops4j.slices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.GroupCodes;
import org.mlops4j.slices.internal.FeatureColumn;

/**
 * The rows to slice, an immutable value: what went wrong in each row (an error, from labels and
 * predictions, or a loss) and the feature columns to slice on. A {@link SliceFinder} audits it.
 *
 * <pre>{@code
 * SliceData data = SliceData.of(labels, predictions)   // String[] or int[]: error = mismatch
 *     .feature("country", country)                      // String[]: categorical
 *     .feature("age", age);                             // double[]: numeric, binned; NaN = missing
 * SliceData losses = SliceData.ofLoss(loss).feature("country", country);
 * }</pre>
 *
 * <p>A row is an error when its prediction is not equal to its label ({@link String#equals} or
 * {@code !=}); {@link #ofLoss(double[])} takes a per-row loss instead (a log loss, a squared error)
 * and the slices are judged on their mean loss. Categorical values are encoded on the way in by the
 * fairness module's {@link GroupCodes} (a sensitive group is a slice). Every method that adds a
 * feature returns a new {@code SliceData} and checks its argument at once; arrays are copied (or
 * encoded) on the way in.
 *
 * @since 0.1.0
 */
public final class SliceData {

  private final SliceMeasure measure;
  private final int @Nullable [] errors;
  private final double @Nullable [] loss;
  private final List<FeatureColumn> features;

  private SliceData(
      SliceMeasure measure,
      int @Nullable [] errors,
      double @Nullable [] loss,
      List<FeatureColumn> features) {
    this.measure = measure;
    this.errors = errors;
    this.loss = loss;
    this.features = Collections.unmodifiableList(features);
  }

  /**
   * Rows from labels and predictions as strings (the columns of a CSV file): a row is an error when
   * the prediction is not equal to the label.
   *
   * @param labels the true label of each row
   * @param predictions the model's prediction for each row
   * @return the data, without features yet
   * @throws NullPointerException if an array or an element is null
   * @throws IllegalArgumentException if the lengths differ or there are no rows
   */
  public static SliceData of(String[] labels, String[] predictions) {
    Require.noNulls(labels, "labels");
    Require.noNulls(predictions, "predictions");
    Require.sameLength(predictions.length, "predictions", labels.length, "labels");
    requireRows(labels.length, "labels");
    int[] e = new int[labels.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = labels[i].equals(predictions[i]) ? 0 : 1;
    }
    return new SliceData(SliceMeasure.ERROR_RATE, e, null, new ArrayList<>());
  }

  /**
   * Rows from int labels and predictions (class indices): a row is an error when they differ.
   *
   * @param labels the true label of each row
   * @param predictions the model's prediction for each row
   * @return the data, without features yet
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ or there are no rows
   */
  public static SliceData of(int[] labels, int[] predictions) {
    Require.nonNull(labels, "labels");
    Require.nonNull(predictions, "predictions");
    Require.sameLength(predictions.length, "predictions", labels.length, "labels");
    requireRows(labels.length, "labels");
    int[] e = new int[labels.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = labels[i] == predictions[i] ? 0 : 1;
    }
    return new SliceData(SliceMeasure.ERROR_RATE, e, null, new ArrayList<>());
  }

  /**
   * Rows from an error indicator computed by the caller.
   *
   * @param errors true where the model erred
   * @return the data, without features yet
   * @throws NullPointerException if the array is null
   * @throws IllegalArgumentException if there are no rows
   */
  public static SliceData ofErrors(boolean[] errors) {
    Require.nonNull(errors, "errors");
    requireRows(errors.length, "errors");
    int[] e = new int[errors.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = errors[i] ? 1 : 0;
    }
    return new SliceData(SliceMeasure.ERROR_RATE, e, null, new ArrayList<>());
  }

  /**
   * Rows from a per-row loss; slices are judged on their mean loss (Welch's t-test).
   *
   * @param loss the loss of each row, finite
   * @return the data, without features yet
   * @throws NullPointerException if the array is null
   * @throws IllegalArgumentException if there are no rows or a loss is NaN or infinite
   */
  public static SliceData ofLoss(double[] loss) {
    Require.finite(loss, "loss");
    requireRows(loss.length, "loss");
    return new SliceData(SliceMeasure.MEAN_LOSS, null, loss.clone(), new ArrayList<>());
  }

  private static void requireRows(int n, String name) {
    Require.argument(n > 0, name, "non-empty", "an empty array");
  }

  /**
   * Adds a categorical feature.
   *
   * @param name the feature's name, for example {@code "country"}
   * @param values the feature's value in each row
   * @return new data with the feature
   * @throws NullPointerException if the name, the array or a value is null ({@code "country[7] must
   *     not be null"})
   * @throws IllegalArgumentException if the name is blank or was given before, or the length
   *     differs from the rows'
   */
  public SliceData feature(String name, String[] values) {
    check(name, values == null ? null : values.length, "values");
    GroupCodes codes = GroupCodes.encode(name, values);
    return with(FeatureColumn.categorical(name, codes.codes(), codes.names()));
  }

  /**
   * Adds a categorical feature given as int codes; each value is named by its decimal code.
   *
   * @param name the feature's name
   * @param values the feature's code in each row
   * @return new data with the feature
   * @throws NullPointerException if the name or the array is null
   * @throws IllegalArgumentException as {@link #feature(String, String[])}
   */
  public SliceData feature(String name, int[] values) {
    check(name, values == null ? null : values.length, "values");
    String[] s = new String[values.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Integer.toString(values[i]);
    }
    GroupCodes codes = GroupCodes.encode(name, s);
    return with(FeatureColumn.categorical(name, codes.codes(), codes.names()));
  }

  /**
   * Adds a numeric feature, cut into ranges when audited ({@link SliceFinder.Builder#bins(int)},
   * {@link SliceFinder.Builder#binning(org.mlops4j.api.Binning)}); NaN marks a missing value, a
   * slice of its own.
   *
   * @param name the feature's name
   * @param values the feature's value in each row, finite or NaN
   * @return new data with the feature
   * @throws NullPointerException if the name or the array is null
   * @throws IllegalArgumentException as {@link #feature(String, String[])}, or if a value is
   *     infinite
   */
  public SliceData feature(String name, double[] values) {
    check(name, values == null ? null : values.length, "values");
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(
            Require.mustBe(name + "[" + i + "]", "finite or NaN (missing)", values[i]));
      }
    }
    return with(FeatureColumn.numeric(name, values.clone()));
  }

  private void check(String name, @Nullable Integer length, String what) {
    Require.nonBlank(name, "name");
    Require.nonNull(length, what);
    for (FeatureColumn f : features) {
      Require.argument(
          !f.name().equals(name), "name", "a feature name not given before", "'" + name + "'");
    }
    Require.sameLength(length, "feature '" + name + "'", size(), "labels");
  }

  private SliceData with(FeatureColumn column) {
    List<FeatureColumn> more = new ArrayList<>(features);
    more.add(column);
    return new SliceData(measure, errors, loss, more);
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return errors != null ? errors.length : loss.length;
  }

  /**
   * @return what the slices are judged on: the error rate, or the mean loss for {@link
   *     #ofLoss(double[])}
   */
  public SliceMeasure measure() {
    return measure;
  }

  /**
   * @return the features' names, in the order given
   */
  public List<String> features() {
    List<String> out = new ArrayList<>();
    features.forEach(f -> out.add(f.name()));
    return List.copyOf(out);
  }

  // ---- for the finder (no copies) ----

  int @Nullable [] errorsNoCopy() {
    return errors;
  }

  double @Nullable [] lossNoCopy() {
    return loss;
  }

  List<FeatureColumn> columns() {
    return features;
  }

  /**
   * @return a one-line summary, for example {@code SliceData[1000 rows, error rate, features
   *     [country, age]]}
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "SliceData[%d rows, %s, features %s]", size(), measure.label(), features());
  }
}
