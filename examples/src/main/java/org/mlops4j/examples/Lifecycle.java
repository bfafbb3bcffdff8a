package org.mlops4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.tracking.Metric;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.cards.ModelCard;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.drift.stream.RetrainingPolicy;
import org.mlops4j.examples.CreditWorld.Applicant;
import org.mlops4j.examples.CreditWorld.Record;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.features.FeaturePipeline;
import org.mlops4j.features.FeatureRow;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataPointer;
import org.mlops4j.pipeline.DataTransfer;
import org.mlops4j.pipeline.Pipeline;
import org.mlops4j.pipeline.PipelineResult;
import org.mlops4j.pipeline.Stage;
import org.mlops4j.privacy.ConsentRegistry;
import org.mlops4j.privacy.Erasure;
import org.mlops4j.privacy.ErasureReceipt;
import org.mlops4j.privacy.PersonalData;
import org.mlops4j.privacy.PseudonymKey;
import org.mlops4j.privacy.Pseudonymizer;
import org.mlops4j.privacy.RegistryInventory;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelStage;
import org.mlops4j.registry.ModelVersion;
import org.mlops4j.registry.PromotionEvidence;
import org.mlops4j.registry.PromotionGates;
import org.mlops4j.registry.PromotionResult;
import org.mlops4j.serving.ModelService;
import org.mlops4j.serving.Predictor;
import org.mlops4j.serving.Retraining;
import org.mlops4j.serving.ServingEvent;
import org.mlops4j.serving.ShadowReport;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceFinder;
import org.mlops4j.slices.SliceReport;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The whole lifecycle of a credit-risk model, end to end, on generated data with a known injected
 * bias and a later shift (see {@link CreditWorld}).
 *
 * <ol>
 *   <li>Data: applicants arrive with their identifiers; the identifiers are pseudonymised under a
 *       key kept outside the project; consent to model training is recorded; the file is versioned
 *       by a pointer and pushed to a remote.
 *   <li>A pipeline (consent filter, split, feature transforms, Tribuo logistic regression,
 *       evaluation), cached: a second run does nothing, a new learning rate reruns only training
 *       and evaluation.
 *   <li>Each training is a tracked run: params, loss and accuracy per epoch, provenance, the lock.
 *   <li>Evaluation: accuracy and AUC, the slices where the model errs significantly, a fairness
 *       report that catches the bias.
 *   <li>Registry, model card and gated promotion: the biased model is refused with the gate table;
 *       the same model with per-group thresholds passes, at a stated cost in accuracy.
 *   <li>Serving with the training transforms; 2026 traffic shifts; the monitor sees it; the
 *       retraining policy reruns the pipeline on the new data; the challenger goes through a shadow
 *       release and the gates to production, and the service swaps to it.
 *   <li>An applicant asks for erasure: the receipt lists the data and the model versions that held
 *       them, and those versions are flagged for retraining.
 * </ol>
 *
 * <p>Run it with {@code java -cp ... org.mlops4j.examples.Lifecycle [folder]} (the README says
 * how); everything goes under the folder ({@code ./lifecycle-demo} by default).
 */
public final class Lifecycle {

  public static final String MODEL = "credit-risk";
  public static final String PURPOSE = "model_training";
  public static final int APPLICANTS_2025 = 4_000;
  public static final int APPLICANTS_2026 = 4_000;
  public static final int EPOCHS = 5;

  /**
   * The largest difference between the sexes in the share of repayers approved (equal opportunity)
   * the gates accept.
   */
  public static final double MAX_OPPORTUNITY_GAP = 0.08;

  /** The cost of refusing an applicant who would have repaid (a lost customer). */
  public static final double COST_REFUSED_REPAYER = 0.3;

  /** The cost of lending to an applicant who defaults. */
  public static final double COST_MISSED_DEFAULT = 0.7;

  /**
   * The bank refuses an application whose probability of default is at least this: the threshold
   * that minimises the expected cost, {@code c_FP / (c_FP + c_FN)} = 0.3.
   */
  public static final double THRESHOLD =
      COST_REFUSED_REPAYER / (COST_REFUSED_REPAYER + COST_MISSED_DEFAULT);

  private Lifecycle() {}

  /** Runs the story into {@code args[0]} (default {@code lifecycle-demo}), printing each step. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "lifecycle-demo").toAbsolutePath().normalize();
    run(root, System.out);
  }

  /** A model's answer: its probability of default, and the decision (1 = refuse). */
  public record Decision(double risk, int refuse) {}

