package org.nutrisearch.bench;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.search.snippet.SnippetBuilder;
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
 * HTML-escaping unit texts, as every snippet of a page of hits does before it wraps its marks (JFR put
 * it at 4 % of a new lexical search). The texts are the units of a corpus folder, cycled; the score is
 * the time per unit text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EscapeBenchmark {

    /** A corpus folder or file (the bundled articles by default). */
    @Param("corpus")
    public String corpus;

    private List<String> texts;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void load() throws CorpusException {
        texts = new ArrayList<>();
        for (Article a : new CorpusLoader().load(Path.of(corpus)).articles()) {
            for (Unit u : a.units()) {
                texts.add(u.text());
            }
        }
    }

    @Benchmark
    public String escape(Cursor cursor) {
        String text = texts.get(cursor.next++ % texts.size());
        return SnippetBuilder.escape(text);
    }
}
