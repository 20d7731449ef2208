package org.nutrisearch.opensearch;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.index.Reindexer;

/**
 * Rebuilds the OpenSearch indexes from the corpus and switches the aliases to them while searches go
 * on ({@code POST /api/admin/reindex} on this backend), one rebuild at a time; also rebuilds them when
 * the cluster has lost them.
 */
public final class OpenSearchReindexer implements CorpusReindexer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchReindexer.class);

    private final Path corpus;
    private final CorpusLoader loader;
    private final OpenSearchCorpusIndexer indexer;
    private final ReentrantLock running = new ReentrantLock();

    public OpenSearchReindexer(Path corpus, CorpusLoader loader, OpenSearchCorpusIndexer indexer) {
        this.corpus = corpus;
        this.loader = loader;
        this.indexer = indexer;
    }

    /**
     * Loads the corpus, indexes it into new indexes and switches the aliases.
     *
     * @throws Reindexer.AlreadyRunning       when a rebuild is running
     * @throws Reindexer.NothingToIndex       when the corpus yields no article
     * @throws IOException                    when the cluster refused a document (the served indexes are kept)
     * @throws OpenSearchUnavailableException when the cluster cannot be reached
     */
    @Override
    public Reindexer.Report reindex() throws IOException, CorpusException {
        if (!running.tryLock()) {
            throw new Reindexer.AlreadyRunning();
        }
        try {
            // Taken before reading: a file changed during the build then differs at the next start.
            CorpusManifest manifest = CorpusManifest.scan(corpus);
            CorpusLoad load = loader.load(corpus);
            if (load.articles().isEmpty()) {
                throw new Reindexer.NothingToIndex("no article could be read from " + corpus + "; the served index is kept");
            }
            load.problems().forEach(p -> LOG.warn("reindex skipped {}", p.message()));
            IndexSummary summary;
            try {
                summary = indexer.index(load.articles(), manifest);
            } catch (BulkIndexingException e) {
                throw new IOException("OpenSearch refused a document: " + e.getMessage(), e);
            }
            LOG.info("reindexed {} articles, {} units into OpenSearch", summary.articles(), summary.units());
            return new Reindexer.Report(summary, load, Instant.now());
        } finally {
            running.unlock();
        }
    }

    /**
     * Rebuilds the indexes when the aliases point nowhere (a new cluster, or one that lost its data),
     * unless a rebuild is running; failures are logged, for the next request that misses the indexes
     * to try again.
     */
    public void rebuildIfMissing() {
        try {
            if (indexer.indexed()) {
                return; // another service instance rebuilt them meanwhile
            }
            LOG.warn("OpenSearch has no index behind its aliases: rebuilding from {}", corpus);
            reindex();
        } catch (Reindexer.AlreadyRunning e) {
            // The running rebuild brings the indexes back.
        } catch (IOException | CorpusException | RuntimeException e) {
            LOG.error("rebuilding the OpenSearch indexes failed; the next request that misses them tries again", e);
        }
    }
}