  /** What each step showed, for the test to check. */
  public record Story(
      int rawApplicants,
      int consented,
      DataPointer pointer,
      DataTransfer pushed,
      PipelineResult firstRun,
      PipelineResult secondRun,
      PipelineResult thirdRun,
      String runId,
      List<Metric> lossHistory,
      Evaluation evaluation,
      double accuracy,
      double auc,
      SliceReport slices,
      FairnessReport biased,
      FairnessReport mitigated,
      Map<String, Double> thresholds,
      double mitigatedAccuracy,
      PromotionResult refused,
      PromotionResult accepted,
      ModelCard card,
      List<ServingEvent> events,
      long driftAlerts,
      String retrainingReason,
      PipelineResult retrainRun,
      ShadowReport shadow,
      PromotionResult challengerPromotion,
      int servedAfterSwap,
      String erasedSubject,
      ErasureReceipt receipt,
      Path reports) {}

  public static Story run(Path root, PrintStream out) throws Exception {
    Path project = Files.createDirectories(root.resolve("project"));
    Path store = root.resolve("mlruns");
    Path reports = Files.createDirectories(root.resolve("reports"));

    // ---- 1. Data: pseudonyms under a key kept apart, consent, a pointer in git, a remote -------
    out.println("== 1. Data");
    PseudonymKey key = PseudonymKey.generate();
    key.save(Files.createDirectories(root.resolve("secrets")).resolve("pseudonym-key.json"));
    Pseudonymizer pseudonyms = Pseudonymizer.builder(key).domain("applicant_id").build();
    List<Record> intake2025 = CreditWorld.applicants(2025, APPLICANTS_2025, 2025);
    Path intakeFile = root.resolve("intake/applicants-2025.csv"); // outside the project
    CreditWorld.writeCsv(intake2025, intakeFile);
    PersonalData pseudonymised =
        pseudonyms.pseudonymize(PersonalData.readCsv(intakeFile), "applicant_id");
    Path applicants = project.resolve("data/applicants.csv");
    Files.createDirectories(applicants.getParent());
    pseudonymised.writeCsv(applicants);

    ConsentRegistry consents = ConsentRegistry.builder(project).purposes(PURPOSE).build();
    // everyone consented on the application form; 4% withdrew later in the customer portal
    List<String> subjects = pseudonyms.pseudonymize(ids(intake2025));
    consents.grantAll(subjects, PURPOSE, "application form 2025");
    SplittableRandom consentRnd = new SplittableRandom(7);
    int consented = 0;
    for (String subject : subjects) {
      if (consentRnd.nextDouble() < 0.04) {
        consents.withdraw(subject, PURPOSE, "customer portal");
      } else {
        consented++;
      }
    }
    Data data = Data.builder(project).remote(root.resolve("remote").toString()).build();
    DataPointer pointer = data.add(applicants);
    DataTransfer pushed = data.push();
    out.printf(
        Locale.ROOT,
        "%d applicants pseudonymised (key in %s, outside the project); %d consent to %s%n",
        intake2025.size(),
        root.relativize(root.resolve("secrets/pseudonym-key.json")),
        consented,
        PURPOSE);
    out.println(pointer);
    out.println(pushed);

    // ---- 2 and 3. A cached pipeline; every training a tracked run -------------------------------
    out.println("== 2. Pipeline, 3. tracked runs");
    PipelineResult first;
    PipelineResult second;
    PipelineResult third;
    String runId;
    try (LocalTracker tracker = LocalTracker.open(store)) {
      first = train(tracker, project, consents, 0.05, "lr-0.05").result();
      out.println(first);
      second = pipeline(project, consents, 0.05).run();
      out.println(second);
      Trained trained = train(tracker, project, consents, 0.2, "lr-0.2");
      third = trained.result();
      runId = trained.runId();
      out.println(third);
    }
    List<Metric> lossHistory;
    try (LocalTracker tracker = LocalTracker.open(store)) {
      lossHistory = tracker.metricHistory(runId, "train.loss");
    }

    // ---- 4. Evaluation: metrics, slices, fairness (logged into the run of the training) --------
    out.println("== 4. Evaluation");
    Evaluation evaluation = lastEvaluation;
    List<Scored> test = evaluation.test();
    double accuracy = evaluation.accuracy();
    double auc = evaluation.auc();
    SliceReport slices = evaluation.slices();
    FairnessReport biased = evaluation.fairness();
    out.printf(Locale.ROOT, "test rows %d, accuracy %.4f, AUC %.4f%n", test.size(), accuracy, auc);
    out.println(slices);
    out.println(biased);
    slices.save(reports.resolve("slices.html"));
    biased.save(reports.resolve("fairness-v1.html"));

    // ---- 5. Registry, model card, gates: refused, then mitigated and accepted -----------------
    out.println("== 5. Registry, model card, gated promotion");
    ModelRegistry registry = ModelRegistry.open(store);
    registry.createModel(MODEL, "probability of default of a credit applicant", Map.of());
    Map<String, Double> even = Map.of("F", THRESHOLD, "M", THRESHOLD);
    ModelVersion v1 =
        register(registry, project, third, runId, even, accuracy, auc, "trained on 2025");
    PromotionGates gates =
        PromotionGates.builder()
            .metricAtLeast("auc", 0.65)
            .fairnessAtMost("equal_opportunity_difference", MAX_OPPORTUNITY_GAP)
            // not McNemar: it weighs both errors alike, and a missed default costs the bank more
            .bootstrap("neg_cost", -0.005)
            .sizeAtMost(1_000_000)
            .build();
    gates.save(reports.resolve("gates.json"));
    PromotionResult refused =
        registry.promoteToStage(
            MODEL,
            v1.version(),
            ModelStage.PRODUCTION,
            gates,
            PromotionEvidence.builder()
                .metric("neg_cost", Lifecycle::negCost)
                .evaluation(labelsD(test), decisionsD(test, Map.of()), null)
                .fairness(biased)
                .build(),
            "first release");
    out.println(refused);

    // The mitigation: a threshold per sex, chosen on the training rows so that both have the
    // share of repayers refused that men have at the bank's threshold (so equal shares of repayers
    // approved); judged on the test rows.
    List<Scored> trainScores = readScores(project.resolve("work/train-scores.csv"));
    Map<String, Double> thresholds = equalFprThresholds(trainScores, "M", THRESHOLD);
    double mitigatedAccuracy = accuracy(test, thresholds);
    FairnessReport mitigated = fairness(test, thresholds);
    ModelVersion v2 =
        register(
            registry,
            project,
            third,
            runId,
            thresholds,
            mitigatedAccuracy,
            auc,
            "v1 with a threshold per sex (equal shares of repayers approved)");
    PromotionResult accepted =
        registry.promoteToStage(
            MODEL,
            v2.version(),
            ModelStage.PRODUCTION,
            gates,
            PromotionEvidence.builder()
                .metric("neg_cost", Lifecycle::negCost)
                .evaluation(
                    labelsD(test),
                    decisionsD(test, thresholds),
                    registry.versionInStage(MODEL, ModelStage.PRODUCTION).isPresent()
                        ? decisionsD(test, even)
                        : null)
                .fairness(mitigated)
                .build(),
            "thresholds per sex: " + thresholds);
    out.println(accepted);
    out.printf(
        Locale.ROOT,
        "trade-off: mean cost %.4f -> %.4f; accuracy %.4f -> %.4f;"
            + " equal-opportunity difference %.4f -> %.4f; thresholds %s%n",
        meanCost(test, Map.of()),
        meanCost(test, thresholds),
        accuracy,
        mitigatedAccuracy,
        biased.equalOpportunityDifference().value(),
        mitigated.equalOpportunityDifference().value(),
        thresholds);
    registry.setAlias(MODEL, "champion", v2.version(), "passed the gates");
    mitigated.save(reports.resolve("fairness-v2.html"));
    ModelCard card =
        ModelCard.builder()
            .from(registry, MODEL, v2.version())
            .owner("credit risk team")
            .license("proprietary")
            .modelType("logistic regression (Tribuo 4.3, linear SGD, log loss, AdaGrad)")
            .overview("Probability that a credit applicant defaults within a year.")
            .primaryUse("rank applications for a credit officer's review")
            .primaryUser("credit officers")
            .outOfScopeUse("automatic refusal without a human review")
            .metricsRationale(
                "Accuracy and AUC for the ranking; the share of repayers approved, by sex, because"
                    + " refusing an applicant who would have repaid is the harm to avoid.")
            .decisionThreshold(
                "refuse at a probability of default >= "
                    + thresholds.get("F")
                    + " (F), >= "
                    + thresholds.get("M")
                    + " (M): equal shares of repayers approved")
            .ethicalConsideration(
                "The recorded income of women understates their true income (the intake form"
                    + " counted only the primary income), so the model overrates their risk.",
                "a threshold per sex equalising the shares of repayers approved; fix the intake"
                    + " form")
            .caveat("Trained on generated data; the thresholds use the applicant's sex.")
            .fairness(mitigated)
            .fairness(fairnessBySexAndRegion(test, thresholds))
            .promotion(accepted)
            .build()
            .logTo(registry);
    card.save(reports.resolve("model-card.html"));
    out.println(card.completeness());

    // ---- 6. Serving, drift, retraining, shadow, gates, hot swap -------------------------------
    out.println("== 6. Serving");
    DriftBaseline baseline =
        DriftDetector.defaults()
            .fit(
                CreditWorld.numericColumns(CreditWorld.readCsv(project.resolve("work/train.csv"))));
    List<ServingEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<RetrainOutcome> retrained = new CompletableFuture<>();
    List<Record> intake2026 = CreditWorld.applicants(2026, APPLICANTS_2026, 2026);
    long driftAlerts;
    RetrainOutcome outcome;
    try (ModelService<Applicant, Decision> service =
        ModelService.builder(registry, MODEL, loader())
            .monitor(
                DriftMonitor.builder()
                    .features(CreditWorld.NUMERIC.toArray(String[]::new))
                    .baseline(baseline)
                    .tumblingWindow(500)
                    .retrainingPolicy(
                        RetrainingPolicy.builder().consecutiveDriftedWindows(2).build()))
            .features(Applicant::numeric)
            .score(Decision::risk)
            .listener(events::add)
            .retraining(
                Retraining.builder()
                    .callback(
                        request -> {
                          try {
                            retrained.complete(
                                retrain(
                                    request.reason(),
                                    root,
                                    project,
                                    store,
                                    registry,
                                    consents,
                                    pseudonyms,
                                    intake2026));
                          } catch (Exception | Error e) {
                            retrained.completeExceptionally(e);
                            throw e;
                          }
                        })
                    .build())
            .build()) {
      // a day of 2025-like traffic, then the 2026 applicants
      for (Record r : CreditWorld.applicants(2025, 1_000, 99)) {
        service.predict(r.applicant());
      }
      for (Record r : intake2026) {
        service.predict(r.applicant());
        if (retrained.isDone()) {
          break;
        }
      }
      outcome = retrained.get(60, TimeUnit.SECONDS);
      driftAlerts = service.monitorAlertCount(org.mlops4j.drift.stream.AlertType.DATA_DRIFT);
      out.printf(
          Locale.ROOT,
          "monitor: %d data-drift alerts; retraining: %s -> %s v%d%n",
          driftAlerts,
          outcome.reason(),
          MODEL,
          outcome.version().version());
      out.println(outcome.result());
    }

    registry.setAlias(MODEL, "challenger", outcome.version().version(), "retrained on 2026");
    ShadowReport shadow;
    PromotionResult challengerPromotion;
    int served;
    List<Scored> test2026 = readScores(project.resolve("work/test-scores.csv"));
    try (ModelService<Applicant, Decision> service =
        ModelService.builder(registry, MODEL, loader())
            .shadow("challenger")
            .score(Decision::risk)
            .loss((answer, label) -> cost(answer.refuse(), label.refuse()))
            .agreement((a, b) -> a.refuse() == b.refuse())
            .listener(events::add)
            .build()) {
      List<Record> traffic = CreditWorld.applicants(2026, 2_000, 2027);
      for (int i = 0; i < traffic.size(); i++) {
        service.predict("req-" + i, traffic.get(i).applicant());
      }
      while (service.stats().shadowCompared() + service.stats().shadowDropped() < traffic.size()) {
        Thread.sleep(5);
      }
      for (int i = 0; i < traffic.size(); i++) {
        int y = traffic.get(i).defaulted();
        service.feedback("req-" + i, new Decision(y, y));
      }
      shadow = service.shadowReport();
      out.println(shadow);
      shadow.save(reports.resolve("shadow.html"));
      // the champion's and the challenger's decisions on the challenger's 2026 test rows
      Predictor<Applicant, Decision> champion = registry.load(MODEL, "champion", loader());
      double[] current = new double[test2026.size()];
      for (int i = 0; i < current.length; i++) {
        current[i] = champion.predict(test2026.get(i).applicant()).refuse();
      }
      challengerPromotion =
          registry.promoteToStage(
              MODEL,
              outcome.version().version(),
              ModelStage.PRODUCTION,
              gates,
              PromotionEvidence.builder()
                  .metric("neg_cost", Lifecycle::negCost)
                  .evaluation(
                      labelsD(test2026), decisionsD(test2026, outcome.thresholds()), current)
                  .fairness(fairness(test2026, outcome.thresholds()))
                  .build(),
              "retrained on 2026 applicants after the drift alert");
      out.println(challengerPromotion);
      if (challengerPromotion.passed()) {
        registry.setAlias(MODEL, "champion", outcome.version().version(), "passed the gates");
        service.refresh();
      }
      served = service.servedVersion();
      out.println(service.stats());
    }

    // ---- 7. Erasure through lineage -----------------------------------------------------------
    out.println("== 7. Erasure");
    // an applicant of 2026: in the current data, the current lock and the model now in production
    String clearId = intake2026.get(0).applicant().id();
    String subject = pseudonyms.pseudonymize(clearId);
    ErasureReceipt receipt =
        Erasure.builder(project, key)
            .subjectColumn("applicant_id")
            .models(RegistryInventory.of(registry))
            .trackingStore(store)
            .build()
            .erase(subject);
    out.println(receipt);
    receipt.save(reports.resolve("erasure.html"));

    return new Story(
        intake2025.size(),
        consented,
        pointer,
        pushed,
        first,
        second,
        third,
        runId,
        lossHistory,
        evaluation,
        accuracy,
        auc,
        slices,
        biased,
        mitigated,
        thresholds,
        mitigatedAccuracy,
        refused,
        accepted,
        card,
        List.copyOf(events),
        driftAlerts,
        outcome.reason(),
        outcome.result(),
        shadow,
        challengerPromotion,
        served,
        subject,
        receipt,
        reports);
  }

