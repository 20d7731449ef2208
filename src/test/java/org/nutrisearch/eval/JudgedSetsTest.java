package org.nutrisearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.eval.JudgedSets.JudgedQuery;
import org.nutrisearch.eval.JudgedSets.JudgedQuestion;
import org.nutrisearch.eval.JudgedSets.JudgedUnitRef;

/** Checks that the judged sets are well-formed and that every expected unit can be found in the corpus. */
class JudgedSetsTest {

    private static final Path CORPUS = Path.of("corpus");
    private static final Set<String> QUERY_CATEGORIES =
            Set.of("symptom", "food", "nutrient", "clinical", "synonym", "typo", "question", "phrase");
    private static final Set<String> QUESTION_CATEGORIES = Set.of("on-topic", "off-topic-health", "off-topic-general");

    @Test
    void searchQueriesAreWellFormed() {
        List<JudgedQuery> queries = JudgedSets.searchQueries();
        assertTrue(queries.size() >= 60, "need at least 60 queries, have " + queries.size());
        assertUnique(queries.stream().map(JudgedQuery::id).toList(), "query id");
        assertUnique(queries.stream().map(JudgedQuery::query).toList(), "query text");
        for (JudgedQuery q : queries) {
            assertTrue(q.id().matches("q\\d{2,3}"), q.id());
            assertFalse(q.query().isBlank(), q.id());
            assertTrue(QUERY_CATEGORIES.contains(q.category()), q.id() + " category " + q.category());
            List<JudgedUnitRef> rel = q.relevant();
            assertTrue(rel.size() >= 1 && rel.size() <= 4, q.id() + " has " + rel.size() + " relevant units");
            assertEquals(2, rel.getFirst().grade(), q.id() + ": the first relevant unit must be a best (grade 2) one");
            for (int i = 0; i < rel.size(); i++) {
                int grade = rel.get(i).grade();
                assertTrue(grade == 1 || grade == 2, q.id() + " grade " + grade);
                if (i > 0) {
                    assertTrue(grade <= rel.get(i - 1).grade(), q.id() + ": relevant units must be listed best first");
                }
            }
            assertUnique(rel.stream().map(JudgedUnitRef::contains).toList(), q.id() + " relevant unit");
        }
    }

    @Test
    void answerQuestionsAreWellFormed() {
        List<JudgedQuestion> questions = JudgedSets.answerQuestions();
        assertUnique(questions.stream().map(JudgedQuestion::id).toList(), "question id");
        assertUnique(questions.stream().map(JudgedQuestion::question).toList(), "question text");
        Map<String, Long> byCategory =
                questions.stream().collect(Collectors.groupingBy(JudgedQuestion::category, Collectors.counting()));
        assertEquals(QUESTION_CATEGORIES, byCategory.keySet());
        assertTrue(byCategory.get("on-topic") >= 36, "on-topic questions: " + byCategory.get("on-topic"));
        long offTopic = byCategory.get("off-topic-health") + byCategory.get("off-topic-general");
        assertTrue(offTopic >= 14, "off-topic questions: " + offTopic);
        for (JudgedQuestion q : questions) {
            assertTrue(q.id().matches("a\\d{2,3}"), q.id());
            assertFalse(q.question().isBlank(), q.id());
            if (q.onTopic()) {
                assertNotNull(q.expected(), q.id() + " is on-topic but has no expected unit");
                assertFalse(q.acceptable().contains(q.expected()), q.id() + " lists its expected unit as acceptable");
            } else {
                assertNull(q.expected(), q.id() + " is off-topic but expects an answer");
                assertTrue(q.acceptable().isEmpty(), q.id() + " is off-topic but lists acceptable answers");
                assertTrue(q.pooled().isEmpty(), q.id() + " is off-topic but lists pooled answers");
            }
        }
    }

    @Test
    void everyReferenceNamesExactlyOnePlaceInItsArticle() throws IOException {
        Map<String, String> corpus = readCorpus();
        List<JudgedUnitRef> refs = allReferences();
        for (JudgedUnitRef ref : refs) {
            String where = ref.article() + " / \"" + ref.contains() + "\"";
            assertNotNull(UnitKind.fromApiName(ref.kind()), where + ": unknown kind " + ref.kind());
            String text = corpus.get(ref.article());
            assertNotNull(text, where + ": no such article under corpus/");
            int length = ref.contains().length();
            assertTrue(length >= 20 && length <= 80, where + ": contains must be 20-80 chars, is " + length);
            assertFalse(ref.contains().contains("\n"), where + ": contains spans lines");
            assertEquals(1, occurrences(text, ref.contains()), where + ": must occur exactly once");
        }
    }

