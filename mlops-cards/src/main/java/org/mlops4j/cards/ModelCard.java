package org.mlops4j.cards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.core.Provenance;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.PromotionResult;
import org.mlops4j.report.Page;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;
import org.mlops4j.slices.SliceReport;

/**
 * A model card (Mitchell et al., 2018, "Model Cards for Model Reporting", FAT* '19, <a
 * href="https://arxiv.org/abs/1810.03993">arXiv:1810.03993</a>) generated from what mlops4j
 * recorded about a model, so that the card cannot drift away from the model it describes.
 *
 * <h2>Sections</h2>
 *
 * The paper's nine: <b>model details</b> (name, version, owners, date, type, licence, citation),
 * <b>intended use</b> (primary uses and users, out-of-scope uses), <b>factors</b>, <b>metrics</b>
 * (which, why, decision thresholds, how uncertainty was measured), <b>evaluation data</b>,
 * <b>training data</b>, <b>quantitative analyses</b> (unitary and intersectional, with intervals),
 * <b>ethical considerations</b>, <b>caveats and recommendations</b>; plus what the library knows
 * beyond them: the slices where the model errs most, the promotion gates the version passed or
 * failed, the drift of the evaluation data, the run's params, metrics and provenance (JVM, git
 * commit, seeds, pipeline lock and data hashes).
 *
 * <h2>Where the content comes from</h2>
 *
 * <ul>
 *   <li>{@link #from(ModelRegistry, String, int)} (or {@link Builder#from(ModelRegistry, String,
 *       int)}, to add text after): the registry version (name, version, date, description, metrics,
 *       tags {@code license}, {@code owners} (comma separated), {@code model_type}, {@code
 *       pipeline_tag}, {@code citation} of the version or else the model), its lineage (the run's
 *       params, metrics and provenance tags; the pipeline lock's SHA-256 and the data hashes as the
 *       training data), the run's artifacts {@code fairness/*.json}, {@code drift/*.json} and
 *       {@code slices/*.json} (the reports' {@code logTo} writes them; a fairness report's {@code
 *       threshold}, when its decisions came from scores, is the card's decision threshold), and the
 *       model's audit log (the gates of every promotion attempt of this version);
 *   <li>{@link Builder#fairness(FairnessReport)}, {@link Builder#drift(DriftReport)}, {@link
 *       Builder#slices(SliceReport)}, {@link Builder#run(RunRecord)}, {@link
 *       Builder#provenance(Provenance)}, {@link Builder#promotion(PromotionResult)}: the library's
 *       own results;
 *   <li>the sections only people can write, through the builder's setters or a card text file
 *       ({@link Builder#text(Path)}: Markdown with {@code ## Heading} sections or JSON, kept next
 *       to the code).
 * </ul>
 *
 * <h2>Outputs</h2>
 *
 * {@link #toJson()}: Model Card Toolkit JSON, schema v0.0.2 (a format of another tool: no mlops4j
 * header). {@link #toMarkdown()}: a Hugging Face model card, YAML front matter ({@code license},
 * {@code tags}, {@code datasets}, {@code metrics}, {@code pipeline_tag}, {@code model-index}) then
 * the sections in the layout of Hugging Face's template. {@link #toHtml()}: one self-contained page
 * of the report toolkit (tables, bar charts with intervals, calibration curves per group, the gate
 * table; a print stylesheet). {@link #save(Path)} picks the form by extension; {@link #logTo(Run)}
 * writes all three as {@code cards/model-card.json|md|html}. Every user string is escaped for the
 * form it goes into and reads back as the same string.
 *
 * <pre>{@code
 * ModelCard card = ModelCard.builder()
 *     .from(registry, "churn", 3)
 *     .text(Path.of("src/main/model-card.md"))   // intended use, caveats, ...
 *     .build();
 * card.completeness().orThrow();                   // strict: fails on a missing section
 * card.save(Path.of("model-card.md"));
 * }</pre>
 *
 * A card with no run, no fairness report or no evaluation data is still a card: its {@link
 * #completeness()} lists what is missing, and every form renders it.
 *
 * @since 0.1.0
 */
public final class ModelCard implements PageContent {

  /** The Model Card Toolkit schema version of {@link #toJson()}, {@value}. */
  public static final String MCT_SCHEMA_VERSION = "0.0.2";

  /** The artifact folder of {@link #logTo(Run)}, {@value}. */
  public static final String ARTIFACT_DIR = "cards";

  private static final int TO_STRING_CRITERIA = 4;