  // ---------------------------------------------------------------------------------------------
  // The pipeline

  public record Trained(PipelineResult result, String runId) {}

  /** The evaluation of the model the pipeline last trained, on its test rows. */
  public record Evaluation(
      List<Scored> test,
      double accuracy,
      double auc,
      SliceReport slices,
      FairnessReport fairness) {}

  // the evaluation of the last training (set by train(), read by the story and the retraining)
  private static volatile Evaluation lastEvaluation;

  /**
   * Accuracy at the bank's threshold, AUC, the slices where the model errs significantly, fairness
   * by sex.
   */
  public static Evaluation evaluate(Path project) {
    List<Scored> test = readScores(project.resolve("work/test-scores.csv"));
    SliceReport slices =
        SliceFinder.builder()
            .minSupport(50)
            .build()
            .audit(
                SliceData.of(labels(test), decisions(test, Map.of()))
                    .feature("region", test.stream().map(Scored::region).toArray(String[]::new))
                    .feature("age", test.stream().mapToDouble(Scored::age).toArray())
                    .feature("sex", test.stream().map(Scored::sex).toArray(String[]::new)));
    return new Evaluation(
        test, accuracy(test, Map.of()), auc(test), slices, fairness(test, Map.of()));
  }

  public record RetrainOutcome(
      String reason, PipelineResult result, ModelVersion version, Map<String, Double> thresholds) {}

