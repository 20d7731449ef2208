package org.nutrisearch.search.lucene;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded backend hands every served unit once ({@link LuceneSearchBackend#eachUnit}), each equal to the
 * unit a search hit carries (so work done ahead on it, the answer service's traits, is found again by the
 * questions that meet it), over the bundled articles.
 */
class EachUnitTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        backend = BundledConceptIndex.backend(BundledConceptIndex.build(dir));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void everyUnitIsHandedOnceAsSearchHitsCarryIt() {
        Map<String, Unit> handed = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        int count = backend.eachUnit(unit -> {
            if (handed.put(unit.id(), unit) != null) {
                repeated.add(unit.id());
            }
            return true;
        });
        assertEquals(List.of(), repeated);
        assertEquals(138, count);
        assertEquals(backend.stats().units(), handed.size());
        int compared = 0;
        for (SearchMode mode : SearchMode.values()) {
            for (String q : List.of("leg cramps at night", "potassium bananas", "vitamin d bones", "iron restless legs",
                    "magnesium dosage", "muscle stiffness")) {
                for (SearchHit hit : backend.search(new SearchRequest(q, 100, 0, Set.of(), Set.of(), null, null, mode)
                        .withoutSnippets()).hits()) {
                    assertEquals(hit.unit(), handed.get(hit.unit().id()), q + " [" + mode.apiName() + "]");
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, compared + " hits compared");
    }

    @Test
    void handingStopsWhenTheCallerSaysSo() {
        int[] seen = {0};
        assertEquals(5, backend.eachUnit(unit -> ++seen[0] < 5));
        assertEquals(5, seen[0]);
    }
}
