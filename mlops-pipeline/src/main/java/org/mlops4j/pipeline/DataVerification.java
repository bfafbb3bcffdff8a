package org.mlops4j.pipeline;

import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

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

  /**
   * The verification as JSON: the header ({@code format} {@code mlops4j.data-verification}, {@code
   * formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code
   * where}, {@code ok}, {@code checked}, {@code bytes}, {@code corrupt}, {@code missing}.
   *
   * @return the JSON text
   */
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-verification", 1);
    doc.put("where", where);
    doc.put("ok", ok());
    doc.put("checked", checked);
    doc.put("bytes", bytes);
    doc.put("corrupt", corrupt);
    doc.put("missing", missing);
    return Json.write(doc);
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