  /** Runs the pipeline inside a tracked run and logs the per-epoch history the train stage kept. */
  public static Trained train(
      LocalTracker tracker, Path project, ConsentRegistry consents, double lr, String name)
      throws IOException {
    try (Run run = tracker.newRun(MODEL).name(name).seed("pipeline", 42L).start()) {
      PipelineResult result = pipeline(project, consents, lr).run(run);
      List<String> history = Files.readAllLines(project.resolve("work/history.csv"));
      for (String line : history.subList(1, history.size())) {
        String[] f = line.split(",");
        int epoch = Integer.parseInt(f[0]);
        run.logMetric("train.loss", Double.parseDouble(f[1]), epoch);
        run.logMetric("train.accuracy", Double.parseDouble(f[2]), epoch);
      }
      Evaluation evaluation = evaluate(project);
      run.logMetric("test.accuracy", evaluation.accuracy());
      run.logMetric("test.auc", evaluation.auc());
      evaluation.slices().logTo(run);
      evaluation.fairness().logTo(run);
      lastEvaluation = evaluation;
      return new Trained(result, run.id());
    }
  }

  /**
   * The training pipeline: consent filter, split, feature transforms, training, evaluation. Only
   * the learning rate varies between the story's runs.
   */
  public static Pipeline pipeline(Path project, ConsentRegistry consents, double learningRate) {
    return Pipeline.builder(project)
        .seed(42)
        .stage(
            consents.filterStage(
                "consent", "data/applicants.csv", "applicant_id", PURPOSE, "work/consented.csv"))
        .stage(
            Stage.named("split")
                .input("work/consented.csv")
                .param("test_share", 0.3)
                .outputs("work/train.csv", "work/test.csv")
                .codeVersion("v1")
                .work(
                    ctx -> {
                      List<Record> all = CreditWorld.readCsv(ctx.input("work/consented.csv"));
                      SplittableRandom rnd = new SplittableRandom(ctx.seed());
                      double share = (Double) ctx.param("test_share");
                      List<Record> train = new ArrayList<>();
                      List<Record> test = new ArrayList<>();
                      for (Record r : all) {
                        (rnd.nextDouble() < share ? test : train).add(r);
                      }
                      CreditWorld.writeCsv(train, ctx.output("work/train.csv"));
                      CreditWorld.writeCsv(test, ctx.output("work/test.csv"));
                    }))
        .stage(
            Stage.named("features")
                .input("work/train.csv")
                .output("work/features.json")
                .codeVersion("v1")
                .work(
                    ctx ->
                        CreditWorld.fitFeatures(CreditWorld.readCsv(ctx.input("work/train.csv")))
                            .save(ctx.output("work/features.json"))))
        .stage(
            Stage.named("train")
                .inputs("work/train.csv", "work/features.json")
                .param("epochs", EPOCHS)
                .param("learning_rate", learningRate)
                .outputs("work/model.tribuo", "work/history.csv", "work/train-scores.csv")
                .codeVersion("v1")
                .work(
                    ctx -> {
                      List<Record> train = CreditWorld.readCsv(ctx.input("work/train.csv"));
                      FeaturePipeline features =
                          FeaturePipeline.load(ctx.input("work/features.json"));
                      int epochs = ((Number) ctx.param("epochs")).intValue();
                      double lr = ((Number) ctx.param("learning_rate")).doubleValue();
                      // loss and accuracy per epoch: the model after k epochs (the same seed, so
                      // the first k epochs of every run are the same)
                      StringBuilder history = new StringBuilder("epoch,loss,accuracy\n");
                      Model<Label> model = null;
                      for (int k = 1; k <= epochs; k++) {
                        model = CreditWorld.train(train, features, k, lr, ctx.seed());
                        List<Scored> scored = score(model, features, train);
                        history.append(
                            String.format(
                                Locale.ROOT,
                                "%d,%s,%s%n",
                                k,
                                logLoss(scored),
                                accuracy(scored, Map.of())));
                        if (k == epochs) {
                          writeScores(scored, ctx.output("work/train-scores.csv"));
                        }
                      }
                      Files.writeString(ctx.output("work/history.csv"), history);
                      model.serializeToFile(ctx.output("work/model.tribuo"));
                    }))
        .stage(
            Stage.named("evaluate")
                .inputs("work/test.csv", "work/features.json", "work/model.tribuo")
                .output("work/test-scores.csv")
                .codeVersion("v1")
                .work(
                    ctx -> {
                      Model<Label> model = CreditWorld.loadModel(ctx.input("work/model.tribuo"));
                      FeaturePipeline features =
                          FeaturePipeline.load(ctx.input("work/features.json"));
                      writeScores(
                          score(model, features, CreditWorld.readCsv(ctx.input("work/test.csv"))),
                          ctx.output("work/test-scores.csv"));
                    }))
        .build();
  }

