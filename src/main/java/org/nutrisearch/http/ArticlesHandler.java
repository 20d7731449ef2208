package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.List;
import java.util.Map;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.SearchBackend;

/** {@code GET /api/articles} and {@code GET /api/articles/{id}}. */
final class ArticlesHandler {

    /** The list body. */
    record ListBody(int total, List<ArticleInfo> articles) {
    }

    private final SearchBackend backend;

    ArticlesHandler(SearchBackend backend) {
        this.backend = backend;
    }

    void list(Context ctx) {
        List<ArticleInfo> articles = backend.articles();
        ctx.json(new ListBody(articles.size(), articles));
    }

    void one(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(backend.article(id).orElseThrow(() ->
                new NotFoundResponse("no article with this id", Map.of(ApiErrors.CODE, "article_not_found"))));
    }
}
