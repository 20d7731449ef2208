package org.nutrisearch.search.query;

import org.nutrisearch.nutrients.WordListResource;

import java.util.Set;

/**
 * Common English words (about 21 000: the whole words of BERT's uncased WordPiece vocabulary), which a
 * spelling correction takes as meant: a consumer's "plain water" or "car tire" uses words a small
 * corpus may not hold, and correcting them to the nearest indexed word ("pain", "time") changes what
 * was asked. Misspellings ("magnesum", "potasium", "cramsp") are not in the list. Loaded once, on first
 * use. Immutable, thread-safe.
 */
public final class EnglishWords {

    private static final String RESOURCE = "english-words.txt";

    private EnglishWords() {
    }

    /** Whether {@code word} (lower case, as the plain analyzer gives it) is a common English word. */
    public static boolean contains(String word) {
        return Holder.WORDS.contains(word);
    }

    /** Loads the list when first asked (the holder idiom: once, without locking afterwards). */
    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    private static Set<String> load() {
        return Set.copyOf(WordListResource.read(EnglishWords.class, RESOURCE));
    }
}
