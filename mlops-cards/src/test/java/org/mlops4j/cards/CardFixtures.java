package org.mlops4j.cards;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.report.internal.Json;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;

/**
 * Shared inputs of the tests: a deterministic scored dataset of 240 rows, its fairness reports
 * (unitary by sex, intersectional by race and sex), a drift report, a full card, a card made of
 * hostile strings, and the Model Card Toolkit schema validator.
 *
 * <p>The dataset, row i = 0..239: sex = F if i even else M; race = A if (i / 2) % 3 == 0 else B;
 * label = 1 if (7 i) % 10 &lt; 4; score = ((37 i) % 100) / 100 + 0.005; decision: score &gt;= 0.5.
 * The same rows in numpy give the expected numbers of the tests (snippets there).
 */
final class CardFixtures {

  static final int N = 240;

  /** Markup and YAML-special characters that must come back as written. */
  static final String HOSTILE =
      "<script>alert('x')</script> key: value # not a comment\n"
          + "\"quoted\" & back\\slash | [link](x)";

  private CardFixtures() {}

  static String[] sex() {
    String[] s = new String[N];
    for (int i = 0; i < N; i++) {
      s[i] = i % 2 == 0 ? "F" : "M";
    }
    return s;
  }

  static String[] race() {
    String[] s = new String[N];
    for (int i = 0; i < N; i++) {
      s[i] = (i / 2) % 3 == 0 ? "A" : "B";
    }
    return s;
  }

  static int[] labels() {
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = (i * 7) % 10 < 4 ? 1 : 0;
    }
    return y;
  }

  static double[] scores() {
    double[] s = new double[N];
    for (int i = 0; i < N; i++) {
      s[i] = ((i * 37) % 100) / 100.0 + 0.005;
    }
    return s;
  }

  static FairnessAuditor auditor() {
    return FairnessAuditor.builder().bootstrap(200, 7).calibration(true).build();
  }

  static FairnessReport unitary() {
    return auditor().audit(Decisions.ofScores(labels(), scores(), 0.5).groups("sex", sex()));
  }

  static FairnessReport intersectional() {
    return auditor()
        .audit(
            Decisions.ofScores(labels(), scores(), 0.5)
                .groups("race", race())
                .groups("sex", sex()));
  }

  static DriftReport drift() {
    double[] ref = new double[200];
    double[] cur = new double[200];
    double[] same = new double[200];
    for (int i = 0; i < 200; i++) {
      ref[i] = i / 200.0;
      cur[i] = i / 200.0 + 0.5;
      same[i] = (i * 7 % 200) / 200.0;
    }
    Columns reference = Columns.builder().numeric("income", ref).numeric("age", same).build();
    Columns current = Columns.builder().numeric("income", cur).numeric("age", same).build();
    return DriftDetector.defaults().compare(reference, current);
  }

  /**
   * A slice report of 200 rows with two significant slices of depth two. Row i = 0..199: region = N
   * if i &lt; 100 else S; band = x if i even else y; the prediction is wrong on 30 of the 50 rows
   * of region=N and band=x, 30 of the 50 of region=S and band=y, and 5 of the 50 of each other pair
   * (70 errors): each region and each band errs 35 times in 100, so no single condition is worse
   * than the rest, and the finder examines 4 slices of depth one and 4 of depth two. The expected
   * numbers are computed in the tests (numpy and scipy snippets there).
   */
  static SliceReport slices() {
    int n = 200;
    String[] region = new String[n];
    String[] band = new String[n];
    boolean[] errors = new boolean[n];
    int[] seen = new int[4];
    for (int i = 0; i < n; i++) {
      region[i] = i < 100 ? "N" : "S";
      band[i] = i % 2 == 0 ? "x" : "y";
      int cell = (i < 100 ? 0 : 2) + (i % 2);
      int wrong = cell == 0 || cell == 3 ? 30 : 5;
      errors[i] = seen[cell]++ < wrong;
    }
    return SliceFinder.defaults()
        .audit(SliceData.ofErrors(errors).feature("region", region).feature("band", band));
  }

  /** A card with every section filled in. */
  static ModelCard.Builder full() {
    return ModelCard.builder()
        .name("credit-risk")
        .version("3")
        .date(LocalDate.of(2026, 11, 29))
        .owner("Risk modelling team <risk@example.org>")
        .modelType("gradient-boosted trees, 200 trees of depth 4")
        .license("Apache-2.0")
        .citation("Risk team (2026). credit-risk v3.")
        .overview("Scores loan applications for the risk of default within 12 months.")
        .reference("https://arxiv.org/abs/1810.03993")
        .primaryUse("Rank applications for manual review")
        .primaryUser("Credit officers")
        .outOfScopeUse("Automatic rejection without review")
        .factor("Instrumentation: applications entered through the web form")
        .performance("accuracy", 0.4875)
        .metricsRationale("Selection rate and TPR by group show who is reviewed and who is missed.")
        .evaluationData(CardDataset.of("applications-2026-q3", "Held-out applications of Q3"))
        .trainingData(CardDataset.of("applications-2025", "Applications of 2025"))
        .fairness(unitary())
        .fairness(intersectional())
        .drift(drift())
        .ethicalConsideration("Proxy discrimination through postcode", "Postcode removed")
        .caveat("Not validated on business loans")
        .recommendation("Re-audit every quarter");
  }

  /** A card whose every free text is hostile. */
  static ModelCard hostile() {
    return ModelCard.builder()
        .name(HOSTILE)
        .version(HOSTILE)
        .owner(HOSTILE)
        .modelType(HOSTILE)
        .license(HOSTILE)
        .citation(HOSTILE)
        .overview(HOSTILE)
        .reference(HOSTILE)
        .primaryUse(HOSTILE)
        .primaryUser(HOSTILE)
        .outOfScopeUse(HOSTILE)
        .factor(HOSTILE)
        .performance(HOSTILE, 0.5)
        .metricsRationale(HOSTILE)
        .decisionThreshold(HOSTILE)
        .uncertainty(HOSTILE)
        .evaluationData(CardDataset.of(HOSTILE, HOSTILE))
        .trainingData(CardDataset.of(HOSTILE, HOSTILE))
        .analysis(QuantitativeResult.of(HOSTILE, HOSTILE, 0.25, 0.2, 0.3, 0.95))
        .ethicalConsideration(HOSTILE, HOSTILE)
        .caveat(HOSTILE)
        .recommendation(HOSTILE)
        .tag(HOSTILE)
        .pipelineTag(HOSTILE)
        .build();
  }

  private static final JsonSchema SCHEMA = loadSchema();

  private static JsonSchema loadSchema() {
    try (InputStream in = CardFixtures.class.getResourceAsStream("/mct/model_card.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("the MCT schema is not on the test class path");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the schema's complaints about a document, empty when it validates
   */
  static Set<ValidationMessage> validate(String json) {
    try {
      return SCHEMA.validate(Json.mapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
