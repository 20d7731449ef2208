package org.nutrisearch.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.nutrisearch.corpus.Unit;

/**
 * The hand-judged query and question sets under {@code src/test/resources/eval}, loaded from the classpath.
 *
 * <p>Expected units are named by content ({@code contains}), not by id, so the sets survive changes in how
 * the parser numbers units. See {@code src/test/resources/eval/README.md} for how the sets were written.
 */
public final class JudgedSets {

    /** Classpath location of the search-box query set. */
    public static final String SEARCH_QUERIES = "/eval/search-queries.json";
    /** Classpath location of the chatbot question set. */
    public static final String ANSWER_QUESTIONS = "/eval/answer-questions.json";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private JudgedSets() {
    }

    /**
     * A reference to one unit by its content.
     *
     * @param article  the article id (file name without {@code .txt})
     * @param kind     the unit kind's API name ({@code section}, {@code faq}, {@code table}, {@code summary},
     *                 {@code keypoint})
     * @param contains a verbatim substring of the unit's text, heading or question
     * @param grade    2 = best, 1 = also relevant; 0 where the set does not grade (answer questions)
     */
    public record JudgedUnitRef(String article, String kind, String contains, int grade) {

        /**
         * Whether this reference names the given unit. Whitespace runs are collapsed on the unit side, so a
         * parser that re-flows lines still matches.
         */
        public boolean matches(Unit unit) {
            return article.equals(unit.articleId())
                    && kind.equals(unit.kind().apiName())
                    && (containedIn(unit.text()) || containedIn(unit.heading()) || containedIn(unit.question()));
        }

        private boolean containedIn(String field) {
            return field != null && WHITESPACE.matcher(field).replaceAll(" ").contains(contains);
        }
    }

    /**
     * A query as a portal user types it, with the units judged relevant, best first.
     *
     * @param category one of symptom, food, nutrient, clinical, synonym, typo, question, phrase
     */
    public record JudgedQuery(String id, String query, String category, List<JudgedUnitRef> relevant) {

        public JudgedQuery {
            relevant = relevant == null ? List.of() : List.copyOf(relevant);
        }

        /** The grade of the unit for this query: the highest grade of a matching reference, or 0. */
        public int gradeOf(Unit unit) {
            return relevant.stream().filter(r -> r.matches(unit)).mapToInt(JudgedUnitRef::grade).max().orElse(0);
        }
    }

    /**
     * A chatbot-style question with its best answer unit, or none when the articles do not answer it.
     *
     * @param category   on-topic, off-topic-health or off-topic-general
     * @param expected   the single best answer unit, or null for off-topic questions
     * @param acceptable other units that would also be a fine answer (never null)
     * @param pooled     units judged fine answers later, when the units the answer stage and search returned
     *                   first were read against the question (pooling: the first judgments had missed them);
     *                   kept apart so the figures can be given on the first judgments too (never null)
     */
    public record JudgedQuestion(String id, String question, String category, JudgedUnitRef expected,
                                 List<JudgedUnitRef> acceptable, List<JudgedUnitRef> pooled) {

        public JudgedQuestion {
            acceptable = acceptable == null ? List.of() : List.copyOf(acceptable);
            pooled = pooled == null ? List.of() : List.copyOf(pooled);
        }

        /** Whether the articles answer this question (then {@link #expected()} is set). */
        public boolean onTopic() {
            return "on-topic".equals(category);
        }

        /** Whether the unit is the expected answer, an acceptable one or one judged fine on pooling. */
        public boolean isAnsweredBy(Unit unit) {
            return isFirstJudgedAnswer(unit) || pooled.stream().anyMatch(r -> r.matches(unit));
        }

        /** Whether the first judgments (before pooling) name the unit the expected or an acceptable answer. */
        public boolean isFirstJudgedAnswer(Unit unit) {
            return (expected != null && expected.matches(unit)) || acceptable.stream().anyMatch(r -> r.matches(unit));
        }
    }

    /** Loads the search-box query set. */
    public static List<JudgedQuery> searchQueries() {
        return load(SEARCH_QUERIES, new TypeReference<>() { });
    }

    /** Loads the chatbot question set (on-topic and off-topic). */
    public static List<JudgedQuestion> answerQuestions() {
        return load(ANSWER_QUESTIONS, new TypeReference<>() { });
    }

    private static <T> List<T> load(String resource, TypeReference<List<T>> type) {
        try (InputStream in = JudgedSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return List.copyOf(new ObjectMapper().readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
