package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.eval.RealCorpus;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chatbot over a small FAQ corpus (MedQuAD-shaped pairs with focus and type), on the real server
 * spoken to over HTTP, with the real embedding model and the server's defaults (hybrid, the shipped
 * answer models and threshold): a question that an FAQ entry asks is answered by it, restatements of one
 * topic are not ambiguous, a list of links answers nothing, a long message is read for what it asks, and
 * a question no entry answers is declined with its reason.
 */
@Tag("integration")
class FaqAnswerApiTest {

    @TempDir
    static Path dir;
    static OnnxEmbedder model;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        model = RealCorpus.loadModel();
        backend = FixtureIndex.openHybrid(dir, new CorpusLoader().load(Path.of("src/test/resources/faq")).articles(), model);
    }

    @AfterAll
    static void close() {
        backend.close();
        model.close();
    }

    private static Javalin app() {
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults());
    }

    private static JsonNode ask(HttpClient client, String question) throws Exception {
        var response = client.get("/api/answer?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertEquals(200, response.code(), question);
        return FixtureIndex.json().readTree(response.body().string());
    }

    @Test
    void theEntryThatAsksTheSameQuestionIsTheAnswer() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = ask(client, "What are the symptoms of the flu?");
            assertEquals("hybrid", body.get("mode").asText());
            assertTrue(body.get("reason").isNull(), body.toString());
            JsonNode answer = body.get("answer");
            assertEquals("health-faq-nihseniorhealth-flu#faq-1", answer.get("id").asText());
            assertEquals("What are the symptoms of Flu ?", answer.get("question").asText());
            assertEquals("Flu", answer.get("focus").asText());
            assertEquals("symptoms", answer.get("questionType").asText());
            assertEquals("https://example.org/flu-symptoms", answer.get("citation").get("source").asText());
            assertEquals("flu", body.get("understood").get("focus").asText());
            assertEquals("symptoms", body.get("understood").get("questionType").asText());
        });
    }

    @Test
    void twoEntriesOnOneTopicAreNotAmbiguous() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = ask(client, "How to prevent Diabetes?");
            assertFalse(body.get("ambiguous").asBoolean(), body.toString());
            assertTrue(body.get("reason").isNull(), body.toString());
            String id = body.get("answer").get("id").asText();
            assertTrue(id.equals("health-faq-niddk-diabetes#faq-1") || id.equals("health-faq-mplushealthtopics-diabetes#faq-1"),
                    "one of the two entries that ask it: " + id);
        });
    }

    @Test
    void aListOfLinksIsNotChosenOverAPassageThatAnswers() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = ask(client, "How to treat asthma?");
            assertEquals("health-faq-nhlbi-asthma#faq-1", body.get("answer").get("id").asText(), body.toString());
        });
    }

    @Test
    void aLongMessageIsAnsweredForWhatItAsks() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = ask(client, "Hello. My son was diagnosed with asthma last year and he still coughs at night "
                    + "after playing football with his friends, even in summer. What treatments are there for him?");
            assertEquals("asthma", body.get("understood").get("focus").asText());
            assertEquals("What treatments are there for him? (asthma)", body.get("understood").get("asking").asText());
            assertEquals("health-faq-nhlbi-asthma#faq-1", body.get("answer").get("id").asText(), body.toString());
        });
    }

    @Test
    void aQuestionNoEntryAnswersIsDeclinedWithItsReason() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = ask(client, "how do I reset my wifi router");
            assertTrue(body.get("answer").isNull(), body.toString());
            assertEquals("low_confidence", body.get("reason").asText());
            assertFalse(body.get("ambiguous").asBoolean());
        });
    }
}
