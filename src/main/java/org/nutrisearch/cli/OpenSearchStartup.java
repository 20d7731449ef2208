package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.opensearch.BackgroundRebuild;
import org.nutrisearch.opensearch.BuildInfo;
import org.nutrisearch.opensearch.ClusterAccess;
import org.nutrisearch.opensearch.OpenSearchBuilds;
import org.nutrisearch.opensearch.OpenSearchBackend;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;
import org.nutrisearch.opensearch.OpenSearchIndexer;
import org.nutrisearch.opensearch.OpenSearchReindexer;
import org.nutrisearch.opensearch.OpenSearchSchema;
import org.nutrisearch.opensearch.OpenSearchUnavailableException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.SearchMode;
import java.util.Optional;

/**
 * Starts the OpenSearch backend for {@code serve} and {@code index}: checks the cluster answers (a clear
 * error otherwise), builds the indexes from the corpus when the aliases are missing (or when asked to),
 * and opens the backend with a background rebuild for a cluster that comes back without its indexes.
 */
final class OpenSearchStartup {

    /** At most one automatic rebuild per this interval, however many requests find the index missing. */
    static final Duration REBUILD_INTERVAL = Duration.ofSeconds(30);

    /** Startup failed; the message says why, for the command to print before exiting with 1. */
    static final class StartupException extends Exception {
        StartupException(String message) {
            super(message);
        }
    }

    private final Services services;
    private final BackendOptions options;
    private final Path corpus;
    /** Loads the embedding model and vector cache once the cluster answered (null from it: lexical). */
    private final Supplier<Embeddings> loadEmbeddings;
    private Embeddings embeddings;

    OpenSearchStartup(Services services, BackendOptions options, Path corpus) {
        this(services, options, corpus, () -> null);
    }

    /** A start-up that embeds units when building and queries when searching with {@code embeddings} (null: none). */
    OpenSearchStartup(Services services, BackendOptions options, Path corpus, Embeddings embeddings) {
        this(services, options, corpus, () -> embeddings);
    }

    /**
     * A start-up that, once the cluster answered, gets the embedding model from {@code loadEmbeddings}
     * (which owns it; null: builds and searches are lexical): an unreachable cluster is reported before
     * a model is loaded for nothing.
     */
    OpenSearchStartup(Services services, BackendOptions options, Path corpus, Supplier<Embeddings> loadEmbeddings) {
        this.services = services;
        this.options = options;
        this.corpus = corpus;
        this.loadEmbeddings = loadEmbeddings;
    }

    /** Connects and checks that the cluster answers; the caller closes the connection. */
    OpenSearchConnection connect(PrintStream out) throws StartupException {
        OpenSearchConnection connection;
        ClusterAccess access;
        try {
            access = options.access();
            connection = OpenSearchConnection.open(options.openSearchUrls, access);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        if (access.authenticates() && connection.nodes().stream().anyMatch(u -> u.getScheme().equals("http"))) {
            out.println("OpenSearch: warning: the password of user '" + access.user()
                    + "' goes over plain HTTP to " + connection.nodes() + "; use https:// URLs");
        }
        try {
            out.println("OpenSearch: " + connection.verify() + " at " + connection.nodes()
                    + (access.authenticates() ? " as user '" + access.user() + "'" : ""));
            return connection;
        } catch (OpenSearchUnavailableException e) {
            closeQuietly(connection);
            // Credentials refused or missing: the cluster answered, so the hint about where it runs does not apply.
            boolean answered = e.getMessage().contains("(HTTP ");
            throw new StartupException(e.getMessage()
                    + (answered ? "" : " (start OpenSearch, or set --opensearch-url / NUTRISEARCH_OPENSEARCH_URL)"));
        }
    }


    /** Loads the corpus and indexes it into new indexes on the cluster, switching the aliases; prints the report. */
    IndexSummary index(OpenSearchCorpusIndexer indexer, PrintStream out) throws StartupException {
        return index(indexer, scanCorpus(), out);
    }

    private IndexSummary index(OpenSearchCorpusIndexer indexer, CorpusManifest manifest, PrintStream out)
            throws StartupException {
        CorpusLoad load = loadCorpus();
        IndexSummary summary;
        try {
            summary = indexer.index(load.articles(), manifest);
        } catch (RuntimeException e) {
            throw new StartupException("indexing into OpenSearch failed, the served indexes are kept: " + e.getMessage());
        }
        IndexReport.print(out, load, summary);
        return summary;
    }

    /** The backend and the reindexer behind {@code POST /api/admin/reindex}. */
    record Opened(OpenSearchBackend backend, OpenSearchReindexer reindexer) {
    }

    /**
     * Connects, indexes the corpus when the cluster has no build of it (no indexes behind the aliases,
     * a build of another corpus, or {@code --opensearch-reindex}), and opens the backend, which rebuilds
     * the indexes in the background should the cluster lose them.
     */
    Opened open(PrintStream out) throws StartupException {
        return open(out, SearchMode.LEXICAL);
    }

    /** As {@link #open(PrintStream)}, the backend searching in {@code defaultMode} when a request names none. */
    Opened open(PrintStream out, SearchMode defaultMode) throws StartupException {
        OpenSearchConnection connection = connect(out);
        try {
            embeddings = loadEmbeddings.get();
            OpenSearchCorpusIndexer indexer = corpusIndexer(connection);
            // Taken before reading: a file changed during the build then differs at the next start.
            CorpusManifest manifest = scanCorpus();
            Optional<String> why = options.openSearchReindex ? Optional.of("--opensearch-reindex")
                    : whyRebuild(connection, indexer, manifest);
            if (why.isPresent()) {
                out.println("OpenSearch: building the indexes: " + why.get());
                index(indexer, manifest, out);
            } else {
                out.println("OpenSearch: serving the existing build behind '" + options.openSearchAlias
                        + "', made from this corpus (--opensearch-reindex rebuilds it)");
            }
            OpenSearchReindexer reindexer = new OpenSearchReindexer(corpus, new CorpusLoader(), indexer);
            BackgroundRebuild rebuild = new BackgroundRebuild(reindexer::rebuildIfMissing, REBUILD_INTERVAL);
            OpenSearchBackend backend = services.openSearchBackend(connection, options.openSearchAlias, rebuild, defaultMode);
            if (embeddings() != null) {
                backend.useQueryVectors(new QueryVectors(embeddings.model(), QueryVectors.DEFAULT_CAPACITY));
                out.println(backend.vectorsAvailable()
                        ? "vectors: ready (" + embeddings.model().modelId() + ", OpenSearch k-NN)"
                        : "vectors: the served build has none of " + embeddings.model().modelId()
                                + ": searches run lexically (a rebuild on a cluster with the k-NN plugin adds them)");
            }
            return new Opened(backend, reindexer);
        } catch (StartupException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof OpenSearchUnavailableException u) {
                throw new StartupException(u.getMessage());
            }
            throw e;
        }
    }