  final String name;
  final String version;
  final List<String> owners;
  final @Nullable LocalDate date;
  final String modelType;
  final String license;
  final String citation;
  final String overview;
  final List<String> references;
  final List<String> primaryUses;
  final List<String> primaryUsers;
  final List<String> outOfScopeUses;
  final List<String> factors;
  final Map<String, Double> performance;
  final String metricsRationale;
  final List<String> decisionThresholds;
  final String uncertainty;
  final @Nullable CardDataset evaluationData;
  final @Nullable CardDataset trainingData;
  final List<QuantitativeResult> analyses;
  final List<QuantitativeResult> criteria;
  final List<CardCalibration> calibration;
  final List<CardSlice> slices;
  final String sliceSearch;
  final double sliceOverall;
  final List<CardDrift> drift;
  final double driftedShare;
  final List<CardGate> gates;
  final List<CardRisk> ethicalConsiderations;
  final List<String> caveats;
  final List<String> recommendations;
  final String runId;
  final Map<String, String> params;
  final Map<String, Double> runMetrics;
  final Map<String, String> provenance;
  final List<String> tags;
  final String pipelineTag;
  final int registryVersion;

  private ModelCard(Builder b) {
    name = b.name;
    version = b.version;
    owners = List.copyOf(b.owners);
    date = b.date;
    modelType = b.modelType;
    license = b.license;
    citation = b.citation;
    overview = b.overview;
    references = List.copyOf(b.references);
    primaryUses = List.copyOf(b.primaryUses);
    primaryUsers = List.copyOf(b.primaryUsers);
    outOfScopeUses = List.copyOf(b.outOfScopeUses);
    factors = List.copyOf(new LinkedHashSet<>(b.factors));
    performance = Collections.unmodifiableMap(new LinkedHashMap<>(b.performance));
    metricsRationale = b.metricsRationale;
    decisionThresholds = List.copyOf(new LinkedHashSet<>(b.decisionThresholds));
    uncertainty = b.uncertainty;
    evaluationData = b.evaluationData;
    trainingData = b.trainingData;
    analyses = List.copyOf(new LinkedHashSet<>(b.analyses));
    criteria = List.copyOf(new LinkedHashSet<>(b.criteria));
    calibration = List.copyOf(b.calibration);
    slices = List.copyOf(b.slices);
    sliceSearch = b.sliceSearch;
    sliceOverall = b.sliceOverall;
    drift = List.copyOf(b.drift);
    driftedShare = b.driftedShare;
    gates = List.copyOf(b.gates);
    ethicalConsiderations = List.copyOf(b.ethicalConsiderations);
    caveats = List.copyOf(b.caveats);
    recommendations = List.copyOf(b.recommendations);
    runId = b.runId;
    params = Collections.unmodifiableMap(new TreeMap<>(b.params));
    runMetrics = Collections.unmodifiableMap(new TreeMap<>(b.runMetrics));
    provenance = Collections.unmodifiableMap(new TreeMap<>(b.provenance));
    tags = List.copyOf(new LinkedHashSet<>(b.tags));
    pipelineTag = b.pipelineTag;
    registryVersion = b.registryVersion;
  }

  /**
   * @return a new builder of a card
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The card of a registry version, from everything linked to it (see the class javadoc); the
   * sections only people write stay empty and are listed by {@link #completeness()}.
   *
   * @param registry the registry
   * @param name the model's name
   * @param version the version
   * @return the card
   * @throws IllegalArgumentException if the model or version is unknown
   */
  public static ModelCard from(ModelRegistry registry, String name, int version) {
    return builder().from(registry, name, version).build();
  }

  // ------------------------------------------------------------------ accessors

  /**
   * @return the model's name
   */
  public String name() {
    return name;
  }

  /**
   * @return the version, as text ({@code "3"} for a registry version)
   */
  public String version() {
    return version;
  }

  /**
   * @return the owners (people or teams, with a contact when given)
   */
  public List<String> owners() {
    return owners;
  }

  /**
   * @return the version's date, if known
   */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /**
   * @return the model's type (architecture, algorithm), or {@code ""}
   */
  public String modelType() {
    return modelType;
  }

  /**
   * @return the licence, an SPDX identifier such as {@code Apache-2.0} or a text, or {@code ""}
   */
  public String license() {
    return license;
  }

  /**
   * @return how to cite the model, or {@code ""}
   */
  public String citation() {
    return citation;
  }

  /**
   * @return what the model is and does, or {@code ""}
   */
  public String overview() {
    return overview;
  }

  /**
   * @return links and papers
   */
  public List<String> references() {
    return references;
  }

  /**
   * @return the primary intended uses
   */
  public List<String> primaryUses() {
    return primaryUses;
  }

  /**
   * @return the primary intended users
   */
  public List<String> primaryUsers() {
    return primaryUsers;
  }

  /**
   * @return the out-of-scope uses
   */
  public List<String> outOfScopeUses() {
    return outOfScopeUses;
  }

  /**
   * @return the relevant factors (groups, instrumentation, environment)
   */
  public List<String> factors() {
    return factors;
  }

  /**
   * @return the headline performance metrics (the registry version's, or given), by name
   */
  public Map<String, Double> performance() {
    return performance;
  }

  /**
   * @return why these metrics were chosen, or {@code ""}
   */
  public String metricsRationale() {
    return metricsRationale;
  }

  /**
   * @return the decision thresholds
   */
  public List<String> decisionThresholds() {
    return decisionThresholds;
  }

