package org.nutrisearch.nutrients;

import java.util.List;
import java.util.Optional;

/** Placeholder lexicon (replaced by the data-file lexicon on the nutrients branch). */
public final class NutrientLexicon {
    private final List<Nutrient> nutrients;

    private NutrientLexicon(List<Nutrient> nutrients) {
        this.nutrients = List.copyOf(nutrients);
    }

    public static NutrientLexicon loadDefault() {
        return new NutrientLexicon(List.of(
                new Nutrient("magnesium", "Magnesium", List.of("magnesium"), List.of("hypomagnesemia")),
                new Nutrient("potassium", "Potassium", List.of("potassium"), List.of("hypokalemia")),
                new Nutrient("calcium", "Calcium", List.of("calcium"), List.of("hypocalcemia")),
                new Nutrient("iron", "Iron", List.of("iron"), List.of()),
                new Nutrient("vitamin-d", "Vitamin D", List.of("vitamin d"), List.of("vdd"))));
    }

    public List<Nutrient> nutrients() {
        return nutrients;
    }

    public Optional<Nutrient> byId(String id) {
        return nutrients.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return byId(id).isPresent();
    }
}
