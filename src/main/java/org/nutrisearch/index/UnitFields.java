package org.nutrisearch.index;

/** Field names of the index: one Lucene document per unit, one per article (for display). */
public final class UnitFields {
    /** "unit" or "article": both live in one index so a reindex swaps them together. */
    public static final String DOC_TYPE = "type";
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String ARTICLE_ID = "articleId";
    public static final String ARTICLE_TITLE = "articleTitle";
    public static final String SOURCE = "source";
    public static final String HEADING = "heading";
    public static final String QUESTION = "question";
    public static final String TEXT = "text";
    public static final String NUTRIENT = "nutrient";
    /** What the unit is about when the corpus says so (an FAQ pair's focus); stored only. */
    public static final String FOCUS = "focus";
    /** The question type the unit answers ({@code QuestionType.apiName()}), when known. */
    public static final String QUESTION_TYPE = "questionType";
    /**
     * Heading, question and text as plain lower-case words (not stemmed, not stored): the vocabulary
     * typo corrections come from, so a correction is a word as the articles spell it.
     */
    public static final String SPELL = "spell";
    /** Stored JSON of the whole parsed article, on article documents. */
    public static final String ARTICLE_JSON = "articleJson";
    /**
     * The unit's dense embedding ({@link PassageText} through the embedding model), unit length and
     * compared by dot product; absent when the generation was built without vectors.
     */
    public static final String VECTOR = "vector";
    /**
     * The embedding of the question the unit answers ({@code Unit.askedQuestion()}, embedded as a query),
     * compared by dot product with the user's question vector; absent without vectors or question.
     */
    public static final String QUESTION_VECTOR = "questionVector";
    /** Commit user-data key: the embedding model id the generation's vectors come from. */
    public static final String COMMIT_VECTOR_MODEL = "vectorModel";
    /** Commit user-data key: how many units carry a vector. */
    public static final String COMMIT_VECTOR_COUNT = "vectorCount";

    public static final String TYPE_UNIT = "unit";
    public static final String TYPE_ARTICLE = "article";

    private UnitFields() {
    }
}
