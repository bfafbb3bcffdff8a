/**
 * The {@code mlops} command line: {@link org.mlops4j.cli.Main} and its subcommands {@code drift},
 * {@code fairness}, {@code slices}, {@code runs}, {@code registry}, {@code data} and {@code card},
 * thin shells over {@code org.mlops4j.drift}, {@code org.mlops4j.fairness}, {@code
 * org.mlops4j.slices}, {@code org.mlops4j.core.tracking.LocalTracker}, {@code
 * org.mlops4j.registry}, {@code org.mlops4j.pipeline.Data} and {@code org.mlops4j.cards}. The only
 * public type is {@link org.mlops4j.cli.Main}; the subcommands are package-private and reached
 * through picocli.
 *
 * <p>Nothing in this package accepts or returns null unless annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.cli;

import org.jspecify.annotations.NullMarked;
