// The lifecycle of a credit-risk model in JShell, from raw applicant data to an erasure request: the
// story of examples/src/main/java/org/mlops4j/examples/Lifecycle.java in short steps that you can
// stop at and continue by hand. Open it with the project's class path, from the repository root:
//   mvn -q -DskipTests package && jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/src/main/jshell/lifecycle.jsh
// Every snippet is evaluated by JShellLifecycleTest, which checks what each step shows, so the
// notebook cannot rot. The world (CreditWorld) is generated with known defects: women's income is
// recorded at 70% of its true value (a bias the fairness report must catch), one branch records
// wrong outcomes (a slice the error analysis must find), and the 2026 applicants earn less and owe
// more (a shift the monitor must see).
// A call chain continues with a dot at the END of a line: JShell runs a line as soon as it is a
// complete statement.

import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import org.mlops4j.api.tracking.*;
import org.mlops4j.cards.*;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.drift.*;
import org.mlops4j.drift.stream.*;
import org.mlops4j.examples.*;
import org.mlops4j.examples.CreditWorld.Applicant;
import org.mlops4j.examples.Lifecycle.Decision;
import org.mlops4j.examples.Lifecycle.Scored;
import org.mlops4j.fairness.*;
import org.mlops4j.fairness.assertj.FairnessAssertions;
import org.mlops4j.pipeline.*;
import org.mlops4j.privacy.*;
import org.mlops4j.registry.*;
import org.mlops4j.serving.*;
import org.mlops4j.slices.*;
// (imports first: a later import makes JShell recompile earlier snippets and reset their variables)

// --- 0. A scratch folder: the project (what git would hold), the run store, the reports ---------
Path root = Files.createTempDirectory("mlops-lifecycle");
Path project = Files.createDirectories(root.resolve("project"));
Path store = root.resolve("mlruns");                 // runs and model registry, readable by MLflow
Path reports = Files.createDirectories(root.resolve("reports"));
String MODEL = Lifecycle.MODEL;                      // "credit-risk"
String PURPOSE = Lifecycle.PURPOSE;                  // the consent purpose: "model_training"

// --- 1a. Applicants arrive with identifiers: pseudonyms, under a key kept outside the project ----
PseudonymKey key = PseudonymKey.generate();
key.save(Files.createDirectories(root.resolve("secrets")).resolve("pseudonym-key.json"));
Pseudonymizer pseudonyms = Pseudonymizer.builder(key).domain("applicant_id").build();
List<CreditWorld.Record> intake2025 = CreditWorld.applicants(2025, Lifecycle.APPLICANTS_2025, 2025);
Path intakeFile = root.resolve("intake/applicants-2025.csv");     // the intake, outside the project
CreditWorld.writeCsv(intake2025, intakeFile);
PersonalData raw = PersonalData.readCsv(intakeFile);
PersonalData pseudonymised = pseudonyms.pseudonymize(raw, "applicant_id");
Path applicants = Files.createDirectories(project.resolve("data")).resolve("applicants.csv");
pseudonymised.writeCsv(applicants);
System.out.println(PersonalData.of(raw.columns(), raw.rows().subList(0, 3)));
System.out.println(PersonalData.of(pseudonymised.columns(), pseudonymised.rows().subList(0, 3)));

// --- 1b. Consent: all agreed on the application form, about 4% withdrew later --------------------
ConsentRegistry consents = ConsentRegistry.builder(project).purposes(PURPOSE).build();
List<String> subjects = pseudonyms.pseudonymize(Lifecycle.ids(intake2025));
consents.grantAll(subjects, PURPOSE, "application form 2025");
SplittableRandom consentRnd = new SplittableRandom(7);
for (String subject : subjects) {
  if (consentRnd.nextDouble() < 0.04) {
    consents.withdraw(subject, PURPOSE, "customer portal");
  }
}
System.out.println(consents);

// --- 1c. Version the file: a small pointer file for git, the bytes pushed to a remote ------------
Data data = Data.builder(project).remote(root.resolve("remote").toString()).build();
DataPointer pointer = data.add(applicants);
System.out.println(pointer);
System.out.println(data.push());
System.out.println(data.status());

// --- 2. The pipeline: consent filter, split, features, Tribuo logistic regression, evaluation ----
System.out.println(Lifecycle.pipeline(project, consents, 0.05).status());   // never ran: all stale

// --- 3. Every training is a tracked run: params, loss per epoch, provenance, the lock ------------
LocalTracker tracker = LocalTracker.open(store);
Lifecycle.Trained first = Lifecycle.train(tracker, project, consents, 0.05, "lr-0.05");
System.out.println(first.result());

