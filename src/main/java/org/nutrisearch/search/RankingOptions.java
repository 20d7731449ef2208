package org.nutrisearch.search;

/**
 * The knobs of ranking, in one value, so the evaluation harness can measure each against the
 * judged sets (docs/relevance.md) and the service runs with {@link #DEFAULTS}.
 *
 * @param headingBoost   weight of a match in a unit's heading, relative to its text (1)
 * @param questionBoost  weight of a match in an FAQ question
 * @param titleBoost     weight of a match in the article title (adds to the score, never matches alone)
 * @param synonyms       expand queries with the consumer ↔ clinical synonym file
 * @param synonymWeight  weight of a synonym match, relative to the words as typed (1)
 * @param nutrientWeight score added to units about a nutrient the query names; 0 turns it off
 * @param fuzzy          look up words the index does not know among its words within an edit or two
 * @param fuzzyWeight    weight of a typo-corrected match, relative to the words as typed (1)
 */
public record RankingOptions(float headingBoost, float questionBoost, float titleBoost, boolean synonyms,
                             float synonymWeight, float nutrientWeight, boolean fuzzy, float fuzzyWeight) {

    /**
     * What the service runs with. Field weights were tuned on NFCorpus train and dev queries (never
     * test): a heading or question match counts half a text match (they are short, so BM25 already
     * favours them), the article title a quarter.
     */
    public static final RankingOptions DEFAULTS =
            new RankingOptions(0.5f, 0.5f, 0.25f, true, 0.8f, 1.0f, true, 0.3f);

    /**
     * Words as typed only, with the first field weights (heading and question 2, title 0.5): the
     * ranking before this work, for comparison.
     */
    public static final RankingOptions BASELINE =
            new RankingOptions(2.0f, 2.0f, 0.5f, false, 0.8f, 0.0f, false, 0.3f);

    public RankingOptions withSynonyms(boolean on, float weight) {
        return new RankingOptions(headingBoost, questionBoost, titleBoost, on, weight, nutrientWeight, fuzzy,
                fuzzyWeight);
    }

    public RankingOptions withNutrientWeight(float weight) {
        return new RankingOptions(headingBoost, questionBoost, titleBoost, synonyms, synonymWeight, weight, fuzzy,
                fuzzyWeight);
    }

    public RankingOptions withFuzzy(boolean on, float weight) {
        return new RankingOptions(headingBoost, questionBoost, titleBoost, synonyms, synonymWeight, nutrientWeight,
                on, weight);
    }

    public RankingOptions withFieldBoosts(float heading, float question, float title) {
        return new RankingOptions(heading, question, title, synonyms, synonymWeight, nutrientWeight, fuzzy,
                fuzzyWeight);
    }
}
