package org.nutrisearch.answer;

import org.nutrisearch.corpus.SentenceSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finds, in a long message ("Ankle injury. I got hurt almost 5 months ago … what should I do?"), the
 * subject line it opens with and the sentences that ask, so retrieval reads the question instead of the
 * story around it. Short questions pass through whole.
 */
public final class MessageReducer {

    /** Messages up to this many characters, in at most two sentences, are questions already. */
    static final int SHORT_MESSAGE = 160;
    /** A first sentence of at most this many words that does not ask is the message's subject line. */
    static final int SUBJECT_WORDS = 6;
    /** The asking text kept, at most. */
    static final int MAX_ASKING = 300;

    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|whats|what's|how|why|can|could|is|are|am|does|do|did|should|will|would|where|when|which|who|"
                    + "whom|any|has|have|was|were|may|might|shall)\\b");
    private static final Pattern ASKING_PHRASE = Pattern.compile(
            "\\b(i want to know|i'd like to know|i would like to know|i need to know|wondering|wonder if|"
                    + "looking for (information|info|advice|help)|please (tell|advise|help|let me know|send)|"
                    + "any (advice|suggestions?|information|info|help)|is there (a|an|any)|need (advice|help)|"
                    + "tell me (about|if|how|what|why))\\b");
    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings|thanks?|thank you)\\b.{0,30}$");

    /**
     * What a message asks.
     *
     * @param subject the subject line the message opens with, or null
     * @param asking  the asking sentences (the whole text of a short question)
     * @param reduced true when sentences were left out
     */
    public record Reduced(String subject, String asking, boolean reduced) {
        /** The text to retrieve with: the subject line, then what is asked. */
        public String text() {
            return subject == null ? asking : subject + ". " + asking;
        }

        /** The same message with its subject line and asking sentences rewritten by {@code rewrite}. */
        Reduced rewritten(UnaryOperator<String> rewrite) {
            return new Reduced(subject == null ? null : rewrite.apply(subject), rewrite.apply(asking), reduced);
        }
    }

    private MessageReducer() {
    }

    /** The subject and asking sentences of {@code message}. */
    public static Reduced reduce(String message) {
        String text = message == null ? "" : message.strip();
        List<String> sentences = SentenceSplitter.split(text.replaceAll("\\s+", " ").replaceAll("([.!?])([A-Z])", "$1 $2"));
        if (text.length() <= SHORT_MESSAGE && sentences.size() <= 2) {
            return new Reduced(null, text, false);
        }
        String subject = null;
        int from = 0;
        while (from < sentences.size() && isGreeting(sentences.get(from))) {
            from++;
        }
        if (from < sentences.size() && isSubjectLine(sentences.get(from))) {
            subject = trimEnd(sentences.get(from));
            from++;
        }
        List<String> rest = sentences.subList(from, sentences.size());
        List<String> asking = new ArrayList<>();
        // Questions marked as such first, then sentences that ask in other words, in message order.
        for (int pass = 0; pass < 2; pass++) {
            for (String s : rest) {
                boolean marked = s.endsWith("?");
                if ((pass == 0 ? marked : !marked && asks(s)) && !asking.contains(s) && fits(asking, s)) {
                    asking.add(s);
                }
            }
        }
        if (asking.isEmpty()) {
            for (String s : rest) {
                if (isGreeting(s) || !fits(asking, s)) {
                    break;
                }
                asking.add(s);
            }
        }
        asking.sort((a, b) -> Integer.compare(rest.indexOf(a), rest.indexOf(b)));
        String joined = String.join(" ", asking);
        if (joined.isBlank()) {
            joined = subject != null ? subject : text;
            subject = subject != null && joined.equals(subject) ? null : subject;
        }
        return new Reduced(subject, joined, true);
    }

    private static boolean fits(List<String> kept, String next) {
        int length = next.length();
        for (String s : kept) {
            length += s.length() + 1;
        }
        return kept.isEmpty() || length <= MAX_ASKING;
    }

    /** A sentence that asks without a question mark ("I was wondering if …", "Please advise"). */
    static boolean asks(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT).replace('’', '\'');
        return QUESTION_START.matcher(s).find() || ASKING_PHRASE.matcher(s).find();
    }

    private static boolean isSubjectLine(String sentence) {
        String s = trimEnd(sentence);
        return !sentence.endsWith("?") && !s.isEmpty() && s.split("\\s+").length <= SUBJECT_WORDS && !asks(s);
    }

    private static boolean isGreeting(String sentence) {
        return GREETING.matcher(sentence.toLowerCase(Locale.ROOT).strip()).find();
    }

    private static String trimEnd(String sentence) {
        return sentence.replaceAll("[.!:;,\\s]+$", "").strip();
    }
}
