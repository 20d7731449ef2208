package org.nutrisearch.opensearch;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch._types.query_dsl.Query;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.query.UnitQueryBuilder;

/** The Lucene → OpenSearch DSL translation, as the JSON that goes to the cluster. */
class LuceneQueryTranslatorTest {

    private static String json(org.apache.lucene.search.Query lucene) {
        Query query = LuceneQueryTranslator.translate(lucene);
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        StringWriter out = new StringWriter();
        try (var generator = mapper.jsonProvider().createGenerator(out)) {
            query.serialize(generator, mapper);
        }
        return out.toString();
    }

    @Test
    void termsBoostsAndClausesKeepTheirShape() {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new BoostQuery(new BoostQuery(new TermQuery(new Term("heading", "cramp")), 2f), 0.5f), Occur.SHOULD)
                .add(new TermQuery(new Term("text", "cramp")), Occur.SHOULD)
                .build();
        assertEquals("{\"bool\":{\"boost\":1.0,\"minimum_should_match\":\"1\",\"should\":["
                + "{\"term\":{\"heading\":{\"boost\":1.0,\"value\":\"cramp\"}}},"
                + "{\"term\":{\"text\":{\"boost\":1.0,\"value\":\"cramp\"}}}]}}", json(q));
    }

    @Test
    void filtersExclusionsAndTheNutrientField() {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("text", "iron")), Occur.MUST)
                .add(new TermQuery(new Term("text", "night")), Occur.MUST_NOT)
                .add(new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT)), Occur.FILTER)
                .add(new TermQuery(new Term(UnitFields.NUTRIENT, "iron")), Occur.FILTER)
                .build();
        String dsl = json(q);
        assertTrue(dsl.contains("\"must\":[{\"term\":{\"text\":{\"boost\":1.0,\"value\":\"iron\"}}}]"), dsl);
        assertTrue(dsl.contains("\"must_not\":[{\"term\":{\"text\":{\"boost\":1.0,\"value\":\"night\"}}}]"), dsl);
        // The unit index holds only units: the embedded type filter matches all; nutrients live in "nutrients".
        assertTrue(dsl.contains("\"filter\":[{\"match_all\":{\"boost\":1.0}},"
                + "{\"term\":{\"nutrients\":{\"boost\":1.0,\"value\":\"iron\"}}}]"), dsl);
        assertTrue(!dsl.contains("minimum_should_match"), dsl);
    }

    @Test
    void phrasesKeepTheGapsStopWordsLeft() {
        // "stiffness in the legs": "in" and "the" are stop words, so "leg" sits three positions after "stiff".
        PhraseQuery phrase = new PhraseQuery.Builder()
                .add(new Term("text", "stiff"), 0)
                .add(new Term("text", "leg"), 3)
                .build();
        assertEquals("{\"match_phrase\":{\"text\":{\"boost\":2.0,\"analyzer\":\"nutri_terms\","
                + "\"query\":\"stiff | | leg\",\"slop\":0}}}", json(new BoostQuery(phrase, 2f)));
    }

    @Test
    void disjunctionsAndConstantScores() {
        DisjunctionMaxQuery dis = new DisjunctionMaxQuery(List.of(new TermQuery(new Term("text", "a")),
                new TermQuery(new Term("heading", "a"))), 0.1f);
        String dsl = json(dis);
        assertTrue(dsl.startsWith("{\"dis_max\":{\"boost\":1.0,\"queries\":[") && dsl.contains("\"tie_breaker\":0.1"), dsl);
        // Boosts travel as the float Lucene has (0.25 is exact in binary; others are widened to double).
        assertEquals("{\"constant_score\":{\"boost\":0.25,\"filter\":{\"term\":{\"nutrients\":{\"boost\":1.0,\"value\":\"magnesium\"}}}}}",
                json(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(UnitFields.NUTRIENT, "magnesium"))), 0.25f)));
    }

    @Test
    void everyQueryTheBuilderMakesTranslatesAndUnknownTypesAreRefused() {
        UnitQueryBuilder builder = new UnitQueryBuilder(TextAnalyzers.english());
        for (String text : List.of("magnesium cramps", "\"restless legs syndrome\" iron", "cramps -night", "-magnesium",
                "the of and", "\"pins and needles\"", "vitamin b12 deficiency legs")) {
            json(builder.build(SearchRequest.of(text)).query()); // throws for a type without translation
        }
        assertThrows(IllegalArgumentException.class, () -> json(new FuzzyQuery(new Term("text", "cramp"))));
    }
}
