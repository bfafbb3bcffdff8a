package org.mlops4j.report;

/**
 * Anything that can put itself on a {@link Page} as one {@link Section}: a result of mlops4j (a
 * fairness report; a drift report), or a section of the user's own. Several results share one page:
 *
 * <pre>{@code
 * Page page = Page.builder()
 *     .title("Credit model, release 7")
 *     .about("model", "gbm-2024-06").about("data", "applications, June")
 *     .add(fairnessReport)                      // its verdict, charts and tables
 *     .section("Our notes", Element.paragraph("Signed off by the review board."))
 *     .build();
 * page.save(Path.of("review.html"));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PageContent {

  /**
   * @return this content as one section, whose subsections become the page's next heading level
   */
  Section toSection();
}
