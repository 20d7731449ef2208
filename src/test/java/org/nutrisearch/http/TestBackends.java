package org.nutrisearch.http;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.opensearch.IndexLayout;
import org.nutrisearch.opensearch.OpenSearchBackend;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;
import org.nutrisearch.opensearch.OpenSearchIndexer;
import org.nutrisearch.opensearch.OpenSearchSchema;
import org.nutrisearch.opensearch.OpenSearchTestCluster;
import org.nutrisearch.opensearch.SharedOpenSearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchBackend;

/**
 * Search backends over fixture article sets, built once per test run and shared by the API test
 * classes: the embedded index in a temporary folder, or the OpenSearch backend on the shared test
 * cluster with a 2-shard index and one replica. Resolved as a parameter (this class is also the
 * JUnit extension); closed at the end of the run.
 */
public final class TestBackends implements AutoCloseable {

    /** Shards and replicas of every OpenSearch test index: ranking must not depend on the shard count. */
    public static final IndexLayout LAYOUT = new IndexLayout(2, 1);

    private final ExtensionContext root;
    private final Map<String, SearchBackend> open = new LinkedHashMap<>();
    private final List<Path> folders = new ArrayList<>();

    private TestBackends(ExtensionContext root) {
        this.root = root;
    }

    /** The five bundled articles of {@code corpus/}. */
    public SearchBackend bundled(ApiBackend kind) {
        return backend(kind, "bundled", TestBackends::bundledArticles);
    }

    /**
     * A backend of {@code kind} over the articles {@code articles} gives, built on first use under
     * {@code name} (an OpenSearch alias: lower case).
     */
    public synchronized SearchBackend backend(ApiBackend kind, String name, Supplier<List<Article>> articles) {
        String key = kind + "/" + name;
        SearchBackend backend = open.get(key);
        if (backend == null) {
            backend = kind == ApiBackend.LUCENE ? lucene(name, articles.get()) : openSearch(name, articles.get());
            open.put(key, backend);
        }
        return backend;
    }

    /** The shared cluster (started on first use). */
    public OpenSearchTestCluster cluster() {
        return SharedOpenSearch.cluster(root);
    }

    static List<Article> bundledArticles() {
        try {
            CorpusLoad load = new CorpusLoader().load(Path.of("corpus"));
            if (load.articles().size() != 5 || !load.problems().isEmpty()) {
                throw new IllegalStateException("bundled corpus did not load cleanly: " + load.problems());
            }
            return load.articles();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SearchBackend lucene(String name, List<Article> articles) {
        try {
            Path dir = Files.createTempDirectory("nutrisearch-api-" + name + "-");
            folders.add(dir);
            return FixtureIndex.open(dir, articles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchBackend openSearch(String name, List<Article> articles) {
        String alias = "api-" + name.toLowerCase(Locale.ROOT);
        OpenSearchConnection connection = OpenSearchConnection.open(cluster().httpUrls());
        OpenSearchBackend backend = openSearchBackend(connection, alias, () -> { });
        corpusIndexer(connection, alias).index(articles);
        return backend;
    }

    /**
     * The OpenSearch backend as {@code serve} wires it, over {@code connection} (which it closes): the
     * same ranking as the embedded fixture ({@link FixtureIndex}, wired as the service is).
     */
    public static OpenSearchBackend openSearchBackend(OpenSearchConnection connection, String alias, Runnable onIndexMissing) {
        return OpenSearchBackend.open(connection, alias, NutrientLexicon.loadDefault(), FixtureIndex.json(),
                RankingOptions.DEFAULTS, onIndexMissing);
    }

    /** Indexes articles under {@code alias} in the test layout, with the project's synonyms. */
    public static OpenSearchCorpusIndexer corpusIndexer(OpenSearchConnection connection, String alias) {
        OpenSearchIndexer indexer = new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withAlias(alias).withLayout(LAYOUT)
                        .withDeleteDelay(java.time.Duration.ofMillis(200)));
        return new OpenSearchCorpusIndexer(indexer, new NutrientTagger(NutrientLexicon.loadDefault()),
                FixtureIndex.json(), OpenSearchCorpusIndexer.projectSynonyms());
    }

    @Override
    public synchronized void close() throws IOException {
        for (SearchBackend backend : open.values()) {
            backend.close();
        }
        open.clear();
        for (Path dir : folders) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Resolves {@link TestBackends} parameters from the run's root store. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestBackends.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestBackends.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext root = context.getRoot();
            return root.getStore(NAMESPACE).computeIfAbsent(TestBackends.class, k -> new TestBackends(root),
                    TestBackends.class);
        }
    }
}
