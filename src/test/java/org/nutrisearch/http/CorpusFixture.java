package org.nutrisearch.http;

import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;

import java.nio.file.Path;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** The five bundled articles indexed into a temporary folder (test support). */
public final class CorpusFixture {

    private CorpusFixture() {
    }

    /** Loads {@code corpus/} (the repository's bundled articles) and opens a backend over a fresh index. */
    public static LuceneSearchBackend openBundled(Path indexDir) throws Exception {
        CorpusLoad load = new CorpusLoader().load(Path.of("corpus"));
        if (load.articles().size() != 5 || !load.problems().isEmpty()) {
            throw new IllegalStateException("bundled corpus did not load cleanly: " + load.problems());
        }
        return FixtureIndex.open(indexDir, load.articles());
    }
}
