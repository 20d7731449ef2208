package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.query.QueryPlan;
import org.nutrisearch.search.query.UnitQueryBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking query needs no "units only" filter: article documents hold none of the fields it must
 * match. If they ever do, this fails (and the filter has to come back).
 */
class UnitsOnlyTest {

    @TempDir
    Path dir;

    @Test
    void noArticleDocumentMatchesAUnitQuery() throws Exception {
        NutrientTagger tagger = new NutrientTagger(NutrientLexicon.loadDefault());
        new IndexBuilder(tagger, new ObjectMapper()).write(new CorpusLoader().load(Path.of("corpus")).articles(), dir, null);
        UnitQueryBuilder queries = UnitQueryBuilder.standard(tagger, RankingOptions.DEFAULTS);
        List<String> texts = new ArrayList<>(org.nutrisearch.bench.QueryMix.load().queries("mix"));
        // Words of article titles and ids, which article documents carry, and what every article shares.
        texts.addAll(List.of("leg cramps vitamin deficiency", "nutrition diet", "-iron", "\"leg cramps\" -night", "magnesum"));
        Query units = new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            IndexVocabulary vocabulary = new IndexVocabulary(reader);
            int matched = 0;
            for (String text : texts) {
                QueryPlan plan = queries.plan(SearchRequest.of(text), vocabulary);
                Query query = queries.query(plan);
                int all = searcher.count(query);
                matched += all;
                assertEquals(searcher.count(new BooleanQuery.Builder().add(query, Occur.MUST).add(units, Occur.FILTER).build()),
                        all, text);
            }
            assertTrue(matched > 1000, matched + " matches");
        }
    }
}
