package org.nutrisearch.bench;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientMention;
import org.nutrisearch.nutrients.NutrientTagger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The nutrient tagger on unit texts, as indexing (every unit) and snippets (every hit) call it. The
 * texts are the units of a corpus folder, cycled; the score is the time per unit text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TaggerBenchmark {

    /** A corpus folder or file (the bundled articles by default). */
    @Param("corpus")
    public String corpus;

    private NutrientTagger tagger;
    private List<String> texts;
    private long chars;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void load() throws CorpusException {
        tagger = new NutrientTagger(NutrientLexicon.loadDefault());
        texts = new ArrayList<>();
        for (Article a : new CorpusLoader().load(Path.of(corpus)).articles()) {
            for (Unit u : a.units()) {
                texts.add(u.text());
                chars += u.text().length();
            }
        }
        System.out.printf("%n%d unit texts, %d characters on average%n", texts.size(), chars / Math.max(1, texts.size()));
    }

    @Benchmark
    public List<NutrientMention> tagUnit(Cursor cursor) {
        return tagger.tag(texts.get(cursor.next++ % texts.size()));
    }
}
