package org.nutrisearch.http;

import io.javalin.http.Context;

import java.util.List;
import org.nutrisearch.search.BackendUnavailableException;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;

/** {@code GET /health} and {@code GET /api/nutrients}. */
final class InfoHandlers {

    /** The health body. */
    record Health(String status, int articles, int units, boolean vectors, String defaultMode) {
    }

    /** The nutrients body. */
    record NutrientsBody(List<Facets.NutrientCount> nutrients) {
    }

    private final SearchBackend backend;

    InfoHandlers(SearchBackend backend) {
        this.backend = backend;
    }

    /**
     * The process is up (counts are 0 while the index loads or the search cluster cannot be reached;
     * {@code /ready} says when it can search).
     */
    void health(Context ctx) {
        IndexStats stats = new IndexStats(0, 0);
        if (backend.ready()) {
            try {
                stats = backend.stats();
            } catch (BackendUnavailableException e) {
                // Still up: a cluster outage must not get the process restarted by a liveness check.
            }
        }
        ctx.json(new Health("ok", stats.articles(), stats.units(), backend.vectorsAvailable(),
                backend.defaultMode().apiName()));
    }

    void nutrients(Context ctx) {
        ctx.json(new NutrientsBody(backend.nutrients()));
    }
}
