package org.nutrisearch.search.query;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

import java.util.Optional;

/**
 * The word a search that found nothing probably meant, read from a {@link Vocabulary} (the words units
 * use, as written): how a backend that cannot read a Lucene index's terms (OpenSearch) groups its
 * zero-result searches, as {@link NearestIndexedWord} does on the embedded index. For a query word no
 * unit holds, the vocabulary word at most two edits away (the most similar, then the one in most units,
 * then the first in byte order); when every word is held (nothing found because of the filters), the
 * first word itself. Empty when no missing word has a neighbour. Stop words and words under three or
 * over {@value SpellingCandidates#MAX_WORD_LENGTH} letters are not looked up, as for typo corrections.
 */
public final class VocabularyNearestWord {

    /** Neighbours read per missing word. */
    static final int NEIGHBOURS = 8;

    private VocabularyNearestWord() {
    }

    public static Optional<String> find(Vocabulary vocabulary, String query) {
        Vocabulary.NearWord best = null;
        String firstHeld = null;
        boolean anyMissing = false;
        for (String word : QuestionWords.words(UserQuery.parse(query).positiveText())) {
            if (word.length() < 3 || word.length() > SpellingCandidates.MAX_WORD_LENGTH
                    || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
                continue;
            }
            if (vocabulary.unitCount(word) > 0) {
                if (firstHeld == null) {
                    firstHeld = word;
                }
                continue;
            }
            anyMissing = true;
            for (Vocabulary.NearWord n : vocabulary.near(word, 2, NEIGHBOURS)) {
                if (best == null || n.similarity() > best.similarity()
                        || n.similarity() == best.similarity() && n.unitCount() > best.unitCount()) {
                    best = n;
                }
            }
        }
        String found = best != null ? best.word() : anyMissing ? null : firstHeld;
        return Optional.ofNullable(found);
    }
}
