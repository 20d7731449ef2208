package org.nutrisearch.search.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.Facets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts nutrients and kinds over every match of a query, and the matches themselves, from the
 * generation's {@link FacetOrdinals} (no stored fields read, no scores computed).
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, FacetCounter.Counts> {

    private final FacetOrdinals ordinals;

    FacetCounter(FacetOrdinals ordinals) {
        this.ordinals = ordinals;
    }

    /** Value → count, for nutrients and kinds, and how many documents matched. */
    static final class Counts implements Collector {
        private final FacetOrdinals ordinals;
        private final Map<String, Integer> nutrients = new HashMap<>();
        private final Map<String, Integer> kinds = new HashMap<>();
        private long matches;

        Counts(FacetOrdinals ordinals) {
            this.ordinals = ordinals;
        }

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
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            FacetOrdinals.Leaf leaf = ordinals.leaf(context);
            byte[] kindOf = leaf.kinds();
            int[] starts = leaf.starts();
            short[] nutrientOf = leaf.nutrients();
            int[] nutrientCounts = new int[leaf.nutrientNames().length];
            int[] kindCounts = new int[leaf.kindNames().length + 1];
            return new LeafCollector() {
                private int leafMatches;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    leafMatches++;
                    kindCounts[kindOf[doc]]++;
                    for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                        nutrientCounts[nutrientOf[i]]++;
                    }
                }

                @Override
                public void finish() {
                    matches += leafMatches;
                    for (int ord = 0; ord < nutrientCounts.length; ord++) {
                        if (nutrientCounts[ord] > 0) {
                            nutrients.merge(leaf.nutrientNames()[ord], nutrientCounts[ord], Integer::sum);
                        }
                    }
                    // Slot 0 counts documents without a kind.
                    for (int ord = 1; ord < kindCounts.length; ord++) {
                        if (kindCounts[ord] > 0) {
                            kinds.merge(leaf.kindNames()[ord - 1], kindCounts[ord], Integer::sum);
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
        return new Counts(ordinals);
    }

    @Override
    public Counts reduce(Collection<Counts> collectors) {
        Counts total = new Counts(ordinals);
        for (Counts c : collectors) {
            c.nutrients().forEach((k, v) -> total.nutrients().merge(k, v, Integer::sum));
            c.kinds().forEach((k, v) -> total.kinds().merge(k, v, Integer::sum));
            total.matches += c.matches;
        }
        return total;
    }
}
