package org.mlops4j.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * What {@link Pipeline#verify()} found in the local cache.
 *
 * @param checked objects and directory manifests hashed again
 * @param bytes their total size
 * @param corrupt the SHA-256 names of the objects and manifests that did not match their content
 *     (or were not regular files, or were manifests naming paths outside their folder), sorted;
 *     they were moved to {@link #quarantine()}
 * @param missing the SHA-256 names of the objects and manifests that the lock, the kept earlier
 *     locks, the run-cache entries or a manifest name but that the cache lacked (not counting those
 *     just found corrupt), sorted; the next run that needs one runs the stage's work again
 * @param quarantine the folder corrupt objects were moved to, {@code .mlops/cache-quarantine}
 * @since 0.1.0
 */
public record VerifyResult(
    int checked, long bytes, List<String> corrupt, List<String> missing, Path quarantine) {

  /** Copies the lists; checks that nothing is null. */
  public VerifyResult {
    corrupt = List.copyOf(Require.nonNull(corrupt, "corrupt"));
    missing = List.copyOf(Require.nonNull(missing, "missing"));
    Require.nonNull(quarantine, "quarantine");
  }

  /**
   * @return whether nothing is corrupt or missing
   */
  public boolean ok() {
    return corrupt.isEmpty() && missing.isEmpty();
  }

  /**
   * A summary line, then one line per corrupt or missing object: {@code verify: 12 checked (3456
   * bytes), 1 corrupt, 2 missing; corrupt objects moved to <folder>}, {@code corrupt <sha256>},
   * {@code missing <sha256>}.
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("verify: ")
            .append(checked)
            .append(" checked (")
            .append(bytes)
            .append(" bytes), ")
            .append(corrupt.size())
            .append(" corrupt, ")
            .append(missing.size())
            .append(" missing");
    if (!corrupt.isEmpty()) {
      sb.append("; corrupt objects moved to ").append(quarantine);
    }
    corrupt.forEach(h -> sb.append("\n  corrupt ").append(h));
    missing.forEach(h -> sb.append("\n  missing ").append(h));
    return sb.toString();
  }
}
