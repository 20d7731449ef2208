package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Synonyms, nutrient recognition, typo tolerance, "did you mean" and suggestions, end to end over
 * HTTP on a small fixture whose every unit is known.
 */
@Tag("integration")
class RelevanceApiTest {

    @TempDir
    static java.nio.file.Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        Article night = new Article("night", "Trouble at Night", "corpus/night.txt", null, List.of(), List.of(
                new Section("Waking Up", null, "Nocturnal leg cramps wake many older adults from sleep."),
                new Section("Restless Legs", null,
                        "Restless Legs Syndrome (RLS) brings an urge to move. Low iron stores make it worse."),
                new Section("Electrolytes", null, "Hypokalemia can cause weakness and cramps in the calves."),
                new Section("Sunshine", null, "Vitamin D helps the body absorb calcium from food."),
                new Section("Vitamins", null, "A vitamin a day: every vitamin counts, and vitamin pills are popular."),
                new Section("B Vitamins", null, "Vitamin B12 keeps nerves healthy; vegans may lack it."),
                new Section("Old Labels", null, "Old labels spell the mineral calcum."),
                new Section("Relaxation", null, "Magnesium relaxes muscles after they contract.")),
                List.of(new FaqEntry("Does magnesium help sleep?", "Magnesium may improve sleep in some adults."),
                        new FaqEntry("Is calcium needed for muscles?", "Calcium triggers every muscle contraction.")),
                List.of(), null);
        Article minerals = new Article("minerals", "Minerals and Muscles", "corpus/minerals.txt", null, List.of(),
                List.of(new Section("Magnesium Sources", null, "Nuts and seeds are rich in magnesium. Magnesium deficiency is common."),
                        new Section("Calcium Sources", null, "Dairy foods supply calcium; calcium deficiency weakens bones."),
                        new Section("Calcium and Vitamin D", null, "Calcium needs vitamin D to be absorbed."),
                        new Section("Produce", null, "Bananas and potatoes supply potassium.")),
                List.of(), List.of(), null);
        backend = FixtureIndex.open(dir, List.of(night, minerals));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static Javalin app() {
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults());
    }

    private static JsonNode search(HttpClient client, String q) throws Exception {
        return SearchApiTest.get(client, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), 200);
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    /** The term highlights of a result as "marked text:match", in order. */
    private static List<String> terms(JsonNode result) {
        String text = SearchApiTest.plain(result.get("snippet").asText());
        List<String> out = new ArrayList<>();
        for (JsonNode h : result.get("highlights")) {
            if (h.get("type").asText().equals("term")) {
                out.add(text.substring(h.get("start").asInt(), h.get("end").asInt()) + ":" + h.get("match").asText());
            }
        }
        return out;
    }

    @Test
    void charleyHorseFindsLegCrampsAndMarksThePhraseOnce() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = search(client, "charley horse");
            assertEquals(List.of("night#section-1"), ids(body));
            JsonNode first = body.get("results").get(0);
            assertEquals("Nocturnal <mark class=\"term\">leg cramps</mark> wake many older adults from sleep.",
                    first.get("snippet").asText());
            assertEquals(List.of("leg cramps:synonym"), terms(first));
            assertTrue(body.get("didYouMean").isNull());
        });
    }

    @Test
    void aMultiWordSynonymIsOneSpanEvenAroundOtherMarks() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode first = search(client, "night cramps").get("results").get(0);
            assertEquals("night#section-1", first.get("id").asText());
            assertEquals("<mark class=\"term\">Nocturnal leg cramps</mark> wake many older adults from sleep.",
                    first.get("snippet").asText());
            assertEquals(List.of("Nocturnal leg cramps:synonym"), terms(first));

            // The synonym phrase holds a nutrient mention: the nutrient mark nests inside the term mark.
            JsonNode deficiency = search(client, "hypomagnesemia").get("results").get(0);
            assertEquals("minerals#section-1", deficiency.get("id").asText());
            assertTrue(deficiency.get("snippet").asText().contains("<mark class=\"term\"><mark class=\"nutrient\" "
                    + "data-nutrient=\"magnesium\">Magnesium</mark> deficiency</mark>"), deficiency.get("snippet").asText());
            assertEquals(List.of("Magnesium deficiency:synonym"), terms(deficiency));
        });
    }

    @Test
    void rlsAndRestlessLegsMeetRestlessLegsSyndrome() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode first = search(client, "rls").get("results").get(0);
            assertEquals("night#section-2", first.get("id").asText());
            assertEquals(List.of("Restless Legs Syndrome:synonym", "RLS:exact"), terms(first));
            assertTrue(first.get("snippet").asText().startsWith(
                    "<mark class=\"term\">Restless Legs Syndrome</mark> (<mark class=\"term\">RLS</mark>)"));

            JsonNode typed = search(client, "restless legs").get("results").get(0);
            assertEquals("night#section-2", typed.get("id").asText());
            // The longest phrase of the synonym line wins over the words as typed.
            assertEquals(List.of("Restless Legs Syndrome:synonym", "RLS:synonym"), terms(typed));
        });
    }

    @Test
    void calfFindsTheCalvesTheStemmerKeepsApart() {
        JavalinTest.test(app(), (server, client) -> {
            // "calves" stems to "calv", "calf" to "calf": the synonym file's word forms join them.
            JsonNode body = search(client, "calf");
            assertEquals(List.of("night#section-3"), ids(body));
            assertEquals(List.of("calves:synonym"), terms(body.get("results").get(0)));
        });
    }

    @Test
    void lowPotassiumFindsHypokalemia() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = search(client, "low potassium");
            assertEquals(List.of("night#section-3", "minerals#section-4", "night#section-2"), ids(body));
            assertEquals(List.of("Hypokalemia:synonym"), terms(body.get("results").get(0)));
            assertEquals(List.of("potassium:exact"), terms(body.get("results").get(1)));
        });
    }

    @Test
    void vitaminDPrefersUnitsAboutVitaminDOverUnitsThatSayVitamin() {
        JavalinTest.test(app(), (server, client) -> {
            List<String> ids = ids(search(client, "vitamin d"));
            assertEquals(List.of("minerals#section-3", "night#section-4"), ids.subList(0, 2));
            assertTrue(ids.indexOf("night#section-5") > 1, ids.toString());
        });
    }

    @Test
    void typosStillFindTheRightUnitsAndOfferACorrection() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode magnesium = search(client, "magnesum");
            assertEquals("magnesium", magnesium.get("didYouMean").asText());
            assertEquals(List.of("minerals#section-1", "night#faq-1", "night#section-8"), ids(magnesium));
            assertEquals(List.of("magnesium:fuzzy", "Magnesium:fuzzy"), terms(magnesium.get("results").get(0)));

            JsonNode potassium = search(client, "potasium");
            assertEquals("potassium", potassium.get("didYouMean").asText());
            // The unit on hypokalemia is about potassium too: the corrected word names the nutrient.
            assertEquals(List.of("minerals#section-4", "night#section-3"), ids(potassium));

            JsonNode b12 = search(client, "vitamin b21");
            assertEquals("vitamin b12", b12.get("didYouMean").asText());
            assertEquals("night#section-6", ids(b12).get(0));

            JsonNode cramps = search(client, "cramsp");
            assertEquals("cramps", cramps.get("didYouMean").asText());
            assertEquals(List.of("night#section-3", "night#section-1"), ids(cramps));
        });
    }

    @Test
    void exactMatchesOutrankFuzzyOnes() {
        JavalinTest.test(app(), (server, client) -> {
            // "calcum" is in one unit as written; "calcium", one edit away, is in four.
            JsonNode body = search(client, "calcum");
            List<String> ids = ids(body);
            assertEquals("night#section-7", ids.get(0));
            assertEquals(List.of("calcum:exact"), terms(body.get("results").get(0)));
            assertEquals(5, ids.size());
            for (int i = 1; i < ids.size(); i++) {
                for (String t : terms(body.get("results").get(i))) {
                    assertTrue(t.endsWith(":fuzzy"), t);
                }
            }
            // One unit holds the word as typed, and the correction finds clearly more.
            assertEquals("calcium", body.get("didYouMean").asText());
        });
    }

    @Test
    void noCorrectionWhenTheQueryMatchesAsTyped() {
        JavalinTest.test(app(), (server, client) -> {
            assertTrue(search(client, "magnesium").get("didYouMean").isNull());
            assertTrue(search(client, "restless legs").get("didYouMean").isNull());
            assertTrue(search(client, "qqqqzzzz").get("didYouMean").isNull());
        });
    }

    @Test
    void aLongQueryOfNonsenseIsAnsweredNotRejected() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; q.length() < 490; i++) {
            q.append("zx").append((char) ('a' + i % 26)).append("qv").append(i).append("blorp ");
        }
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = search(client, q.toString().strip());
            assertEquals(0, body.get("total").asInt());
            assertTrue(body.get("didYouMean").isNull());
        });
    }
}