  /** The retraining callback: new data version, a pipeline run, a new registered version. */
  public static RetrainOutcome retrain(
      String reason,
      Path root,
      Path project,
      Path store,
      ModelRegistry registry,
      ConsentRegistry consents,
      Pseudonymizer pseudonyms,
      List<Record> intake2026)
      throws IOException {
    Path intakeFile = root.resolve("intake/applicants-2026.csv");
    CreditWorld.writeCsv(intake2026, intakeFile);
    Path applicants = project.resolve("data/applicants.csv");
    pseudonyms.pseudonymize(PersonalData.readCsv(intakeFile), "applicant_id").writeCsv(applicants);
    consents.grantAll(pseudonyms.pseudonymize(ids(intake2026)), PURPOSE, "application form 2026");
    Data data = Data.builder(project).remote(root.resolve("remote").toString()).build();
    data.add(applicants);
    data.push();
    Trained trained;
    try (LocalTracker tracker = LocalTracker.open(store)) {
      trained = train(tracker, project, consents, 0.2, "retrain-2026");
    }
    List<Scored> trainScores = readScores(project.resolve("work/train-scores.csv"));
    Map<String, Double> thresholds = equalFprThresholds(trainScores, "M", THRESHOLD);
    List<Scored> test = readScores(project.resolve("work/test-scores.csv"));
    ModelVersion version =
        register(
            registry,
            project,
            trained.result(),
            trained.runId(),
            thresholds,
            accuracy(test, thresholds),
            auc(test),
            "retrained on 2026 (" + reason + ")");
    return new RetrainOutcome(reason, trained.result(), version, thresholds);
  }

