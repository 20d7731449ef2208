package org.nutrisearch.search.suggest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Server time of {@code /api/suggest} on the five bundled articles: how long building the
 * suggestions takes once per index generation, and how long one lookup takes, for every 1–6
 * character prefix of every word of the corpus, as typed one key at a time. Not a test (surefire
 * skips it); run it from the repository root after {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.nutrisearch.search.suggest.SuggestBench</pre>
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class SuggestBench {

    private SuggestBench() {
    }

    public static void main(String[] args) throws Exception {
        CorpusLoad load = new CorpusLoader().load(Path.of(args.length > 0 ? args[0] : "corpus"));
        Path dir = Files.createTempDirectory("nutrisearch-suggest-bench-");
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        new IndexBuilder(new NutrientTagger(lexicon), new ObjectMapper()).write(load.articles(), dir, null);
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(dir), lexicon, new ObjectMapper())) {
            long t0 = System.nanoTime();
            int size = backend.suggestionIndex().size();
            System.out.printf(Locale.ROOT, "built %d suggestions in %.1f ms (first use of the generation)%n",
                    size, (System.nanoTime() - t0) / 1e6);

            Set<String> prefixes = new LinkedHashSet<>();
            for (var unit : load.units()) {
                for (String word : unit.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    for (int n = 1; n <= Math.min(6, word.length()); n++) {
                        prefixes.add(word.substring(0, n));
                    }
                }
            }
            List<String> all = new ArrayList<>(prefixes);
            for (int round = 0; round < 5; round++) {
                long[] nanos = new long[all.size()];
                int results = 0;
                for (int i = 0; i < all.size(); i++) {
                    long start = System.nanoTime();
                    results += backend.suggest(all.get(i), 8).size();
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "round %d: %d prefixes, %d suggestions; per lookup: median %.1f us, "
                                + "p99 %.1f us, max %.1f us%n", round + 1, all.size(), results,
                        nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                        nanos[nanos.length - 1] / 1e3);
            }
        }
    }
}
