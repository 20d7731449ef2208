package org.nutrisearch.nutrients;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Placeholder tagger (replaced by the real one on the nutrients branch). */
public final class NutrientTagger {
    private final NutrientLexicon lexicon;

    public NutrientTagger(NutrientLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<NutrientMention> tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<NutrientMention> out = new ArrayList<>();
        for (Nutrient n : lexicon.nutrients()) {
            List<String> forms = new ArrayList<>(n.aliases());
            forms.addAll(n.clinical());
            for (String form : forms) {
                int from = 0;
                int at;
                while ((at = lower.indexOf(form, from)) >= 0) {
                    int end = at + form.length();
                    boolean left = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                    boolean right = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                    if (left && right) {
                        out.add(new NutrientMention(at, end, n.id()));
                    }
                    from = end;
                }
            }
        }
        out.sort(Comparator.comparingInt(NutrientMention::start).thenComparingInt(NutrientMention::end));
        return out;
    }
}