// the same pipeline again: cached, nothing runs
System.out.println(Lifecycle.pipeline(project, consents, 0.05).run());

// a new learning rate: only training and evaluation are stale, and only they rerun
System.out.println(Lifecycle.pipeline(project, consents, 0.2).status());
Lifecycle.Trained trained = Lifecycle.train(tracker, project, consents, 0.2, "lr-0.2");
System.out.println(trained.result());

// the two runs side by side, and the loss per epoch of the second
tracker.flush();
System.out.println(tracker.compare(first.runId(), trained.runId()));
for (Metric m : tracker.metricHistory(trained.runId(), "train.loss")) {
  System.out.println(String.format(Locale.ROOT, "epoch %d  train.loss %.4f", m.step(), m.value()));
}
tracker.close();

// --- 4a. Evaluation on the test rows, at the bank's threshold (refuse at a risk >= 0.3) ----------
List<Scored> test = Lifecycle.readScores(project.resolve("work/test-scores.csv"));
double accuracy = Lifecycle.accuracy(test, Map.of());
double auc = Lifecycle.auc(test);
System.out.println(String.format(Locale.ROOT, "test rows %d, accuracy %.4f, AUC %.4f",
    test.size(), accuracy, auc));

// --- 4b. Error analysis: the slices where the model errs significantly more than elsewhere -------
SliceReport slices = SliceFinder.builder().minSupport(50).build().audit(
    SliceData.of(Lifecycle.labels(test), Lifecycle.decisions(test, Map.of())).
        feature("region", test.stream().map(Scored::region).toArray(String[]::new)).
        feature("age", test.stream().mapToDouble(Scored::age).toArray()).
        feature("sex", test.stream().map(Scored::sex).toArray(String[]::new)));
System.out.println(slices);
slices.save(reports.resolve("slices.html"));

// --- 4c. Fairness by sex, framed as lending: the favourable decision is an approval, the positive
// label a repayer; equal opportunity compares the shares of repayers approved -----------------------
int[] repaid = test.stream().mapToInt(s -> 1 - s.label()).toArray();
int[] approved = test.stream().mapToInt(s -> 1 - Lifecycle.decision(s, Map.of())).toArray();
FairnessReport biased = FairnessAuditor.builder().reference("M").build().audit(
    Decisions.of(repaid, approved).
        scores(test.stream().mapToDouble(s -> 1 - s.risk()).toArray()).
        groups("sex", test.stream().map(Scored::sex).toArray(String[]::new)));
System.out.println(biased);
biased.save(reports.resolve("fairness-v1.html"));

// the assertion a unit test would use fails on this model
try {
  FairnessAssertions.assertThat(biased).
      hasDisparityAtMost("equal_opportunity_difference", Lifecycle.MAX_OPPORTUNITY_GAP);
} catch (AssertionError e) {
  System.out.println("a unit test would fail: " + e.getMessage());
}

// --- 5a. Register the model; the gates refuse it for production, with the table of why -----------
ModelRegistry registry = ModelRegistry.open(store);
registry.createModel(MODEL, "probability of default of a credit applicant", Map.of());
Map<String, Double> even = Map.of("F", Lifecycle.THRESHOLD, "M", Lifecycle.THRESHOLD);
ModelVersion v1 = Lifecycle.register(registry, project, trained.result(), trained.runId(), even,
    accuracy, auc, "trained on 2025");
PromotionGates gates = PromotionGates.builder().
    metricAtLeast("auc", 0.65).
    fairnessAtMost("equal_opportunity_difference", Lifecycle.MAX_OPPORTUNITY_GAP).
    bootstrap("neg_cost", -0.005).        // minus the mean cost of the decisions, against production
    sizeAtMost(1_000_000).
    build();
PromotionResult refused = registry.promoteToStage(MODEL, v1.version(), ModelStage.PRODUCTION, gates,
    PromotionEvidence.builder().
        metric("neg_cost", Lifecycle::negCost).
        // labels, decisions, and those of the version in production: none yet
        evaluation(Lifecycle.labelsD(test), Lifecycle.decisionsD(test, Map.of()), null).
        fairness(biased).
        build(),
    "first release");
System.out.println(refused);

