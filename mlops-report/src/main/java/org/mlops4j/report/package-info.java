/**
 * Rendering of results for people: a composable, self-contained HTML page and the blocks it is made
 * of. {@link org.mlops4j.report.Page} (built by {@link org.mlops4j.report.Page#builder()}) holds a
 * title, a "what this is about" block (inputs, rows, settings, time) and {@link
 * org.mlops4j.report.Section sections} of {@link org.mlops4j.report.Element elements}: paragraphs,
 * callouts, headline {@link org.mlops4j.report.Figure figures}, key-value lists, {@link
 * org.mlops4j.report.Table tables} (numbers aligned, long tables folded) and inline SVG charts
 * ({@link org.mlops4j.report.BarChart} with intervals and a reference line, {@link
 * org.mlops4j.report.Histogram}, {@link org.mlops4j.report.CalibrationChart}, {@link
 * org.mlops4j.report.LineChart}) with nice ticks, labelled axes, legends, values on hover and
 * styles that survive a greyscale print. A result that implements {@link
 * org.mlops4j.report.PageContent} (a fairness report, for one) puts its sections on a user's page
 * next to others.
 *
 * <p>Everything is inline: CSS with a print stylesheet, SVG, no script and nothing from the
 * network; every text is escaped by {@link org.mlops4j.report.Html#escape(String)}. The JSON
 * convention every report follows is described in {@code docs/CONVENTIONS.md}; its implementation
 * is internal.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.report;

import org.jspecify.annotations.NullMarked;
