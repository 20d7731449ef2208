package org.nutrisearch.nutrients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consumer/clinical synonym file parses with Lucene's Solr parser and expands as written. */
class SynonymsFileTest {

    private static final String RESOURCE = "/org/nutrisearch/nutrients/synonyms.txt";

    private static SynonymMap synonyms;

    /** Splits on whitespace and lower-cases: the simplest analyzer the file must work with. */
    private static Analyzer whitespaceLowerCase() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
    }

    private static Reader open() {
        InputStream in = SynonymsFileTest.class.getResourceAsStream(RESOURCE);
        assertNotNull(in, RESOURCE + " is on the classpath");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void parse() throws IOException, ParseException {
        try (Analyzer analyzer = whitespaceLowerCase(); Reader reader = open()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(reader);
            synonyms = parser.build();
        }
    }

    /** Every token the synonym filter emits for {@code text}, originals and synonyms alike. */
    private static Set<String> expand(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer,
                        new SynonymGraphFilter(new LowerCaseFilter(tokenizer), synonyms, true));
            }
        }; TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void fileParsesIntoANonEmptyMap() {
        assertTrue(synonyms.words.size() > 100, "distinct words in the map: " + synonyms.words.size());
    }

    @Test
    void clinicalWordExpandsToConsumerWords() throws IOException {
        assertEquals(Set.of("hypokalemia", "low", "potassium", "deficiency", "hypokalaemia"), expand("Hypokalemia"));
    }

    @Test
    void consumerPhraseExpandsToClinicalWords() throws IOException {
        Set<String> terms = expand("charley horse");
        assertTrue(terms.containsAll(List.of("charley", "horse", "horses", "leg", "cramp", "cramps")), terms.toString());
        assertTrue(expand("pins and needles").contains("tingling"));
        assertTrue(expand("RLS").containsAll(List.of("restless", "legs", "syndrome")));
        assertTrue(expand("cobalamin").containsAll(List.of("b12", "vitamin")));
        assertTrue(expand("thiamin").containsAll(List.of("thiamine", "b1", "vitamin")));
        assertTrue(expand("VDD").containsAll(List.of("low", "vitamin", "d", "deficiency")));
    }

    @Test
    void oneWayRulesDoNotExpandBackwards() throws IOException {
        assertTrue(expand("beriberi").containsAll(List.of("thiamine", "deficiency")));
        assertEquals(Set.of("thiamine", "deficiency", "thiamin", "vitamin", "b1"), expand("thiamine deficiency"));
    }

    @Test
    void noPhraseIsOnTwoLines() throws IOException {
        Map<String, Integer> lineOf = new HashMap<>();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(open())) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                String inputs = rule.contains("=>") ? rule.substring(0, rule.indexOf("=>")) : rule;
                for (String phrase : inputs.split(",")) {
                    Integer earlier = lineOf.putIfAbsent(phrase.strip().toLowerCase(Locale.ROOT), lineNumber);
                    assertNull(earlier, "\"" + phrase.strip() + "\" is on lines " + earlier + " and " + lineNumber);
                }
            }
        }
    }
}
