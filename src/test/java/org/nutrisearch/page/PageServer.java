package org.nutrisearch.page;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.http.App;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.embedding.TextEmbedder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/** The real service (App.create) over articles indexed into a temporary folder, on a free port. */
final class PageServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SearchBackend backend;
    private final Javalin app;

    private PageServer(SearchBackend backend, Javalin app) {
        this.backend = backend;
        this.app = app;
    }

    /** Indexes {@code articles} under {@code dir} and serves them; {@code wrap} may decorate the backend. */
    static PageServer start(Path dir, List<Article> articles, UnaryOperator<SearchBackend> wrap) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, json).rebuild(articles, generations, null);
        var analyzer = TextAnalyzers.english();
        SearchBackend backend = wrap.apply(new LuceneSearchBackend(LiveIndex.open(generations.current().orElseThrow()),
                lexicon, new UnitQueryBuilder(analyzer), new SnippetBuilder(analyzer, tagger), json));
        Javalin app = App.create(backend, lexicon, json, ServerConfig.defaults()).start("127.0.0.1", 0);
        return new PageServer(backend, app);
    }

    /**
     * Indexes {@code articles} with vectors from {@code embedder} and serves them searching in hybrid mode by
     * default (no similarity floor, so every unit is among the nearest).
     */
    static PageServer startWithVectors(Path dir, List<Article> articles, TextEmbedder embedder) throws IOException {
        return startWithVectors(dir, articles, embedder, b -> b);
    }

    /** As {@link #startWithVectors(Path, List, TextEmbedder)}; {@code wrap} may decorate the backend. */
    static PageServer startWithVectors(Path dir, List<Article> articles, TextEmbedder embedder,
                                       UnaryOperator<SearchBackend> wrap) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(new NutrientTagger(lexicon), json, embedder).rebuild(articles, generations, null);
        LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                lexicon, json, RankingOptions.DEFAULTS, SearchMode.HYBRID,
                new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0));
        backend.useQueryVectors(new QueryVectors(embedder, 64));
        SearchBackend served = wrap.apply(backend);
        Javalin app = App.create(served, lexicon, json, ServerConfig.defaults()).start("127.0.0.1", 0);
        return new PageServer(served, app);
    }

    /** GETs {@code pathAndQuery} from this server's API, expecting 200, and returns the JSON body. */
    JsonNode getJson(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), pathAndQuery);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An absolute URL on this server, e.g. {@code url("/?q=iron")}. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + app.port() + pathAndQuery;
    }

    @Override
    public void close() {
        app.stop();
        backend.close();
    }
}