    @Test
    void queriesCoverEveryArticleAndEveryUnitKind() throws IOException {
        List<JudgedUnitRef> refs = JudgedSets.searchQueries().stream().flatMap(q -> q.relevant().stream()).toList();
        assertEquals(readCorpus().keySet(), refs.stream().map(JudgedUnitRef::article).collect(Collectors.toSet()));
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        refs.forEach(r -> kinds.add(UnitKind.fromApiName(r.kind())));
        assertEquals(EnumSet.allOf(UnitKind.class), kinds);
    }

    @Test
    void referenceMatchesUnitsByArticleKindAndContent() {
        JudgedQuery bananas = JudgedSets.searchQueries().stream()
                .filter(q -> q.query().equals("bananas")).findFirst().orElseThrow();
        String article = "leg-cramps-vitamin-deficiency";
        String answer = "Bananas are rich in potassium, an electrolyte that helps regulate\n  muscle function.";
        Unit faq = new Unit(article + "#faq-6", UnitKind.FAQ, article, "t", "corpus/x.txt",
                "Frequently Asked Questions", null, answer);
        Unit asSection = new Unit(article + "#section-9", UnitKind.SECTION, article, "t", "corpus/x.txt",
                "Heading", null, answer);
        Unit otherArticle = new Unit("other#faq-6", UnitKind.FAQ, "other", "t", "corpus/x.txt",
                "Frequently Asked Questions", null, answer);

        assertEquals(2, bananas.gradeOf(faq));
        assertEquals(0, bananas.gradeOf(asSection));
        assertEquals(0, bananas.gradeOf(otherArticle));

        JudgedQuestion question = JudgedSets.answerQuestions().stream()
                .filter(q -> q.id().equals("a01")).findFirst().orElseThrow();
        assertTrue(question.isAnsweredBy(faq));
        assertFalse(question.isAnsweredBy(asSection));
    }

    @Test
    void pooledAnswersCountOnlyWhenTheFiguresUsePooling() {
        JudgedQuestion restlessLegs = JudgedSets.answerQuestions().stream()
                .filter(q -> q.id().equals("a05")).findFirst().orElseThrow();
        String article = "leg-stiffness-nutritional-culprits";
        Unit keyPoint = new Unit(article + "#keypoint-4", UnitKind.KEYPOINT, article, "t", "corpus/x.txt", "Key Points",
                null, "Iron is Linked to Restless Legs: Iron deficiency is a primary cause of Restless Legs Syndrome "
                + "(RLS), a condition marked by uncomfortable sensations and the urge to move the legs.");

        assertTrue(restlessLegs.isAnsweredBy(keyPoint));
        assertFalse(restlessLegs.isFirstJudgedAnswer(keyPoint));
    }

    @Test
    void questionRefMatchesOnTheQuestionLine() {
        JudgedUnitRef ref = new JudgedUnitRef("nighttime-leg-cramps-nutrients", "faq",
                "How can I improve my magnesium absorption?", 0);
        Unit unit = new Unit("nighttime-leg-cramps-nutrients#faq-7", UnitKind.FAQ, "nighttime-leg-cramps-nutrients",
                "t", "corpus/nighttime-leg-cramps-nutrients.txt", "Frequently Asked Questions",
                "How can I improve my magnesium absorption?", "To improve magnesium absorption, ...");
        assertTrue(ref.matches(unit));
    }

    private static List<JudgedUnitRef> allReferences() {
        List<JudgedUnitRef> refs = new ArrayList<>();
        JudgedSets.searchQueries().forEach(q -> refs.addAll(q.relevant()));
        for (JudgedQuestion q : JudgedSets.answerQuestions()) {
            if (q.expected() != null) {
                refs.add(q.expected());
            }
            refs.addAll(q.acceptable());
            refs.addAll(q.pooled());
        }
        return refs;
    }

    private static Map<String, String> readCorpus() throws IOException {
        Map<String, String> articles = new HashMap<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                String name = file.getFileName().toString();
                articles.put(name.substring(0, name.length() - ".txt".length()),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return articles;
    }

    /** Counts occurrences, overlapping ones included, so a substring that could match twice is caught. */
    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static void assertUnique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            assertTrue(seen.add(v), "duplicate " + what + ": " + v);
        }
    }
}
