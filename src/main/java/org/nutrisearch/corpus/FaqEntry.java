package org.nutrisearch.corpus;

/**
 * One FAQ entry.
 *
 * @param question the question as the page printed it, or null where scraping lost it
 * @param answer   the answer text
 * @param focus    what the question is about ("Flu", "Magnesium deficiency") when the corpus says it
 *                 (MedQuAD's {@code focus}), else null
 * @param type     what the question asks (symptoms, treatment …): the corpus's label when it has one,
 *                 else what the question's words say, else null
 * @param url      the page the pair comes from, or null
 */
public record FaqEntry(String question, String answer, String focus, QuestionType type, String url) {

    /** An entry as a scraped page gives it: question (or null) and answer, its type read from the question. */
    public FaqEntry(String question, String answer) {
        this(question, answer, null, QuestionTypeClassifier.classify(question), null);
    }

    /** The heading FAQ units are shown under. */
    public String heading() {
        return "Frequently Asked Questions";
    }
}
