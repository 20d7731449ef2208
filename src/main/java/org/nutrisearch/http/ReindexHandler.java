package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusProblem;
import org.nutrisearch.index.IndexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.index.StopSignal;

/**
 * {@code POST /api/admin/reindex}: rebuilds the index from the corpus while searches go on and switches
 * to it. Needs the admin bearer token; one reindex at a time (409 while one runs).
 */
final class ReindexHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexHandler.class);

    /**
     * The response body: what the new index holds and what the corpus had to skip (the first thousand
     * inputs in {@code skipped}, all of them counted in {@code skippedTotal}).
     */
    record Body(int articles, int units, Map<String, Integer> unitsByKind, long millis, List<Skipped> skipped,
                long skippedTotal) {
        static Body of(Reindexer.Report report) {
            IndexSummary s = report.summary();
            return new Body(s.articles(), s.units(), s.unitsByKind(), s.millis(),
                    report.load().problems().stream().map(Skipped::of).toList(), report.load().problemCount());
        }
    }

    /** One input left out; {@code line} is null when the whole file was skipped. */
    record Skipped(String file, Integer line, String reason, String detail) {
        static Skipped of(CorpusProblem p) {
            return new Skipped(p.file(), p.line(), p.reason().name().toLowerCase(Locale.ROOT), p.detail());
        }
    }

    private final AdminAuth auth;
    private final Supplier<? extends CorpusReindexer> reindexer;

    /** @param reindexer the reindexer, or a supplier of null while the served index is still loading */
    ReindexHandler(AdminAuth auth, Supplier<? extends CorpusReindexer> reindexer) {
        this.auth = auth;
        this.reindexer = reindexer;
    }

    @Override
    public void handle(Context ctx) {
        auth.check(ctx);
        CorpusReindexer r = reindexer.get();
        if (r == null) {
            throw new HttpResponseException(503, "the index is still loading; retry shortly",
                    Map.of(ApiErrors.CODE, "index_loading", "Retry-After", "5"));
        }
        try {
            ctx.json(Body.of(r.reindex()));
        } catch (Reindexer.AlreadyRunning e) {
            throw new HttpResponseException(409, e.getMessage(), Map.of(ApiErrors.CODE, "reindex_running"));
        } catch (StopSignal.Stopped e) {
            // Shutdown came while the rebuild outlived the drain: nothing was switched, the served index stays.
            throw new HttpResponseException(503, "the service is shutting down; the reindex was stopped and the "
                    + "served index is kept", Map.of(ApiErrors.CODE, "shutting_down", "Retry-After", "5"));
        } catch (Reindexer.NothingToIndex e) {
            throw new HttpResponseException(409, e.getMessage(), Map.of(ApiErrors.CODE, "nothing_to_index"));
        } catch (IOException | UncheckedIOException | CorpusException e) {
            // The served index is untouched; the admin sees what failed, never a stack trace.
            LOG.error("reindex failed", e);
            throw new HttpResponseException(500, "reindex failed, the served index is kept: " + e.getMessage(),
                    Map.of(ApiErrors.CODE, "reindex_failed"));
        }
    }
}
