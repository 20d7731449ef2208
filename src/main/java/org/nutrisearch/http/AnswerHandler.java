package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerCandidates;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;

/**
 * {@code GET /api/answer?q=…} and {@code POST /api/answer} with {@code {"question": "…"}}: one answer a
 * chatbot can say, with its citation and disclaimer, or {@code answer: null} and the reason. Both take
 * the search filters (kind, nutrient, article); both give the same body for the same question.
 */
final class AnswerHandler {

    /** Largest POST body read; a question is at most 500 characters, so this leaves ample room. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Bodies up to this size are read out before a 413; larger ones are refused at once. */
    static final int DRAIN_BYTES = 1024 * 1024;

    private final AnswerService answers;
    private final SearchBackend backend;
    private final NutrientLexicon lexicon;
    private final ObjectMapper json;
    private final ComputeGate gate;

    AnswerHandler(AnswerService answers, SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json,
                  ComputeGate gate) {
        this.answers = answers;
        this.backend = backend;
        this.lexicon = lexicon;
        this.json = json;
        this.gate = gate;
    }

    void get(Context ctx) {
        // The search parameters and their checks, q as the question (limit and offset play no part).
        SearchRequest r = SearchHandler.readRequest(ctx, backend, lexicon);
        respond(ctx, new AnswerRequest(r.query(), r.kinds(), r.nutrients(), r.articleId(), r.mode()));
    }

    void post(Context ctx) {
        respond(ctx, readBody(readBytes(ctx)));
    }

    private void respond(Context ctx, AnswerRequest request) {
        // rank + decide is what answers.answer does; done apart so metrics see the best confidence
        // even when the policy declines and shows no candidate.
        Decided decided = gate.call(() -> {
            AnswerCandidates candidates = answers.rank(request);
            return new Decided(candidates, answers.decide(request, candidates));
        });
        List<AnswerCandidate> ranked = decided.candidates().candidates();
        AnswerResult result = decided.result();
        SearchOutcome.answer(ctx, request.question(), ranked.size(),
                ranked.isEmpty() ? null : ranked.getFirst().confidence(),
                result.reason() == null ? null : result.reason().apiName());
        ctx.json(AnswerJson.of(result));
    }

    /** The ranked candidates and what was decided from them. */
    private record Decided(AnswerCandidates candidates, AnswerResult result) {
    }

    private static byte[] readBytes(Context ctx) {
        return RequestBody.read(ctx, MAX_BODY_BYTES, DRAIN_BYTES);
    }

    /**
     * A JSON object with a string {@code question}, and optionally {@code kind} and {@code nutrient}
     * (a string or an array of strings) and {@code article} (a string), checked like the GET parameters.
     */
    AnswerRequest readBody(byte[] body) {
        JsonNode root;
        try {
            // Trailing tokens after the object are an error, not something to ignore.
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiErrors.invalidBody("the body must be JSON: {\"question\": \"...\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw ApiErrors.invalidBody("the body must be a JSON object: {\"question\": \"...\"}");
        }
        JsonNode question = root.get("question");
        if (question == null || question.isNull()) {
            throw ApiErrors.invalid("question", "question is required");
        }
        if (!question.isTextual()) {
            throw ApiErrors.invalid("question", "question must be a string");
        }
        String text = Params.checkText("question", question.textValue(), SearchHandler.MAX_QUERY);
        Set<UnitKind> kinds = new LinkedHashSet<>();
        for (String k : strings(root, "kind")) {
            UnitKind kind = UnitKind.fromApiName(k.strip());
            if (kind == null) {
                throw ApiErrors.invalid("kind", "kind must be one of section, faq, table, summary, keypoint");
            }
            kinds.add(kind);
        }
        Set<String> nutrients = new LinkedHashSet<>();
        for (String n : strings(root, "nutrient")) {
            if (!lexicon.contains(n.strip())) {
                throw ApiErrors.invalid("nutrient", "unknown nutrient id (see /api/nutrients)");
            }
            nutrients.add(n.strip());
        }
        String article = null;
        JsonNode a = root.get("article");
        if (a != null && !a.isNull()) {
            if (!a.isTextual()) {
                throw ApiErrors.invalid("article", "article must be a string");
            }
            article = a.textValue().strip();
            if (backend.article(article).isEmpty()) {
                throw ApiErrors.invalid("article", "unknown article id (see /api/articles)");
            }
        }
        SearchMode mode = null;
        JsonNode m = root.get("mode");
        if (m != null && !m.isNull()) {
            if (!m.isTextual()) {
                throw ApiErrors.invalid("mode", "mode must be a string: lexical, semantic or hybrid");
            }
            mode = SearchHandler.mode(m.textValue());
        }
        return new AnswerRequest(text, kinds, nutrients, article, mode);
    }

    /** A field given as one string or an array of strings; absent or null is none. */
    private static List<String> strings(JsonNode root, String field) {
        JsonNode node = root.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.textValue());
            return out;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw ApiErrors.invalid(field, field + " must be a string or an array of strings");
                }
                out.add(item.textValue());
            }
            return out;
        }
        throw ApiErrors.invalid(field, field + " must be a string or an array of strings");
    }
}
