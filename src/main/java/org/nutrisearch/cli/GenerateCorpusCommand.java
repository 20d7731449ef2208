package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.ScaleCorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code generate-corpus}: writes a large corpus of real health text for scale benchmarks, derived
 * deterministically from MedQuAD, NFCorpus and the bundled articles (see {@link ScaleCorpusGenerator}).
 * It lives in the jar, next to {@code index} and {@code serve}, so a benchmark or an operator sizing a
 * machine needs nothing but the jar and the data.
 */
@Command(name = "generate-corpus", mixinStandardHelpOptions = true,
        description = "Write a large benchmark corpus (JSON Lines) derived from MedQuAD, NFCorpus and the bundled articles.")
final class GenerateCorpusCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created; its generated files are replaced).")
    Path out;

    @Option(names = "--units", paramLabel = "N", defaultValue = "200000", description = "Units to write. Default: ${DEFAULT-VALUE}.")
    int units;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the recombination. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Folder holding medquad/medquad.jsonl and nfcorpus/corpus.jsonl. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--articles", paramLabel = "DIR", defaultValue = "corpus",
            description = "The bundled articles. Default: ${DEFAULT-VALUE}.")
    Path articles;

    @Override
    public Integer call() throws IOException {
        if (units < 1) {
            System.err.println("generate-corpus: --units must be positive");
            return 2;
        }
        long start = System.nanoTime();
        ScaleCorpusGenerator generator = new ScaleCorpusGenerator();
        ScaleCorpusGenerator.Sources sources;
        try {
            sources = generator.read(data, articles);
        } catch (CorpusException e) {
            System.err.println("generate-corpus: " + e.getMessage());
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("generate-corpus: no such file: " + e.getFile());
            return 1;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            System.err.println("generate-corpus: " + out + " is not a folder");
            return 2;
        }
        ScaleCorpusGenerator.Generated g = generator.write(sources, out, units, seed);
        System.out.printf(Locale.ROOT,
                "Wrote %d units to %s in %.1f s (%.1f MB): %d MedQuAD-derived FAQ units in %d articles, "
                        + "%d NFCorpus-derived abstracts, %d units derived from the bundled articles; %d round(s), seed %d%n",
                g.units(), out, (System.nanoTime() - start) / 1e9, g.bytes() / (1024.0 * 1024.0), g.faqUnits(),
                g.faqArticles(), g.abstracts(), g.articleUnits(), g.rounds(), seed);
        return 0;
    }
}
