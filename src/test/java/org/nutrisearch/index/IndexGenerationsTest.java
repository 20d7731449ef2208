package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The index folder's generations: what a build killed mid-way leaves is dropped, a build in progress is not. */
class IndexGenerationsTest {

    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void leftoversOfAKilledBuildAreRemovedABuildInProgressIsNot() throws Exception {
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper())
                .rebuild(new CorpusLoader().load(Path.of("corpus/calf-muscle-pain-deficiency.txt")).articles(),
                        generations, null);
        Path served = generations.current().orElseThrow();
        // What kill -9 leaves: a generation with some segment files and no commit, and a half-written CURRENT.
        Path killed = generations.create();
        Files.writeString(killed.resolve("_0.fdt"), "partial");
        Files.writeString(killed.resolve("write.lock"), "");
        Files.writeString(dir.resolve("CURRENT.tmp"), "gen-000002\n");
        // A build running now (its writer holds the lock).
        Path building = generations.create();
        try (Directory directory = FSDirectory.open(building);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            assertEquals(List.of(killed), generations.removeAbandoned());
            assertEquals(List.of("CURRENT", served.getFileName().toString(), building.getFileName().toString()), names());
            writer.rollback();
        }
        assertEquals(List.of(building), generations.removeAbandoned());
        assertEquals(List.of("CURRENT", served.getFileName().toString()), names());
        assertEquals(served, generations.current().orElseThrow());
    }
}
