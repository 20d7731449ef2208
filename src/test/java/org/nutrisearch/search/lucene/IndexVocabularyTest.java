package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.SpellingWords;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.query.Vocabulary;
import org.nutrisearch.search.query.WordListVocabulary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded index's vocabulary (its spell field) and a word list counted from the same units
 * ({@link SpellingWords}, what the OpenSearch backend keeps with a build) hold the same words with the
 * same unit counts and find the same near words, so typo corrections do not depend on the backend; and
 * the near words are those Lucene's fuzzy term enumeration finds (Levenshtein automata, first character
 * fixed, adjacent swaps as one edit), in its order.
 */
class IndexVocabularyTest {

    @TempDir
    static Path dir;
    static DirectoryReader reader;
    static IndexVocabulary index;
    static WordListVocabulary list;

    @BeforeAll
    static void build() throws Exception {
        List<Article> articles = new CorpusLoader().load(Path.of("corpus")).articles();
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper()).write(articles, dir, null);
        reader = DirectoryReader.open(FSDirectory.open(dir));
        index = new IndexVocabulary(reader);
        SpellingWords words = new SpellingWords();
        for (Article article : articles) {
            for (Unit unit : article.units()) {
                words.add(unit);
            }
        }
        list = WordListVocabulary.of(words.unitCounts());
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
    }

    /** The spell field's words and their document frequencies, in term order. */
    private static Map<String, Integer> indexedWords() throws Exception {
        Map<String, Integer> words = new LinkedHashMap<>();
        Terms terms = MultiTerms.getTerms(reader, UnitFields.SPELL);
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            words.put(t.utf8ToString(), te.docFreq());
        }
        return words;
    }

    @Test
    void theWordListHoldsTheIndexedWordsWithTheirUnitCounts() throws Exception {
        Map<String, Integer> indexed = indexedWords();
        assertTrue(indexed.size() > 1000, "the five articles have " + indexed.size() + " distinct words");
        assertEquals(indexed.size(), list.size());
        List<String> differing = new ArrayList<>();
        indexed.forEach((word, count) -> {
            if (list.unitCount(word) != count || index.unitCount(word) != count) {
                differing.add(word + " " + count + "/" + list.unitCount(word) + "/" + index.unitCount(word));
            }
        });
        assertEquals(List.of(), differing);
        assertEquals(0, list.unitCount("magnesum"));
    }

    @Test
    void nearWordsAreThoseOfLucenesFuzzyEnumerationForTyposAndEveryIndexedWord() throws Exception {
        List<String> probes = new ArrayList<>(List.of("magnesum", "b21", "cramsp", "calcuim", "potasium",
                "defficiency", "restles", "vitamn", "zzzzzz", "m"));
        int i = 0;
        for (String w : indexedWords().keySet()) {
            // Every fourth word, a letter more, two letters swapped, the last two replaced.
            if (i++ % 4 != 0) {
                continue;
            }
            probes.add(w);
            probes.add(w + "s");
            probes.add(w.length() > 3 ? w.substring(0, 2) + w.charAt(3) + w.charAt(2) + w.substring(4) : w + "x");
            probes.add(w.length() > 2 ? w.substring(0, w.length() - 2) + "q" : w + "qq");
        }
        List<String> differing = new ArrayList<>();
        int found = 0;
        for (String probe : probes) {
            for (int edits = 1; edits <= 2; edits++) {
                List<Vocabulary.NearWord> expected = fuzzy(probe, edits, 2000);
                found += expected.size();
                if (!expected.equals(index.near(probe, edits, 2000)) || !expected.equals(list.near(probe, edits, 2000))) {
                    differing.add(probe + "~" + edits + ": " + expected + " / " + index.near(probe, edits, 2000)
                            + " / " + list.near(probe, edits, 2000));
                }
            }
        }
        assertEquals(List.of(), differing);
        assertTrue(found > probes.size(), "near words found: " + found);
        assertEquals(List.of(new Vocabulary.NearWord("magnesium", 0.875f, index.unitCount("magnesium"))),
                index.near("magnesum", 1, 10));
        List<Vocabulary.NearWord> all = index.near("cramps", 2, 2000);
        assertEquals(List.of("cramp", "cramped", "cramps"), all.stream().map(Vocabulary.NearWord::word).toList());
        assertEquals(all.subList(0, 2), index.near("cramps", 2, 2), "a limit keeps the first words in byte order");
    }

    /** The reference: Lucene's fuzzy enumeration (Levenshtein automata) over the spell field. */
    private static List<Vocabulary.NearWord> fuzzy(String word, int maxEdits, int limit) throws Exception {
        Terms terms = MultiTerms.getTerms(reader, UnitFields.SPELL);
        FuzzyTermsEnum e = new FuzzyTermsEnum(terms, new Term(UnitFields.SPELL, word), maxEdits, 1, true);
        List<Vocabulary.NearWord> out = new ArrayList<>();
        for (BytesRef t = e.next(); t != null && out.size() < limit; t = e.next()) {
            out.add(new Vocabulary.NearWord(t.utf8ToString(), e.getBoost(), e.docFreq()));
        }
        return out;
    }
}
