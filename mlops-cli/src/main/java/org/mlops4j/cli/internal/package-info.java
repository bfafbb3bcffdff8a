/**
 * Helpers of the {@code mlops} command, not an API: the streaming RFC 4180 reader ({@link
 * org.mlops4j.cli.internal.CsvReader}), columns parsed into primitive arrays ({@link
 * org.mlops4j.cli.internal.CsvTable}), label coding, the decision columns of {@code mlops fairness}
 * and its {@code --fail-if} checks, and output (text tables, the command's own JSON blocks, writes
 * through {@code org.mlops4j.api.internal.AtomicFiles}). Not exported by the module; they may
 * change in any release.
 *
 * <p>Nothing in this package accepts or returns null unless annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.cli.internal;

import org.jspecify.annotations.NullMarked;
