package org.nutrisearch.corpus;

/**
 * One searchable unit of an article: a section, FAQ entry, table row, the summary or a key point.
 *
 * <p>Ids are {@code articleId#localId} with localId one of {@code summary}, {@code keypoint-N},
 * {@code section-N}, {@code faq-N}, {@code table-T-row-R} (1-based, file order), so they are stable
 * while the article's structure is.
 *
 * @param focus        what the unit is about when its corpus says so (an FAQ pair's focus), else null
 * @param questionType what the unit answers (an FAQ pair's type, or what its question or heading asks
 *                     for), else null
 */
public record Unit(String id, UnitKind kind, String articleId, String articleTitle, String source,
                   String heading, String question, String text, String focus, QuestionType questionType) {

    /** A unit without focus or question type. */
    public Unit(String id, UnitKind kind, String articleId, String articleTitle, String source,
                String heading, String question, String text) {
        this(id, kind, articleId, articleTitle, source, heading, question, text, null, null);
    }

    /**
     * The question this unit answers in so many words: an FAQ entry's own question, else a heading that
     * asks one ("What causes night cramps?"); null otherwise. Questions are matched to questions: a
     * user's question that means the same as this one is answered by this unit.
     */
    public String askedQuestion() {
        return askedQuestion(heading, question);
    }

    /** {@link #askedQuestion()} of a unit with this heading and own question (either may be null). */
    public static String askedQuestion(String heading, String question) {
        if (question != null && !question.isBlank()) {
            return question.strip();
        }
        if (heading != null) {
            String h = heading.strip();
            while (h.endsWith(")")) {
                h = h.substring(0, h.length() - 1).strip();
            }
            if (h.endsWith("?")) {
                return heading.strip();
            }
        }
        return null;
    }
}
