/**
 * Helpers of the {@code mlops} command, not an API: the streaming RFC 4180 reader ({@link
 * org.mlops4j.cli.internal.CsvReader}), columns parsed into primitive arrays ({@link
 * org.mlops4j.cli.internal.CsvTable}), label coding and output (JSON, tables, atomic file writes).
 * They may change in any release.
 *
 * <p>Nothing in this package accepts or returns null unless documented.
 *
 * @since 0.1.0
 */
package org.mlops4j.cli.internal;