  public static ModelVersion register(
      ModelRegistry registry,
      Path project,
      PipelineResult result,
      String runId,
      Map<String, Double> thresholds,
      double accuracy,
      double auc,
      String description)
      throws IOException {
    Path thresholdsFile = Files.createTempFile("thresholds", ".properties");
    try {
      StringBuilder sb = new StringBuilder();
      thresholds.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
      Files.writeString(thresholdsFile, sb);
      return registry
          .newVersion(MODEL)
          .artifact("model.tribuo", project.resolve("work/model.tribuo"))
          .artifact("features.json", project.resolve("work/features.json"))
          .artifact("thresholds.properties", thresholdsFile)
          .runId(runId)
          .pipeline(result)
          .metric("accuracy", accuracy)
          .metric("auc", auc)
          .description(description)
          .register();
    } finally {
      Files.deleteIfExists(thresholdsFile);
    }
  }

  /**
   * Loads a registered version for serving: the Tribuo model, the feature transforms it was trained
   * with, and its thresholds; one {@link FeatureRow} and buffer per thread.
   */
  public static ModelLoader<Predictor<Applicant, Decision>> loader() {
    return (dir, version) -> {
      Model<Label> model = CreditWorld.loadModel(dir.resolve("model.tribuo"));
      FeaturePipeline features = FeaturePipeline.load(dir.resolve("features.json"));
      Map<String, Double> thresholds = new LinkedHashMap<>();
      for (String line : Files.readAllLines(dir.resolve("thresholds.properties"))) {
        String[] kv = line.split("=");
        thresholds.put(kv[0], Double.parseDouble(kv[1]));
      }
      String[] names = features.outputNames().toArray(String[]::new);
      ThreadLocal<FeatureRow> rows = ThreadLocal.withInitial(features::newRow);
      ThreadLocal<double[]> buffers = ThreadLocal.withInitial(() -> new double[features.width()]);
      return applicant -> {
        double[] x = features.applyInto(applicant.into(rows.get()), buffers.get());
        double risk = CreditWorld.risk(model, names, x);
        return new Decision(
            risk, risk >= thresholds.getOrDefault(applicant.sex(), THRESHOLD) ? 1 : 0);
      };
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Scores and the metrics of the story

  /** One scored row: what evaluation needs. */
  public record Scored(
      Applicant applicant, String sex, String region, double age, int label, double risk) {}

  public static List<Scored> score(
      Model<Label> model, FeaturePipeline features, List<Record> records) {
    String[] names = features.outputNames().toArray(String[]::new);
    FeatureRow row = features.newRow();
    List<Scored> out = new ArrayList<>(records.size());
    for (Record r : records) {
      Applicant a = r.applicant();
      double risk = CreditWorld.risk(model, names, features.apply(a.into(row)));
      out.add(new Scored(a, a.sex(), a.region(), a.age(), r.defaulted(), risk));
    }
    return out;
  }

  public static void writeScores(List<Scored> scored, Path file) throws IOException {
    List<Record> records = new ArrayList<>(scored.size());
    StringBuilder risks = new StringBuilder("risk\n");
    for (Scored s : scored) {
      records.add(new Record(s.applicant(), s.label()));
      risks.append(s.risk()).append('\n');
    }
    Path tmp = Files.createTempFile("scores", ".csv");
    try {
      CreditWorld.writeCsv(records, tmp);
      List<String> lines = Files.readAllLines(tmp);
      String[] r = risks.toString().split("\n");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        sb.append(lines.get(i)).append(',').append(r[i]).append('\n');
      }
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static List<Scored> readScores(Path file) {
    List<Record> records = CreditWorld.readCsv(file);
    PersonalData data = PersonalData.readCsv(file);
    int at = data.indexOf("risk");
    List<Scored> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      Applicant a = records.get(i).applicant();
      out.add(
          new Scored(
              a,
              a.sex(),
              a.region(),
              a.age(),
              records.get(i).defaulted(),
              Double.parseDouble(data.rows().get(i).get(at))));
    }
    return out;
  }

  public static List<String> ids(List<Record> records) {
    return records.stream().map(r -> r.applicant().id()).toList();
  }

  public static int decision(Scored s, Map<String, Double> thresholds) {
    return s.risk() >= thresholds.getOrDefault(s.sex(), THRESHOLD) ? 1 : 0;
  }

  public static int[] labels(List<Scored> rows) {
    return rows.stream().mapToInt(Scored::label).toArray();
  }

  public static double[] labelsD(List<Scored> rows) {
    return rows.stream().mapToDouble(Scored::label).toArray();
  }

  public static int[] decisions(List<Scored> rows, Map<String, Double> thresholds) {
    return rows.stream().mapToInt(s -> decision(s, thresholds)).toArray();
  }

  public static double[] decisionsD(List<Scored> rows, Map<String, Double> thresholds) {
    return rows.stream().mapToDouble(s -> decision(s, thresholds)).toArray();
  }

  /** The cost of one decision (1 = refuse) given the outcome (1 = default). */
  public static double cost(int refuse, int defaulted) {
    if (refuse == 1 && defaulted == 0) {
      return COST_REFUSED_REPAYER;
    }
    return refuse == 0 && defaulted == 1 ? COST_MISSED_DEFAULT : 0;
  }

  /** Minus the mean cost of the decisions: larger is better, as the bootstrap gate wants. */
  public static double negCost(double[] labels, double[] decisions) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum += cost((int) decisions[i], (int) labels[i]);
    }
    return -sum / labels.length;
  }

