package org.nutrisearch.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real BGE-small model (loaded once for the class: about a second). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnnxEmbedderTest {

    static final Path NATIVE_DIR = Path.of("target", "native");

    private static final String BANANAS = "Bananas are rich in potassium, an electrolyte that helps regulate muscle function.";
    private static final String IRON = "Iron deficiency is a known cause of restless legs syndrome.";

    private OnnxEmbedder embedder;

    @BeforeAll
    void loadModel() throws IOException {
        embedder = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q, new EmbedderSettings(NATIVE_DIR, 2, 1));
    }

    @AfterAll
    void closeModel() {
        embedder.close();
    }

    @Test
    void bgeSmallGives384UnitLengthComponents() {
        assertEquals(384, embedder.dimension());
        assertEquals("bge-small-en-v1.5-q", embedder.modelId());
        float[] vector = embedder.embedPassage(BANANAS);
        assertEquals(384, vector.length);
        assertEquals(1.0, dot(vector, vector), 1e-5);
    }

    @Test
    void aCrampQuestionAboutBananasIsNearerThePotassiumPassageThanTheIronOne() {
        float[] query = embedder.embedQuery("will eating bananas stop my cramps");
        double potassium = dot(query, embedder.embedPassage(BANANAS));
        double iron = dot(query, embedder.embedPassage(IRON));
        assertTrue(potassium > iron, "potassium " + potassium + " vs iron " + iron);
    }

    @Test
    void aQueryIsCutAtTheQueryTokenLimit() {
        // A query's cost grows with its tokens: a valid 500-character query made hundreds of them.
        String words = "magnesium potassium calcium iron ".repeat(40);
        assertEquals(OnnxEmbedder.MAX_QUERY_TOKENS, embedder.countQueryTokens(words));
        assertArrayEquals(embedder.embedQuery(words), embedder.embedQuery(words + "vitamin d deficiency"));
        assertEquals(13, embedder.countQueryTokens("leg cramps"), "instruction (9), the words (2), [CLS] and [SEP]");
    }

    @Test
    void theQueryInstructionGoesInFrontOfQueriesOnly() {
        String text = "magnesium and night cramps";
        assertArrayEquals(embedder.embedPassage("Represent this sentence for searching relevant passages: " + text),
                embedder.embedQuery(text));
        assertFalse(java.util.Arrays.equals(embedder.embedPassage(text), embedder.embedQuery(text)));
    }

    @Test
    void embeddingManyInParallelGivesEachTextItsOwnVectorInOrder() {
        List<String> texts = List.of(BANANAS, IRON, "Vitamin D helps the body absorb calcium.", BANANAS, "cramps");
        List<float[]> vectors = embedder.embedPassages(texts);
        assertEquals(texts.size(), vectors.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(embedder.embedPassage(texts.get(i)), vectors.get(i), "text " + i);
        }
        assertEquals(List.of(), embedder.embedPassages(List.of()));
    }

    @Test
    void textBeyond512TokensIsCutOff() {
        String longText = "Magnesium helps muscles relax after they contract. ".repeat(80); // ~640 tokens
        assertArrayEquals(embedder.embedPassage(longText),
                embedder.embedPassage(longText + "Iron deficiency causes restless legs."));
        assertFalse(java.util.Arrays.equals(embedder.embedPassage(BANANAS),
                embedder.embedPassage(BANANAS + " Iron deficiency causes restless legs.")));
    }

    @Test
    void nativeLibrariesAreUnpackedIntoTheChosenFolder() throws IOException {
        Path ortDir = Path.of(System.getProperty("onnxruntime.native.path"));
        assertEquals(NATIVE_DIR.toAbsolutePath(), ortDir.getParent());
        assertTrue(Files.isRegularFile(ortDir.resolve(System.mapLibraryName("onnxruntime"))));
        assertEquals("true", System.getProperty("ai.djl.offline"));
        if (System.getenv("DJL_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null) {
            try (var files = Files.walk(NATIVE_DIR.resolve("djl"))) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().equals(System.mapLibraryName("tokenizers"))));
            }
        }
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
