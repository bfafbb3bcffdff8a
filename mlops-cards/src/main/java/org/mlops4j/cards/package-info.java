/**
 * mlops4j cards: model cards (Mitchell et al., 2018, "Model Cards for Model Reporting") generated
 * from a registry version and the records linked to it, as Model Card Toolkit JSON, Hugging Face
 * Markdown and one HTML page.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.cards;

import org.jspecify.annotations.NullMarked;
