package org.mlops4j.pipeline;

import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
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
    List<String> placed)
    implements DataResult {

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
  @Override
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
   * The verdict in words, for example {@code Pushed 12 objects (3,456 bytes) to s3://b/p; 3 were
   * there already.}
   *
   * @return one sentence
   */
  @Override
  public String verdict() {
    String verb =
        switch (operation) {
          case "push" -> "Pushed";
          case "fetch" -> "Fetched";
          case "pull" -> "Pulled";
          default -> Character.toUpperCase(operation.charAt(0)) + operation.substring(1) + ":";
        };
    String dir = operation.equals("push") ? " to " : " from ";
    return verb
        + " "
        + ResultFiles.count(transferred, "object", "objects")
        + " ("
        + ResultFiles.bytes(bytes)
        + ")"
        + dir
        + remote
        + "; "
        + alreadyPresent
        + (alreadyPresent == 1 ? " was" : " were")
        + " there already."
        + (placed.isEmpty()
            ? ""
            : operation.equals("push")
                ? " " + ResultFiles.count(placed.size(), "item", "items") + " pushed."
                : " " + ResultFiles.count(placed.size(), "path", "paths") + " checked out.");
  }

  /**
   * The transfer as a self-contained page (the report toolkit's {@link Page}): the operation and
   * the remote, the verdict in words ({@link #verdict()}) with the counts, then the paths checked
   * out (or the runs and models pushed).
   *
   * @return the HTML text
   */
  @Override
  public String toHtml() {
    Page.Builder page =
        Page.builder()
            .title("Data " + operation)
            .subtitle(verdict())
            .about("operation", operation)
            .about("remote", remote)
            .section(
                "Verdict",
                Element.callout(Tone.GOOD, "Done", verdict()),
                Element.figures(
                    Figure.of(
                        "transferred",
                        String.valueOf(transferred),
                        "objects and folder manifests",
                        Tone.NEUTRAL),
                    Figure.of("bytes", ResultFiles.bytes(bytes), "copied", Tone.NEUTRAL),
                    Figure.of(
                        "already present",
                        String.valueOf(alreadyPresent),
                        "not sent again",
                        Tone.NEUTRAL)));
    if (!placed.isEmpty()) {
      Table.Builder t =
          Table.builder()
              .caption(operation.equals("push") ? "Pushed" : "Checked out in the workspace")
              .columns(operation.equals("push") ? "run or model" : "path");
      placed.forEach(p -> t.row(p));
      page.section(operation.equals("push") ? "Pushed" : "Checked out", t.build());
    }
    return page.build().toHtml();
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
