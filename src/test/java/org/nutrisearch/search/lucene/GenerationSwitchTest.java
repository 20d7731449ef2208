package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generations switched again and again under concurrent searches: every result is wholly of one
 * generation (its total, facets, hits, snippets and typo correction), no search fails on a generation
 * closed under it, and once the switching stops the served generation answers.
 */
class GenerationSwitchTest {

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final NutrientLexicon lexicon = NutrientLexicon.loadDefault();

    /** A generation whose units say "{@code word} {@code marker}" in {@code units} units. */
    private Path generation(String name, String word, String marker, int units) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus-" + name));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < units; i++) {
            lines.append(json.writeValueAsString(java.util.Map.of("id", name + i, "title", "Article " + name + i,
                    "text", "The " + word + " shows up in " + marker + " number " + i + " with magnesium.")));
            lines.append('\n');
        }
        lines.append(json.writeValueAsString(java.util.Map.of("id", "other", "title", "Other " + name, "text", "Iron and calcium.")));
        Files.writeString(corpus.resolve("units.jsonl"), lines);
        Path dir = tmp.resolve("index-" + name);
        new IndexBuilder(new NutrientTagger(lexicon), json).write(new CorpusLoader().load(corpus).articles(), dir, null);
        return dir;
    }

    @Test
    void everySearchSeesOneGenerationWhileTheyAreSwitched() throws Exception {
        Path a = generation("a", "zinnober", "alpha", 2);
        Path b = generation("b", "zinnobar", "beta", 3);
        LiveIndex live = LiveIndex.open(a);
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(live, lexicon, json)) {
            backend.cacheResults(0); // every search computed on the generation it finds
            SearchResult first = backend.search(SearchRequest.of("zinnobr"));
            assertEquals(null, problem(first), first.toString());
            AtomicBoolean switching = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            AtomicInteger searched = new AtomicInteger();
            AtomicInteger seenA = new AtomicInteger();
            AtomicInteger seenB = new AtomicInteger();
            List<Thread> searchers = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                searchers.add(Thread.ofPlatform().start(() -> {
                    started.countDown();
                    while (switching.get()) {
                        // A typo of both generations' word: corrected from the vocabulary of the generation searched.
                        String query = thread % 2 == 0 ? "zinnobr" : "zinnobr -iron";
                        try {
                            SearchResult r = backend.search(SearchRequest.of(query));
                            String problem = problem(r);
                            if (problem != null) {
                                problems.add(query + ": " + problem);
                            }
                            (r.total() == 2 ? seenA : seenB).incrementAndGet();
                            searched.incrementAndGet();
                        } catch (RuntimeException e) {
                            problems.add(query + ": " + e);
                        }
                    }
                }));
            }
            started.await();
            for (int s = 0; s < 40; s++) {
                live.switchTo(s % 2 == 0 ? b : a, retired -> { });
                Thread.sleep(5);
            }
            switching.set(false);
            for (Thread t : searchers) {
                t.join();
            }
            assertEquals(List.of(), problems.stream().distinct().limit(10).toList(), problems.size() + " problems");
            assertTrue(searched.get() > 40, searched + " searches");
            assertTrue(seenA.get() > 0 && seenB.get() > 0, "both generations answered: " + seenA + " / " + seenB);
            // The last switch served a: its answer, not one kept from b.
            SearchResult last = backend.search(SearchRequest.of("zinnobr"));
            assertEquals(2, last.total());
            assertEquals("zinnober", last.didYouMean());
        }
    }

    /** What in {@code r} is not of one generation, or null. */
    private static String problem(SearchResult r) {
        boolean a = r.total() == 2;
        boolean b = r.total() == 3;
        if (!a && !b) {
            return "total " + r.total();
        }
        String word = a ? "zinnober" : "zinnobar";
        String marker = a ? "alpha" : "beta";
        if (r.didYouMean() == null || !r.didYouMean().startsWith(word)) {
            return "did you mean " + r.didYouMean() + " with " + r.total() + " units";
        }
        int byKind = r.facets().kinds().stream().mapToInt(Facets.KindCount::count).sum();
        if (byKind != r.total()) {
            return "facets count " + byKind + " of " + r.total();
        }
        if (r.hits().size() != r.total()) {
            return r.hits().size() + " hits of " + r.total();
        }
        for (SearchHit h : r.hits()) {
            if (!h.unit().text().contains(marker) || !h.snippet().html().contains(word)) {
                return "hit " + h.unit().text() + " with " + r.total() + " units";
            }
        }
        return null;
    }
}
