package org.mlops4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExamplePagesTest {

  /**
   * Writes the example page to the folder named by the system property {@code mlops.examples} (the
   * screenshot script sets it); without the property it only checks the page is made.
   */
  @Test
  void toolkitPage_isWrittenWhereTheScreenshotScriptAsks() {
    Page page = ExamplePages.toolkit();
    assertThat(page.toHtml()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
    String dir = System.getProperty("mlops.examples");
    if (dir != null && !dir.isBlank()) {
      page.save(Path.of(dir, "toolkit.html"));
    }
  }
}
