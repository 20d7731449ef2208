package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/** {@code GET /api/search}: ranked units with snippets and facets. */
final class SearchHandler implements Handler {

    static final int MAX_QUERY = 500;

    /** The response body. */
    record Body(String query, String mode, long total, double tookMs, RawValue results, Facets facets,
                String didYouMean) {
    }

    /** Pages whose JSON is kept, at most. */
    static final int RENDERED_PAGES = 256;
    /**
     * Characters those pages may weigh (JSON and the hits it keeps alive): 8 M characters, at most 16 MB of
     * heap, whatever the pages hold (one page of 100 long units weighs as much as hundreds of ordinary ones).
     */
    static final long RENDERED_CHARS = 8L * 1024 * 1024;

    private final SearchBackend backend;
    private final NutrientLexicon lexicon;
    private final ObjectMapper json;
    private final RenderedHits rendered;

    SearchHandler(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json) {
        this.backend = backend;
        this.lexicon = lexicon;
        this.json = json;
        this.rendered = new RenderedHits(json, RENDERED_PAGES, RENDERED_CHARS);
    }

    @Override
    public void handle(Context ctx) {
        SearchRequest request = readRequest(ctx, backend, lexicon);
        SearchResult result = backend.search(request);
        SearchOutcome.search(ctx, request.query(), request.offset(), result.total());
        Body body = new Body(request.query(), result.mode().apiName(), result.total(),
                ResultJson.round(result.tookMs(), 3), rendered.of(result.hits()), result.facets(), result.didYouMean());
        try {
            // Bytes straight from Jackson: the String that ctx.json makes would be encoded to UTF-8 again.
            ctx.contentType(ContentType.APPLICATION_JSON).result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates the search parameters (shared with the answer endpoint's filters). */
    static SearchRequest readRequest(Context ctx, SearchBackend backend, NutrientLexicon lexicon) {
        String q = Params.text(ctx, "q", MAX_QUERY);
        int limit = Params.integer(ctx, "limit", 1, 100, 10);
        int offset = Params.integer(ctx, "offset", 0, 10_000, 0);
        Set<UnitKind> kinds = new LinkedHashSet<>();
        for (String k : ctx.queryParams("kind")) {
            UnitKind kind = UnitKind.fromApiName(k.strip());
            if (kind == null) {
                throw ApiErrors.invalid("kind", "kind must be one of section, faq, table, summary, keypoint");
            }
            kinds.add(kind);
        }
        Set<String> nutrients = new LinkedHashSet<>();
        for (String n : ctx.queryParams("nutrient")) {
            String id = n.strip();
            if (!lexicon.contains(id)) {
                throw ApiErrors.invalid("nutrient", "unknown nutrient id (see /api/nutrients)");
            }
            nutrients.add(id);
        }
        String article = Params.single(ctx, "article");
        if (article != null) {
            article = article.strip();
            if (backend.article(article).isEmpty()) {
                throw ApiErrors.invalid("article", "unknown article id (see /api/articles)");
            }
        }
        return new SearchRequest(q, limit, offset, kinds, nutrients, article, null, mode(Params.single(ctx, "mode")));
    }

    /** The {@code mode} parameter: lexical, semantic or hybrid; absent means the server's default. */
    static SearchMode mode(String value) {
        if (value == null) {
            return null;
        }
        SearchMode mode = SearchMode.fromApiName(value.strip());
        if (mode == null) {
            throw ApiErrors.invalid("mode", "mode must be one of lexical, semantic, hybrid");
        }
        return mode;
    }
}
