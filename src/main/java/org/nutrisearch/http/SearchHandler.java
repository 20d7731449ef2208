package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /api/search}: ranked units with snippets and facets. */
final class SearchHandler implements Handler {

    static final int MAX_QUERY = 500;

    /** The response body. */
    record Body(String query, String mode, long total, double tookMs, List<ResultJson> results, Facets facets,
                String didYouMean) {
    }

    private final SearchBackend backend;
    private final NutrientLexicon lexicon;

    SearchHandler(SearchBackend backend, NutrientLexicon lexicon) {
        this.backend = backend;
        this.lexicon = lexicon;
    }

    @Override
    public void handle(Context ctx) {
        SearchRequest request = readRequest(ctx, backend, lexicon);
        SearchResult result = backend.search(request);
        SearchOutcome.search(ctx, request.query(), request.offset(), result.total());
        ctx.json(new Body(request.query(), result.mode().apiName(), result.total(), ResultJson.round(result.tookMs(), 3),
                result.hits().stream().map(ResultJson::of).toList(), result.facets(), result.didYouMean()));
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