// --- 5b. Mitigate: a threshold per sex, equal shares of repayers refused on the training rows ----
List<Scored> trainScores = Lifecycle.readScores(project.resolve("work/train-scores.csv"));
Map<String, Double> thresholds = Lifecycle.equalFprThresholds(trainScores, "M", Lifecycle.THRESHOLD);
FairnessReport mitigated = Lifecycle.fairness(test, thresholds);   // the audit of 4c, other thresholds
double mitigatedAccuracy = Lifecycle.accuracy(test, thresholds);
mitigated.save(reports.resolve("fairness-v2.html"));
// the trade-off, honestly: fairer, and it costs the bank more
System.out.println(String.format(Locale.ROOT,
    "trade-off: mean cost %.4f -> %.4f; accuracy %.4f -> %.4f;"
        + " equal-opportunity difference %.4f -> %.4f; thresholds %s",
    Lifecycle.meanCost(test, Map.of()), Lifecycle.meanCost(test, thresholds), accuracy, mitigatedAccuracy,
    biased.equalOpportunityDifference().value(), mitigated.equalOpportunityDifference().value(), thresholds));

// --- 5c. The mitigated version passes the same gates ---------------------------------------------
ModelVersion v2 = Lifecycle.register(registry, project, trained.result(), trained.runId(), thresholds,
    mitigatedAccuracy, auc, "v1 with a threshold per sex (equal shares of repayers approved)");
PromotionResult accepted = registry.promoteToStage(MODEL, v2.version(), ModelStage.PRODUCTION, gates,
    PromotionEvidence.builder().
        metric("neg_cost", Lifecycle::negCost).
        evaluation(Lifecycle.labelsD(test), Lifecycle.decisionsD(test, thresholds), null).
        fairness(mitigated).
        build(),
    "thresholds per sex: " + thresholds);
System.out.println(accepted);
registry.setAlias(MODEL, "champion", v2.version(), "passed the gates");
System.out.println(registry.versionsTable(MODEL));

// --- 5d. The model card: generated from the registry's records, completed by its owners ----------
ModelCard card = ModelCard.builder().
    from(registry, MODEL, v2.version()).
    owner("credit risk team").
    license("proprietary").
    modelType("logistic regression (Tribuo 4.3, linear SGD, log loss, AdaGrad)").
    overview("Probability that a credit applicant defaults within a year.").
    primaryUse("rank applications for a credit officer's review").
    primaryUser("credit officers").
    outOfScopeUse("automatic refusal without a human review").
    metricsRationale("Accuracy and AUC for the ranking; the share of repayers approved, by sex,"
        + " because refusing an applicant who would have repaid is the harm to avoid.").
    decisionThreshold("refuse at a probability of default >= " + thresholds.get("F") + " (F), >= "
        + thresholds.get("M") + " (M): equal shares of repayers approved").
    ethicalConsideration("The recorded income of women understates their true income, so the model"
        + " overrates their risk.", "a threshold per sex; fix the intake form").
    caveat("Trained on generated data; the thresholds use the applicant's sex.").
    fairness(mitigated).
    promotion(accepted).
    build().
    logTo(registry);
card.save(reports.resolve("model-card.html"));
System.out.println(card.completeness());

// --- 6a. Serve the champion (the training's feature transforms inside), watched by a monitor -----
// The monitor compares windows of 500 requests with the training data; two drifted windows in a
// row ask for retraining, which reruns the pipeline on the 2026 data and registers a new version.
DriftBaseline baseline = DriftDetector.defaults().fit(
    CreditWorld.numericColumns(CreditWorld.readCsv(project.resolve("work/train.csv"))));
List<CreditWorld.Record> intake2026 = CreditWorld.applicants(2026, Lifecycle.APPLICANTS_2026, 2026);
List<ServingEvent> events = new CopyOnWriteArrayList<>();
CompletableFuture<Lifecycle.RetrainOutcome> retrained = new CompletableFuture<>();
ModelService<Applicant, Decision> monitored = ModelService.builder(registry, MODEL, Lifecycle.loader()).
    monitor(DriftMonitor.builder().
        features(CreditWorld.NUMERIC.toArray(String[]::new)).
        baseline(baseline).
        tumblingWindow(500).
        retrainingPolicy(RetrainingPolicy.builder().consecutiveDriftedWindows(2).build())).
    features(Applicant::numeric).
    score(Decision::risk).
    listener(events::add).
    retraining(Retraining.builder().callback(request -> {
      try {
        retrained.complete(Lifecycle.retrain(request.reason(), root, project, store, registry,
            consents, pseudonyms, intake2026));
      } catch (Exception | Error e) {
        retrained.completeExceptionally(e);
        throw e;
      }
    }).build()).
    build();

// a day of 2025-like traffic: no alert
for (CreditWorld.Record r : CreditWorld.applicants(2025, 1_000, 99)) {
  monitored.predict(r.applicant());
}
System.out.println("data-drift alerts after 2025-like traffic: "
    + monitored.monitorAlertCount(AlertType.DATA_DRIFT));

