package org.nutrisearch.answer;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.cache.WeightedLru;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.nutrients.FoodLexicon;
import org.nutrisearch.search.query.QuestionWords;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the answer service reads off a unit whatever the question: the subjects its topic names, its
 * topic's terms, the question types it answers, how much of it only points elsewhere and the analysed
 * terms of its context and sentences. Worked out once per unit and index generation ({@link Cache}), not
 * for every question that meets the unit.
 *
 * @param subjects   gazetteer keys of its topic ({@link AnswerFeatureExtractor#topicOf})
 * @param about      what it is about for ambiguity: its subjects and the portal's own subjects (nutrients,
 *                   synonym-file subjects) its focus, heading, question or text names anywhere
 * @param topicTerms the analysed terms of its topic
 * @param types      what it answers ({@link AnswerFeatureExtractor#typesOf})
 * @param pointer    {@link PointerText#share} of its text
 * @param terms      the terms of its context and of each sentence of its text
 * @param length     how much its text says ({@link AnswerFeatureExtractor#length})
 * @param foods      how many different everyday foods its text names ({@link FoodLexicon})
 */
public record UnitTraits(Set<String> subjects, Set<String> about, Set<String> topicTerms, Set<QuestionType> types, double pointer,
                         UnitTerms terms, double length, int foods) {

    /** Foods a unit names at least to answer "which foods …" on its text: a list, not a passing mention. */
    static final int FOOD_LIST = 3;

    public UnitTraits {
        subjects = Set.copyOf(subjects);
        about = Set.copyOf(about);
        topicTerms = Set.copyOf(topicTerms);
        types = Set.copyOf(types);
    }

    /** The traits of {@code unit} against {@code gazetteer}. */
    static UnitTraits of(Unit unit, FocusGazetteer gazetteer, QuestionWords words) {
        return of(unit, AnswerFeatureExtractor.topicOf(unit), gazetteer, words, foodTerms(words), UnaryOperator.identity());
    }

    /** The analysed terms of the bundled foods, as {@code words} reads a unit's text. */
    static Set<String> foodTerms(QuestionWords words) {
        Set<String> terms = new HashSet<>();
        FoodLexicon.loadDefault().words().forEach(w -> terms.addAll(words.terms(w)));
        return Set.copyOf(terms);
    }

    /** Whether its text names enough foods to answer a question about food sources. */
    boolean listsFoods() {
        return foods >= FOOD_LIST;
    }

    private static UnitTraits of(Unit unit, String topic, FocusGazetteer gazetteer, QuestionWords words,
                                 Set<String> foodTerms, UnaryOperator<String> canonical) {
        Set<String> subjects = gazetteer.keys(topic);
        Set<String> about = new HashSet<>(subjects);
        about.addAll(gazetteer.lexiconKeys(AnswerFeatureExtractor.ownTopicOf(unit)));
        List<String> textTerms = new ArrayList<>();
        UnitTerms terms = UnitTerms.of(unit, words, canonical, textTerms::add);
        about.addAll(gazetteer.lexiconKeys(textTerms));
        int foods = (int) textTerms.stream().filter(foodTerms::contains).distinct().count();
        return new UnitTraits(subjects, about, Set.copyOf(words.terms(topic)), AnswerFeatureExtractor.typesOf(unit),
                PointerText.share(unit.text()), terms, AnswerFeatureExtractor.length(unit.text()), foods);
    }

    /**
     * Bytes these traits hold, about: the unit's terms ({@link UnitTerms#bytes()}) and a few hundred for the
     * rest (its subjects, topic terms and types are a handful of short strings).
     */
    long bytes() {
        return 256 + terms.bytes();
    }

    /**
     * The traits of the units one gazetteer (one index generation) met, the least recently used dropped
     * past {@link #CAPACITY} units or {@link #MAX_BYTES}. A unit is known by its id and the hash of its
     * text and topic, so a unit an edit changed under the same id is read again. The term strings of all
     * units are kept once (they come from the generation's vocabulary: tens of thousands at portal scale,
     * a few megabytes). Thread-safe.
     */
    static final class Cache {
        /** Units kept at most. */
        static final int CAPACITY = 50_000;
        /** Bytes of traits kept at most ({@link UnitTraits#bytes()}): about 20 000 MedQuAD answers. */
        static final long MAX_BYTES = 32L * 1024 * 1024;

        private record Key(String id, int text, int topic) {
        }

        private final FocusGazetteer gazetteer;
        private final QuestionWords words;
        private final Set<String> foodTerms;
        private final WeightedLru<Key, UnitTraits> kept = new WeightedLru<>(CAPACITY, MAX_BYTES, UnitTraits::bytes);
        private final Map<String, String> strings = new ConcurrentHashMap<>();

        Cache(FocusGazetteer gazetteer, QuestionWords words) {
            this.gazetteer = gazetteer;
            this.words = words;
            this.foodTerms = foodTerms(words);
        }

        /** The one string kept for {@code term}. */
        private String canonical(String term) {
            String kept = strings.putIfAbsent(term, term);
            return kept == null ? term : kept;
        }

        FocusGazetteer gazetteer() {
            return gazetteer;
        }

        /**
         * Whether the cache is nearly at its bounds (nine tenths of {@link #MAX_BYTES}, or {@link #CAPACITY}
         * units): working out more ahead of the questions would only push out what it keeps.
         */
        boolean nearlyFull() {
            return kept.size() >= CAPACITY || kept.weight() >= MAX_BYTES / 10 * 9;
        }

        UnitTraits of(Unit unit) {
            String topic = AnswerFeatureExtractor.topicOf(unit);
            Key key = new Key(unit.id(), unit.text().hashCode(), topic.hashCode());
            UnitTraits known = kept.get(key);
            if (known != null) {
                return known;
            }
            UnitTraits computed = UnitTraits.of(unit, topic, gazetteer, words, foodTerms, this::canonical);
            kept.put(key, computed);
            return computed;
        }
    }
}
