package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.JsonlArticleReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NFCorpus test collection as BEIR ships it (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv),
 * read from where it lies, never copied. Documents become one-section articles, so each is one
 * unit whose article id is the document id.
 */
public final class NfCorpus {

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    public NfCorpus(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The documents, in file order, read by the product's own JSONL reader (one single-section article each). */
    public List<Article> articles() throws IOException {
        try {
            return new JsonlArticleReader().read(dir.resolve("corpus.jsonl")).articles();
        } catch (CorpusException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The judged queries of {@code split} (e.g. "dev", "train"): those with at least one judgment. */
    public List<EvalQuery> queries(String split) throws IOException {
        Path qrels = dir.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(qrels)) {
            throw new NoSuchFileException(qrels.toString(), null, "no qrels for split " + split);
        }
        Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(qrels, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cols = line.split("\t");
                if (cols.length < 3 || cols[0].equals("query-id")) {
                    continue;
                }
                judged.computeIfAbsent(cols[0], k -> new HashMap<>()).put(cols[1], Integer.parseInt(cols[2].strip()));
            }
        }
        Map<String, String> texts = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    JsonNode q = json.readTree(line);
                    texts.put(q.path("_id").asText(), q.path("text").asText(""));
                }
            }
        }
        List<EvalQuery> queries = new ArrayList<>();
        judged.forEach((qid, grades) -> {
            String text = texts.get(qid);
            if (text != null && !text.isBlank() && grades.values().stream().anyMatch(g -> g > 0)) {
                queries.add(new EvalQuery(qid, text.strip(), "", grades, unit -> unit.articleId()));
            }
        });
        return queries;
    }
}
