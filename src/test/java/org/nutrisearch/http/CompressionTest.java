package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser that accepts gzip gets the same page of hits, compressed; a client that does not, plain JSON. */
@Tag("integration")
class CompressionTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        backend = CorpusFixture.openBundled(dir);
        app = App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults())
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        backend.close();
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPageOfHitsIsGzippedForClientsThatAcceptItAndPlainForOthers() throws Exception {
        String path = "/api/search?q=magnesium+cramps&mode=lexical&limit=10";
        HttpResponse<byte[]> plain = get(path, null);
        HttpResponse<byte[]> gzipped = get(path, "gzip, deflate, br");

        assertEquals(200, plain.statusCode());
        assertEquals(200, gzipped.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no encoding asked for, none used");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));

        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            unzipped = in.readAllBytes();
        }
        JsonNode a = json.readTree(plain.body());
        JsonNode b = json.readTree(unzipped);
        assertEquals(a.get("total"), b.get("total"));
        assertEquals(a.get("results"), b.get("results"), "the same hits and snippets, byte for byte once unzipped");
        assertTrue(gzipped.body().length * 3 < plain.body().length,
                gzipped.body().length + " bytes gzipped against " + plain.body().length);
    }
}
