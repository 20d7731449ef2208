package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Closing the served index while work still holds it (the suggestions built in the background after a
 * start): the work finishes on an open searcher, and the generation closes when it gives it back.
 */
class LiveIndexCloseTest {

    @TempDir
    Path tmp;

    @Test
    void workHoldingTheGenerationFinishesOnItAfterTheIndexIsClosed() throws Exception {
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper())
                .rebuild(new CorpusLoader().load(Path.of("corpus")).articles(), generations, null);
        LiveIndex live = LiveIndex.open(generations.current().orElseThrow());
        LiveIndex.Lease background = live.acquire();
        int documents = background.generation().searcher().count(new MatchAllDocsQuery());

        live.close();

        assertEquals(documents, background.generation().searcher().count(new MatchAllDocsQuery()),
                "the held generation is still open");
        assertThrows(IllegalStateException.class, live::acquire, "nothing new is served");
        background.close();
        assertEquals(true, background.generation().awaitClosed(0), "the last release closed it");
    }
}
