package org.nutrisearch.http;

import io.javalin.http.Context;

import java.util.List;
import org.nutrisearch.index.VectorStatus;
import org.nutrisearch.search.BackendUnavailableException;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;

/** {@code GET /health} and {@code GET /api/nutrients}. */
final class InfoHandlers {

    /** The health body; {@code vectorStatus} says how far filling in the vectors is. */
    record Health(String status, int articles, int units, boolean vectors, String defaultMode,
                  VectorStatus.Snapshot vectorStatus) {
    }

    /** The nutrients body. */
    record NutrientsBody(List<Facets.NutrientCount> nutrients) {
    }

    private final SearchBackend backend;
    private final VectorStatus vectorStatus;

    InfoHandlers(SearchBackend backend, VectorStatus vectorStatus) {
        this.backend = backend;
        this.vectorStatus = vectorStatus;
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
        boolean vectors = backend.vectorsAvailable();
        VectorStatus.Snapshot status = vectors ? new VectorStatus.Snapshot(VectorStatus.State.READY.apiName(),
                null, null, null, null) : vectorStatus.snapshot();
        ctx.json(new Health("ok", stats.articles(), stats.units(), vectors, backend.defaultMode().apiName(), status));
    }

    void nutrients(Context ctx) {
        ctx.json(new NutrientsBody(backend.nutrients()));
    }
}
