package org.mlops4j.pipeline;

/**
 * How the data in the workspace stands against its pointer ({@link Data#status()}).
 *
 * @since 0.1.0
 */
public enum DataState {
  /** The data matches the pointer's hash. */
  UNCHANGED,
  /** The data differs from the pointer's hash: {@link Data#add} it again, or check it out. */
  MODIFIED,
  /** Nothing is at the data's path: {@link Data#checkout()} or {@link Data#pull()} it. */
  MISSING
}
