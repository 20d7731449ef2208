package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.CachedEmbedder;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.embedding.VectorCache;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.opensearch.IndexLayout;
import org.nutrisearch.opensearch.KnnTestCluster;
import org.nutrisearch.opensearch.OpenSearchBackend;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;
import org.nutrisearch.opensearch.OpenSearchIndexer;
import org.nutrisearch.opensearch.OpenSearchSchema;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /api/answer} alike on both backends over an FAQ corpus larger than the test fixtures (a
 * program, not a test: the data stays in {@code ../shared/data}): the MedQuAD pairs whose focus a MEDIQA
 * question names, every tenth other pair, and every graded MEDIQA answer ({@link PortalCorpus}), about
 * 3 000 units, indexed with the real model into the embedded index and into an OpenSearch node with the
 * k-NN plugin (2 shards; started as a process of its own unless {@code --url} names one). Asks every
 * MEDIQA question and the MedQuAD questions of the on-topic pairs in hybrid and lexical mode and prints
 * how many answers (unit, confidence to 4 digits, reason, alternatives), similar questions (ids and
 * cosines) and topics differ, and what an answer costs on each backend (the asking thread's CPU and the
 * wall time per answer, the cluster's own work excluded). The vectors are kept in
 * {@code --cache}/vectors, so later runs embed nothing.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.nutrisearch.eval.BackendAnswerParity [--data ../shared/data] [--cache bench-data/answer-parity] [--url URL]</pre>
 */
public final class BackendAnswerParity {

    private BackendAnswerParity() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        Path cache = Path.of("bench-data", "answer-parity");
        String url = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--url" -> url = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> mediqa = new ArrayList<>();
        for (String file : PortalCorpus.MEDIQA_FILES) {
            MediqaQuestions.read(data, file).forEach(q -> mediqa.add(q.question()));
        }
        Path corpus = cache.resolve("corpus");
        List<String> onTopic = writeCorpus(data, corpus, mediqa);
        List<String> questions = new ArrayList<>(mediqa);
        questions.addAll(onTopic);
        List<Article> articles = new CorpusLoader().load(corpus).articles();
        long units = articles.stream().mapToLong(a -> a.units().size()).sum();
        System.out.printf(Locale.ROOT, "corpus: %d articles, %d units; %d questions (%d MEDIQA, %d MedQuAD)%n",
                articles.size(), units, questions.size(), mediqa.size(), onTopic.size());

        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        try (OnnxEmbedder model = RealCorpus.loadModel();
             VectorCache vectors = VectorCache.open(cache.resolve("vectors"), model.modelId(), model.dimension());
             KnnTestCluster cluster = url == null ? KnnTestCluster.start() : null) {
            CachedEmbedder cached = new CachedEmbedder(model, vectors);
            QueryVectors queries = new QueryVectors(model, QueryVectors.DEFAULT_CAPACITY);
            IndexGenerations generations = new IndexGenerations(cache.resolve("index"));
            long start = System.nanoTime();
            new IndexBuilder(tagger, json, cached).rebuild(articles, generations, null);
            System.out.printf(Locale.ROOT, "embedded index built in %.0f s (%d embedded, %d from the cache)%n",
                    (System.nanoTime() - start) / 1e9, cached.misses(), cached.hits());
            OpenSearchConnection connection = OpenSearchConnection.open(
                    url == null ? cluster.httpUrls() : List.of(java.net.URI.create(url)));
            start = System.nanoTime();
            new OpenSearchCorpusIndexer(new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                    OpenSearchIndexer.Options.defaults().withAlias("answer-parity").withLayout(new IndexLayout(2, 0))),
                    tagger, json, OpenSearchCorpusIndexer.projectSynonyms(), cached).index(articles);
            System.out.printf(Locale.ROOT, "OpenSearch build made in %.0f s%n", (System.nanoTime() - start) / 1e9);
            try (LuceneSearchBackend lucene = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                    lexicon, json, RankingOptions.DEFAULTS, SearchMode.HYBRID, HybridOptions.DEFAULTS);
                 OpenSearchBackend openSearch = OpenSearchBackend.open(connection, "answer-parity", lexicon, json,
                         RankingOptions.DEFAULTS, () -> { }, SearchMode.HYBRID, HybridOptions.DEFAULTS)) {
                lucene.cacheResults(0);
                lucene.useQueryVectors(queries);
                openSearch.useQueryVectors(queries);
                compare(lucene, openSearch, lexicon, questions);
            }
        }
    }

    private static void compare(LuceneSearchBackend lucene, OpenSearchBackend openSearch, NutrientLexicon lexicon,
                                List<String> questions) {
        boolean sameTopics = lucene.topics().stream().sorted().toList().equals(openSearch.topics().stream().sorted().toList());
        System.out.printf(Locale.ROOT, "topics: %d on the embedded backend, %d on OpenSearch, %s%n",
                lucene.topics().size(), openSearch.topics().size(), sameTopics ? "the same" : "DIFFERENT");
        int[] similar = new int[2];
        int[] searched = new int[2];
        double[] maxDifference = new double[1];
        for (String q : questions) {
            SearchRequest request = new SearchRequest(q, 10, 0, Set.of(), Set.of(), null, null, SearchMode.HYBRID);
            compare("similar questions", q, lucene.similarQuestions(request), openSearch.similarQuestions(request),
                    similar, maxDifference);
            // The candidates the answer service starts from: the first 30 of search's own hybrid ranking.
            request = new SearchRequest(q, 30, 0, Set.of(), Set.of(), null, null, SearchMode.HYBRID);
            compare("hybrid search", q, lucene.search(request).hits(), openSearch.search(request).hits(), searched,
                    maxDifference);
        }
        System.out.printf(Locale.ROOT, "similar questions (10 each): other units for %d of %d questions, the same units"
                + " with other cosines for %d%n", similar[0], questions.size(), similar[1]);
        System.out.printf(Locale.ROOT, "hybrid search (30 hits each): other units for %d of %d questions, the same units"
                + " with other scores or cosines for %d; largest difference %.2g%n", searched[0], questions.size(),
                searched[1], maxDifference[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.LEXICAL)) {
            AnswerService embedded = AnswerService.withDefaults(lucene, lexicon, AnswerPolicy.defaults());
            AnswerService cluster = AnswerService.withDefaults(openSearch, lexicon, AnswerPolicy.defaults());
            // Once each first, so the figures below leave out class loading, the gazetteer and the traits.
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            double[] cost = new double[4];
            int answered = 0;
            for (int round = 0; round < 2; round++) {
                for (String q : questions) {
                    AnswerRequest request = new AnswerRequest(q, Set.of(), Set.of(), null, mode);
                    long cpu = threads.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    AnswerResult e = embedded.answer(request);
                    long cpu2 = threads.getCurrentThreadCpuTime();
                    long wall2 = System.nanoTime();
                    AnswerResult a = cluster.answer(request);
                    if (round == 1) {
                        cost[0] += cpu2 - cpu;
                        cost[1] += wall2 - wall;
                        cost[2] += threads.getCurrentThreadCpuTime() - cpu2;
                        cost[3] += System.nanoTime() - wall2;
                        answered += e.answer() != null ? 1 : 0;
                        if (!summary(e).equals(summary(a))) {
                            first.add(q + ": embedded " + summary(e) + " / OpenSearch " + summary(a));
                        }
                    } else if (!summary(e).equals(summary(a))) {
                        second.add(q);
                    }
                }
            }
            first.forEach(d -> System.out.println("answer differs: " + d));
            int n = questions.size();
            System.out.printf(Locale.ROOT, "%s: %d of %d answers differ (%d answered on the embedded backend)%n",
                    mode.apiName(), first.size(), n, answered);
            System.out.printf(Locale.ROOT, "%s, per answer: embedded %.1f ms CPU / %.1f ms wall; OpenSearch %.1f ms CPU"
                            + " / %.1f ms wall (the cluster's CPU not counted)%n", mode.apiName(), cost[0] / 1e6 / n,
                    cost[1] / 1e6 / n, cost[2] / 1e6 / n, cost[3] / 1e6 / n);
        }
    }

    /**
     * Counts in {@code counts} a question whose hits are other units ([0]) or the same units with other
     * scores or cosines ([1]), printing the first few; keeps the largest score or cosine difference.
     */
    private static void compare(String what, String question, List<SearchHit> expected, List<SearchHit> actual,
                                int[] counts, double[] maxDifference) {
        List<String> expectedIds = expected.stream().map(h -> h.unit().id()).toList();
        List<String> actualIds = actual.stream().map(h -> h.unit().id()).toList();
        if (!expectedIds.equals(actualIds)) {
            if (counts[0]++ < 3) {
                System.out.println(what + ", other units: " + question + "\n  embedded   " + expectedIds
                        + "\n  OpenSearch " + actualIds);
            }
            return;
        }
        boolean same = true;
        for (int i = 0; i < expected.size(); i++) {
            SearchHit e = expected.get(i);
            SearchHit a = actual.get(i);
            double d = Math.max(Math.abs(e.score() - a.score()), Math.max(difference(e.similarity(), a.similarity()),
                    difference(e.questionSimilarity(), a.questionSimilarity())));
            maxDifference[0] = Math.max(maxDifference[0], d);
            same &= d == 0;
        }
        if (!same) {
            counts[1]++;
        }
    }

    private static double difference(Float a, Float b) {
        if (a == null || b == null) {
            return a == b ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b);
    }

    /** The answer's unit and confidence (4 digits), the alternatives, reason and mode. */
    private static String summary(AnswerResult r) {
        String unit = r.answer() == null ? "none" : r.answer().hit().unit().id()
                + String.format(Locale.ROOT, " %.4f", r.answer().confidence());
        List<String> alternatives = r.alternatives().stream().map(c -> c.hit().unit().id()
                + String.format(Locale.ROOT, " %.4f", c.confidence())).toList();
        return unit + " " + alternatives + " " + r.reason() + " " + r.mode();
    }

    /**
     * Writes the corpus (unless there): the MedQuAD pairs whose focus one of {@code asked} names (as a
     * word), every tenth other pair, and the graded MEDIQA answers. Returns the on-topic pairs' distinct questions.
     */
    private static List<String> writeCorpus(Path data, Path corpus, List<String> asked) throws IOException {
        String all = String.join(" | ", asked).toLowerCase(Locale.ROOT);
        ObjectMapper json = new ObjectMapper();
        Set<String> onTopic = new LinkedHashSet<>();
        Path medquad = corpus.resolve("medquad.jsonl");
        boolean write = !Files.isRegularFile(medquad);
        Files.createDirectories(corpus);
        try (BufferedReader in = Files.newBufferedReader(data.resolve("medquad/medquad.jsonl"));
             BufferedWriter out = write ? Files.newBufferedWriter(medquad, StandardCharsets.UTF_8) : null) {
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                JsonNode pair = json.readTree(text);
                String focus = pair.path("focus").asText("").toLowerCase(Locale.ROOT).strip();
                boolean named = !focus.isEmpty()
                        && Pattern.compile("\\b" + Pattern.quote(focus) + "\\b").matcher(all).find();
                if (named) {
                    String q = pair.path("question").asText("").strip();
                    if (!q.isEmpty() && q.length() <= 500) {
                        onTopic.add(q);
                    }
                }
                if (write && (named || line % 10 == 0)) {
                    out.write(text);
                    out.newLine();
                }
            }
        }
        Path mediqa = corpus.resolve("mediqa.jsonl");
        if (!Files.isRegularFile(mediqa)) {
            try (BufferedWriter out = Files.newBufferedWriter(mediqa, StandardCharsets.UTF_8)) {
                for (String file : PortalCorpus.MEDIQA_FILES) {
                    try (BufferedReader in = Files.newBufferedReader(data.resolve("mediqa").resolve(file))) {
                        for (String text = in.readLine(); text != null; text = in.readLine()) {
                            if (text.isBlank()) {
                                continue;
                            }
                            for (JsonNode answer : json.readTree(text).path("answers")) {
                                out.write(json.writeValueAsString(PortalCorpus.document(json, PortalCorpus.setOf(file), answer)));
                                out.newLine();
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(onTopic);
    }
}
