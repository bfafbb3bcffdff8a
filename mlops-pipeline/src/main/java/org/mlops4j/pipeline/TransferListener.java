package org.mlops4j.pipeline;

/**
 * Receives the progress of a data transfer ({@link Data#push()}, {@link Data#pull()}, {@link
 * Data#fetch()}) and of a remote verification: first the totals, then one call per object done,
 * from the transfer threads (several at once: implementations must be thread-safe). Every method
 * does nothing by default.
 *
 * <pre>{@code
 * TransferListener l = new TransferListener() {
 *   public void planned(String op, int objects, long bytes) { System.out.println(op + " " + objects); }
 *   public void transferred(String hash, long bytes) { System.out.print('.'); }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public interface TransferListener {

  /** A listener that ignores everything. */
  TransferListener NONE = new TransferListener() {};

  /**
   * The objects to transfer are known (those the destination already has are not counted).
   *
   * @param operation {@code push}, {@code fetch} or {@code verify}
   * @param objects how many objects and manifests will be transferred
   * @param bytes their total size in bytes (for a download, as the pointers and manifests record)
   */
  default void planned(String operation, int objects, long bytes) {}

  /**
   * One object or manifest was transferred and checked.
   *
   * @param hash its SHA-256
   * @param bytes its size in bytes
   */
  default void transferred(String hash, long bytes) {}

  /**
   * One object or manifest could not be transferred; the transfer goes on with the others and fails
   * at the end.
   *
   * @param hash its SHA-256
   * @param problem what went wrong
   */
  default void failed(String hash, String problem) {}
}
