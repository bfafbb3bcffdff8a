package org.mlops4j.pipeline;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * What {@link Data#verify()} or {@link Data#verifyRemote()} found: every object and folder manifest
 * the pointers name, hashed again.
 *
 * @param where the local cache folder or the remote URL
 * @param checked objects and manifests hashed
 * @param bytes their size
 * @param corrupt SHA-256 names whose content does not match, sorted (in the local cache they were
 *     moved to {@code .mlops/cache-quarantine}; on a remote they are left for its owner)
 * @param missing SHA-256 names that are absent, sorted
 * @since 0.1.0
 */
public record DataVerification(
    String where, int checked, long bytes, List<String> corrupt, List<String> missing) {

  /** Copies the lists. */
  public DataVerification {
    Require.nonNull(where, "where");
    corrupt = List.copyOf(Require.nonNull(corrupt, "corrupt"));
    missing = List.copyOf(Require.nonNull(missing, "missing"));
  }

  /**
   * @return whether nothing is corrupt or missing
   */
  public boolean ok() {
    return corrupt.isEmpty() && missing.isEmpty();
  }

  /** A summary line, then {@code corrupt <sha256>} and {@code missing <sha256>} lines. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("verify ")
            .append(where)
            .append(": ")
            .append(checked)
            .append(" checked (")
            .append(bytes)
            .append(" bytes), ")
            .append(corrupt.size())
            .append(" corrupt, ")
            .append(missing.size())
            .append(" missing");
    corrupt.forEach(h -> sb.append("\n  corrupt ").append(h));
    missing.forEach(h -> sb.append("\n  missing ").append(h));
    return sb.toString();
  }
}
