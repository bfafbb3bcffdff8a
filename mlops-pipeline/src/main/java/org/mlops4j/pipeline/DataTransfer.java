package org.mlops4j.pipeline;

import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;

/**
 * What {@link Data#push()}, {@link Data#fetch()} or {@link Data#pull()} did.
 *
 * @param operation {@code push}, {@code fetch} or {@code pull}
 * @param remote the remote's URL
 * @param transferred objects and folder manifests copied
 * @param alreadyPresent those the destination had already
 * @param bytes bytes copied
 * @param placed for a pull or a checkout, the data paths checked out in the workspace (relative to
 *     the root); for {@link TrackingRemote}, the runs and models ({@code run <id>}, {@code model
 *     <name>}) pushed, or written into the store by a pull
 * @since 0.1.0
 */
public record DataTransfer(
    String operation,
    String remote,
    int transferred,
    int alreadyPresent,
    long bytes,
    List<String> placed) {

  /** Copies the list. */
  public DataTransfer {
    Require.nonNull(operation, "operation");
    Require.nonNull(remote, "remote");
    placed = List.copyOf(Require.nonNull(placed, "placed"));
  }

  /**
   * The transfer as JSON: the header ({@code format} {@code mlops4j.data-transfer}, {@code
   * formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code
   * operation}, {@code remote}, {@code transferred}, {@code alreadyPresent}, {@code bytes}, {@code
   * placed}.
   *
   * @return the JSON text
   */
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.data-transfer", 1);
    doc.put("operation", operation);
    doc.put("remote", remote);
    doc.put("transferred", transferred);
    doc.put("alreadyPresent", alreadyPresent);
    doc.put("bytes", bytes);
    doc.put("placed", placed);
    return Json.write(doc);
  }

  /**
   * One line: {@code push s3://b/p: 12 objects (3456 bytes) transferred, 3 already present}, then
   * {@code ; checked out <paths>} (or {@code ; pushed <runs and models>} for a push of tracking).
   */
  @Override
  public String toString() {
    return operation
        + " "
        + remote
        + ": "
        + transferred
        + " objects ("
        + bytes
        + " bytes) transferred, "
        + alreadyPresent
        + " already present"
        + (placed.isEmpty()
            ? ""
            : (operation.equals("push") ? "; pushed " : "; checked out ")
                + String.join(", ", placed));
  }
}
