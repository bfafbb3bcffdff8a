/**
 * The machinery under {@link org.mlops4j.pipeline.Pipeline}: content hashes ({@code FileHasher},
 * {@code Digest}, {@code Digester}), the hash records ({@code StateStore}), the content-addressed
 * cache ({@code ObjectCache}), the lock file and run-cache entries ({@code LockFile}), a stage's
 * sandbox ({@code OutputSandbox}) and the check for files written outside it ({@code
 * ProjectSnapshot}), putting a stage's outputs in place as one set ({@code Checkout}), the checks
 * of paths read from data and of the folders files are placed through ({@code SafePaths}), and the
 * points where the kill tests stop a process ({@code CrashPoints}). Not exported by the module; not
 * an API, may change in any release.
 *
 * <p>Arguments and results are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.mlops4j.pipeline.internal;

import org.jspecify.annotations.NullMarked;
