/**
 * Reproducible pipelines, in process: a graph of {@link org.mlops4j.pipeline.Stage}s declared in
 * Java, run by {@link org.mlops4j.pipeline.Pipeline#run()} so that only the stages whose inputs,
 * params, code version or outputs changed do work; outputs in a content-addressed cache; a lock
 * file {@code mlops.lock} recording the hashes and the provenance of every result. The ideas (run
 * cache, state database, lock file, directory manifests) are those of DVC.
 *
 * <p>Project layout: {@code mlops.lock} at the root; {@code .mlops/cache/ab/cdef...} (objects),
 * {@code .mlops/runs/} (run cache), {@code .mlops/locks/} (lock history), {@code .mlops/state.bin}
 * (known hashes), {@code .mlops/tmp/} (sandboxes), {@code .mlops/run.lock} (held while a run is in
 * progress). Which of these files are forced to the device is said in {@link
 * org.mlops4j.pipeline.Pipeline}.
 *
 * <p>Arguments and results are non-null unless annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.pipeline;

import org.jspecify.annotations.NullMarked;
