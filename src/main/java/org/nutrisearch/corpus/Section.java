package org.nutrisearch.corpus;

/**
 * A run of body text under its heading.
 *
 * @param heading        the heading line, or null for the lead paragraph(s) before the first heading
 * @param parentHeading  a heading that stood directly above this one with no text of its own, or null
 * @param text           the body, paragraphs joined by blank lines ("\n\n"), bullets as their own lines
 */
public record Section(String heading, String parentHeading, String text) {

    /** The heading a reader should see: "Parent › Heading" when there is a parent. */
    public String displayHeading() {
        if (parentHeading == null) {
            return heading;
        }
        return heading == null ? parentHeading : parentHeading + " › " + heading;
    }
}