// --- 6b. The 2026 applicants: the monitor sees the shift, the policy retrains ---------------------
for (CreditWorld.Record r : intake2026) {
  monitored.predict(r.applicant());
  if (retrained.isDone()) {
    break;
  }
}
Lifecycle.RetrainOutcome outcome = retrained.get(120, TimeUnit.SECONDS);
System.out.println(String.format(Locale.ROOT, "monitor: %d data-drift alerts; retraining: %s -> %s v%d",
    monitored.monitorAlertCount(AlertType.DATA_DRIFT), outcome.reason(), MODEL, outcome.version().version()));
System.out.println(outcome.result());
monitored.close();

// --- 6c. The challenger in shadow: it gets the champion's traffic, its answers only compared ------
registry.setAlias(MODEL, "challenger", outcome.version().version(), "retrained on 2026");
ModelService<Applicant, Decision> service = ModelService.builder(registry, MODEL, Lifecycle.loader()).
    shadow("challenger").
    score(Decision::risk).
    loss((answer, label) -> Lifecycle.cost(answer.refuse(), label.refuse())).
    agreement((a, b) -> a.refuse() == b.refuse()).
    listener(events::add).
    build();
List<CreditWorld.Record> traffic = CreditWorld.applicants(2026, 2_000, 2027);
for (int i = 0; i < traffic.size(); i++) {
  service.predict("req-" + i, traffic.get(i).applicant());
}
while (service.stats().shadowCompared() + service.stats().shadowDropped() < traffic.size()) {
  Thread.sleep(5);
}
// the outcomes come back later, matched to the requests by id
for (int i = 0; i < traffic.size(); i++) {
  int y = traffic.get(i).defaulted();
  service.feedback("req-" + i, new Decision(y, y));
}
ShadowReport shadow = service.shadowReport();
System.out.println(shadow);
shadow.save(reports.resolve("shadow.html"));

// --- 6d. The challenger through the gates, against the champion's decisions on the 2026 test rows
List<Scored> test2026 = Lifecycle.readScores(project.resolve("work/test-scores.csv"));
Predictor<Applicant, Decision> champion = registry.load(MODEL, "champion", Lifecycle.loader());
double[] championDecisions = new double[test2026.size()];
for (int i = 0; i < championDecisions.length; i++) {
  championDecisions[i] = champion.predict(test2026.get(i).applicant()).refuse();
}
PromotionResult challengerPromotion = registry.promoteToStage(MODEL, outcome.version().version(),
    ModelStage.PRODUCTION, gates,
    PromotionEvidence.builder().
        metric("neg_cost", Lifecycle::negCost).
        evaluation(Lifecycle.labelsD(test2026), Lifecycle.decisionsD(test2026, outcome.thresholds()),
            championDecisions).
        fairness(Lifecycle.fairness(test2026, outcome.thresholds())).
        build(),
    "retrained on 2026 applicants after the drift alert");
System.out.println(challengerPromotion);

// --- 6e. It passed: move the champion alias; the service swaps to it, no restart -----------------
if (challengerPromotion.passed()) {
  registry.setAlias(MODEL, "champion", outcome.version().version(), "passed the gates");
  service.refresh();
}
System.out.println("now serving " + MODEL + " v" + service.servedVersion());
System.out.println(service.stats());

// --- 7. An applicant of 2026 asks for erasure: rows removed, the models trained on them flagged --
String subject = pseudonyms.pseudonymize(intake2026.get(0).applicant().id());
ErasureReceipt receipt = Erasure.builder(project, key).
    subjectColumn("applicant_id").
    models(RegistryInventory.of(registry)).
    trackingStore(store).
    build().
    erase(subject);
System.out.println(receipt);
receipt.save(reports.resolve("erasure.html"));
System.out.println(registry.versionsTable(MODEL));

// --- Yours to explore ----------------------------------------------------------------------------
ServingStats stats = service.stats();
List<Path> reportFiles = Files.list(reports).sorted().toList();
System.out.println("reports, to open in a browser: " + reportFiles);
// The session stays open, and so does `service` (v3 in production). Try:
//   service.predict(CreditWorld.applicants(2026, 1, 5).get(0).applicant())   one more request
//   registry.lineage(MODEL, 3)                    the data, run and pipeline behind v3
//   registry.audit(MODEL)                         who moved which alias or stage, and why
//   Lifecycle.pipeline(project, consents, 0.2).status()     what the erasure made stale
//   Lifecycle.fairness(test, Map.of("F", 0.45, "M", 0.3))   another pair of thresholds, its report
//   LocalTracker.openReadOnly(store).runs(MODEL)            the training runs (MLflow reads the store too)
//   receipt.toJson()                              the receipt as the data protection officer files it
// Type a name and a dot, then Tab, to see what it offers.
