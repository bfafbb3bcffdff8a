package org.mlops4j.cards;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * The three forms of a model card, each with its stable key (the CLI's {@code --format}) and file
 * extension.
 *
 * @since 0.1.0
 */
public enum CardFormat {
  /** Model Card Toolkit JSON, schema v0.0.2: key {@code json}, file {@code model-card.json}. */
  JSON("json", "json"),
  /**
   * Hugging Face model card: YAML front matter with {@code model-index}, then the sections in
   * Markdown: key {@code md}, file {@code model-card.md}.
   */
  MARKDOWN("md", "md"),
  /** One self-contained HTML page: key {@code html}, file {@code model-card.html}. */
  HTML("html", "html");

  private final String key;
  private final String extension;

  CardFormat(String key, String extension) {
    this.key = key;
    this.extension = extension;
  }

  /**
   * @return the stable key: {@code json}, {@code md} or {@code html}
   */
  public String key() {
    return key;
  }

  /**
   * @return the file name a card of this form is logged under, e.g. {@code model-card.md}
   */
  public String fileName() {
    return "model-card." + extension;
  }

  /**
   * @param key {@code json}, {@code md} (or {@code markdown}) or {@code html}, any case
   * @return the format
   * @throws IllegalArgumentException naming the value if no format has this key
   */
  public static CardFormat fromKey(String key) {
    Require.nonNull(key, "key");
    String k = key.toLowerCase(Locale.ROOT);
    for (CardFormat f : values()) {
      if (f.key.equals(k)) {
        return f;
      }
    }
    if (k.equals("markdown")) {
      return MARKDOWN;
    }
    throw new IllegalArgumentException(
        Require.mustBe("format", "one of json, md, html", "'" + key + "'"));
  }

  /**
   * @param fileName a file name
   * @return the format its extension names: {@code .json}, {@code .md}, {@code .html} (or {@code
   *     .htm})
   * @throws IllegalArgumentException if the extension is none of these
   */
  public static CardFormat fromFileName(String fileName) {
    Require.nonNull(fileName, "fileName");
    String f = fileName.toLowerCase(Locale.ROOT);
    if (f.endsWith(".json")) {
      return JSON;
    }
    if (f.endsWith(".md")) {
      return MARKDOWN;
    }
    if (f.endsWith(".html") || f.endsWith(".htm")) {
      return HTML;
    }
    throw new IllegalArgumentException(
        Require.mustBe("file", "a name ending in .json, .md or .html", "'" + fileName + "'"));
  }
}
