package org.mlops4j.pipeline;

/**
 * What {@link Pipeline#push(java.nio.file.Path)} or {@link Pipeline#pull(java.nio.file.Path)}
 * copied.
 *
 * @param copied objects, manifests and run entries copied
 * @param alreadyPresent those the destination already had
 * @param missing those the source did not have
 * @param bytes bytes copied
 * @since 0.1.0
 */
public record CacheTransfer(int copied, int alreadyPresent, int missing, long bytes) {

  @Override
  public String toString() {
    return "copied "
        + copied
        + " ("
        + bytes
        + " bytes), "
        + alreadyPresent
        + " already present, "
        + missing
        + " missing";
  }
}
