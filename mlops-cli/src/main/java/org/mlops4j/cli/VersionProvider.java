package org.mlops4j.cli;

import org.mlops4j.api.internal.LibraryVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * Prints the version of mlops (the library's, {@link LibraryVersion}) and of the JVM and OS it runs
 * on.
 */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "mlops " + LibraryVersion.get(),
      "JVM: "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vendor")
          + "), "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.arch")
    };
  }
}
