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
        assertEquals("completion", sent.at("/mappings/properties/suggest/type").asText());
        assertEquals("strict", sent.at("/mappings/dynamic").asText());
    }

    @Test
    void sourceAddsTitleHeadingAndQuestionOnceAsSuggestions() {
        UnitDocument unit = new UnitDocument("a#faq-1", "faq", "a", "Leg Cramps", "https://example.org/a",
                null, "Leg Cramps", "Stretch.", List.of("magnesium"));
        Map<String, Object> source = schema.source(unit);
        assertEquals(List.of("Leg Cramps"), source.get("suggest"));
        assertEquals(List.of("magnesium"), source.get("nutrients"));
        assertEquals("a#faq-1", source.get("id"));
        assertEquals(10, source.size());
    }
}
