package org.mlops4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints the version of mlops-cli (from the pom.properties Maven puts in the jar) and of the JVM. */
final class VersionProvider implements IVersionProvider {

  static String version() {
    try (InputStream in = Main.class.getResourceAsStream(
        "/META-INF/maven/org.mlops4j/mlops-cli/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through: running from classes, not from the jar
    }
    return "unknown (not run from the jar)";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "mlops " + version(),
      "JVM: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }
}
