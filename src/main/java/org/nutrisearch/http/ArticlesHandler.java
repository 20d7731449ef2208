package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.List;
import java.util.Map;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.SearchBackend;

/**
 * {@code GET /api/articles?limit=&offset=} and {@code GET /api/articles/{id}}. The list comes a page at a time
 * (at most {@value #MAX_LIMIT}): a corpus of thousands of articles made one answer of megabytes.
 */
final class ArticlesHandler {

    static final int MAX_LIMIT = 1000;

    /** The list body: {@code total} articles, this page of them. */
    record ListBody(int total, List<ArticleInfo> articles) {
    }

    private final SearchBackend backend;

    ArticlesHandler(SearchBackend backend) {
        this.backend = backend;
    }

    void list(Context ctx) {
        int limit = Params.integer(ctx, "limit", 1, MAX_LIMIT, MAX_LIMIT);
        int offset = Params.integer(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        List<ArticleInfo> articles = backend.articles();
        int from = Math.min(offset, articles.size());
        ctx.json(new ListBody(articles.size(), articles.subList(from, Math.min(articles.size(), from + limit))));
    }

    void one(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(backend.article(id).orElseThrow(() ->
                new NotFoundResponse("no article with this id", Map.of(ApiErrors.CODE, "article_not_found"))));
    }
}
