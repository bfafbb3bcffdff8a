package org.mlops4j.pipeline.internal;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Named points in the middle of multi-step file operations, where the kill tests stop a process (a
 * child JVM installs a hook that signals and sleeps, the test kills it) to check what a crash at
 * that point leaves behind. Without a hook, {@link #reach(String)} does nothing.
 *
 * <p>Points: {@value #CHECKOUT_STAGED} (every output of a stage prepared in the staging folder,
 * nothing switched yet), {@value #CHECKOUT_SWITCHED} (after each output of a stage was renamed into
 * place), {@value #COPY_WRITTEN} (a copy to another cache written to its temporary name, not yet
 * renamed).
 */
public final class CrashPoints {
  /** Every output of a stage is staged; nothing in the project has changed yet. */
  public static final String CHECKOUT_STAGED = "checkout.staged";

  /** One more output of a stage has been renamed into place. */
  public static final String CHECKOUT_SWITCHED = "checkout.switched";

  /** A copy into another cache is complete under its temporary name. */
  public static final String COPY_WRITTEN = "copy.written";

  private static volatile @Nullable Consumer<String> hook;

  private CrashPoints() {}

  /**
   * @param h called with the name of every point reached, or null for none
   */
  public static void install(@Nullable Consumer<String> h) {
    hook = h;
  }

  /**
   * @param point the point reached
   */
  static void reach(String point) {
    Consumer<String> h = hook;
    if (h != null) {
      h.accept(point);
    }
  }
}
