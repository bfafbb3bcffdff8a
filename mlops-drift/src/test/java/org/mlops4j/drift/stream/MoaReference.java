package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The MOA cross-check fixture {@code moa/moa-2024.07.0.json}: reference streams (parameters of
 * {@link ReferenceStream}) and the drift and warning indices that MOA 2024.07.0's own detectors
 * ({@code nz.ac.waikato.cms.moa:moa:2024.07.0}, run outside this project by the throwaway driver of
 * {@code docs/MOA.md}) gave on them, with the MOA class, its options, and our configuration that
 * must give the same indices.
 */
final class MoaReference {

  static final String RESOURCE = "/moa/moa-2024.07.0.json";

  private static final String PACKAGE = "moa.classifiers.core.driftdetection.";

  private MoaReference() {}

  /**
   * One case of the fixture.
   *
   * @param id the case's name
   * @param moaClass MOA's class that produced the indices
   * @param moaOptions MOA's command-line options, empty for its defaults
   * @param ours our configuration, as Java source
   * @param stream the stream's parameters
   * @param drifts MOA's drift indices (0-based)
   * @param warnings MOA's warning indices as [first, last] ranges
   */
  record Case(
      String id,
      String moaClass,
      String moaOptions,
      String ours,
      JsonNode stream,
      List<Integer> drifts,
      List<List<Integer>> warnings) {

    /** Regenerates the stream from its parameters. */
    double[] values() {
      JsonNode lv = stream.get("level");
      double[][] level = new double[lv.size()][];
      for (int k = 0; k < lv.size(); k++) {
        level[k] = new double[] {lv.get(k).get(0).asDouble(), lv.get(k).get(1).asDouble()};
      }
      return ReferenceStream.generate(
          stream.get("kind").asText(),
          stream.get("seed").asLong(),
          stream.get("length").asInt(),
          level,
          stream.has("sd") ? stream.get("sd").asDouble() : 0.0);
    }

    /** Runs our configuration over the stream and asserts MOA's drift and warning indices. */
    void assertOursGivesMoasIndices() {
      ConceptDriftDetector detector = MoaReference.ours(ours);
      double[] xs = values();
      List<Integer> drifts = new ArrayList<>();
      List<Integer> warnings = new ArrayList<>();
      for (int i = 0; i < xs.length; i++) {
        DriftState s = detector.update(xs[i]);
        if (s == DriftState.DRIFT) {
          drifts.add(i);
        } else if (s == DriftState.WARNING) {
          warnings.add(i);
        }
      }
      assertThat(drifts).as("%s: drift indices", this).isEqualTo(this.drifts);
      assertThat(ranges(warnings)).as("%s: warning ranges", this).isEqualTo(this.warnings);
    }

    @Override
    public String toString() {
      return id
          + ": "
          + ours
          + " vs MOA 2024.07.0 "
          + moaClass.substring(PACKAGE.length())
          + (moaOptions.isEmpty() ? " (default options)" : " " + moaOptions);
    }
  }

  /** The cases whose MOA class (without its package) is one of {@code simpleNames}. */
  static Stream<Case> cases(String... simpleNames) {
    Set<String> wanted = Set.of(simpleNames);
    return all().stream().filter(c -> wanted.contains(c.moaClass().substring(PACKAGE.length())));
  }

  /** Every case of the fixture. */
  static List<Case> all() {
    JsonNode root;
    try (InputStream in = MoaReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      List<Integer> drifts = new ArrayList<>();
      c.get("drifts").forEach(d -> drifts.add(d.asInt()));
      List<List<Integer>> warnings = new ArrayList<>();
      c.get("warnings").forEach(w -> warnings.add(List.of(w.get(0).asInt(), w.get(1).asInt())));
      cases.add(
          new Case(
              c.get("id").asText(),
              c.get("moaClass").asText(),
              c.get("moaOptions").asText(),
              c.get("ours").asText(),
              c.get("stream"),
              drifts,
              warnings));
    }
    return cases;
  }

  /** Our configuration named in the fixture's {@code ours}. */
  static ConceptDriftDetector ours(String source) {
    return switch (source) {
      case "Adwin.defaults()" -> Adwin.defaults();
      case "Adwin.builder().increasesOnly(true).build()" ->
          Adwin.builder().increasesOnly(true).build();
      case "Ddm.defaults()" -> Ddm.defaults();
      case "Ddm.builder().minInstances(31).build()" -> Ddm.builder().minInstances(31).build();
      case "Eddm.defaults()" -> Eddm.defaults();
      case "PageHinkley.builder().variant(DetectorVariant.MOA).build()" ->
          PageHinkley.builder().variant(DetectorVariant.MOA).build();
      case "HddmA.defaults()" -> HddmA.defaults();
      case "HddmA.builder().twoSided(false).build()" -> HddmA.builder().twoSided(false).build();
      default ->
          throw new IllegalArgumentException("unknown configuration in the fixture: " + source);
    };
  }

  /** Consecutive indices as [first, last] ranges, the fixture's form of warnings. */
  static List<List<Integer>> ranges(List<Integer> xs) {
    List<List<Integer>> out = new ArrayList<>();
    int i = 0;
    while (i < xs.size()) {
      int j = i;
      while (j + 1 < xs.size() && xs.get(j + 1) == xs.get(j) + 1) {
        j++;
      }
      out.add(List.of(xs.get(i), xs.get(j)));
      i = j + 1;
    }
    return out;
  }
}
