/**
 * The {@code mlops} command line: {@link org.mlops4j.cli.Main} and its subcommands {@code drift},
 * {@code fairness} and {@code runs}, thin shells over {@code org.mlops4j.drift}, {@code
 * org.mlops4j.fairness} and {@code org.mlops4j.core.tracking.LocalTracker}. The only public type is
 * {@link org.mlops4j.cli.Main}; the subcommands are package-private and reached through picocli.
 *
 * <p>Nothing in this package accepts or returns null unless annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.cli;

import org.jspecify.annotations.NullMarked;
