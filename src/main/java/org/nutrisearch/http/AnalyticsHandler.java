package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;

import java.util.Map;
import org.nutrisearch.search.SearchBackend;

/** {@code GET /api/admin/analytics?limit=N}: the search analytics report, for holders of the admin token. */
final class AnalyticsHandler implements Handler {

    private final AdminAuth auth;
    private final SearchAnalytics analytics;
    private final SearchBackend backend;

    AnalyticsHandler(AdminAuth auth, SearchAnalytics analytics, SearchBackend backend) {
        this.auth = auth;
        this.analytics = analytics;
        this.backend = backend;
    }

    @Override
    public void handle(Context ctx) {
        auth.check(ctx);
        if (!analytics.enabled()) {
            throw new NotFoundResponse("search analytics are switched off (analytics window 0)",
                    Map.of(ApiErrors.CODE, "analytics_disabled"));
        }
        int limit = Params.integer(ctx, "limit", 1, 200, 20);
        ctx.header("Cache-Control", "no-store");
        ctx.json(analytics.report(limit, backend));
    }
}
