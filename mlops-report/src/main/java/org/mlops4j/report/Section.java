package org.mlops4j.report;

import static org.mlops4j.report.Html.escape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlops4j.api.internal.Require;

/**
 * A heading and the blocks below it. Sections nest: a section among the elements of another is its
 * subsection, one heading level down ({@code <h2>}, {@code <h3>}, {@code <h4>}), so a result's
 * section keeps its own structure on a user's page. Immutable.
 *
 * @since 0.1.0
 */
public final class Section implements Element, PageContent {
  private final String heading;
  private final List<Element> elements;

  private Section(String heading, List<Element> elements) {
    this.heading = heading;
    this.elements = elements;
  }

  /**
   * @param heading the heading
   * @param elements the blocks, in order
   * @return the section
   * @throws NullPointerException if heading or an element is null
   */
  public static Section of(String heading, Element... elements) {
    return of(heading, List.of(Require.noNulls(elements, "elements")));
  }

  /**
   * @param heading the heading
   * @param elements the blocks, in order
   * @return the section
   * @throws NullPointerException if heading, the list or an element is null
   */
  public static Section of(String heading, List<? extends Element> elements) {
    Require.nonNull(heading, "heading");
    return new Section(heading, List.copyOf(Require.nonNull(elements, "elements")));
  }

  /**
   * @return the heading
   */
  public String heading() {
    return heading;
  }

  /**
   * @return the blocks, in order
   */
  public List<Element> elements() {
    return elements;
  }

  /**
   * @param more blocks to add at the end
   * @return a new section with the same heading and these blocks after this one's
   */
  public Section with(Element... more) {
    List<Element> all = new ArrayList<>(elements);
    all.addAll(List.of(Require.noNulls(more, "more")));
    return new Section(heading, List.copyOf(all));
  }

  /**
   * @return this section
   */
  @Override
  public Section toSection() {
    return this;
  }

  /**
   * @return the section with an {@code <h2>} heading
   */
  @Override
  public String toHtml() {
    StringBuilder out = new StringBuilder();
    render(out, 2, new HashSet<>());
    return out.toString();
  }

  /**
   * Writes the section with a heading of the given level (2 to 6), its id unique among ids.
   *
   * @return the section's id
   */
  String render(StringBuilder out, int level, Set<String> ids) {
    int h = Math.min(level, 6);
    String id = id(heading, ids);
    out.append("<section id=\"")
        .append(escape(id))
        .append("\" class=\"level")
        .append(h)
        .append("\"><h")
        .append(h)
        .append('>')
        .append(escape(heading))
        .append("</h")
        .append(h)
        .append(">\n");
    for (Element e : elements) {
      if (e instanceof Section s) {
        s.render(out, level + 1, ids);
      } else {
        out.append(e.toHtml());
      }
    }
    out.append("</section>\n");
    return id;
  }

  /** A unique id from the heading: lower case letters and digits, others as dashes. */
  static String id(String heading, Set<String> ids) {
    String slug =
        heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "section";
    }
    String id = slug;
    for (int i = 2; !ids.add(id); i++) {
      id = slug + "-" + i;
    }
    return id;
  }
}
