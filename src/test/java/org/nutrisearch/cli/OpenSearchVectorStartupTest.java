package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.opensearch.KnnOpenSearch;
import org.nutrisearch.opensearch.KnnTestCluster;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve --backend opensearch} with the embedding model, as the command wires it, on a node with
 * the k-NN plugin: the build embeds every unit, and searches run in the default hybrid mode.
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(KnnOpenSearch.class)
class OpenSearchVectorStartupTest {

    @Test
    void theServiceBuildsWithVectorsAndSearchesByMeaning(KnnTestCluster cluster, @TempDir Path index) throws Exception {
        BackendOptions options = new BackendOptions();
        options.backend = BackendOptions.Backend.opensearch;
        options.openSearchUrls = cluster.httpUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        options.openSearchAlias = "serve-vectors";
        options.openSearchShards = 1;
        options.openSearchReplicas = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Embeddings embeddings = Embeddings.open(index)) {
            OpenSearchStartup startup = new OpenSearchStartup(Services.create(), options, Path.of("corpus"), embeddings);
            try (SearchBackend backend = startup.open(new PrintStream(out, true, StandardCharsets.UTF_8), SearchMode.HYBRID)
                    .backend()) {
                String printed = out.toString(StandardCharsets.UTF_8);
                assertTrue(printed.contains("vectors: ready (" + embeddings.model().modelId() + ", OpenSearch k-NN)"), printed);
                assertTrue(backend.vectorsAvailable());
                SearchResult result = backend.search(SearchRequest.of("Will eating bananas stop my cramps?"));
                assertEquals(SearchMode.HYBRID, result.mode());
                // The banana FAQ shares one word with the question; its meaning puts it first.
                assertTrue(result.hits().get(0).unit().text().startsWith("Bananas are rich in potassium"),
                        result.hits().get(0).unit().id() + ": " + result.hits().get(0).unit().text());
                assertNotNull(result.hits().get(0).similarity());
            }
        }
    }
}
