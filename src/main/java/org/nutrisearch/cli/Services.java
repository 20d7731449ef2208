package org.nutrisearch.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.opensearch.OpenSearchBackend;
import org.nutrisearch.opensearch.OpenSearchConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.index.StopSignal;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * The shared, thread-safe parts of the service, built once: lexicon, tagger, analyzer, JSON mapper.
 * The commands and the server get everything from here.
 */
record Services(NutrientLexicon lexicon, NutrientTagger tagger, Analyzer analyzer, ObjectMapper json) {

    static Services create() {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new Services(lexicon, new NutrientTagger(lexicon), TextAnalyzers.english(), json);
    }

    CorpusLoad loadCorpus(Path corpus) throws CorpusException {
        return new CorpusLoader().load(corpus);
    }

    /**
     * Builds a new generation from {@code load}, storing vectors from {@code embedder} (null: none) and
     * {@code manifest}, the corpus as it was before it was loaded; reports units done to {@code progress}
     * (may be null).
     */
    IndexSummary rebuild(CorpusLoad load, CorpusManifest manifest, Path indexRoot, IntConsumer progress,
                         TextEmbedder embedder) throws IOException {
        return rebuild(load, manifest, indexRoot, progress, embedder, StopSignal.none());
    }

    /** As above, stopping within one unit once {@code stop} is signalled (nothing is published then). */
    IndexSummary rebuild(CorpusLoad load, CorpusManifest manifest, Path indexRoot, IntConsumer progress,
                         TextEmbedder embedder, StopSignal stop) throws IOException {
        IndexGenerations generations = new IndexGenerations(indexRoot);
        IndexSummary summary = new IndexBuilder(tagger, json, embedder, stop)
                .rebuild(load.articles(), generations, progress, manifest);
        generations.removeAllExcept(generations.current().orElseThrow());
        return summary;
    }

    LuceneSearchBackend openBackend(Path generation) throws IOException {
        return openBackend(LiveIndex.open(generation));
    }

    LuceneSearchBackend openBackend(LiveIndex live) {
        return LuceneSearchBackend.open(live, lexicon, json);
    }

    /** A backend searching in {@code defaultMode} when a request names none (once vectors are available). */
    LuceneSearchBackend openBackend(LiveIndex live, SearchMode defaultMode) {
        return LuceneSearchBackend.open(live, lexicon, json, RankingOptions.DEFAULTS, defaultMode, HybridOptions.DEFAULTS);
    }

    /**
     * The OpenSearch backend over {@code connection} (which it closes), ranking and marking snippets like
     * the embedded backend; {@code onIndexMissing} hears of a cluster without the indexes.
     */
    OpenSearchBackend openSearchBackend(OpenSearchConnection connection, String alias, Runnable onIndexMissing) {
        return openSearchBackend(connection, alias, onIndexMissing, SearchMode.LEXICAL);
    }

    /** An OpenSearch backend searching in {@code defaultMode} when a request names none (once the build has vectors). */
    OpenSearchBackend openSearchBackend(OpenSearchConnection connection, String alias, Runnable onIndexMissing,
                                        SearchMode defaultMode) {
        return OpenSearchBackend.open(connection, alias, lexicon, json, RankingOptions.DEFAULTS, onIndexMissing,
                defaultMode, HybridOptions.DEFAULTS);
    }

    /** Rebuilds from {@code corpus} into a new generation under {@code indexRoot} and switches {@code live} to it. */
    Reindexer reindexer(Path corpus, Path indexRoot, LiveIndex live) {
        return reindexer(corpus, indexRoot, live, null, StopSignal.none());
    }

    /**
     * As {@link #reindexer(Path, Path, LiveIndex)}, storing vectors from {@code embedder} (null: none), and
     * stopping a rebuild within one unit once {@code stop} is signalled.
     */
    Reindexer reindexer(Path corpus, Path indexRoot, LiveIndex live, TextEmbedder embedder, StopSignal stop) {
        return new Reindexer(corpus, new IndexGenerations(indexRoot), new IndexBuilder(tagger, json, embedder, stop),
                live, new CorpusLoader());
    }

    /**
     * Why the index under {@code indexRoot} must be rebuilt to serve the corpus described by {@code corpus},
     * or empty when its served generation was built from exactly these files (sizes and contents, never
     * modification times).
     */
    static Optional<String> whyRebuild(CorpusManifest corpus, Path indexRoot) {
        IndexGenerations generations = new IndexGenerations(indexRoot);
        Optional<Path> current = generations.current();
        if (current.isEmpty()) {
            return Optional.of("there is no index yet");
        }
        Optional<CorpusManifest> built = generations.manifest(current.get());
        if (built.isEmpty()) {
            return Optional.of("the index does not say which corpus it was built from");
        }
        CorpusManifest.Changes changes = corpus.changesSince(built.get());
        return changes.none() ? Optional.empty() : Optional.of("the corpus changed: " + changes.summary());
    }
}