    /**
     * Why the cluster's build does not serve {@code corpus}: none yet, one that does not say what it was
     * built from, or one of another corpus (as {@code Services.whyRebuild} decides for the embedded index).
     */
    private Optional<String> whyRebuild(OpenSearchConnection connection, OpenSearchCorpusIndexer indexer,
                                        CorpusManifest corpus) {
        if (!indexer.indexed()) {
            return Optional.of("there is no index behind '" + options.openSearchAlias + "' yet");
        }
        BuildInfo built = new OpenSearchBuilds(connection.client(),
                options.openSearchAlias + OpenSearchIndexer.BUILD_SUFFIX).served().info();
        if (built.corpus() == null) {
            return Optional.of("the build " + built.id() + " does not say which corpus it was built from");
        }
        CorpusManifest.Changes changes = corpus.changesSince(built.corpus());
        return changes.none() ? Optional.empty()
                : Optional.of("the corpus changed since build " + built.id() + ": " + changes.summary());
    }

    private CorpusManifest scanCorpus() throws StartupException {
        try {
            return CorpusManifest.scan(corpus);
        } catch (CorpusException e) {
            throw new StartupException(e.getMessage());
        }
    }

    /** The model: loaded by {@link #open}, or asked for now by {@link #corpusIndexer} alone ({@code index}). */
    private Embeddings embeddings() {
        if (embeddings == null) {
            embeddings = loadEmbeddings.get();
        }
        return embeddings;
    }

    OpenSearchCorpusIndexer corpusIndexer(OpenSearchConnection connection) throws StartupException {
        return corpusIndexer(connection, embeddings() == null ? null : embeddings().passages());
    }

    /** An indexer into the configured alias and layout that embeds units with {@code passages} (null: none). */
    OpenSearchCorpusIndexer corpusIndexer(OpenSearchConnection connection, TextEmbedder passages) throws StartupException {
        OpenSearchIndexer.Options indexing;
        try {
            indexing = options.indexerOptions();
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        return new OpenSearchCorpusIndexer(new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(), indexing),
                services.tagger(), services.json(), OpenSearchCorpusIndexer.projectSynonyms(), passages);
    }

    private CorpusLoad loadCorpus() throws StartupException {
        CorpusLoad load;
        try {
            load = services.loadCorpus(corpus);
        } catch (CorpusException e) {
            throw new StartupException(e.getMessage());
        }
        if (load.articles().isEmpty()) {
            throw new StartupException("no article could be read from " + corpus);
        }
        return load;
    }

    private static void closeQuietly(OpenSearchConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // Only sockets to release; the startup error is what matters.
        }
    }
}
