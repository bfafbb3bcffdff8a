package org.mlops4j.pipeline;

/**
 * What {@link Pipeline#gc(int)} removed from the cache.
 *
 * @param objectsRemoved objects and directory manifests deleted, and what the quarantine held
 * @param bytesFreed their total size
 * @param objectsKept objects and manifests still referenced
 * @param locksRemoved old lock files deleted from {@code .mlops/locks/}
 * @param temporariesRemoved temporary files and folders that killed processes left in the project
 *     root and in {@code .mlops}, deleted
 * @since 0.1.0
 */
public record GcResult(
    int objectsRemoved,
    long bytesFreed,
    int objectsKept,
    int locksRemoved,
    int temporariesRemoved) {

  @Override
  public String toString() {
    return "gc: removed "
        + objectsRemoved
        + " objects ("
        + bytesFreed
        + " bytes), kept "
        + objectsKept
        + ", removed "
        + locksRemoved
        + " old locks and "
        + temporariesRemoved
        + " stale temporary files";
  }
}
