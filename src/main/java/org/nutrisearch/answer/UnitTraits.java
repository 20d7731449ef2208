package org.nutrisearch.answer;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.search.query.QuestionWords;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the answer service reads off a unit whatever the question: the subjects its topic names, its
 * topic's terms, the question types it answers and how much of it only points elsewhere. Worked out
 * once per unit and index generation ({@link Cache}), not for every question that meets the unit.
 *
 * @param subjects   gazetteer keys of its topic ({@link AnswerFeatureExtractor#topicOf})
 * @param topicTerms the analysed terms of its topic
 * @param types      what it answers ({@link AnswerFeatureExtractor#typesOf})
 * @param pointer    {@link PointerText#share} of its text
 */
public record UnitTraits(Set<String> subjects, Set<String> topicTerms, Set<QuestionType> types, double pointer) {

    public UnitTraits {
        subjects = Set.copyOf(subjects);
        topicTerms = Set.copyOf(topicTerms);
        types = Set.copyOf(types);
    }

    /** The traits of {@code unit} against {@code gazetteer}. */
    static UnitTraits of(Unit unit, FocusGazetteer gazetteer, QuestionWords words) {
        String topic = AnswerFeatureExtractor.topicOf(unit);
        return new UnitTraits(gazetteer.keys(topic), Set.copyOf(words.terms(topic)), AnswerFeatureExtractor.typesOf(unit),
                PointerText.share(unit.text()));
    }

    /**
     * The traits of the units one gazetteer (one index generation) met, the least recently used dropped
     * past {@code capacity}. A unit is known by its id and the hash of its text and topic, so a unit an
     * edit changed under the same id is read again. Thread-safe.
     */
    static final class Cache {
        /** Units kept: a few hundred bytes each. */
        static final int CAPACITY = 50_000;

        private record Key(String id, int text, int topic) {
        }

        private final FocusGazetteer gazetteer;
        private final QuestionWords words;
        private final Map<Key, UnitTraits> kept = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, UnitTraits> eldest) {
                return size() > CAPACITY;
            }
        };

        Cache(FocusGazetteer gazetteer, QuestionWords words) {
            this.gazetteer = gazetteer;
            this.words = words;
        }

        FocusGazetteer gazetteer() {
            return gazetteer;
        }

        UnitTraits of(Unit unit) {
            Key key = new Key(unit.id(), unit.text().hashCode(), AnswerFeatureExtractor.topicOf(unit).hashCode());
            synchronized (kept) {
                UnitTraits t = kept.get(key);
                if (t != null) {
                    return t;
                }
            }
            UnitTraits computed = UnitTraits.of(unit, gazetteer, words);
            synchronized (kept) {
                kept.put(key, computed);
            }
            return computed;
        }
    }
}
