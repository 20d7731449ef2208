package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.opensearch.OpenSearchTestCluster;
import org.nutrisearch.opensearch.SharedOpenSearch;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchRequest;

/** {@code serve} and {@code index} with {@code --backend opensearch}: a clear error without a cluster, indexes on it with one. */
@Tag("integration")
class OpenSearchCommandsTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** The one line of standard error starting with {@code prefix}. */
    private static String errorLine(CommandRun r, String prefix) {
        List<String> lines = r.err().lines().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, lines.size(), r.err());
        return lines.get(0);
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void serveWithoutAReachableClusterSaysWhereItLookedAndExits1() throws Exception {
        int port = closedPort();
        CommandRun r = run("serve", "--backend", "opensearch", "--opensearch-url", "http://127.0.0.1:" + port, "--port", "0");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        // serve listens before it loads the index: the error is the line after the server's own log lines.
        String line = errorLine(r, "serve: ");
        assertTrue(line.startsWith("serve: OpenSearch is not reachable at [http://127.0.0.1:" + port + "]: "), line);
        assertTrue(line.contains("Connection refused"), line);
        assertTrue(line.endsWith("(start OpenSearch, or set --opensearch-url / NUTRISEARCH_OPENSEARCH_URL)"), line);
    }

    @Test
    void indexWithoutAReachableClusterExits1AndABadUrlIsNamed() throws Exception {
        CommandRun unreachable = run("index", "--backend", "opensearch", "--opensearch-url", "http://127.0.0.1:" + closedPort());
        assertEquals(1, unreachable.exitCode());
        assertTrue(unreachable.err().startsWith("index: OpenSearch is not reachable at"), unreachable.err());

        CommandRun badUrl = run("serve", "--backend", "opensearch", "--opensearch-url", "localhost:9200");
        assertEquals(1, badUrl.exitCode());
        assertEquals("serve: an OpenSearch URL looks like http://host:9200, not: localhost:9200", errorLine(badUrl, "serve: "));

        CommandRun badBackend = run("serve", "--backend", "elastic");
        assertEquals(CommandLine.ExitCode.USAGE, badBackend.exitCode());
        assertTrue(badBackend.err().contains("Invalid value for option '--backend': expected one of [lucene, opensearch]"),
                badBackend.err());
    }

    @Test
    @Tag("opensearch")
    @ExtendWith(SharedOpenSearch.class)
    void indexBuildsTheConfiguredLayoutAndServeReusesItOrRebuildsOnRequest(OpenSearchTestCluster cluster)
            throws Exception {
        String urls = cluster.liveUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        CommandRun index = run("index", "--backend", "opensearch", "--opensearch-url", urls, "--opensearch-alias", "cli",
                "--opensearch-shards", "2", "--opensearch-replicas", "1", "--vectors", "off");
        assertEquals(0, index.exitCode(), index.err());
        assertTrue(index.out().contains("Indexed 5 articles, 138 units"), index.out());
        var client = cluster.connection().client();
        String built = client.indices().getAlias(a -> a.name("cli")).result().keySet().iterator().next();
        var settings = client.indices().getSettings(s -> s.index(built)).result().get(built).settings().index();
        assertEquals("2", settings.numberOfShards().toString());
        assertEquals("1", settings.numberOfReplicas().toString());

        BackendOptions options = new BackendOptions();
        options.backend = BackendOptions.Backend.opensearch;
        options.openSearchUrls = urls;
        options.openSearchAlias = "cli";
        options.openSearchShards = 1;
        options.openSearchReplicas = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSearchStartup startup = new OpenSearchStartup(Services.create(), options, Path.of("corpus"));
        try (SearchBackend backend = startup.open(new PrintStream(out, true, StandardCharsets.UTF_8)).backend()) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("serving the existing build behind 'cli'"), out.toString());
            assertEquals(List.of(built), List.copyOf(client.indices().getAlias(a -> a.name("cli")).result().keySet()));
            assertTrue(backend.search(SearchRequest.of("magnesium")).total() > 0);
        }

        options.openSearchReindex = true;
        out.reset();
        try (SearchBackend backend = startup.open(new PrintStream(out, true, StandardCharsets.UTF_8)).backend()) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Indexed 5 articles, 138 units"), out.toString());
            String rebuilt = client.indices().getAlias(a -> a.name("cli")).result().keySet().iterator().next();
            assertTrue(!rebuilt.equals(built), "a new index behind the alias");
            assertEquals("1", client.indices().getSettings(s -> s.index(rebuilt)).result().get(rebuilt).settings().index()
                    .numberOfShards().toString());
            assertEquals(138, backend.stats().units());
        }
    }

    @Test
    @Tag("opensearch")
    @ExtendWith(SharedOpenSearch.class)
    void aCorpusChangedSinceTheBuildIsRebuiltAtStartAndReadySaysWhichBuildIsServed(OpenSearchTestCluster cluster,
                                                                                 @TempDir Path corpus) throws Exception {
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        BackendOptions options = new BackendOptions();
        options.backend = BackendOptions.Backend.opensearch;
        options.openSearchUrls = cluster.liveUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        options.openSearchAlias = "corpus-change";
        options.openSearchShards = 1;
        options.openSearchReplicas = 0;
        OpenSearchStartup startup = new OpenSearchStartup(Services.create(), options, corpus);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String first;
        String digest = org.nutrisearch.corpus.CorpusManifest.scan(corpus).digest();
        try (SearchBackend backend = startup.open(print).backend()) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                    "OpenSearch: building the indexes: there is no index behind 'corpus-change' yet"), out.toString());
            first = backend.build().orElseThrow().id();
            assertTrue(first.startsWith("corpus-change-"), first);
            assertEquals(digest, backend.build().orElseThrow().corpus());
        }

        out.reset();
        try (SearchBackend backend = startup.open(print).backend()) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("serving the existing build behind 'corpus-change'"),
                    out.toString());
            assertEquals(first, backend.build().orElseThrow().id());
        }

        // A file copied in with an old modification time is a change all the same: content decides.
        Path added = corpus.resolve("zinc-and-cramps.txt");
        Files.writeString(added, "Zinc and cramps\n\nZinc deficiency rarely causes muscle cramps.\n");
        Files.setLastModifiedTime(added, java.nio.file.attribute.FileTime.fromMillis(0));
        out.reset();
        try (SearchBackend backend = startup.open(print).backend()) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                    "OpenSearch: building the indexes: the corpus changed since build " + first + ": 1 added"), out.toString());
            String second = backend.build().orElseThrow().id();
            assertTrue(!second.equals(first), second);
            assertEquals(org.nutrisearch.corpus.CorpusManifest.scan(corpus).digest(), backend.build().orElseThrow().corpus());
            assertEquals(6, backend.stats().articles());
        }
    }

    @Test
    @Tag("opensearch")
    @ExtendWith(SharedOpenSearch.class)
    void evalNfCorpusScoresTheSameOnOpenSearchAndCleansUp(OpenSearchTestCluster cluster, @TempDir Path data)
            throws Exception {
        // The hand-scored collection of EvalNfCorpusCommandTest: same figures on either backend.
        Files.writeString(data.resolve("corpus.jsonl"), """
                {"_id": "D1", "title": "Cramps", "text": "Magnesium eases muscle cramps at night."}
                {"_id": "D2", "title": "Anemia", "text": "Iron deficiency causes anemia and fatigue."}
                {"_id": "D3", "title": "Sunshine", "text": "Sunlight helps the skin make vitamin D."}
                """);
        Files.writeString(data.resolve("queries.jsonl"), """
                {"_id": "Q1", "text": "iron"}
                {"_id": "Q2", "text": "sunlight"}
                """);
        Files.createDirectories(data.resolve("qrels"));
        Files.writeString(data.resolve("qrels").resolve("dev.tsv"), """
                query-id\tcorpus-id\tscore
                Q1\tD2\t2
                Q2\tD3\t1
                Q2\tD1\t2
                """);
        String urls = cluster.liveUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        CommandRun r = run("eval-nfcorpus", "--data", data.toString(), "--split", "dev", "--backend", "opensearch",
                "--opensearch-url", urls);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("on opensearch: 3 documents indexed"), r.out());
        assertTrue(r.out().contains("| defaults | 2 | 1.000 | 1.000 | 1.000 | 0.6900 | 0.7500 |"), r.out());
        assertEquals(List.of(), List.copyOf(cluster.connection().client().indices()
                .get(g -> g.index(EvalNfCorpusCommand.EVAL_ALIAS + "-*").allowNoIndices(true)).result().keySet()));
    }
}