  public static double meanCost(List<Scored> rows, Map<String, Double> thresholds) {
    return -negCost(labelsD(rows), decisionsD(rows, thresholds));
  }

  public static double accuracy(List<Scored> rows, Map<String, Double> thresholds) {
    long right = rows.stream().filter(s -> decision(s, thresholds) == s.label()).count();
    return (double) right / rows.size();
  }

  /** Mean log loss, probabilities clipped to [1e-15, 1 - 1e-15] as scikit-learn's log_loss. */
  public static double logLoss(List<Scored> rows) {
    double sum = 0;
    for (Scored s : rows) {
      double p = Math.min(1 - 1e-15, Math.max(1e-15, s.risk()));
      sum -= s.label() == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return sum / rows.size();
  }

  /** The area under the ROC curve: the Mann-Whitney U statistic over n1 n0, ties counted half. */
  public static double auc(List<Scored> rows) {
    List<Scored> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingDouble(Scored::risk));
    double rankSumPositives = 0;
    long positives = 0;
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j < sorted.size() && sorted.get(j).risk() == sorted.get(i).risk()) {
        j++;
      }
      double midRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
      for (int k = i; k < j; k++) {
        if (sorted.get(k).label() == 1) {
          rankSumPositives += midRank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = rows.size() - positives;
    return (rankSumPositives - positives * (positives + 1) / 2.0)
        / ((double) positives * negatives);
  }

  /**
   * Fairness by sex, framed as the fairness literature frames lending: the favourable decision (the
   * positive prediction) is an approval, the positive label an applicant who repaid; so the
   * selection rate is the approval rate (the four-fifths rule reads it), and a repayer refused is a
   * false negative: equal opportunity (Hardt et al., 2016) asks for equal true-positive rates, the
   * share of repayers approved. The score is the probability of repaying.
   */
  public static FairnessReport fairness(List<Scored> rows, Map<String, Double> thresholds) {
    int[] repaid = rows.stream().mapToInt(s -> 1 - s.label()).toArray();
    int[] approved = rows.stream().mapToInt(s -> 1 - decision(s, thresholds)).toArray();
    Decisions d =
        Decisions.of(repaid, approved)
            .scores(rows.stream().mapToDouble(s -> 1 - s.risk()).toArray())
            .groups("sex", rows.stream().map(Scored::sex).toArray(String[]::new));
    return FairnessAuditor.builder().reference("M").build().audit(d);
  }

  /**
   * The same audit by sex and region and their intersections (sex × region), for the model card's
   * disaggregated results; groups under 30 rows are shown, not judged.
   */
  public static FairnessReport fairnessBySexAndRegion(
      List<Scored> rows, Map<String, Double> thresholds) {
    int[] repaid = rows.stream().mapToInt(s -> 1 - s.label()).toArray();
    int[] approved = rows.stream().mapToInt(s -> 1 - decision(s, thresholds)).toArray();
    Decisions d =
        Decisions.of(repaid, approved)
            .scores(rows.stream().mapToDouble(s -> 1 - s.risk()).toArray())
            .groups("sex", rows.stream().map(Scored::sex).toArray(String[]::new))
            .groups("region", rows.stream().map(Scored::region).toArray(String[]::new));
    return FairnessAuditor.defaults().audit(d);
  }

  /**
   * Per-group thresholds that give every group the share of repayers refused (the false-positive
   * rate of the refusal) the reference group has at {@code referenceThreshold} (on the given rows):
   * for each other group, the threshold among its repayers' risks whose share refused is closest.
   */
  public static Map<String, Double> equalFprThresholds(
      List<Scored> rows, String reference, double referenceThreshold) {
    double target = fpr(rows, reference, referenceThreshold);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(reference, referenceThreshold);
    for (String group : rows.stream().map(Scored::sex).distinct().sorted().toList()) {
      if (group.equals(reference)) {
        continue;
      }
      double[] negatives =
          rows.stream()
              .filter(s -> s.sex().equals(group) && s.label() == 0)
              .mapToDouble(Scored::risk)
              .sorted()
              .toArray();
      double best = referenceThreshold;
      double bestGap = Double.POSITIVE_INFINITY;
      for (double t : negatives) {
        double gap = Math.abs(fpr(rows, group, t) - target);
        if (gap < bestGap) {
          bestGap = gap;
          best = t;
        }
      }
      out.put(group, Math.round(best * 1e4) / 1e4);
    }
    return out;
  }

  public static double fpr(List<Scored> rows, String group, double threshold) {
    long negatives = 0;
    long refused = 0;
    for (Scored s : rows) {
      if (s.sex().equals(group) && s.label() == 0) {
        negatives++;
        if (s.risk() >= threshold) {
          refused++;
        }
      }
    }
    return (double) refused / negatives;
  }
}
