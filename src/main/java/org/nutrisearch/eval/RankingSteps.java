package org.nutrisearch.eval;

import org.nutrisearch.search.RankingOptions;

import java.util.List;

/**
 * The ranking changes in the order they were made, each on top of the previous one: the rows of
 * the tables in docs/relevance.md. The last step is {@link RankingOptions#DEFAULTS}.
 */
public final class RankingSteps {

    private RankingSteps() {
    }

    /** One step: a short name and the options it ranks with. */
    public record Step(String name, RankingOptions options) {
    }

    public static List<Step> cumulative() {
        RankingOptions baseline = RankingOptions.BASELINE;
        RankingOptions synonyms = baseline.withSynonyms(true, RankingOptions.DEFAULTS.synonymWeight());
        RankingOptions nutrients = synonyms.withNutrientWeight(RankingOptions.DEFAULTS.nutrientWeight());
        RankingOptions fuzzy = nutrients.withFuzzy(true, RankingOptions.DEFAULTS.fuzzyWeight());
        return List.of(
                new Step("baseline (words as typed)", baseline),
                new Step("+ synonyms", synonyms),
                new Step("+ nutrient boost", nutrients),
                new Step("+ typo tolerance", fuzzy),
                new Step("defaults", RankingOptions.DEFAULTS));
    }
}