  /**
   * @return how uncertainty was measured (interval methods, levels, resamples), or {@code ""}
   */
  public String uncertainty() {
    return uncertainty;
  }

  /**
   * @return the evaluation data, if known
   */
  public Optional<CardDataset> evaluationData() {
    return Optional.ofNullable(evaluationData);
  }

  /**
   * @return the training data, if known
   */
  public Optional<CardDataset> trainingData() {
    return Optional.ofNullable(trainingData);
  }

  /**
   * @return the quantitative analyses: metrics over all rows and per group (unitary and
   *     intersectional)
   */
  public List<QuantitativeResult> analyses() {
    return analyses;
  }

  /**
   * @return the fairness criteria between groups, with their intervals
   */
  public List<QuantitativeResult> criteria() {
    return criteria;
  }

  /**
   * @return the calibration of each group
   */
  public List<CardCalibration> calibration() {
    return calibration;
  }

  /**
   * @return the slices where the model errs significantly more than on the rest, largest effect
   *     size first (from {@link Builder#slices(SliceReport)})
   */
  public List<CardSlice> slices() {
    return slices;
  }

  /**
   * @return how the slices were searched and tested, one sentence, or {@code ""} without a slice
   *     report
   */
  public String sliceSearch() {
    return sliceSearch;
  }

  /**
   * @return the error rate or mean loss over all rows of the slice report, if one was given
   */
  public OptionalDouble sliceOverall() {
    return Double.isNaN(sliceOverall) ? OptionalDouble.empty() : OptionalDouble.of(sliceOverall);
  }

  /**
   * @return the drift of each feature of the evaluation data
   */
  public List<CardDrift> drift() {
    return drift;
  }

  /**
   * @return the share of drifted features, if a drift report was given
   */
  public OptionalDouble driftedShare() {
    return Double.isNaN(driftedShare) ? OptionalDouble.empty() : OptionalDouble.of(driftedShare);
  }

  /**
   * @return the promotion gates, in the order they were evaluated
   */
  public List<CardGate> gates() {
    return gates;
  }

  /**
   * @return the ethical considerations
   */
  public List<CardRisk> ethicalConsiderations() {
    return ethicalConsiderations;
  }

  /**
   * @return the caveats
   */
  public List<String> caveats() {
    return caveats;
  }

  /**
   * @return the recommendations
   */
  public List<String> recommendations() {
    return recommendations;
  }

  /**
   * @return the tracking run that produced the model, or {@code ""}
   */
  public String runId() {
    return runId;
  }

  /**
   * @return the run's params, by key
   */
  public Map<String, String> params() {
    return params;
  }

  /**
   * @return the run's metrics (latest values), by key
   */
  public Map<String, Double> runMetrics() {
    return runMetrics;
  }

  /**
   * @return the provenance: JVM, OS, git commit, seeds, pipeline lock hash, by key
   */
  public Map<String, String> provenance() {
    return provenance;
  }

  /**
   * @return the Hugging Face tags
   */
  public List<String> tags() {
    return tags;
  }

  /**
   * @return the Hugging Face pipeline tag (e.g. {@code tabular-classification}), or {@code ""}
   */
  public String pipelineTag() {
    return pipelineTag;
  }

  // ------------------------------------------------------------------ check

  /**
   * The completeness check. Recommended sections: owners, licence, model type, overview, primary
   * uses, primary users, out-of-scope uses, factors, metrics (a metric and why it was chosen),
   * decision thresholds, uncertainty, evaluation data, training data, quantitative analyses (with a
   * group breakdown, and an intersectional one), ethical considerations, caveats and
   * recommendations. Weak analyses: every defined result without an interval.
   *
   * @return what is missing
   */
  public CardCompleteness completeness() {
    List<String> missing = new ArrayList<>();
    if (owners.isEmpty()) {
      missing.add("model details: owners");
    }
    if (license.isBlank()) {
      missing.add("model details: licence");
    }
    if (modelType.isBlank()) {
      missing.add("model details: model type");
    }
    if (overview.isBlank()) {
      missing.add("model details: overview");
    }
    if (primaryUses.isEmpty()) {
      missing.add("intended use: primary uses");
    }
    if (primaryUsers.isEmpty()) {
      missing.add("intended use: primary users");
    }
    if (outOfScopeUses.isEmpty()) {
      missing.add("intended use: out-of-scope uses");
    }
    if (factors.isEmpty()) {
      missing.add("factors");
    }
    if (performance.isEmpty() && analyses.isEmpty() && slices.isEmpty()) {
      missing.add("metrics: which metrics");
    }
    if (metricsRationale.isBlank()) {
      missing.add("metrics: why these metrics");
    }
    if (decisionThresholds.isEmpty()) {
      missing.add("metrics: decision thresholds");
    }
    if (uncertainty.isBlank()) {
      missing.add("metrics: how uncertainty was measured");
    }
    if (evaluationData == null) {
      missing.add("evaluation data");
    }
    if (trainingData == null) {
      missing.add("training data");
    }
    if (analyses.isEmpty() && slices.isEmpty()) {
      missing.add("quantitative analyses");
    }
    if (ethicalConsiderations.isEmpty()) {
      missing.add("ethical considerations");
    }
    if (caveats.isEmpty() && recommendations.isEmpty()) {
      missing.add("caveats and recommendations");
    }
    List<String> weak = new ArrayList<>();
    if (!analyses.isEmpty()) {
      if (analyses.stream().allMatch(QuantitativeResult::overall)) {
        weak.add("quantitative analyses: no group breakdown (unitary results)");
      }
      if (analyses.stream().noneMatch(QuantitativeResult::intersectional)) {
        weak.add("quantitative analyses: no intersectional results");
      }
    }
    for (List<QuantitativeResult> list : List.of(analyses, criteria)) {
      for (QuantitativeResult r : list) {
        if (r.defined() && !r.hasInterval()) {
          weak.add(r.metric() + " [" + r.sliceLabel() + "]: no interval");
        }
      }
    }
    return new CardCompleteness(title(), missing, weak);
  }

