package org.nutrisearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes what searches return, one line per request, so that two builds can be compared with
 * {@code cmp}: a change meant to make searching cheaper must leave every line the same. The requests
 * are every distinct real query ({@link RealQueries}) and the 52-query mix ({@link QueryMix}); some also
 * filtered by kind or nutrient, some for a later page, some without snippets or counts (as the answer
 * service asks). Each line holds the request, the total, the facets, "did you mean" and every hit's id,
 * score (its float bits), similarity, nutrients and snippet with its highlights; the time taken is left out.
 *
 * <p>{@code --http URL N} instead sends the first N requests of the same list to a running server
 * ({@code /api/search}, lexical) and writes each response body with its {@code tookMs} taken out.
 *
 * <pre>java -cp … org.nutrisearch.bench.ResultDump INDEX_DIR OUT_FILE
 * java -cp … org.nutrisearch.bench.ResultDump --http http://localhost:7321 2100 OUT_FILE</pre>
 */
public final class ResultDump {

    private static final Pattern TOOK = Pattern.compile("\"tookMs\":[0-9.eE+-]+");

    private ResultDump() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--http")) {
            http(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        List<SearchRequest> requests = requests();
        try (LuceneSearchBackend backend = BenchIndex.open(args[0]);
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (SearchRequest request : requests) {
                SearchResult result = backend.search(request);
                out.write(json.writeValueAsString(line(request, result)));
                out.newLine();
            }
        }
        System.out.println(requests.size() + " requests written to " + args[1]);
    }

    /** The requests compared: each query once as the search box sends it, some in other shapes too. */
    static List<SearchRequest> requests() {
        List<String> queries = new ArrayList<>(RealQueries.load(RealQueries.dataDir()));
        QueryMix.load().entries().forEach(e -> queries.add(e.query()));
        List<SearchRequest> out = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            out.add(SearchRequest.of(q));
            if (i % 7 == 0) {
                out.add(new SearchRequest(q, 5, 20, Set.of(UnitKind.FAQ), Set.of(), null));
            }
            if (i % 11 == 0) {
                out.add(new SearchRequest(q, 10, 0, Set.of(), Set.of("magnesium"), null));
            }
            if (i % 13 == 0) {
                out.add(new SearchRequest(q, 30, 0, Set.of(), Set.of(), null).withoutSnippets().withoutCounts());
            }
            if (i % 17 == 0) {
                out.add(new SearchRequest(q, 4, 0, Set.of(), Set.of(), null).withoutCounts());
            }
        }
        return out;
    }

    private static Map<String, Object> line(SearchRequest request, SearchResult result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("request", List.of(request.query(), request.limit(), request.offset(), request.kinds().toString(),
                request.nutrients().toString(), request.snippets(), request.counts()));
        line.put("total", result.total());
        line.put("mode", result.mode().name());
        line.put("didYouMean", result.didYouMean());
        line.put("facets", result.facets());
        List<Object> hits = new ArrayList<>();
        for (SearchHit h : result.hits()) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("id", h.unit().id());
            hit.put("score", Integer.toHexString(Float.floatToRawIntBits(h.score())));
            hit.put("similarity", h.similarity());
            hit.put("questionSimilarity", h.questionSimilarity());
            hit.put("nutrients", h.nutrients());
            hit.put("snippet", h.snippet());
            hit.put("unit", h.unit());
            hits.add(hit);
        }
        line.put("hits", hits);
        return line;
    }

    /** The first {@code count} requests' lexical response bodies from a running server, {@code tookMs} taken out. */
    private static void http(String base, int count, Path file) throws IOException, InterruptedException {
        List<SearchRequest> requests = requests();
        try (HttpClient client = HttpClient.newHttpClient();
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SearchRequest r : requests.subList(0, Math.min(count, requests.size()))) {
                StringBuilder url = new StringBuilder(base).append("/api/search?mode=lexical&q=")
                        .append(URLEncoder.encode(r.query(), StandardCharsets.UTF_8))
                        .append("&limit=").append(r.limit()).append("&offset=").append(r.offset());
                r.kinds().forEach(k -> url.append("&kind=").append(k.name().toLowerCase(java.util.Locale.ROOT)));
                r.nutrients().forEach(n -> url.append("&nutrient=").append(n));
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                out.write(response.statusCode() + " " + TOOK.matcher(response.body()).replaceFirst("\"tookMs\":0"));
                out.newLine();
            }
        }
        System.out.println(Math.min(count, requests.size()) + " responses written to " + file);
    }
}
