package org.nutrisearch.search.lucene;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.nutrisearch.index.UnitFields;

import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.Facets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts nutrients and kinds over every match of a query, and the matches themselves, from doc values
 * (no stored fields read, no scores computed).
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, FacetCounter.Counts> {

    /** Value → count, for nutrients and kinds, and how many documents matched. */
    static final class Counts implements Collector {
        private final Map<String, Integer> nutrients = new HashMap<>();
        private final Map<String, Integer> kinds = new HashMap<>();
        private long matches;

        Map<String, Integer> nutrients() {
            return nutrients;
        }

        Map<String, Integer> kinds() {
            return kinds;
        }

        /** Every document the query matched (the search's exact total). */
        long matches() {
            return matches;
        }

        /** The counts as facets of a result: most frequent first, ties by id; nutrients labelled by {@code lexicon}. */
        Facets facets(NutrientLexicon lexicon) {
            List<Facets.NutrientCount> byNutrient = new ArrayList<>();
            nutrients.forEach((id, n) -> byNutrient.add(new Facets.NutrientCount(id,
                    lexicon.byId(id).map(Nutrient::label).orElse(id), n)));
            byNutrient.sort(Comparator.comparingInt(Facets.NutrientCount::count).reversed()
                    .thenComparing(Facets.NutrientCount::id));
            List<Facets.KindCount> byKind = new ArrayList<>();
            kinds.forEach((k, n) -> byKind.add(new Facets.KindCount(k, n)));
            byKind.sort(Comparator.comparingInt(Facets.KindCount::count).reversed().thenComparing(Facets.KindCount::kind));
            return new Facets(byNutrient, byKind);
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues nutrientValues = DocValues.getSortedSet(context.reader(), UnitFields.NUTRIENT);
            SortedDocValues kindValues = DocValues.getSorted(context.reader(), UnitFields.KIND);
            int[] nutrientCounts = new int[(int) Math.min(Integer.MAX_VALUE, nutrientValues.getValueCount())];
            int[] kindCounts = new int[kindValues.getValueCount()];
            return new LeafCollector() {
                private int leafMatches;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    leafMatches++;
                    if (nutrientValues.advanceExact(doc)) {
                        for (int i = 0; i < nutrientValues.docValueCount(); i++) {
                            nutrientCounts[(int) nutrientValues.nextOrd()]++;
                        }
                    }
                    if (kindValues.advanceExact(doc)) {
                        kindCounts[kindValues.ordValue()]++;
                    }
                }

                @Override
                public void finish() throws IOException {
                    matches += leafMatches;
                    for (int ord = 0; ord < nutrientCounts.length; ord++) {
                        if (nutrientCounts[ord] > 0) {
                            nutrients.merge(nutrientValues.lookupOrd(ord).utf8ToString(), nutrientCounts[ord], Integer::sum);
                        }
                    }
                    for (int ord = 0; ord < kindCounts.length; ord++) {
                        if (kindCounts[ord] > 0) {
                            kinds.merge(kindValues.lookupOrd(ord).utf8ToString(), kindCounts[ord], Integer::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counts newCollector() {
        return new Counts();
    }

    @Override
    public Counts reduce(Collection<Counts> collectors) {
        Counts total = new Counts();
        for (Counts c : collectors) {
            c.nutrients().forEach((k, v) -> total.nutrients().merge(k, v, Integer::sum));
            c.kinds().forEach((k, v) -> total.kinds().merge(k, v, Integer::sum));
            total.matches += c.matches;
        }
        return total;
    }
}