  /**
   * The card's title: {@code name v3} when the version is a number ({@code 3}, {@code 1.2.0}),
   * {@code name v2} for a version written {@code v2}, else {@code name, version 2013-2014}.
   */
  String title() {
    if (version.matches("\\d+(\\.\\d+)*")) {
      return name + " v" + version;
    }
    if (version.matches("[vV]\\d+(\\.\\d+)*")) {
      return name + " " + version;
    }
    return name + ", version " + version;
  }

  // ------------------------------------------------------------------ outputs

  /**
   * @return the card as Model Card Toolkit JSON (schema v0.0.2): {@code schema_version}, {@code
   *     model_details}, {@code model_parameters}, {@code quantitative_analysis} ({@code
   *     performance_metrics} with {@code slice} and {@code confidence_interval}), {@code
   *     considerations}; the sections the schema has no field for (factors, metrics rationale,
   *     thresholds, uncertainty, the slices' rest, difference and adjusted p-value, gates, drift,
   *     provenance) go into {@code model_details.documentation} as Markdown, out-of-scope uses,
   *     caveats and recommendations into {@code considerations.limitations}
   */
  public String toJson() {
    return CardJson.write(this);
  }

  /**
   * @return the card as a Hugging Face model card: YAML front matter, then the sections
   */
  public String toMarkdown() {
    return CardMarkdown.write(this);
  }

  /**
   * @return the card as one self-contained HTML page
   */
  public String toHtml() {
    return toPage().toHtml();
  }

  /**
   * @return the card as a page of the report toolkit, to save or to extend
   */
  public Page toPage() {
    return CardHtml.page(this);
  }

  /**
   * @return the card's content as one section, to put on a page of the user's own
   */
  @Override
  public Section toSection() {
    return CardHtml.section(this);
  }

  /**
   * @param format a form
   * @return the card in that form
   */
  public String render(CardFormat format) {
    Require.nonNull(format, "format");
    return switch (format) {
      case JSON -> toJson();
      case MARKDOWN -> toMarkdown();
      case HTML -> toHtml();
    };
  }

