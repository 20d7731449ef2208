package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.Suggestion;

/** {@code GET /api/suggest?q=prefix&limit=8}: completions for search-as-you-type. */
final class SuggestHandler implements Handler {

    static final int MAX_PREFIX = 100;
    static final int MAX_LIMIT = 20;
    static final int DEFAULT_LIMIT = 8;

    /** The response body. */
    record Body(List<Suggestion> suggestions) {
    }

    private final SearchBackend backend;

    SuggestHandler(SearchBackend backend) {
        this.backend = backend;
    }

    @Override
    public void handle(Context ctx) {
        String q = Params.text(ctx, "q", MAX_PREFIX);
        int limit = Params.integer(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        ctx.json(new Body(backend.suggest(q, limit)));
    }
}
