package org.mlops4j.api.internal;

import java.util.regex.Pattern;

/**
 * Validation of names that become paths in a store (param, metric and tag keys, artifact paths) and
 * of ids read from callers, before they touch the file system. The rules are MLflow's (keys match
 * {@code ^[/\w.\- ]*$} with Unicode {@code \w}, at most 250 characters, a normalised relative
 * path), plus: not empty, no backslash, {@code %} or {@code ;} (which the pattern already
 * excludes). Path traversal through such names was the root of CVE-2023-1177, CVE-2023-2356,
 * CVE-2023-2780, CVE-2023-6730, CVE-2023-6831 and CVE-2024-1560 in MLflow.
 */
public final class Names {

  /** MLflow's pattern for param, metric and tag keys. */
  public static final String KEY_REGEX = "^[/\\w.\\- ]*$";

  /** Longest key MLflow accepts. */
  public static final int MAX_KEY_LENGTH = 250;

  private static final Pattern KEY = Pattern.compile(KEY_REGEX, Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern RUN_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,255}$");
  private static final Pattern EXPERIMENT_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,63}$");

  private Names() {}

  /**
   * Checks a key or relative path.
   *
   * @param what what the name is, for the message, e.g. {@code "metric key"}
   * @param name the name
   * @return the name
   * @throws IllegalArgumentException naming {@code what} and the name if it is not valid
   */
  public static String validateKey(String what, String name) {
    if (name == null) {
      throw new NullPointerException(what + " must not be null");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (name.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          what
              + " must be at most "
              + MAX_KEY_LENGTH
              + " characters long, but was "
              + name.length()
              + " characters long: '"
              + name.substring(0, 40)
              + "...'");
    }
    if (!KEY.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " (letters, digits, '_', '-', '.', '/' and space), but was '"
              + name
              + "'");
    }
    if (!isNormalisedRelativePath(name)) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " and be a normalised relative path (no leading '/', no '.' or '..' segment, no"
              + " '//'), but was '"
              + name
              + "'");
    }
    return name;
  }

  /**
   * @return whether the name is a relative POSIX path equal to its normal form: no leading or
   *     trailing {@code /}, no empty, {@code .} or {@code ..} segment
   */
  public static boolean isNormalisedRelativePath(String name) {
    if (name.startsWith("/") || name.endsWith("/")) {
      return false;
    }
    int start = 0;
    while (start <= name.length()) {
      int slash = name.indexOf('/', start);
      int end = slash < 0 ? name.length() : slash;
      String seg = name.substring(start, end);
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return false;
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return true;
  }

  /**
   * @return the run id
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not {@code ^[a-zA-Z0-9][\w\-]{0,255}$} (MLflow's)
   */
  public static String validateRunId(String runId) {
    Require.nonNull(runId, "run id");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "run id must match ^[a-zA-Z0-9][\\w\\-]{0,255}$, but was '" + runId + "'");
    }
    return runId;
  }

  /**
   * @return whether the folder name can be an experiment id ({@code ^[a-zA-Z0-9][\w-]{0,63}$})
   */
  public static boolean isExperimentId(String id) {
    return id != null && EXPERIMENT_ID.matcher(id).matches();
  }

  /**
   * @return whether the folder name can be a run id
   */
  public static boolean isRunId(String id) {
    return id != null && RUN_ID.matcher(id).matches();
  }
}
