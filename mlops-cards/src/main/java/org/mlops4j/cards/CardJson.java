package org.mlops4j.cards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.report.internal.Json;

/**
 * Writes a card as Model Card Toolkit JSON, schema v0.0.2 (a format of another tool: its own shape,
 * no mlops4j header). Numbers are strings, as the schema wants them.
 */
final class CardJson {

  private CardJson() {}

  static String write(ModelCard c) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema_version", ModelCard.MCT_SCHEMA_VERSION);
    root.put("model_details", details(c));
    root.put("model_parameters", parameters(c));
    root.put("quantitative_analysis", Map.of("performance_metrics", metrics(c)));
    root.put("considerations", considerations(c));
    return Json.write(root) + "\n";
  }

  private static Map<String, Object> details(ModelCard c) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", c.name);
    if (!c.overview.isEmpty()) {
      d.put("overview", c.overview);
    }
    d.put("documentation", CardMarkdown.documentation(c));
    List<Object> owners = new ArrayList<>();
    c.owners.forEach(o -> owners.add(Map.of("name", o)));
    d.put("owners", owners);
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("name", c.version);
    if (c.date != null) {
      version.put("date", c.date.toString());
    }
    d.put("version", version);
    List<Object> licenses = new ArrayList<>();
    if (!c.license.isEmpty()) {
      licenses.add(
          CardMarkdown.spdxLike(c.license)
              ? Map.of("identifier", c.license)
              : Map.of("custom_text", c.license));
    }
    d.put("licenses", licenses);
    List<Object> refs = new ArrayList<>();
    for (String r : c.references) {
      if (isUri(r)) {
        refs.add(Map.of("reference", r));
      }
    }
    d.put("references", refs);
    List<Object> citations = new ArrayList<>();
    if (!c.citation.isEmpty()) {
      citations.add(Map.of("citation", c.citation));
    }
    d.put("citations", citations);
    return d;
  }

  /** An absolute URI with a scheme and no spaces (the schema's {@code format: uri}). */
  static boolean isUri(String s) {
    try {
      URI u = new URI(s);
      return u.isAbsolute() && u.getScheme().matches("[a-zA-Z][a-zA-Z0-9+.-]*");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Map<String, Object> parameters(ModelCard c) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (!c.modelType.isEmpty()) {
      p.put("model_architecture", c.modelType);
    }
    List<Object> data = new ArrayList<>();
    if (c.trainingData != null) {
      data.add(dataset(c.trainingData));
    }
    if (c.evaluationData != null) {
      data.add(dataset(c.evaluationData));
    }
    p.put("data", data);
    return p;
  }

  private static Map<String, Object> dataset(CardDataset d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    StringBuilder sb = new StringBuilder(d.description());
    d.rows().ifPresent(n -> sb.append(sb.length() == 0 ? "" : "\n").append(n).append(" rows"));
    d.hashes()
        .forEach(
            (k, v) ->
                sb.append(sb.length() == 0 ? "" : "\n").append(k).append(" sha256 ").append(v));
    if (sb.length() > 0) {
      m.put("description", sb.toString());
    }
    return m;
  }

  private static List<Object> metrics(ModelCard c) {
    List<Object> out = new ArrayList<>();
    c.performance.forEach(
        (k, v) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("type", k);
          m.put("value", num(v));
          out.add(m);
        });
    for (List<QuantitativeResult> list : List.of(c.analyses, c.criteria)) {
      for (QuantitativeResult r : list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.metric());
        m.put(
            "value",
            r.defined()
                ? num(r.value())
                : "undefined" + (r.flag().isEmpty() ? "" : ": " + r.flag()));
        m.put("slice", r.sliceLabel());
        if (r.hasInterval()) {
          Map<String, Object> ci = new LinkedHashMap<>();
          ci.put("lower_bound", num(r.lower()));
          ci.put("upper_bound", num(r.upper()));
          m.put("confidence_interval", ci);
        }
        out.add(m);
      }
    }
    // the slices where the model errs most: their value and interval; the rest, difference and
    // adjusted p-value (no field in the schema) are in model_details.documentation
    for (CardSlice x : c.slices) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", x.measure());
      m.put("value", num(x.value()));
      m.put("slice", x.name());
      if (!Double.isNaN(x.lower())) {
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("lower_bound", num(x.lower()));
        ci.put("upper_bound", num(x.upper()));
        m.put("confidence_interval", ci);
      }
      out.add(m);
    }
    return out;
  }

  /** Six significant digits, no trailing zeros, no exponent: {@code 0.5625}, {@code 0.91}. */
  static String num(double v) {
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static Map<String, Object> considerations(ModelCard c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("users", descriptions(c.primaryUsers, ""));
    m.put("use_cases", descriptions(c.primaryUses, ""));
    List<Object> limits = new ArrayList<>();
    limits.addAll(descriptions(c.outOfScopeUses, "Out of scope: "));
    limits.addAll(descriptions(c.caveats, ""));
    limits.addAll(descriptions(c.recommendations, "Recommendation: "));
    m.put("limitations", limits);
    m.put("tradeoffs", List.of());
    List<Object> risks = new ArrayList<>();
    for (CardRisk r : c.ethicalConsiderations) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", r.name());
      o.put("mitigation_strategy", r.mitigation());
      risks.add(o);
    }
    m.put("ethical_considerations", risks);
    return m;
  }

  private static List<Object> descriptions(List<String> items, String prefix) {
    List<Object> out = new ArrayList<>();
    items.forEach(i -> out.add(Map.of("description", prefix + i)));
    return out;
  }
}
