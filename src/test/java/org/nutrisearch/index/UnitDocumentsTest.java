package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@link IndexBuilder} writes for a unit's words: the spell field holds the plain words of its
 * heading, question and text (recorded while those fields are analysed, {@link UnitWords}) and nothing
 * of the article title; the English fields hold {@link TextAnalyzers#english()}'s terms at its positions,
 * as if nothing had been recorded on the way.
 */
class UnitDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSpellFieldHoldsTheUnitsOwnPlainWordsOnce(@TempDir Path dir) throws IOException {
        Article article = new Article("cramps", "Magnesium Guide", "corpus/cramps.txt", null, List.of(),
                List.of(new Section("Leg Cramps", null, "The cramps' cause: low magnesium. The CRAMPS return.")),
                List.of(new FaqEntry("Why do calves cramp?", "Calves cramp at night.")), List.of(), null);
        write(List.of(article), dir);

        Map<String, Map<String, Set<String>>> fields = termsByUnit(dir);
        assertEquals(Set.of("leg", "cramps", "the", "cause", "low", "magnesium", "return"),
                fields.get(UnitFields.SPELL).get("cramps#section-1"));
        assertEquals(Set.of("frequently", "asked", "questions", "why", "do", "calves", "cramp", "at", "night"),
                fields.get(UnitFields.SPELL).get("cramps#faq-1"));
        assertEquals(Set.of("cramp", "caus", "low", "magnesium", "return"),
                fields.get(UnitFields.TEXT).get("cramps#section-1"));
        assertEquals(Set.of("magnesium", "guid"), fields.get(UnitFields.ARTICLE_TITLE).get("cramps#faq-1"));
    }

    @Test
    void theBundledArticlesIndexAsTheirAnalyzersSay(@TempDir Path dir) throws Exception {
        List<Article> articles = new CorpusLoader().load(Path.of("corpus")).articles();
        write(articles, dir);
        Map<String, Map<String, Map<String, List<Integer>>>> positions = positionsByUnit(dir);
        Map<String, Set<String>> spell = termsByUnit(dir).get(UnitFields.SPELL);

        Analyzer english = TextAnalyzers.english();
        Analyzer plain = TextAnalyzers.plain();
        int units = 0;
        for (Article article : articles) {
            for (Unit unit : article.units()) {
                units++;
                Set<String> words = new TreeSet<>();
                for (String part : new String[] {unit.heading(), unit.question(), unit.text()}) {
                    if (part != null) {
                        words.addAll(TextAnalyzers.terms(plain, part));
                    }
                }
                assertEquals(words, new TreeSet<>(spell.get(unit.id())), unit.id());
                assertEquals(analysed(english, unit.text()), positions.get(UnitFields.TEXT).get(unit.id()), unit.id());
                if (unit.heading() != null) {
                    assertEquals(analysed(english, unit.heading()), positions.get(UnitFields.HEADING).get(unit.id()),
                            unit.id());
                }
                assertEquals(analysed(english, unit.articleTitle()),
                        positions.get(UnitFields.ARTICLE_TITLE).get(unit.id()), unit.id());
            }
        }
        assertEquals(138, units);
        assertEquals(138, spell.size());
    }

    private static void write(List<Article> articles, Path dir) throws IOException {
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), JSON).write(articles, dir, null);
    }

    /** Term → positions of {@code text} as {@code analyzer} makes them. */
    private static Map<String, List<Integer>> analysed(Analyzer analyzer, String text) throws IOException {
        Map<String, List<Integer>> out = new TreeMap<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.computeIfAbsent(term.toString(), t -> new ArrayList<>()).add(position);
            }
            ts.end();
        }
        return out;
    }

    /** Field → unit id → the field's terms in that unit's document. */
    private static Map<String, Map<String, Set<String>>> termsByUnit(Path dir) throws IOException {
        Map<String, Map<String, Set<String>>> out = new HashMap<>();
        positionsByUnit(dir).forEach((field, units) -> {
            Map<String, Set<String>> terms = new HashMap<>();
            units.forEach((id, positions) -> terms.put(id, positions.keySet()));
            out.put(field, terms);
        });
        return out;
    }

    /** Field → unit id → term → positions (empty for a field without positions). */
    private static Map<String, Map<String, Map<String, List<Integer>>>> positionsByUnit(Path dir) throws IOException {
        Map<String, Map<String, Map<String, List<Integer>>>> out = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                String[] ids = new String[r.maxDoc()];
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    ids[doc] = r.storedFields().document(doc).get(UnitFields.ID);
                }
                for (String field : List.of(UnitFields.SPELL, UnitFields.TEXT, UnitFields.HEADING, UnitFields.ARTICLE_TITLE)) {
                    Terms terms = r.terms(field);
                    if (terms == null) {
                        continue;
                    }
                    boolean withPositions = terms.hasPositions();
                    TermsEnum te = terms.iterator();
                    PostingsEnum postings = null;
                    for (BytesRef term = te.next(); term != null; term = te.next()) {
                        String word = term.utf8ToString();
                        postings = te.postings(postings, withPositions ? PostingsEnum.POSITIONS : PostingsEnum.NONE);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                            List<Integer> at = out.computeIfAbsent(field, f -> new HashMap<>())
                                    .computeIfAbsent(ids[doc], d -> new TreeMap<>())
                                    .computeIfAbsent(word, w -> new ArrayList<>());
                            for (int i = 0; withPositions && i < postings.freq(); i++) {
                                at.add(postings.nextPosition());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
