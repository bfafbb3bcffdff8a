package org.mlops4j.fairness;

/**
 * Whether a group is judged by the disparity criteria.
 *
 * @since 0.1.0
 */
public enum GroupStatus {
  /** The group has at least the minimum number of rows and takes part in disparities. */
  OK,
  /**
   * The group has fewer rows than the minimum group size (default 30): its rates are reported with
   * their (wide) intervals, but it is left out of every disparity and assertion.
   */
  TOO_SMALL
}
