package org.mlops4j.pipeline;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * What {@link Data#push()}, {@link Data#fetch()} or {@link Data#pull()} did.
 *
 * @param operation {@code push}, {@code fetch} or {@code pull}
 * @param remote the remote's URL
 * @param transferred objects and folder manifests copied
 * @param alreadyPresent those the destination had already
 * @param bytes bytes copied
 * @param placed for a pull, the data paths checked out in the workspace (relative to the root)
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

  /** One line: {@code push s3://b/p: 12 objects (3456 bytes) transferred, 3 already present}. */
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
        + (placed.isEmpty() ? "" : "; checked out " + String.join(", ", placed));
  }
}
