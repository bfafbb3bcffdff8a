package org.mlops4j.pipeline;

/**
 * What {@link Pipeline#gc(int)} removed from the cache.
 *
 * @param objectsRemoved objects and directory manifests deleted
 * @param bytesFreed their total size
 * @param objectsKept objects and manifests still referenced
 * @param locksRemoved old lock files deleted from {@code .mlops/locks/}
 * @since 0.1.0
 */
public record GcResult(int objectsRemoved, long bytesFreed, int objectsKept, int locksRemoved) {

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
        + " old locks";
  }
}
