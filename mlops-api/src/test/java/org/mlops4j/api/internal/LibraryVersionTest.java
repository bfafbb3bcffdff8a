package org.mlops4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LibraryVersionTest {

  /**
   * The project's version: {@code -Dmlops.project.version=...} when given, else the parent version
   * in this module's pom.xml (the working folder of a Maven test run), else null.
   */
  private static String projectVersion() throws IOException {
    String property = System.getProperty("mlops.project.version");
    if (property != null) {
      return property;
    }
    Path pom = Path.of("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return null;
    }
    String xml = Files.readString(pom, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(xml);
    return xml.contains("<artifactId>mlops-api</artifactId>") && m.find()
        ? m.group(1).trim()
        : null;
  }

  private static String rawResource() throws IOException {
    try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void get_isTheFilteredProjectVersion() throws IOException {
    String raw = rawResource();
    String version = LibraryVersion.get();
    if (raw == null || raw.contains("${")) {
      // run from an IDE without Maven's resource filtering
      assertThat(version).isEqualTo("unknown");
      return;
    }
    // built by Maven: the resource was filtered
    assertThat(version).isNotEqualTo("unknown").matches("\\d+\\.\\d+\\.\\d+([-.][0-9A-Za-z.-]+)?");
    assertThat(raw.trim()).isEqualTo("version=" + version);
    String expected = projectVersion();
    if (expected != null) {
      assertThat(version).isEqualTo(expected);
    }
  }

  @Test
  void get_isReadOnce() {
    assertThat(LibraryVersion.get()).isSameAs(LibraryVersion.get());
  }
}