  /**
   * Writes the card in the form its extension names ({@code .json}, {@code .md}, {@code .html}),
   * atomically.
   *
   * @param file where to write
   * @throws IllegalArgumentException if the extension is none of these
   * @throws org.mlops4j.api.MlopsException if it cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    save(file, CardFormat.fromFileName(String.valueOf(file.getFileName())));
  }

  /**
   * Writes the card in a form, atomically (the CLI's {@code mlops card --format}).
   *
   * @param file where to write
   * @param format the form
   * @throws org.mlops4j.api.MlopsException if it cannot be written
   */
  public void save(Path file, CardFormat format) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, render(format), AtomicFiles.Durability.ATOMIC);
  }

  /**
   * Logs the card into a tracking run: the artifacts {@code cards/model-card.json}, {@code
   * cards/model-card.md} and {@code cards/model-card.html}, the metrics {@code
   * cards.completeness.missing_sections} and {@code cards.completeness.weak_analyses}.
   *
   * @param run the run
   * @return this card
   * @throws NullPointerException if run is null
   */
  public ModelCard logTo(Run run) {
    Require.nonNull(run, "run");
    CardCompleteness c = completeness();
    run.logMetric("cards.completeness.missing_sections", c.missingSections().size());
    run.logMetric("cards.completeness.weak_analyses", c.weakAnalyses().size());
    for (CardFormat f : CardFormat.values()) {
      run.logText(ARTIFACT_DIR + "/" + f.fileName(), render(f));
    }
    return this;
  }

  /**
   * Attaches the card to its registry version ({@link ModelRegistry#attach}): the files {@code
   * cards/<h>/model-card.json}, {@code cards/<h>/model-card.md} and {@code
   * cards/<h>/model-card.html} of the version's artifacts, where {@code <h>} is the first 12
   * hexadecimal digits of the SHA-256 of {@link #toJson()}, so that each card logged stays as it
   * was (an attached file is never replaced) and logging the same card again changes nothing. Then
   * the version tags say which card is the current one: {@code mlops4j.card.path} (the JSON's path
   * in the version), {@code mlops4j.card.sha256} (of {@link #toJson()}), {@code
   * mlops4j.card.complete} ({@code true} or {@code false}) and, when the card knows its run, {@code
   * mlops4j.card.artifact} ({@code runs:/<run id>/cards/model-card.json}, where {@link #logTo(Run)}
   * puts it). {@code ModelRegistry.load} and {@code verify} check the card's files with the
   * model's; the audit log has one {@code attach_artifact} line per file.
   *
   * @param registry the registry the card was made from
   * @return this card
   * @throws IllegalStateException if the card was not made from a registry version
   * @throws MlopsException if the files cannot be written
   */
  public ModelCard logTo(ModelRegistry registry) {
    Require.nonNull(registry, "registry");
    Require.state(
        registryVersion > 0,
        "the card of "
            + title()
            + " was not made from a registry version; make it with ModelCard.from(registry, name,"
            + " version)");
    String json = toJson();
    String sha = sha256(json);
    String dir = ARTIFACT_DIR + "/" + sha.substring(0, 12) + "/";
    boolean complete = completeness().complete();
    Path tmp;
    try {
      tmp = Files.createTempDirectory("mlops4j-card");
    } catch (IOException e) {
      throw new MlopsException(
          "cannot create a temporary folder for the card: " + e.getMessage(), e);
    }
    try {
      for (CardFormat f : CardFormat.values()) {
        Path file = tmp.resolve(f.fileName());
        AtomicFiles.save(
            file, f == CardFormat.JSON ? json : render(f), AtomicFiles.Durability.ATOMIC);
        registry.attach(
            name,
            registryVersion,
            dir + f.fileName(),
            file,
            "model card (" + (complete ? "complete" : "incomplete") + ")");
      }
    } finally {
      try {
        AtomicFiles.deleteRecursively(tmp);
      } catch (IOException e) {
        // a temporary folder the operating system cleans
      }
    }
    registry.setVersionTag(
        name, registryVersion, "mlops4j.card.path", dir + CardFormat.JSON.fileName());
    registry.setVersionTag(name, registryVersion, "mlops4j.card.sha256", sha);
    registry.setVersionTag(
        name, registryVersion, "mlops4j.card.complete", String.valueOf(complete));
    if (!runId.isEmpty()) {
      registry.setVersionTag(
          name,
          registryVersion,
          "mlops4j.card.artifact",
          "runs:/" + runId + "/" + ARTIFACT_DIR + "/" + CardFormat.JSON.fileName());
    }
    return this;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The card's sections as text, then its completeness. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Model card ").append(title());
    date().ifPresent(d -> sb.append("  ").append(d));
    sb.append('\n');
    line(sb, "type", modelType);
    line(sb, "owners", String.join(", ", owners));
    line(sb, "licence", license);
    line(sb, "run", runId);
    line(sb, "uses", String.join("; ", primaryUses));
    line(sb, "out of scope", String.join("; ", outOfScopeUses));
    line(sb, "factors", String.join("; ", factors));
    line(sb, "evaluation", evaluationData == null ? "" : evaluationData.toString());
    line(sb, "training", trainingData == null ? "" : trainingData.toString());
    if (!performance.isEmpty()) {
      StringBuilder p = new StringBuilder();
      performance.forEach(
          (k, v) ->
              p.append(p.length() == 0 ? "" : ", ")
                  .append(k)
                  .append('=')
                  .append(String.format(Locale.ROOT, "%.4g", v)));
      line(sb, "performance", p.toString());
    }
    line(
        sb,
        "analyses",
        analyses.isEmpty()
            ? ""
            : analyses.size()
                + " results ("
                + analyses.stream().filter(QuantitativeResult::intersectional).count()
                + " intersectional), "
                + criteria.size()
                + " criteria");
    if (!slices.isEmpty()) {
      line(sb, "slices", slices.size() + " where the model errs most (" + sliceSearch + ")");
      for (int i = 0; i < Math.min(slices.size(), TO_STRING_CRITERIA); i++) {
        sb.append("    ").append(slices.get(i)).append('\n');
      }
      if (slices.size() > TO_STRING_CRITERIA) {
        sb.append("    ... ")
            .append(slices.size() - TO_STRING_CRITERIA)
            .append(" more slices (toMarkdown(), toHtml())\n");
      }
    }
    for (int i = 0; i < Math.min(criteria.size(), TO_STRING_CRITERIA); i++) {
      sb.append("    ").append(criteria.get(i)).append('\n');
    }
    if (criteria.size() > TO_STRING_CRITERIA) {
      sb.append("    ... ")
          .append(criteria.size() - TO_STRING_CRITERIA)
          .append(" more criteria (toMarkdown(), toHtml())\n");
    }
    if (!gates.isEmpty()) {
      long failed = gates.stream().filter(g -> !g.passed()).count();
      line(sb, "gates", gates.size() + " evaluated, " + failed + " failed");
      gates.forEach(g -> sb.append("    ").append(g).append('\n'));
    }
    sb.append(completeness().toString().indent(2));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(String.format(Locale.ROOT, "  %-14s", label + ":"))
        .append(value.isEmpty() ? "-" : value.replace("\n", " "))
        .append('\n');
  }

  // ------------------------------------------------------------------ builder

  /**
   * Builds a card: every setter checks its argument at once; list setters add one item each (call
   * them again for more). {@link #build()} needs a name and a version.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    String name = "";
    String version = "";
    final List<String> owners = new ArrayList<>();
    @Nullable LocalDate date;
    String modelType = "";
    String license = "";
    String citation = "";
    String overview = "";
    final List<String> references = new ArrayList<>();
    final List<String> primaryUses = new ArrayList<>();
    final List<String> primaryUsers = new ArrayList<>();
    final List<String> outOfScopeUses = new ArrayList<>();
    final List<String> factors = new ArrayList<>();
    final Map<String, Double> performance = new LinkedHashMap<>();
    String metricsRationale = "";
    final List<String> decisionThresholds = new ArrayList<>();
    String uncertainty = "";
    private final List<String> derivedUncertainty = new ArrayList<>();
    @Nullable CardDataset evaluationData;
    @Nullable CardDataset trainingData;
    final List<QuantitativeResult> analyses = new ArrayList<>();
    final List<QuantitativeResult> criteria = new ArrayList<>();
    final List<CardCalibration> calibration = new ArrayList<>();
    final List<CardSlice> slices = new ArrayList<>();
    String sliceSearch = "";
    double sliceOverall = Double.NaN;
    final List<CardDrift> drift = new ArrayList<>();
    double driftedShare = Double.NaN;
    final List<CardGate> gates = new ArrayList<>();
    final List<CardRisk> ethicalConsiderations = new ArrayList<>();
    final List<String> caveats = new ArrayList<>();
    final List<String> recommendations = new ArrayList<>();
    String runId = "";
    final Map<String, String> params = new TreeMap<>();
    final Map<String, Double> runMetrics = new TreeMap<>();
    final Map<String, String> provenance = new TreeMap<>();
    final List<String> tags = new ArrayList<>();
    String pipelineTag = "";
    int registryVersion;
    private boolean strict;

    Builder() {}

    /**
     * @param name the model's name
     * @return this
     */
    public Builder name(String name) {
      this.name = Require.nonBlank(name, "name");
      return this;
    }

    /**
     * @param version the version, e.g. {@code 3} or {@code 2024-06}
     * @return this
     */
    public Builder version(String version) {
      this.version = Require.nonBlank(version, "version");
      return this;
    }

    /**
     * @param owner a person or team, with a contact if useful, e.g. {@code Risk team
     *     <risk@example.org>}
     * @return this
     */
    public Builder owner(String owner) {
      owners.add(Require.nonBlank(owner, "owner"));
      return this;
    }

    /**
     * @param date the version's date
     * @return this
     */
    public Builder date(LocalDate date) {
      this.date = Require.nonNull(date, "date");
      return this;
    }

    /**
     * @param modelType the model's type, e.g. {@code gradient-boosted trees, 200 trees}
     * @return this
     */
    public Builder modelType(String modelType) {
      this.modelType = Require.nonBlank(modelType, "modelType");
      return this;
    }

    /**
     * @param license an SPDX identifier ({@code Apache-2.0}, {@code MIT}, {@code proprietary}) or a
     *     licence's text
     * @return this
     */
    public Builder license(String license) {
      this.license = Require.nonBlank(license, "license");
      return this;
    }

    /**
     * @param citation how to cite the model (e.g. BibTeX)
     * @return this
     */
    public Builder citation(String citation) {
      this.citation = Require.nonBlank(citation, "citation");
      return this;
    }

    /**
     * @param overview what the model is and does
     * @return this
     */
    public Builder overview(String overview) {
      this.overview = Require.nonBlank(overview, "overview");
      return this;
    }

    /**
     * @param reference a link or paper about the model
     * @return this
     */
    public Builder reference(String reference) {
      references.add(Require.nonBlank(reference, "reference"));
      return this;
    }

    /**
     * @param use a primary intended use
     * @return this
     */
    public Builder primaryUse(String use) {
      primaryUses.add(Require.nonBlank(use, "use"));
      return this;
    }

    /**
     * @param user a primary intended user
     * @return this
     */
    public Builder primaryUser(String user) {
      primaryUsers.add(Require.nonBlank(user, "user"));
      return this;
    }

    /**
     * @param use a use the model is not meant for
     * @return this
     */
    public Builder outOfScopeUse(String use) {
      outOfScopeUses.add(Require.nonBlank(use, "use"));
      return this;
    }

    /**
     * @param factor a relevant factor: a group, the instrumentation, the environment
     * @return this
     */
    public Builder factor(String factor) {
      factors.add(Require.nonBlank(factor, "factor"));
      return this;
    }

    /**
     * @param metric a headline metric's name, e.g. {@code accuracy}
     * @param value its value over the evaluation data
     * @return this
     */
    public Builder performance(String metric, double value) {
      performance.put(Require.nonBlank(metric, "metric"), Require.finite(value, "value"));
      return this;
    }

    /**
     * @param rationale why these metrics were chosen
     * @return this
     */
    public Builder metricsRationale(String rationale) {
      this.metricsRationale = Require.nonBlank(rationale, "rationale");
      return this;
    }

    /**
     * @param threshold a decision threshold and why, e.g. {@code score >= 0.5 approves}
     * @return this
     */
    public Builder decisionThreshold(String threshold) {
      decisionThresholds.add(Require.nonBlank(threshold, "threshold"));
      return this;
    }

    /**
     * @param uncertainty how uncertainty was measured (replaces what the reports say)
     * @return this
     */
    public Builder uncertainty(String uncertainty) {
      this.uncertainty = Require.nonBlank(uncertainty, "uncertainty");
      return this;
    }

    void uncertaintyFrom(String text) {
      if (!text.isBlank() && !derivedUncertainty.contains(text)) {
        derivedUncertainty.add(text);
      }
    }

    /**
     * @param data the evaluation data
     * @return this
     */
    public Builder evaluationData(CardDataset data) {
      CardDataset d = Require.nonNull(data, "data");
      if (evaluationData != null && d.rows().isEmpty() && evaluationData.rows().isPresent()) {
        d = d.withRows(evaluationData.rows().getAsLong());
      }
      this.evaluationData = d;
      return this;
    }

    void evaluationRows(long rows) {
      evaluationData =
          evaluationData == null
              ? CardDataset.of("evaluation data", "").withRows(rows)
              : evaluationData.rows().isPresent() ? evaluationData : evaluationData.withRows(rows);
    }

    /**
     * @param data the training data
     * @return this
     */
    public Builder trainingData(CardDataset data) {
      CardDataset d = Require.nonNull(data, "data");
      if (trainingData != null) {
        d = d.withHashes(trainingData.hashes());
      }
      this.trainingData = d;
      return this;
    }

    /**
     * @param result a result of the quantitative analyses (over all rows or a group)
     * @return this
     */
    public Builder analysis(QuantitativeResult result) {
      analyses.add(Require.nonNull(result, "result"));
      return this;
    }

    /**
     * @param result a criterion between groups (a difference or ratio)
     * @return this
     */
    public Builder criterion(QuantitativeResult result) {
      criteria.add(Require.nonNull(result, "result"));
      return this;
    }

    /**
     * @param curve the calibration of a group
     * @return this
     */
    public Builder calibration(CardCalibration curve) {
      calibration.add(Require.nonNull(curve, "curve"));
      return this;
    }

    void slicesFrom(List<CardSlice> found, String search, double overall) {
      slices.clear();
      slices.addAll(found);
      sliceSearch = search;
      sliceOverall = overall;
    }

    void driftFrom(List<CardDrift> features, double share) {
      drift.addAll(features);
      driftedShare = share;
    }

    /**
     * @param name a risk
     * @param mitigation how it is addressed, or {@code ""}
     * @return this
     */
    public Builder ethicalConsideration(String name, String mitigation) {
      ethicalConsiderations.add(new CardRisk(name, mitigation));
      return this;
    }

    /**
     * @param caveat a caveat
     * @return this
     */
    public Builder caveat(String caveat) {
      caveats.add(Require.nonBlank(caveat, "caveat"));
      return this;
    }

    /**
     * @param recommendation a recommendation
     * @return this
     */
    public Builder recommendation(String recommendation) {
      recommendations.add(Require.nonBlank(recommendation, "recommendation"));
      return this;
    }

    /**
     * @param tag a Hugging Face tag, e.g. {@code tabular}
     * @return this
     */
    public Builder tag(String tag) {
      tags.add(Require.nonBlank(tag, "tag"));
      return this;
    }

    /**
     * @param tag a Hugging Face pipeline tag, e.g. {@code tabular-classification} (default: that,
     *     when a fairness report gives the decisions of a binary classifier; none otherwise)
     * @return this
     */
    public Builder pipelineTag(String tag) {
      this.pipelineTag = Require.nonBlank(tag, "tag");
      return this;
    }

    /**
     * Adds the results of a fairness audit: per group (and intersectional group) selection rate,
     * TPR, FPR, PPV and accuracy with their intervals, the criteria with their bootstrap intervals,
     * the calibration per group, the groups as factors, the intervals' method as the uncertainty,
     * the decision threshold and the audited rows as the evaluation data's size. Call it once per
     * report (for example one unitary, one intersectional).
     *
     * @param report the report
     * @return this
     */
    public Builder fairness(FairnessReport report) {
      Require.nonNull(report, "report");
      if (pipelineTag.isEmpty()) {
        pipelineTag = "tabular-classification";
      }
      ResultReader.fairness(this, report.toJson(), "fairness report");
      return this;
    }

    /**
     * Adds the slices where the model errs most, from a slice finder's report: its significant
     * slices (largest effect size first) become their own analysis, "where the model errs most",
     * one row per slice with its rows, error rate or mean loss with its interval, the same over the
     * rest of the rows, the difference and the Benjamini–Hochberg adjusted p-value; the search
     * (slices examined, test, false discovery rate, minimum support and effect size) is stated with
     * them, the interval method joins how uncertainty was measured, and the features searched
     * become a factor. A slice's name keeps the finder's {@code feature=value} conditions joined by
     * {@code |}; the slices are not mixed with the fairness report's intersectional groups. A card
     * holds one slice report: a second call replaces the first.
     *
     * @param report the report, e.g. {@code SliceFinder.defaults().audit(data)}
     * @return this
     */
    public Builder slices(SliceReport report) {
      Require.nonNull(report, "report");
      ResultReader.slices(this, report.toJson(), "slice report");
      return this;
    }

    /**
     * Adds a drift report of the evaluation data against the training data: per feature, the
     * method, statistic, p-value and verdict; the share of drifted features.
     *
     * @param report the report
     * @return this
     */
    public Builder drift(DriftReport report) {
      Require.nonNull(report, "report");
      ResultReader.drift(this, report.toJson(), "drift report");
      return this;
    }

    /**
     * Adds a tracking run: its id, params, latest metrics and provenance tags ({@code mlops4j.*}
     * and {@code mlflow.source.git.commit}).
     *
     * @param run the run's record
     * @return this
     */
    public Builder run(RunRecord run) {
      Require.nonNull(run, "run");
      runId = run.runId();
      params.putAll(run.params());
      run.metrics().forEach((k, m) -> runMetrics.put(k, m.value()));
      run.tags()
          .forEach(
              (k, v) -> {
                if ((k.startsWith("mlops4j.") && !k.equals(RunRecord.HEARTBEAT_TAG))
                    || k.equals("mlflow.source.git.commit")) {
                  provenance.put(k, v);
                }
              });
      return this;
    }

    /**
     * @param provenance what made the model (JVM, OS, git commit, seeds)
     * @return this
     */
    public Builder provenance(Provenance provenance) {
      Require.nonNull(provenance, "provenance");
      this.provenance.putAll(provenance.asMap());
      return this;
    }

    /**
     * Adds the gates of a promotion attempt.
     *
     * @param result the promotion's result
     * @return this
     */
    public Builder promotion(PromotionResult result) {
      Require.nonNull(result, "result");
      result
          .gates()
          .forEach(
              g ->
                  gates.add(
                      new CardGate(
                          result.target(),
                          g.gate().kind().key(),
                          g.gate().describe(),
                          g.passed(),
                          g.measured(),
                          g.detail(),
                          result.time())));
      return this;
    }

    /**
     * Gathers everything the registry links to a version (see {@link ModelCard}).
     *
     * @param registry the registry
     * @param name the model's name
     * @param version the version
     * @return this
     * @throws IllegalArgumentException if the model or version is unknown
     * @throws org.mlops4j.api.MlopsException if a linked report cannot be read
     */
    public Builder from(ModelRegistry registry, String name, int version) {
      Require.nonNull(registry, "registry");
      RegistrySource.gather(this, registry, name, version);
      return this;
    }

    /**
     * Reads the sections people write from a file kept next to the code: Markdown ({@code .md},
     * {@code ## Heading} sections) or JSON ({@code .json}, keys named after this builder's
     * setters); see {@code docs/modules/cards.md} for both layouts. Items of a list are the file's
     * bullet lines ({@code - }); an ethical consideration's mitigation follows {@code Mitigation:}
     * on its line.
     *
     * @param file the file
     * @return this
     * @throws org.mlops4j.api.MlopsException if it cannot be read or has an unknown section
     */
    public Builder text(Path file) {
      Require.nonNull(file, "file");
      CardText.read(this, file);
      return this;
    }

    /**
     * Makes {@link #build()} fail when the card is incomplete ({@link CardCompleteness#orThrow()}).
     *
     * @return this
     */
    public Builder strict() {
      this.strict = true;
      return this;
    }

    /**
     * @return the card
     * @throws IllegalStateException if no name or version was given, or, when {@link #strict()}, if
     *     the card is incomplete
     */
    public ModelCard build() {
      Require.state(!name.isEmpty(), "a model card needs a name: call name(...) or from(...)");
      Require.state(
          !version.isEmpty(), "a model card needs a version: call version(...) or from(...)");
      String u = uncertainty;
      if (u.isEmpty()) {
        u = String.join(" ", derivedUncertainty);
      }
      String kept = uncertainty;
      uncertainty = u;
      ModelCard card = new ModelCard(this);
      uncertainty = kept;
      if (strict) {
        card.completeness().orThrow();
      }
      return card;
    }
  }
}
