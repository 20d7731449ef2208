package org.nutrisearch.index;

import org.nutrisearch.corpus.CorpusException;

import java.io.IOException;

/**
 * Rebuilds what a backend serves from the corpus while searches go on, then switches to it: the
 * embedded index ({@link Reindexer}) or the indexes on an OpenSearch cluster. What
 * {@code POST /api/admin/reindex} runs.
 */
public interface CorpusReindexer {

    /**
     * Rebuilds and switches; one at a time.
     *
     * @throws Reindexer.AlreadyRunning when a rebuild is running
     * @throws Reindexer.NothingToIndex when the corpus yields no article (the served index is kept)
     * @throws IOException              when the rebuild failed (the served index is kept)
     */
    Reindexer.Report reindex() throws IOException, CorpusException;
}
