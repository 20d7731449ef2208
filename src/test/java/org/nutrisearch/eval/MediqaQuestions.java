package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MEDIQA 2019 consumer questions with their graded answers (4 Excellent, 3 Correct but incomplete,
 * 2 Related, 1 Incorrect), read from {@code ../shared/data/mediqa}. A returned unit is graded by the
 * question's own answers: the document the answer was indexed as ({@link PortalCorpus}), or any unit with
 * the same text (an answer graded under another id, a MedQuAD pair that is the graded answer word for
 * word); every other unit is ungraded.
 */
public final class MediqaQuestions {

    /**
     * One question.
     *
     * @param set      "alexa" or "validation"
     * @param qid      the question's id in its file
     * @param byDocument grade by indexed document (article) id
     * @param byText   grade by normalised answer text
     */
    public record MediqaQuestion(String set, String qid, String question, Map<String, Integer> byDocument,
                                 Map<String, Integer> byText) {

        /** The grade of a returned unit (1–4), or null when this question's answers do not grade it. */
        public Integer gradeOf(Unit unit) {
            Integer g = byDocument.get(unit.articleId());
            return g != null ? g : byText.get(normalised(unit.text()));
        }

        /** Whether some graded answer is correct (grade 3 or 4): the question is answerable. */
        public boolean answerable() {
            return byDocument.values().stream().anyMatch(g -> g >= 3);
        }

        /** The best grade any answer has. */
        public int bestGrade() {
            return byDocument.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    private MediqaQuestions() {
    }

    /** The questions of one MEDIQA file ({@code qa-alexa-train.jsonl} or {@code qa-validation.jsonl}). */
    public static List<MediqaQuestion> read(Path dataDir, String file) throws IOException {
        String set = PortalCorpus.setOf(file);
        ObjectMapper json = new ObjectMapper();
        List<MediqaQuestion> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dataDir.resolve("mediqa").resolve(file))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = json.readTree(line);
                Map<String, Integer> byDocument = new HashMap<>();
                Map<String, Integer> byText = new HashMap<>();
                for (JsonNode a : q.path("answers")) {
                    int grade = a.path("referenceScore").asInt();
                    byDocument.put(PortalCorpus.documentId(set, a.path("id").asText()), grade);
                    String body = PortalCorpus.document(json, set, a).path("text").asText();
                    byText.merge(normalised(body), grade, Math::max);
                }
                out.add(new MediqaQuestion(set, q.path("qid").asText(), q.path("question").asText(), byDocument,
                        byText));
            }
        }
        return out;
    }

    /** LiveQA's points for a grade: 4 → 3 … 1 → 0; ungraded (null) or declined → 0. */
    public static int points(Integer grade) {
        return grade == null ? 0 : grade - 1;
    }

    static String normalised(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
