package org.nutrisearch.nutrients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of {@link NutrientTagger} on the corpus: one ~20 MB string, and line by line (as at index
 * time). Not a test (surefire skips it); run it from the repository root after {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.nutrisearch.nutrients.NutrientTaggerBench</pre>
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class NutrientTaggerBench {

    private NutrientTaggerBench() {
    }

    public static void main(String[] args) throws IOException {
        StringBuilder corpus = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of(args.length > 0 ? args[0] : "corpus"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                corpus.append(Files.readString(file)).append('\n');
            }
        }
        String once = corpus.toString();
        String big = once.repeat(20_000_000 / once.length() + 1);
        List<String> lines = once.lines().toList();
        NutrientTagger tagger = new NutrientTagger(NutrientLexicon.loadDefault());
        int rounds = 200;
        for (int warmup = 0; warmup < 5; warmup++) {
            long t0 = System.nanoTime();
            int inBig = tagger.tag(big).size();
            long t1 = System.nanoTime();
            int inLines = 0;
            for (int r = 0; r < rounds; r++) {
                for (String line : lines) {
                    inLines += tagger.tag(line).size();
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("one string of %,d chars: %,d mentions in %d ms (%.0f M chars/s); "
                            + "%d lines x %d: %,d mentions, %.2f us/line%n",
                    big.length(), inBig, (t1 - t0) / 1_000_000, big.length() / 1e3 / ((t1 - t0) / 1e6),
                    lines.size(), rounds, inLines, (t2 - t1) / 1e3 / ((double) rounds * lines.size()));
        }
    }
}
