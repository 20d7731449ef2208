package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.query.UnitQueryBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search by words ranks and counts the same in one pass (small indexes) as in two (large ones). */
class LexicalSearchTest {

    @Test
    void onePassAndTwoPassesGiveTheSamePageScoresTotalAndFacets(@TempDir Path dir) throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, new ObjectMapper()).rebuild(new CorpusLoader().load(Path.of("corpus")).articles(),
                generations, null);
        UnitQueryBuilder queries = UnitQueryBuilder.standard(tagger, RankingOptions.DEFAULTS);
        List<SearchRequest> requests = new ArrayList<>();
        for (String q : org.nutrisearch.bench.QueryMix.load().queries("mix")) {
            requests.add(SearchRequest.of(q));
            requests.add(new SearchRequest(q, 3, 4, Set.of(UnitKind.FAQ, UnitKind.SECTION), Set.of(), null));
        }
        requests.add(new SearchRequest("cramps", 5, 0, Set.of(), Set.of("magnesium"), null));
        requests.add(SearchRequest.of("\"leg cramps\" -potassium"));
        requests.add(SearchRequest.of("-iron"));
        try (LiveIndex live = LiveIndex.open(generations.current().orElseThrow());
             LiveIndex.Lease lease = live.acquire()) {
            ServedGeneration generation = new ServedGeneration(lease.generation(), lexicon, new ObjectMapper(), 0);
            assertTrue(generation.rankAndCountInOnePass(), "138 units are ranked and counted in one pass");
            long matched = 0;
            for (SearchRequest request : requests) {
                var plan = queries.plan(request, generation.vocabulary());
                Retrieved one = LexicalSearch.run(generation, queries.query(plan), request.offset(), request.limit(), true);
                Retrieved two = LexicalSearch.run(generation, queries.query(plan), request.offset(), request.limit(), false);
                assertEquals(two.page(), one.page(), request.query());
                assertEquals(two.counts().matches(), one.counts().matches(), request.query());
                assertEquals(two.counts().facets(lexicon), one.counts().facets(lexicon), request.query());
                matched += one.counts().matches();
            }
            assertTrue(matched > 1000, matched + " matches");
        }
    }
}
