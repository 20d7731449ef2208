package org.nutrisearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words {@link QuestionTypeClassifier} looks for before running a rule's pattern never turn a match
 * away: on real questions, titles and headings, and on each rule's words set in other words, every rule
 * finds what its pattern alone finds.
 */
class QuestionTypeAnchorsTest {

    @Test
    void everyRuleHasWordsToLookFor() {
        for (QuestionTypeClassifier.Rule rule : QuestionTypeClassifier.rules()) {
            assertNotNull(rule.anchors(), rule.type().name());
        }
        assertEquals(List.of("side", "adverse "), QuestionTypeClassifier.anchorsOf("\\bside[- ]?effects?\\b|\\badverse (effects?|reactions?)\\b"));
        assertEquals(List.of("what", "who", "what "), QuestionTypeClassifier.anchorsOf("^\\W*(what|who) (is|are)\\b|\\bwhat (is|are)\\b"));
        assertEquals(List.of("gene", "cur"), QuestionTypeClassifier.anchorsOf("\\bgenes?\\b|\\bcur(e|es)\\b"));
        assertEquals(null, QuestionTypeClassifier.anchorsOf("\\b\\w+ing\\b|\\bfood\\b"));
    }

    @Test
    void theWordsNeverTurnAMatchAway() throws Exception {
        Set<String> texts = new LinkedHashSet<>(realTexts());
        for (QuestionTypeClassifier.Rule rule : QuestionTypeClassifier.rules()) {
            for (String anchor : rule.anchors()) {
                for (String text : List.of(anchor, anchor + "s", anchor + "ing", " " + anchor + " ", "x" + anchor,
                        "What " + anchor + " for leg cramps?", "Is " + anchor + "e with magnesium safe", anchor + ")")) {
                    texts.add(text);
                }
            }
        }
        int matched = 0;
        for (String text : texts) {
            String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
            for (QuestionTypeClassifier.Rule rule : QuestionTypeClassifier.rules()) {
                boolean byPattern = rule.pattern().matcher(t).find();
                assertEquals(byPattern, rule.find(t), rule.type() + ": " + text);
                matched += byPattern ? 1 : 0;
            }
        }
        // The tests' own samples give 1 475 texts and 611 matches (a clean clone has no ../shared/data);
        // the full sets many more.
        assertTrue(texts.size() > 1400, "texts: " + texts.size());
        assertTrue(matched > 500, "matches: " + matched);
    }

    /** MedQuAD questions, NFCorpus titles, the judged questions and queries, the bundled articles' headings. */
    private static List<String> realTexts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        // The full sets where this machine has them (../shared/data), else the small samples in the tests' data.
        Path shared = Path.of("..", "shared", "data");
        Path data = Files.isRegularFile(shared.resolve("medquad/medquad.jsonl")) ? shared : Path.of("src/test/resources/scale/data");
        for (String line : Files.readAllLines(data.resolve("medquad/medquad.jsonl"))) {
            out.add(json.readTree(line).path("question").asText());
        }
        for (String line : Files.readAllLines(data.resolve("nfcorpus/corpus.jsonl"))) {
            out.add(json.readTree(line).path("title").asText());
        }
        for (String file : List.of("answer-questions.json", "general-questions.json", "search-queries.json")) {
            collectStrings(json.readTree(Path.of("src/test/resources/eval", file).toFile()), out);
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/bench/queries.tsv"))) {
            out.add(line);
        }
        for (Article article : new CorpusLoader().load(Path.of("corpus")).articles()) {
            for (Section section : article.sections()) {
                out.add(section.displayHeading() == null ? "" : section.displayHeading());
            }
            for (FaqEntry faq : article.faqs()) {
                out.add(faq.question() == null ? "" : faq.question());
            }
        }
        return out;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
        if (node.isObject()) {
            node.properties().forEach(e -> collectStrings(e.getValue(), out));
        }
    }
}
