package org.nutrisearch.embedding;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing while texts are being embedded: natives are freed only after the calls in them (own model instance).
 * The embedder has no shutdown hook of its own any more (the hook this class once "tested" was never looked
 * at); the order at exit is the commands' (see cli/Signals), and the lifecycle test sends SIGTERM while
 * serve embeds and checks that no crash file is left.
 */
class OnnxEmbedderCloseTest {

    @Test
    void closeWaitsForTheCallsInFlightAndRefusesLaterOnes() throws Exception {
        OnnxEmbedder embedder = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                new EmbedderSettings(OnnxEmbedderTest.NATIVE_DIR, 2, 1));
        List<String> texts = Collections.nCopies(200,
                "Magnesium helps muscles relax after they contract; low levels can cause cramps at night. ".repeat(6));
        CompletableFuture<List<float[]>> embedding = CompletableFuture.supplyAsync(() -> embedder.embedPassages(texts));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (embedder.callsInFlight() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(embedder.callsInFlight() > 0, "the workers should be inside the model");
        embedder.close();

        // Had the session been freed under a running call, the JVM would have crashed by now.
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> embedding.get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, stopped.getCause());
        assertTrue(stopped.getCause().getMessage().contains("closed"), stopped.getCause().getMessage());
        IllegalStateException later = assertThrows(IllegalStateException.class, () -> embedder.embedQuery("after close"));
        assertEquals("Embedder bge-small-en-v1.5-q is closed", later.getMessage());
        embedder.close(); // twice is harmless
    }
}
