package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.search.LoadingBackend;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/**
 * Keeps {@code /openapi.json} true: every route the app registers is documented and every documented
 * route exists; every documented response is provoked on a real server (from the documented examples
 * and {@code x-example-request}), its status and content type match, every field it returns is
 * documented, every required field is there, and every documented field shows up in some response.
 */
@Tag("integration")
class OpenApiContractTest {

    private static final String TOKEN = "contract-test-token";
    private static final ObjectMapper JSON = FixtureIndex.json();

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static LoadingBackend loading;
    /** Server states a documented example may ask for. */
    static final Map<String, Javalin> servers = new LinkedHashMap<>();
    static JsonNode spec;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        // The bundled articles plus an empty file, so that a reindex has something to report as skipped.
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        Files.writeString(corpus.resolve("empty.txt"), "");
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir.resolve("index"));
        IndexBuilder builder = new IndexBuilder(tagger, JSON);
        builder.rebuild(new CorpusLoader().load(corpus).articles(), generations, null);
        LiveIndex live = LiveIndex.open(generations.current().orElseThrow());
        var analyzer = TextAnalyzers.english();
        backend = new LuceneSearchBackend(live, lexicon, new UnitQueryBuilder(analyzer),
                new SnippetBuilder(analyzer, tagger), JSON);
        Reindexer reindexer = new Reindexer(corpus, generations, builder, live, new CorpusLoader());
        Reindexer nothingToIndex = new Reindexer(Files.createDirectories(dir.resolve("empty-corpus")), generations,
                builder, live, new CorpusLoader());
        loading = new LoadingBackend();

        ServerConfig admin = ServerConfig.defaults().withAdminToken(TOKEN);
        servers.put("ready", App.create(backend, lexicon, JSON, admin, () -> reindexer).start("127.0.0.1", 0));
        servers.put("loading", App.create(loading, lexicon, JSON, admin, () -> null).start("127.0.0.1", 0));
        servers.put("without-admin-token", App.create(backend, lexicon, JSON, ServerConfig.defaults(), () -> reindexer)
                .start("127.0.0.1", 0));
        servers.put("empty-corpus", App.create(backend, lexicon, JSON, admin, () -> nothingToIndex).start("127.0.0.1", 0));
        // One request a minute: an example sent right after another ("after": 1) is refused.
        servers.put("rate-limited", App.create(backend, lexicon, JSON, admin.withRateLimit(1, 1), () -> reindexer)
                .start("127.0.0.1", 0));
        // Something for the analytics report to show: each search commits the one before it (a
        // different query ends a typing run), so "magnesum" and "xyzzy" are counted as zero-result searches.
        for (String q : List.of("magnesum", "xyzzy", "potassium")) {
            assertEquals(200, send("ready", "/api/search?q=" + q, Map.of()).statusCode());
        }
        HttpResponse<String> response = send("ready", "/openapi.json", Map.of());
        assertEquals(200, response.statusCode());
        spec = JSON.readTree(response.body());
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(Javalin::stop);
        backend.close();
    }

    static HttpResponse<String> send(String server, String pathAndQuery, Map<String, String> headers) throws Exception {
        return send(server, "GET", pathAndQuery, headers, null);
    }

    static HttpResponse<String> send(String server, String method, String pathAndQuery, Map<String, String> headers,
                                     String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + servers.get(server).port() + pathAndQuery))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDescriptionIsOpenApi31() {
        assertEquals("3.1.0", spec.get("openapi").asText());
        assertEquals("NutriSearch API", spec.get("info").get("title").asText());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint e : servers.get("ready").unsafe.internalRouter.allHttpHandlers()) {
            HandlerType method = e.endpoint.method;
            if (method.isHttpMethod() && method != HandlerType.HEAD && method != HandlerType.OPTIONS) {
                registered.add(method.name().toLowerCase() + " " + e.endpoint.path);
            }
        }
        Set<String> documented = new TreeSet<>();
        spec.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method + " " + path.getKey())));
        assertEquals(registered, documented);
    }

    @Test
    void everyDocumentedResponseMatchesTheRealOne() throws Exception {
        Set<String> seen = new TreeSet<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().get("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> documented = responses.next();
                    if (documented.getKey().equals("default")) {
                        continue; // unexpected failures cannot be provoked on purpose
                    }
                    String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + documented.getKey();
                    JsonNode response = documented.getValue().has("$ref") ? resolve(documented.getValue())
                            : documented.getValue();
                    checkResponse(where, path.getKey(), op.getKey(), op.getValue(), Integer.parseInt(documented.getKey()),
                            response, seen);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 25, "responses checked: " + checked);
        Set<String> never = new TreeSet<>(documentedFields());
        never.removeAll(seen);
        assertEquals(Set.of(), never, "documented fields no response returned");
    }

    private void checkResponse(String where, String template, String method, JsonNode op, int status,
                               JsonNode documented, Set<String> seen) throws Exception {
        JsonNode example = documented.path("x-example-request");
        Map<String, Object> params = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            if (p.has("example")) {
                params.put(p.get("in").asText() + ":" + p.get("name").asText(), JSON.treeToValue(p.get("example"), Object.class));
            } else {
                assertTrue(!p.path("required").asBoolean(), where + ": required parameter without example: " + p.get("name"));
            }
        }
        example.path("parameters").properties().forEach(e -> {
            String key = params.keySet().stream().filter(k -> k.endsWith(":" + e.getKey())).findFirst()
                    .orElse("query:" + e.getKey());
            if (e.getValue().isNull()) {
                params.remove(key);
            } else {
                params.put(key, e.getValue().asText());
            }
        });
        Map<String, String> headers = new HashMap<>();
        if (op.has("security")) {
            headers.put("Authorization", "Bearer " + TOKEN);
        }
        example.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        String server = example.path("server").asText("ready");
        String body = null;
        JsonNode requestBody = op.path("requestBody").path("content").path("application/json");
        if (!requestBody.isMissingNode()) {
            // The documented request example must itself be valid.
            check(where + " request example", requestBody.get("schema"), requestBody.get("example"), "request", new TreeSet<>());
            body = requestBody.get("example").toString();
        }
        if (example.has("body")) {
            body = example.get("body").asText();
        } else if (example.has("bodyBytes")) {
            body = "{\"question\": \"" + "a".repeat(example.get("bodyBytes").asInt()) + "\"}";
        }

        for (int i = 0; i < example.path("after").asInt(0); i++) {
            send(server, method.toUpperCase(), url(template, params), headers, body); // what the example follows
        }
        Reply response = example.path("stallBody").asBoolean()
                ? stalled(server, method.toUpperCase(), url(template, params))
                : Reply.of(send(server, method.toUpperCase(), url(template, params), headers, body));
        assertEquals(status, response.status(), where + ": " + response.body());
        JsonNode content = documented.get("content");
        String type = content.fieldNames().next();
        String actualType = response.header("Content-Type");
        assertTrue(actualType.startsWith(type), where + ": content type " + actualType + ", documented " + type);
        for (String header : (Iterable<String>) () -> documented.path("headers").fieldNames()) {
            assertTrue(!response.header(header).isEmpty(), where + ": no " + header + " header");
        }
        if (type.equals("application/json")) {
            check(where, content.get(type).get("schema"), JSON.readTree(response.body()), "response", seen);
        }
    }

    /** A response as the checks read it, from the HTTP client or from a raw socket. */
    private record Reply(int status, Map<String, List<String>> headers, String body) {
        static Reply of(HttpResponse<String> r) {
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        }

        /** The first value of a header (any case), or "". */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().getFirst()).findFirst().orElse("");
        }
    }

    /**
     * A request whose JSON body stops after its first byte ("stallBody"): what a client on a broken link
     * sends. The server gives up after its longest pause and answers.
     */
    private static Reply stalled(String server, String method, String pathAndQuery) throws Exception {
        String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 40\r\nConnection: close\r\n\r\n{";
        RawHttp.Response r = RawHttp.exchange(servers.get(server).port(), head.getBytes(StandardCharsets.ISO_8859_1),
                60_000);
        return new Reply(r.status(), r.headers(), r.text());
    }

    private static String url(String template, Map<String, Object> params) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, Object> p : params.entrySet()) {
            String[] inName = p.getKey().split(":", 2);
            if (inName[0].equals("path")) {
                path = path.replace("{" + inName[1] + "}", encode(p.getValue().toString()));
            } else if (p.getValue() instanceof List<?> values) {
                values.forEach(v -> query.add(inName[1] + "=" + encode(v.toString())));
            } else {
                query.add(inName[1] + "=" + encode(p.getValue().toString()));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.get("$ref").asText();
        return spec.at(ref.substring(1));
    }

    private static String refName(JsonNode schema) {
        String ref = schema.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Checks {@code value} against {@code schema}; {@code at} names the place for messages and coverage. */
    private void check(String where, JsonNode schema, JsonNode value, String at, Set<String> seen) {
        if (schema.has("$ref")) {
            check(where, resolve(schema), value, refName(schema), seen);
            return;
        }
        if (schema.has("anyOf")) {
            // Used for "X or null" and "one or many": null needs a null branch, else the branch of the value's shape.
            for (JsonNode branch : schema.get("anyOf")) {
                boolean nullBranch = "null".equals(branch.path("type").asText());
                boolean arrayBranch = "array".equals(branch.path("type").asText());
                if (value.isNull() ? nullBranch : !nullBranch && (branch.has("$ref") || arrayBranch == value.isArray())) {
                    check(where, branch, value, at, seen);
                    return;
                }
            }
            throw new AssertionError(where + " at " + at + ": " + value + " matches no branch of " + schema.get("anyOf"));
        }
        List<String> types = new ArrayList<>();
        if (schema.has("type")) {
            if (schema.get("type").isArray()) {
                schema.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(schema.get("type").asText());
            }
        }
        String message = where + " at " + at + ": " + value;
        if (value.isNull()) {
            assertTrue(types.contains("null"), message + " is null, documented " + types);
            return;
        }
        if (types.isEmpty()) {
            return;
        }
        String actual = value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
        assertTrue(types.contains(actual) || (actual.equals("integer") && types.contains("number")),
                message + " is " + actual + ", documented " + types);
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            assertTrue(allowed.contains(value.asText()), message + " not in " + allowed);
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                check(where, schema.get("items"), item, at + "[]", seen);
            }
        } else if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            if (properties == null) {
                if (additional != null && additional.isObject()) {
                    value.properties().forEach(e -> check(where, additional, e.getValue(), at + "{}", seen));
                }
                return; // a free-form object
            }
            value.fieldNames().forEachRemaining(name ->
                    assertTrue(properties.has(name), where + ": undocumented field " + at + "." + name));
            schema.path("required").forEach(r ->
                    assertTrue(value.has(r.asText()), where + ": required field " + at + "." + r.asText() + " missing"));
            properties.properties().forEach(p -> {
                if (value.has(p.getKey())) {
                    seen.add(at + "." + p.getKey());
                    check(where, p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), seen);
                }
            });
        }
    }

    /**
     * Every documented property of a response schema (request bodies are not returned), named the way
     * {@link #check} names what it sees.
     */
    private static Set<String> documentedFields() {
        Set<String> reachable = new TreeSet<>();
        spec.get("paths").forEach(path -> path.forEach(op -> op.path("responses").forEach(r ->
                r.path("content").forEach(c -> refsOf(c.path("schema"), reachable)))));
        Set<String> fields = new TreeSet<>();
        for (String name : reachable) {
            collect(spec.get("components").get("schemas").get(name), name, fields);
        }
        return fields;
    }

    /** The component schemas {@code schema} refers to, transitively. */
    private static void refsOf(JsonNode schema, Set<String> into) {
        if (schema.has("$ref")) {
            if (into.add(refName(schema))) {
                refsOf(resolve(schema), into);
            }
            return;
        }
        schema.path("anyOf").forEach(b -> refsOf(b, into));
        if (schema.has("items")) {
            refsOf(schema.get("items"), into);
        }
        if (schema.path("additionalProperties").isObject()) {
            refsOf(schema.get("additionalProperties"), into);
        }
        schema.path("properties").forEach(p -> refsOf(p, into));
    }

    private static void collect(JsonNode schema, String at, Set<String> fields) {
        if (schema.has("$ref")) {
            return; // collected under its own name
        }
        schema.path("anyOf").forEach(b -> collect(b, at, fields));
        if (schema.has("items")) {
            collect(schema.get("items"), at + "[]", fields);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(schema.get("additionalProperties"), at + "{}", fields);
        }
        schema.path("properties").properties().forEach(p -> {
            fields.add(at + "." + p.getKey());
            collect(p.getValue(), at + "." + p.getKey(), fields);
        });
    }
}
