package org.mlops4j.registry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * One line of a model's append-only audit log ({@code models/<name>/mlops4j-audit.jsonl}, one JSON
 * object per line: {@code time}, {@code user}, {@code action}, {@code version}, {@code from},
 * {@code to}, {@code reason}, {@code outcome}, {@code gates}).
 *
 * @param time when
 * @param user who
 * @param action what: {@code register_model}, {@code register_version}, {@code set_alias}, {@code
 *     delete_alias}, {@code transition_stage}, {@code promote}, {@code attach_artifact} (to: the
 *     path and {@code sha256:<hex>} of the attached file)
 * @param version the version concerned, 0 for the model itself
 * @param from what was there before (a stage, the version an alias pointed at), or ""
 * @param to what is there after, or ""
 * @param reason why, as the caller said, or ""
 * @param outcome {@code done}, {@code passed} or {@code refused}; {@code recovered} for a line
 *     appended on opening the registry, from the version's own record, when the process that
 *     registered the version or attached the file died before writing it
 * @param gates for a promotion, each gate's kind, rule, passed, measured and detail
 * @since 0.1.0
 */
public record AuditEntry(
    Instant time,
    String user,
    String action,
    int version,
    String from,
    String to,
    String reason,
    String outcome,
    List<Map<String, Object>> gates) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a part is null
   */
  public AuditEntry {
    Require.nonNull(time, "time");
    Require.nonNull(user, "user");
    Require.nonNull(action, "action");
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    Require.nonNull(reason, "reason");
    Require.nonNull(outcome, "outcome");
    gates = List.copyOf(Require.nonNull(gates, "gates"));
  }

  /**
   * @param entries audit entries
   * @return a readable table of them
   */
  public static String table(List<AuditEntry> entries) {
    TextTable t =
        new TextTable("time", "user", "action", "version", "from", "to", "outcome", "reason");
    for (AuditEntry e : entries) {
      t.row(
          Json.timestamp(e.time()),
          e.user(),
          e.action(),
          e.version() == 0 ? "" : e.version(),
          e.from(),
          e.to(),
          e.outcome() + (e.gates().isEmpty() ? "" : " (" + e.gates().size() + " gates)"),
          e.reason());
    }
    return t.toString();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s %s v%d %s -> %s: %s%s",
        Json.timestamp(time),
        user,
        action,
        version,
        from,
        to,
        outcome,
        reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
