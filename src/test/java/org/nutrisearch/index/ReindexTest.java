package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/** Reindexing while searches run: none fails, and results switch to the new content. */
class ReindexTest {

    @TempDir
    Path tmp;

    @Test
    void searchesNeverFailWhileReindexingRepeatedly() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        ObjectMapper json = new ObjectMapper();
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        IndexBuilder builder = new IndexBuilder(tagger, json);
        builder.rebuild(new CorpusLoader().load(corpus).articles(), generations, null);
        var analyzer = TextAnalyzers.english();
        LiveIndex live = LiveIndex.open(generations.current().orElseThrow());
        try (LuceneSearchBackend backend = new LuceneSearchBackend(live, lexicon, new UnitQueryBuilder(analyzer),
                new SnippetBuilder(analyzer, tagger), json)) {
            Reindexer reindexer = new Reindexer(corpus, generations, builder, live, new CorpusLoader());
            // Every search runs on the index: kept results would answer the same query without touching the
            // generations being switched, and the test would check nothing.
            backend.cacheResults(0);
            assertEquals(0, backend.search(SearchRequest.of("zinnober")).total());

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        try {
                            SearchResult r = backend.search(SearchRequest.of("magnesium cramps"));
                            if (r.total() < 100 || r.hits().isEmpty()) {
                                throw new AssertionError("short result: " + r.total());
                            }
                            backend.stats();
                            searches.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                if (i == 2) {
                    Files.writeString(corpus.resolve("zinnober.txt"),
                            "Zinnober and magnesium\n\nZinnober is a made-up word that only this new article uses, with magnesium cramps.\n");
                }
                reindexer.reindex();
                // Searches run after each switch, whatever the machine's speed.
                int after = searches.get() + 8;
                while (searches.get() < after && failures.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(failures.isEmpty(), () -> "failed searches: " + failures.size() + " first: " + failures.peek());
            assertTrue(searches.get() >= 32, "searches ran: " + searches.get());
            assertEquals(1, backend.search(SearchRequest.of("zinnober")).total());
            assertEquals(6, backend.stats().articles());
            try (Stream<Path> gens = Files.list(tmp.resolve("index"))) {
                assertEquals(List.of("CURRENT", "gen-000005"), gens.map(p -> p.getFileName().toString()).sorted().toList(),
                        "old generations are removed after each switch");
            }
        }
    }

    @Test
    void anEmptyCorpusKeepsTheServedIndex() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(corpus.resolve("blank.txt"), "   \n");
        NutrientTagger tagger = new NutrientTagger(NutrientLexicon.loadDefault());
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        IndexBuilder builder = new IndexBuilder(tagger, new ObjectMapper());
        builder.rebuild(new CorpusLoader().load(Path.of("corpus")).articles(), generations, null);
        Path served = generations.current().orElseThrow();
        try (LiveIndex live = LiveIndex.open(served)) {
            Reindexer reindexer = new Reindexer(corpus, generations, builder, live, new CorpusLoader());
            assertThrows(Reindexer.NothingToIndex.class, reindexer::reindex);
            assertEquals(served, generations.current().orElseThrow());
            assertEquals(served, live.dir());
        }
    }
}
