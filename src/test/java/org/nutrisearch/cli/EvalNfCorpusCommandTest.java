package org.nutrisearch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eval-nfcorpus} on a BEIR-shaped collection of three documents, small enough to score by hand. */
class EvalNfCorpusCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void scoresTheJudgedQueriesOfASplit(@TempDir Path data) throws Exception {
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
        Run r = run("eval-nfcorpus", "--data", data.toString(), "--split", "dev");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3 documents indexed"), r.out());
        assertTrue(r.out().contains("| defaults | 2 | 1.000 | 1.000 | 1.000 | 0.6900 | 0.7500 |"), r.out());
        assertTrue(r.out().contains("Published BM25 (Anserini, flat) nDCG@10 on the test split: 0.3218"), r.out());
    }

    @Test
    void aMissingSplitOrCorpusIsAnErrorNotACrash(@TempDir Path data) throws Exception {
        assertEquals(2, run("eval-nfcorpus", "--data", data.toString()).exitCode());
        Files.writeString(data.resolve("corpus.jsonl"), "{\"_id\": \"D1\", \"title\": \"t\", \"text\": \"x\"}\n");
        Run r = run("eval-nfcorpus", "--data", data.toString(), "--split", "test");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no qrels for split 'test'"), r.err());
    }
}
