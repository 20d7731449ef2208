package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.nio.file.Path;
import java.util.List;

/**
 * The same articles indexed with vectors (BGE-small) both ways, for parity tests: an embedded Lucene
 * index in {@code dir} and an OpenSearch index under {@code alias} on a k-NN cluster, both serving
 * hybrid search with one query-vector cache. Closes what it opened.
 */
record BothBackends(OnnxEmbedder model, LuceneSearchBackend lucene, OpenSearchBackend openSearch,
                    RecordingTransport openSearchRequests)
        implements AutoCloseable {

    static BothBackends index(List<Article> articles, Path dir, KnnTestCluster cluster, String alias) throws Exception {
        OnnxEmbedder model = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                new EmbedderSettings(Path.of("target", "native"), 2, 1));
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, json, model).rebuild(articles, generations, null);
        QueryVectors queries = new QueryVectors(model, QueryVectors.DEFAULT_CAPACITY);
        LuceneSearchBackend lucene = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                lexicon, json, RankingOptions.DEFAULTS, SearchMode.HYBRID, HybridOptions.DEFAULTS);
        lucene.useQueryVectors(queries);

        OpenSearchConnection connection = OpenSearchConnection.open(cluster.httpUrls());
        new OpenSearchCorpusIndexer(new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withAlias(alias).withLayout(new IndexLayout(2, 0))),
                tagger, json, OpenSearchCorpusIndexer.projectSynonyms(), model).index(articles);
        // The backend's requests are recorded, so a test can count its round trips to the cluster.
        RecordingTransport[] recording = new RecordingTransport[1];
        OpenSearchConnection recorded = connection.wrapTransport(t -> recording[0] = new RecordingTransport(t));
        OpenSearchBackend openSearch = OpenSearchBackend.open(recorded, alias, lexicon, json, RankingOptions.DEFAULTS,
                () -> { }, SearchMode.HYBRID, HybridOptions.DEFAULTS);
        openSearch.useQueryVectors(queries);
        return new BothBackends(model, lucene, openSearch, recording[0]);
    }

    /** Closes both backends, then the model they embed queries with. */
    @Override
    public void close() {
        lucene.close();
        openSearch.close();
        model.close();
    }
}
