package org.nutrisearch.eval;


import java.util.List;
import org.nutrisearch.search.RankingOptions;

/**
 * The ranking changes in the order they were made, each on top of the previous one, and the
 * defaults with each taken back: the rows of the tables in docs/relevance.md.
 */
public final class RankingSteps {

    private RankingSteps() {
    }

    /** One step: a short name and the options it ranks with. */
    public record Step(String name, RankingOptions options) {
    }

    /** Baseline, then each change on top of the previous ones; the last step is {@link RankingOptions#DEFAULTS}. */
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
                new Step("+ field weights (defaults)", RankingOptions.DEFAULTS));
    }

    /** The defaults with one change taken back at a time: what each is worth on top of the others. */
    public static List<Step> ablations() {
        RankingOptions d = RankingOptions.DEFAULTS;
        RankingOptions b = RankingOptions.BASELINE;
        return List.of(
                new Step("defaults", d),
                new Step("defaults without synonyms", d.withSynonyms(false, d.synonymWeight())),
                new Step("defaults without nutrient boost", d.withNutrientWeight(0)),
                new Step("defaults without typo tolerance", d.withFuzzy(false, d.fuzzyWeight())),
                new Step("defaults with the first field weights",
                        d.withFieldBoosts(b.headingBoost(), b.questionBoost(), b.titleBoost())));
    }
}
