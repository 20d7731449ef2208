package org.nutrisearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one place that says how text is analysed, so index time and query time agree.
 *
 * <p>English analysis: standard tokenizer, possessives removed, lower case, English stop words,
 * Porter stemming. The query side may add consumer ↔ clinical synonyms on top
 * ({@link #englishWithSynonyms}); the index never holds synonyms, so the synonym file can change
 * without a reindex. Analyzers are thread-safe and meant to be shared.
 */
public final class TextAnalyzers {

    /** Classpath location of the consumer ↔ clinical synonym file (Solr format). */
    public static final String SYNONYMS_RESOURCE = "/org/nutrisearch/nutrients/synonyms.txt";

    private TextAnalyzers() {
    }

    /** The analyzer for the text fields of the index (and for query words, before synonyms). */
    public static Analyzer english() {
        return wordsThen(words -> new PorterStemFilter(new StopFilter(words, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    }

    /**
     * Words as written, lower-cased, possessives removed, nothing dropped or stemmed: the
     * {@link UnitFields#SPELL} field, where typo corrections are looked up, so that they are real
     * words ("syndrome", not the stem "syndrom").
     */
    public static Analyzer plain() {
        return wordsThen(words -> words);
    }

    /**
     * The words as written (standard tokenizer, possessives removed, lower-cased), then {@code rest}:
     * the chain {@link #english()} and {@link #plain()} share, so their words always line up.
     */
    private static Analyzer wordsThen(UnaryOperator<TokenStream> rest) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream words = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                return new TokenStreamComponents(source, rest.apply(words));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * What {@link IndexBuilder} writes with: {@link #english()}, and {@link #plain()} for the spell field.
     * Its English chain ends in {@link EnglishIndexingFilter}, which gives {@link #english()}'s terms at its
     * positions but looks each word's stop-word test and stem up in the indexing thread's
     * {@link AnalysedWords}, and hands each word, before stop words and stemming, to the field's
     * {@link UnitWords} when the field asks ({@link UnitDocuments}: heading, question and text), so the
     * spell field is filled from the same analysis instead of tokenizing the texts a second time.
     */
    public static Analyzer indexing() {
        Analyzer recordingEnglish = wordsThen(EnglishIndexingFilter::new);
        return new PerFieldAnalyzerWrapper(recordingEnglish, Map.of(UnitFields.SPELL, plain()));
    }

    /**
     * The query-time analyzer: {@link #english()} with the synonyms of {@code synonyms} injected as
     * a token graph, so "charley horse" also yields the phrase "leg cramp" and "low potassium" the
     * word "hypokalemia". Stemming comes before the synonyms, so "restless leg" and "restless legs"
     * both find their group; stop words are marked (not stemmed) before and removed after, so
     * "pins and needles" still matches its line. Only for queries: the output is a graph.
     */
    public static Analyzer englishWithSynonyms(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new SynonymGraphFilter(beforeSynonyms(source), synonyms, true);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** The consumer ↔ clinical synonym file shipped with NutriSearch ({@value #SYNONYMS_RESOURCE}). */
    public static SynonymMap defaultSynonyms() {
        try (InputStream in = TextAnalyzers.class.getResourceAsStream(SYNONYMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("synonym file " + SYNONYMS_RESOURCE + " is missing from the classpath");
            }
            return synonyms(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonym file " + SYNONYMS_RESOURCE, e);
        }
    }

    /**
     * Parses a synonym file in Solr format. Its phrases are analysed like query text up to the
     * synonym filter (lower case, stemmed, stop words kept), so both sides meet.
     *
     * @throws IllegalArgumentException when the file does not parse, naming the problem
     */
    public static SynonymMap synonyms(Reader solrFormat) throws IOException {
        Analyzer phrases = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, beforeSynonyms(source));
            }
        };
        try (phrases) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, phrases);
            parser.parse(solrFormat);
            return parser.build();
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonym file does not parse: " + e.getMessage(), e);
        }
    }

    /** Possessives, lower case, and Porter stemming of every word but the stop words. */
    private static TokenStream beforeSynonyms(Tokenizer source) {
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        // Keyword-marked words skip the stemmer: "this" must reach the stop filter as "this", not "thi".
        stream = new SetKeywordMarkerFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new PorterStemFilter(stream);
    }

    /** The terms {@code analyzer} makes of {@code text} as unit text, in order, repeats kept. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
