package org.nutrisearch.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cache in front of the real BGE-small model, whose passage embeddings are counted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedEmbedderTest {

    private static final List<String> UNITS = List.of(
            "Magnesium is a natural muscle relaxant.",
            "Low potassium can cause muscle weakness and cramps.",
            "Vitamin B12 deficiency can damage the nerves of the legs.");

    private OnnxEmbedder model;

    @TempDir
    Path folder;

    @BeforeAll
    void loadModel() throws IOException {
        model = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                new EmbedderSettings(OnnxEmbedderTest.NATIVE_DIR, 2, 1));
    }

    @AfterAll
    void closeModel() {
        model.close();
    }

    @Test
    void unchangedTextsAreServedFromTheCacheEvenAfterReopeningIt() throws IOException {
        CountingEmbedder counting = new CountingEmbedder(model);
        List<float[]> first;
        try (VectorCache cache = VectorCache.open(folder, model.modelId(), model.dimension())) {
            CachedEmbedder cached = new CachedEmbedder(counting, cache);
            first = cached.embedPassages(UNITS);
            assertEquals(3, counting.passages.get());
            List<float[]> again = cached.embedPassages(UNITS);
            assertEquals(3, counting.passages.get(), "no text embedded twice");
            for (int i = 0; i < UNITS.size(); i++) {
                assertArrayEquals(first.get(i), again.get(i));
                assertArrayEquals(model.embedPassage(UNITS.get(i)), first.get(i));
            }
            assertEquals(3, cached.hits());
            assertEquals(3, cached.misses());
        }
        try (VectorCache reopened = VectorCache.open(folder, model.modelId(), model.dimension())) {
            CachedEmbedder cached = new CachedEmbedder(counting, reopened);
            List<String> changed = List.of(UNITS.get(0), UNITS.get(1) + " Bananas help.", UNITS.get(2));
            List<float[]> vectors = cached.embedPassages(changed);
            assertEquals(4, counting.passages.get(), "only the changed text is embedded");
            assertArrayEquals(first.get(0), vectors.get(0));
            assertArrayEquals(first.get(2), vectors.get(2));
            assertArrayEquals(model.embedPassage(changed.get(1)), vectors.get(1));
            assertArrayEquals(first.get(2), cached.embedPassage(UNITS.get(2)));
            assertEquals(4, counting.passages.get());
        }
    }

    @Test
    void aTextRepeatedInOneCallIsEmbeddedOnce() throws IOException {
        CountingEmbedder counting = new CountingEmbedder(model);
        try (VectorCache cache = VectorCache.open(folder, model.modelId(), model.dimension())) {
            List<float[]> vectors = new CachedEmbedder(counting, cache)
                    .embedPassages(List.of(UNITS.get(0), UNITS.get(0), UNITS.get(1)));
            assertEquals(2, counting.passages.get());
            assertArrayEquals(vectors.get(0), vectors.get(1));
        }
    }

    @Test
    void aCorruptedCacheFileIsRebuiltWhileEmbedding() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, model.modelId(), model.dimension())) {
            new CachedEmbedder(model, cache).embedPassages(UNITS);
        }
        Path file = folder.resolve("bge-small-en-v1.5-q.vectors");
        byte[] bytes = Files.readAllBytes(file);
        bytes[2] ^= 0x55; // inside the magic number
        Files.write(file, bytes);
        CountingEmbedder counting = new CountingEmbedder(model);
        try (VectorCache cache = VectorCache.open(folder, model.modelId(), model.dimension())) {
            assertEquals(true, cache.loadSummary().startedAfresh());
            List<float[]> vectors = new CachedEmbedder(counting, cache).embedPassages(UNITS);
            assertEquals(3, counting.passages.get());
            assertArrayEquals(model.embedPassage(UNITS.get(1)), vectors.get(1));
        }
        try (VectorCache cache = VectorCache.open(folder, model.modelId(), model.dimension())) {
            assertEquals(new VectorCache.LoadSummary(3, 0, false), cache.loadSummary());
        }
    }

    @Test
    void aCacheOfAnotherModelIsRefused() throws IOException {
        try (VectorCache cache = VectorCache.open(folder, "all-minilm-l6-v2-q", 384)) {
            assertThrows(IllegalArgumentException.class, () -> new CachedEmbedder(model, cache));
        }
    }

    /** Passes everything to the model and counts the passages it was asked to embed. */
    private static final class CountingEmbedder implements TextEmbedder {
        final AtomicInteger passages = new AtomicInteger();
        private final TextEmbedder model;

        CountingEmbedder(TextEmbedder model) {
            this.model = model;
        }

        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[] embedQuery(String query) {
            return model.embedQuery(query);
        }

        @Override
        public float[] embedPassage(String passage) {
            passages.incrementAndGet();
            return model.embedPassage(passage);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return model.embedPassages(texts);
        }
    }
}
