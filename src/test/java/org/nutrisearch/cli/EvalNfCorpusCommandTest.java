package org.nutrisearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eval-nfcorpus} on a BEIR-shaped collection of three documents, small enough to score by hand. */
class EvalNfCorpusCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static void writeThreeDocuments(Path data) throws Exception {
        Files.writeString(data.resolve("corpus.jsonl"), """
                {"_id": "D1", "title": "Cramps", "text": "Magnesium eases muscle cramps at night."}
                {"_id": "D2", "title": "Anemia", "text": "Iron deficiency causes anemia and fatigue."}
                {"_id": "D3", "title": "Sunshine", "text": "Sunlight helps the skin make vitamin D."}
                """);
        Files.writeString(data.resolve("queries.jsonl"), """
                {"_id": "Q1", "text": "iron"}
                {"_id": "Q2", "text": "sunlight"}
                {"_id": "Q3", "text": "unjudged query"}
                """);
        Files.createDirectories(data.resolve("qrels"));
        // Q1: its one relevant document comes first. Q2: D3 (grade 1) comes first, D1 (grade 2) is
        // never returned: DCG = 1, IDCG = 2 + 1/log2(3), nDCG@10 = 0.3801; recall 1/2.
        Files.writeString(data.resolve("qrels").resolve("dev.tsv"), """
                query-id\tcorpus-id\tscore
                Q1\tD2\t2
                Q2\tD3\t1
                Q2\tD1\t2
                """);
    }

    @Test
    void scoresTheJudgedQueriesOfASplit(@TempDir Path data) throws Exception {
        writeThreeDocuments(data);
        CommandRun r = run("eval-nfcorpus", "--data", data.toString(), "--split", "dev");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3 documents indexed"), r.out());
        assertTrue(r.out().contains("| defaults | 2 | 1.000 | 1.000 | 1.000 | 0.6900 | 0.7500 |"), r.out());
        assertTrue(r.out().contains("Published BM25 (Anserini, flat) nDCG@10 on the test split: 0.3218"), r.out());
    }

    @Test
    void scoresEachModeOnAnIndexWithVectors(@TempDir Path data, @TempDir Path cache) throws Exception {
        writeThreeDocuments(data);
        CommandRun r = run("eval-nfcorpus", "--data", data.toString(), "--mode", "lexical,semantic,hybrid",
                "--fusion", "rrf:60", "--fusion", "linear:0.5", "--min-similarity", "0", "--vector-cache", cache.toString(),
                "--native-dir", "target/native");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Indexing without vectors: 3 units in "), r.out());
        assertTrue(r.out().contains("3 texts embedded, 0 from the vector cache"), r.out());
        assertTrue(r.out().contains("| lexical | 2 | 1.000 | 1.000 | 1.000 | 0.6900 | 0.7500 |"), r.out());
        // Semantic returns all three documents for both queries, nearest first: D2 first for "iron"
        // (nDCG@10 1), D3, D2, D1 for "sunlight" (DCG 1 + 2/log2(4) = 2, IDCG 2 + 1/log2(3): 0.7602).
        assertTrue(r.out().contains("| semantic min=0.00 | 2 | 1.000 | 1.000 | 1.000 | 0.8801 | 1.0000 |"), r.out());
        // RRF: "sunlight" D3 1/61 + 1/61, D2 1/62, D1 1/63, the same order; "iron" D2 first in both lists.
        assertTrue(r.out().contains("| hybrid rrf k=60 depth=100 min=0.00 | 2 | 1.000 | 1.000 | 1.000 | 0.8801 | 1.0000 |"),
                r.out());
        assertTrue(r.out().contains("| hybrid linear w=0.50 depth=100 min=0.00 | 2 |"), r.out());
        assertTrue(r.out().contains("| mean ms | p50 ms | p99 ms |"), r.out());

        CommandRun again = run("eval-nfcorpus", "--data", data.toString(), "--mode", "semantic",
                "--vector-cache", cache.toString(), "--native-dir", "target/native");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("0 texts embedded, 3 from the vector cache"), again.out());
    }

    @Test
    void unknownModesAndFusionsAreUsageErrors(@TempDir Path data) throws Exception {
        writeThreeDocuments(data);
        CommandRun mode = run("eval-nfcorpus", "--data", data.toString(), "--mode", "lexical,fuzzy");
        assertEquals(2, mode.exitCode());
        assertTrue(mode.err().contains("--mode takes lexical, semantic or hybrid, not 'fuzzy'"), mode.err());
        CommandRun fusion = run("eval-nfcorpus", "--data", data.toString(), "--mode", "hybrid", "--fusion", "sum:2");
        assertEquals(2, fusion.exitCode());
        assertTrue(fusion.err().contains("fusion 'sum:2' must start with rrf or linear"), fusion.err());
        // Modes are evaluated on OpenSearch too (OpenSearchHybridParityTest holds both backends to the same
        // rankings); without a cluster the run says where it looked.
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CommandRun remote = run("eval-nfcorpus", "--data", data.toString(), "--mode", "semantic", "--backend", "opensearch",
                "--opensearch-url", "http://127.0.0.1:" + closed, "--vector-cache", data.resolve("cache").toString(),
                "--native-dir", "target/native");
        assertEquals(1, remote.exitCode());
        assertTrue(remote.err().contains("OpenSearch is not reachable at [http://127.0.0.1:" + closed + "]"), remote.err());
    }

    @Test
    void aMissingSplitOrCorpusIsAnErrorNotACrash(@TempDir Path data) throws Exception {
        assertEquals(2, run("eval-nfcorpus", "--data", data.toString()).exitCode());
        Files.writeString(data.resolve("corpus.jsonl"), "{\"_id\": \"D1\", \"title\": \"t\", \"text\": \"x\"}\n");
        CommandRun r = run("eval-nfcorpus", "--data", data.toString(), "--split", "test");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no qrels for split 'test'"), r.err());
    }
}
