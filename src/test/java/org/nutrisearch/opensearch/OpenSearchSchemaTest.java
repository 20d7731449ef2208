package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.search.suggest.SuggestionIndex;

class OpenSearchSchemaTest {

    private final OpenSearchSchema schema = OpenSearchSchema.load();

    @Test
    void bodyCarriesLayoutAndSynonymRulesWithoutCommentsOrBlankLines() {
        JsonNode body = schema.body(new IndexLayout(2, 1),
                List.of("# cramps", "charley horse, leg cramp", "", "  hypokalaemia, hypokalemia  "));
        assertEquals(2, body.at("/settings/number_of_shards").asInt());
        assertEquals(1, body.at("/settings/number_of_replicas").asInt());
        assertEquals("[\"charley horse, leg cramp\",\"hypokalaemia, hypokalemia\"]",
                body.at("/settings/analysis/filter/nutri_synonyms/synonyms").toString());
    }

    @Test
    void typedRequestKeepsAnalysisAndFieldOptions() throws Exception {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        CreateIndexRequest request = schema.createRequest("nutrisearch-1", new IndexLayout(3, 0),
                List.of("charley horse, leg cramp"), mapper);
        StringWriter out = new StringWriter();
        try (var generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        JsonNode sent = new ObjectMapper().readTree(out.toString());
        assertEquals("[\"nutri_possessive\",\"lowercase\",\"nutri_stop\",\"porter_stem\"]",
                sent.at("/settings/analysis/analyzer/nutri_english/filter").toString());
        assertEquals("[\"nutri_possessive\",\"lowercase\",\"nutri_synonyms\",\"nutri_stop\",\"porter_stem\"]",
                sent.at("/settings/analysis/analyzer/nutri_english_search/filter").toString());
        assertEquals("possessive_english", sent.at("/settings/analysis/filter/nutri_possessive/language").asText());
        // The typed model writes the named list as a one-element array, which OpenSearch reads the same way.
        assertEquals("[\"_english_\"]", sent.at("/settings/analysis/filter/nutri_stop/stopwords").toString());
        assertEquals("[\"charley horse, leg cramp\"]", sent.at("/settings/analysis/filter/nutri_synonyms/synonyms").toString());
        assertEquals(3, sent.at("/settings/number_of_shards").asInt());
        assertEquals("offsets", sent.at("/mappings/properties/text/index_options").asText());
        assertEquals("nutri_english_search", sent.at("/mappings/properties/heading/search_analyzer").asText());
        assertEquals("keyword", sent.at("/mappings/properties/nutrients/type").asText());
        assertEquals(List.of("articleId", "articleTitle", "focus", "heading", "id", "kind", "nutrients", "question",
                        "questionType", "source", "text"),
                iterable(sent.at("/mappings/properties").fieldNames()).stream().sorted().toList());
        assertEquals("false", sent.at("/mappings/properties/focus/index").asText());
        assertEquals("keyword", sent.at("/mappings/properties/questionType/type").asText());
        JsonNode suggest = schema.suggestBody(new IndexLayout(3, 2));
        assertEquals(1, suggest.at("/settings/number_of_shards").asInt());
        assertEquals(2, suggest.at("/settings/number_of_replicas").asInt());
        assertEquals("completion", suggest.at("/mappings/properties/complete/type").asText());
        assertEquals("keyword", suggest.at("/mappings/properties/complete/analyzer").asText());
        assertEquals("strict", sent.at("/mappings/dynamic").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void unitSourceIsTheUnitsFields() {
        UnitDocument unit = new UnitDocument("a#faq-1", "faq", "a", "Leg Cramps", "https://example.org/a",
                null, "Leg Cramps", "Stretch.", List.of("magnesium"));
        Map<String, Object> source = schema.source(unit);
        assertEquals(List.of("magnesium"), source.get("nutrients"));
        assertEquals("a#faq-1", source.get("id"));
        assertEquals(List.of("id", "kind", "articleId", "articleTitle", "source", "heading", "question", "text",
                "nutrients", "focus", "questionType"), List.copyOf(source.keySet()));
    }

    @Test
    void unitDocumentKeepsFocusAndQuestionTypeAndReadsBackTheSameUnit() {
        Unit unit = new Unit("flu#faq-2", UnitKind.FAQ, "flu", "Flu", "https://example.org/flu", null,
                "What are the symptoms of Flu ?", "Fever, aches.", "Flu", QuestionType.SYMPTOMS);
        UnitDocument document = UnitDocument.of(unit, List.of());
        assertEquals("Flu", document.focus());
        assertEquals("symptoms", document.questionType());
        assertEquals(unit, document.toUnit());
        Unit plain = new Unit("a#section-1", UnitKind.SECTION, "a", "A", "a.txt", "Why?", null, "Because.");
        assertEquals(plain, UnitDocument.of(plain, List.of("iron")).toUnit());
    }

    @Test
    void aBuildWithVectorsMapsThePassageAndTheQuestionVectorAlike() {
        JsonNode body = schema.body(IndexLayout.single(), List.of(), 384);
        assertTrue(body.at("/settings/index.knn").asBoolean());
        for (String field : List.of(OpenSearchSchema.VECTOR, OpenSearchSchema.QUESTION_VECTOR)) {
            JsonNode vector = body.at("/mappings/properties/" + field);
            assertEquals("knn_vector", vector.at("/type").asText(), field);
            assertEquals(384, vector.at("/dimension").asInt(), field);
            assertEquals("lucene", vector.at("/method/engine").asText(), field);
            assertEquals("cosinesimil", vector.at("/method/space_type").asText(), field);
        }
        assertTrue(schema.body(IndexLayout.single(), List.of(), null).at("/mappings/properties/" + OpenSearchSchema.QUESTION_VECTOR).isMissingNode());
        Map<String, Object> source = schema.source(new UnitDocument("a#faq-1", "faq", "a", "A", null, null, "Q?", "A.",
                List.of()), new float[] {1f}, new float[] {0.5f});
        assertEquals(0.5f, ((float[]) source.get(OpenSearchSchema.QUESTION_VECTOR))[0]);
        assertFalse(schema.source(new UnitDocument("a#section-1", "section", "a", "A", null, "H", null, "T",
                List.of()), new float[] {1f}, null).containsKey(OpenSearchSchema.QUESTION_VECTOR));
    }

    @Test
    void suggestionSourceCompletesEveryWordStartOfEveryKeyWeightedByKindThenFrequency() {
        Map<String, Object> nutrient = schema.source(new SuggestionIndex.Entry("Vitamin B12", "nutrient", 40,
                List.of("Vitamin B12", "cobalamin")));
        assertEquals(Map.of("input", List.of("vitamin b12", "b12", "cobalamin"), "weight", 40_000_040),
                nutrient.get("complete"));
        assertEquals("Vitamin B12", nutrient.get("text"));
        assertEquals("nutrient", nutrient.get("kind"));
        Map<String, Object> question = schema.source(new SuggestionIndex.Entry("Can B12 help? (Yes.)", "question", 2,
                List.of("Can B12 help? (Yes.)")));
        assertEquals(Map.of("input", List.of("can b12 help yes", "b12 help yes", "help yes", "yes"), "weight", 10_000_002),
                question.get("complete"));
    }
}
