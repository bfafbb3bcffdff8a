package org.mlops4j.report;

import java.util.Locale;

/**
 * How a block of a page reads at a glance: a verdict, a warning, a group left out. Each tone has a
 * colour and a sign ({@code ✔ ⚠ ✖}) or a grey, so that it survives a greyscale print.
 *
 * @since 0.1.0
 */
public enum Tone {
  /** Information; no judgement. */
  NEUTRAL,
  /** A check that passed. */
  GOOD,
  /** Something to look at: a small group, an undefined value. */
  WARNING,
  /** A check that failed. */
  BAD,
  /** Shown for completeness but not judged (for example a group that is too small). */
  MUTED;

  /** The CSS class of the tone, {@code tone-good} and so on. */
  String cssClass() {
    return "tone-" + name().toLowerCase(Locale.ROOT);
  }

  /** The sign shown before a callout's title. */
  String sign() {
    return switch (this) {
      case GOOD -> "✔";
      case WARNING -> "⚠";
      case BAD -> "✖";
      case NEUTRAL -> "ℹ";
      case MUTED -> "–";
    };
  }
}
