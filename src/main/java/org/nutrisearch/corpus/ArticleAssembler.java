package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks an article's {@link Element}s once and sorts them into the parts of an {@link Article}:
 * lead and sections, summary, key points, FAQ entries, tables, references and disclaimer.
 * One instance per article (it holds the walk's state).
 */
final class ArticleAssembler {

    /** The parts of an article, all but its identity and title. */
    record Parts(String summary, List<String> keyPoints, List<Section> sections, List<FaqEntry> faqs,
                 List<Table> tables, String disclaimer) {
    }

    private enum Region { BODY, SUMMARY, KEY_POINTS, FAQ, REFERENCES, DISCLAIMER }

    private static final String PARAGRAPH_BREAK = "\n\n";
    private static final String FAQ_HEADING = "Frequently Asked Questions";

    private final List<Section> sections = new ArrayList<>();
    private final List<FaqEntry> faqs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<String> keyPoints = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> disclaimer = new ArrayList<>();

    private Region region = Region.BODY;

    // The section being filled: the lead paragraph(s) have no heading.
    private String heading;
    private String parentHeading;
    private final List<String> paragraphs = new ArrayList<>();
    private boolean headingHasTable;

    // The FAQ entry being filled.
    private boolean entryOpen;
    private String question;
    private final List<String> answer = new ArrayList<>();

    Parts assemble(List<Element> elements) {
        int implicitFaq = implicitFaqStart(elements);
        for (int i = 0; i < elements.size(); i++) {
            if (i == implicitFaq && region == Region.BODY) {
                closeRegion();
                region = Region.FAQ;
            }
            switch (elements.get(i)) {
                case Element.Marker m -> {
                    closeRegion();
                    region = regionOf(m.kind());
                }
                case Element.Heading h -> heading(h);
                case Element.Paragraph p -> paragraph(p);
                case Element.TableBlock t -> table(t);
            }
        }
        closeRegion();
        return new Parts(summary.isEmpty() ? null : String.join(PARAGRAPH_BREAK, summary), keyPoints, sections,
                faqs, tables, disclaimer.isEmpty() ? null : String.join(PARAGRAPH_BREAK, disclaimer));
    }

    /**
     * Where an FAQ without a marker starts: the first question heading from which on, up to the
     * references/disclaimer or the end, every heading is a question or stands right under one (the start
     * of its answer), with at least two questions. -1 when there is none.
     */
    static int implicitFaqStart(List<Element> elements) {
        int segmentEnd = elements.size();
        int found = -1;
        // Segments between markers, last to first; keep the earliest segment that qualifies.
        for (int i = elements.size() - 1; i >= -1; i--) {
            if (i >= 0 && !(elements.get(i) instanceof Element.Marker)) {
                continue;
            }
            boolean endsWell = segmentEnd == elements.size()
                    || elements.get(segmentEnd) instanceof Element.Marker m
                    && (m.kind() == PageChrome.Marker.REFERENCES || m.kind() == PageChrome.Marker.DISCLAIMER);
            if (endsWell) {
                int start = questionBlockStart(elements, i + 1, segmentEnd);
                if (start >= 0) {
                    found = start;
                }
            }
            segmentEnd = i;
        }
        return found;
    }

    private static int questionBlockStart(List<Element> elements, int from, int to) {
        int start = -1;
        int questions = 0;
        for (int i = to - 1; i >= from; i--) {
            if (elements.get(i) instanceof Element.Heading h) {
                if (h.question()) {
                    start = i;
                    questions++;
                } else if (!(i > from && elements.get(i - 1) instanceof Element.Heading above && above.question())) {
                    break;
                }
            }
        }
        return questions >= 2 ? start : -1;
    }

    private static Region regionOf(PageChrome.Marker marker) {
        return switch (marker) {
            case SUMMARY -> Region.SUMMARY;
            case KEY_POINTS -> Region.KEY_POINTS;
            case FAQ -> Region.FAQ;
            case REFERENCES -> Region.REFERENCES;
            case DISCLAIMER -> Region.DISCLAIMER;
        };
    }

    private void heading(Element.Heading h) {
        switch (region) {
            case DISCLAIMER -> {
                disclaimer.add(h.text());
                return;
            }
            case FAQ -> {
                if (h.question()) {
                    closeEntry();
                    entryOpen = true;
                    question = h.text();
                    return;
                }
                if (entryOpen && question != null && answer.isEmpty()) {
                    // A sub-heading right under a question opens its answer.
                    answer.add(h.text());
                    return;
                }
            }
            default -> {
            }
        }
        if (region != Region.BODY) {
            closeRegion();
            region = Region.BODY;
        }
        startSection(h.text());
    }

    private void paragraph(Element.Paragraph p) {
        switch (region) {
            case BODY -> paragraphs.add(p.text());
            case SUMMARY -> summary.add(p.text());
            case KEY_POINTS -> p.lines().forEach(line -> keyPoints.add(LineShapes.stripBullet(line)));
            case FAQ -> faqParagraph(p);
            case REFERENCES -> references.add(p.text());
            case DISCLAIMER -> disclaimer.add(p.text());
        }
    }

    /** With questions, paragraphs add to the open answer; without, each paragraph is one answer. */
    private void faqParagraph(Element.Paragraph p) {
        boolean continues = entryOpen && (question != null || p.bulletsOnly());
        if (!continues) {
            closeEntry();
            entryOpen = true;
            question = null;
        }
        answer.add(p.text());
    }

    private void table(Element.TableBlock t) {
        switch (region) {
            case FAQ -> tables.add(t.under(question != null ? question : FAQ_HEADING));
            case DISCLAIMER -> t.rows().forEach(r -> disclaimer.add(r.text()));
            default -> {
                if (region != Region.BODY) {
                    closeRegion();
                    region = Region.BODY;
                }
                tables.add(t.under(heading != null ? heading : parentHeading));
                headingHasTable = true;
            }
        }
    }

    /** A heading with nothing under it becomes the parent of the next one ("Role of Nutrients › Magnesium"). */
    private void startSection(String text) {
        String parent = null;
        if (paragraphs.isEmpty() && heading != null && !headingHasTable) {
            parent = parentHeading == null ? heading : parentHeading + " › " + heading;
            heading = null;
        }
        closeSection();
        heading = text;
        parentHeading = parent;
    }

    private void closeSection() {
        if (!paragraphs.isEmpty() || (heading != null && !headingHasTable)) {
            sections.add(new Section(heading, parentHeading, String.join(PARAGRAPH_BREAK, paragraphs)));
        }
        heading = null;
        parentHeading = null;
        paragraphs.clear();
        headingHasTable = false;
    }

    private void closeEntry() {
        if (entryOpen) {
            faqs.add(new FaqEntry(question, String.join(PARAGRAPH_BREAK, answer)));
        }
        entryOpen = false;
        question = null;
        answer.clear();
    }

    private void closeRegion() {
        closeEntry();
        closeSection();
        if (!references.isEmpty()) {
            // References with real text (not just "1. 1" stubs) are content: keep them searchable.
            sections.add(new Section("References", null, String.join(PARAGRAPH_BREAK, references)));
            references.clear();
        }
    }
}
